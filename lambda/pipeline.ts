import type { Capture } from './collect/capture';
import { detectAll } from './detect/index';
import { explainFindings } from './mistakes/explain';
import { buildReport } from './report/build-report';
import type { Report } from './report/report';
import { buildHistory, type LoggedCapture } from './series/history';
import { applyMutes, expiredMuteWarning } from './settings/mutes';
import type { Settings } from './settings/settings';

export type PipelineOptions = {
  /** The run's date; by default the series module's choice (the day after the newest day). */
  readonly asOf?: string;
  /** Only the days from this one on; see `BuildHistoryOptions.from`. */
  readonly from?: string;
  /** Days from this one on count as estimated; see `BuildHistoryOptions.estimatedFrom`. */
  readonly estimatedFrom?: string;
  /** Cost Explorer requests that collecting the capture took; 0 when unknown. */
  readonly costExplorerRequests?: number;
  /** Warnings from before the pipeline (settings that fell back to defaults), shown first. */
  readonly warnings?: readonly string[];
};

/**
 * The pure core of a run, end to end: the capture becomes daily series per
 * meter, detectors find what stands out, each finding is explained with the
 * mistakes it likely points to and tips with its numbers, mutes drop what
 * people asked not to hear about, and the rest becomes the report.
 *
 * Mutes are applied after explaining because a mute may name a mistake,
 * which only an explained finding carries.
 */
export function runPipeline(
  capture: Capture | LoggedCapture,
  settings: Settings,
  options: PipelineOptions = {},
): Report {
  const { asOf, from, estimatedFrom } = options;
  const { history, warnings: seriesWarnings } = buildHistory(capture, {
    settings,
    ...(asOf === undefined ? {} : { asOf }),
    ...(from === undefined ? {} : { from }),
    ...(estimatedFrom === undefined ? {} : { estimatedFrom }),
  });

  const findings = detectAll(history, settings);
  const explained = explainFindings(findings, history, settings);
  const { kept, mutedCount, expired } = applyMutes(explained, settings.mutes, history.asOf);

  return buildReport({
    history,
    findings: kept,
    settings,
    warnings: [...(options.warnings ?? []), ...seriesWarnings, ...expired.map(expiredMuteWarning)],
    costExplorerRequests: options.costExplorerRequests ?? 0,
    mutedCount,
  });
}
