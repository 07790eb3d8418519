import type { ExplainedFinding, Report } from '../report/report';
import { expiredMuteWarning } from '../settings/mutes';
import type { Settings } from '../settings/settings';
import type { FindingRecord } from '../state/finding-record';
import { type DeliveryPlan, type GrownFinding, hasNews } from '../state/plan';

/**
 * What one run tells people, in one channel: the report it comes from, the
 * findings new to this channel's readers, those grown or ended since they
 * were told, and notes about the watchdog itself. Renderers take only this.
 */
export type Alert = {
  readonly report: Report;
  readonly fresh: readonly ExplainedFinding[];
  readonly grown: readonly GrownFinding[];
  readonly ended: readonly FindingRecord[];
  /** Said once: an expired mute, Slack switched off or failing. */
  readonly notices: readonly string[];
  /** The report's warnings, less those already given as notices. */
  readonly warnings: readonly string[];
};

/**
 * The alert of a run, or null when the run has nothing to say: a quiet
 * day says nothing unless `settings.dailyDigest` asks for a summary.
 */
export function buildAlert(plan: DeliveryPlan, report: Report, settings: Settings): Alert | null {
  if (!hasNews(plan) && !settings.dailyDigest) return null;

  const given = new Set(
    settings.mutes.filter((mute) => mute.until < plan.runDate).map(expiredMuteWarning),
  );
  return {
    report,
    fresh: plan.fresh,
    grown: plan.grown,
    ended: plan.ended,
    notices: plan.notices.map((notice) => notice.text),
    warnings: report.warnings.filter((warning) => !given.has(warning)),
  };
}

/** The alert with more notices, or a notes-only alert when there was none. */
export function withNotices(
  alert: Alert | null,
  report: Report,
  notices: readonly string[],
): Alert | null {
  if (notices.length === 0) return alert;
  const base = alert ?? { report, fresh: [], grown: [], ended: [], notices: [], warnings: [] };
  return { ...base, notices: [...base.notices, ...notices] };
}

/** True when the alert tells of no finding at all: a digest or notes only. */
export function isQuiet(alert: Alert): boolean {
  return alert.fresh.length + alert.grown.length + alert.ended.length === 0;
}
