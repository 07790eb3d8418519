import { readFileSync } from 'node:fs';
import { detectAll } from '../lambda/detect/index';
import { explainFindings } from '../lambda/mistakes/explain';
import { runPipeline } from '../lambda/pipeline';
import { buildReport } from '../lambda/report/build-report';
import { renderJson } from '../lambda/report/render-json';
import { renderText } from '../lambda/report/render-text';
import { buildHistory } from '../lambda/series/history';
import { readLoggedCapture } from '../lambda/series/read-capture';
import { DEFAULT_SETTINGS } from '../lambda/settings/defaults';
import { applyMutes } from '../lambda/settings/mutes';

/**
 * Runs in its own process, so its peak memory is the scan's alone: reads one
 * capture file (`read`), runs the pure core on it (`detect`: history,
 * detectors, explanations, report), then each stage once more on its own,
 * and prints one JSON line of timings (ms) and memory (MB).
 */
function measure(path: string): void {
  const settings = DEFAULT_SETTINGS;
  const timings: Record<string, number> = {};
  let heapPeak = 0;
  const time = <T>(stage: string, work: () => T): T => {
    const start = performance.now();
    const result = work();
    timings[stage] = performance.now() - start;
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    return result;
  };

  // As the scan command does: the file's bytes, read page by page into the spend log, then let go.
  const capture = time('read', () => readLoggedCapture(readFileSync(path), path));
  const report = time('detect', () => runPipeline(capture, settings));

  const { history } = time('buildHistory', () => buildHistory(capture, { settings }));
  const found = time('detectAll', () => detectAll(history, settings));
  const explained = time('explainFindings', () => explainFindings(found, history, settings));
  const { kept } = time('applyMutes', () => applyMutes(explained, settings.mutes, history.asOf));
  time('buildReport', () =>
    buildReport({
      history,
      findings: kept,
      settings,
      warnings: [],
      costExplorerRequests: 0,
      mutedCount: 0,
    }),
  );
  time('renderText', () => renderText(report));
  time('renderJson', () => JSON.stringify(renderJson(report)));

  const result = {
    timings,
    findings: report.findings.length,
    meters: report.footer.metersWatched,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapPeakMb: heapPeak / 1024 / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const path = process.argv[2];
if (path === undefined) throw new Error('Give the capture file to measure.');
measure(path);
