import type { Capture } from '../../lambda/collect/capture';
import { addDays } from '../../lambda/collect/window';
import type { FindingKind } from '../../lambda/detect/finding';
import { runPipeline } from '../../lambda/pipeline';
import type { ExplainedFinding, Report } from '../../lambda/report/report';
import { type LoggedCapture, loggedCapture } from '../../lambda/series/history';
import type { Settings, Severity } from '../../lambda/settings/settings';
import type { FindingRecord } from '../../lambda/state/finding-record';
import { expiredMuteNotices } from '../../lambda/state/notices';
import {
  type DeliveryPlan,
  hasNews,
  planDelivery,
  recordsAfter,
  restorePlan,
  storePlan,
} from '../../lambda/state/plan';
import { ReplayMemory } from './replay-memory';
import { captureForRun, runView, trailingEstimatedDays } from './run-view';

/** What a message would have said about one finding: first alert, update, or end. */
export type BacktestChange = 'alert' | 'update' | 'end';

export type BacktestEvent = {
  readonly change: BacktestChange;
  readonly key: string;
  readonly kind: FindingKind;
  /** The finer kind: a spike's cause, a spending pattern's name; null when none. */
  readonly pattern: string | null;
  readonly severity: Severity;
  readonly where: string;
  /** The day the finding was about; for an end, the last day it was about. */
  readonly day: string;
  /** Impact now; for an end, when last seen. */
  readonly impactUsd: number;
  /** For an update: the impact it was last posted at. */
  readonly previousImpactUsd: number | null;
  /** True when judged on a day Cost Explorer still estimated. */
  readonly provisional: boolean;
};

/** One replayed run of the function. */
export type BacktestRun = {
  readonly runDate: string;
  /** Days of history the run saw. */
  readonly historyDays: number;
  /** Findings in the run's report, those below the severity floor included. */
  readonly findings: number;
  readonly events: readonly BacktestEvent[];
  /** Notices given for the first time (an expired mute, say). */
  readonly notices: readonly string[];
  /** True when the run would have posted: news, or the daily digest. */
  readonly posts: boolean;
};

export type ChangeCounts = { alert: number; update: number; end: number };

export type BacktestTotals = ChangeCounts & {
  readonly runs: number;
  /** Runs that would have posted nothing. */
  readonly quietRuns: number;
  readonly byKind: Readonly<Record<string, ChangeCounts>>;
  readonly bySeverity: Readonly<Record<string, ChangeCounts>>;
};

export type Backtest = {
  readonly firstRun: string;
  readonly lastRun: string;
  readonly lookbackDays: number;
  readonly estimatedDays: number;
  readonly runs: readonly BacktestRun[];
  readonly totals: BacktestTotals;
  /** Data warnings of the runs, each once. */
  readonly warnings: readonly string[];
  /** The finding records the state table would hold after the last run. */
  readonly memory: readonly FindingRecord[];
};

export type ReplayOptions = {
  /** How many daily runs to replay, ending with `lastRun`. */
  readonly days: number;
  /** Date of the last run; its forecast is the capture's own. */
  readonly lastRun: string;
};

/**
 * Replays the function's daily runs over a recorded capture: each run sees
 * only the days before its date (its look-back window, the newest days
 * marked estimated as the capture's own newest days are), runs the same
 * pipeline, and decides what to post with the same planning as the
 * function's state step, remembered from run to run in memory. Pure.
 *
 * The spend is read into a log once, and each run's history is built from
 * it; only the last run, on the capture's own date, has its forecast.
 *
 * The replay cannot know what the estimated days said at the time: they
 * hold their final amounts, so a replayed run sees late data already settled.
 */
export function replayCapture(
  recorded: Capture | LoggedCapture,
  settings: Settings,
  options: ReplayOptions,
): Backtest {
  const capture = loggedCapture(recorded);
  const estimatedDays = trailingEstimatedDays(capture.spendLog.days);
  const memory = new ReplayMemory();
  const warnings = new Set<string>();
  const runs: BacktestRun[] = [];

  for (let index = options.days - 1; index >= 0; index -= 1) {
    const runDate = addDays(options.lastRun, -index);
    const view = runView(runDate, settings.lookbackDays, estimatedDays);
    const seen = captureForRun(capture, runDate, options.lastRun);
    const report = runPipeline(seen, settings, view);
    for (const warning of report.warnings) warnings.add(warning);
    runs.push(replayRun(report, settings, memory));
  }

  const first = runs[0];
  return {
    firstRun: first?.runDate ?? options.lastRun,
    lastRun: options.lastRun,
    lookbackDays: settings.lookbackDays,
    estimatedDays,
    runs,
    totals: totalsOf(runs),
    warnings: [...warnings],
    memory: memory.records(addDays(options.lastRun, 1)),
  };
}

/** Plans one run against the memory and commits it, as a run that delivered does. */
function replayRun(report: Report, settings: Settings, memory: ReplayMemory): BacktestRun {
  const runDate = report.asOf;
  const records = memory.records(runDate);
  const notices = expiredMuteNotices(settings.mutes, runDate);
  const noticesGiven = memory.noticesGiven(runDate);

  const decided = planDelivery({ report, settings, runDate, records, notices, noticesGiven });
  const plan = restorePlan(storePlan(decided), report, records, runDate);
  memory.save(recordsAfter(plan, report, records, null));
  memory.rememberNotices(notices, runDate);

  return {
    runDate,
    historyDays: report.window.days,
    findings: report.findings.length,
    events: eventsOf(plan),
    notices: plan.notices.map((notice) => notice.text),
    posts: hasNews(plan) || settings.dailyDigest,
  };
}

function eventsOf(plan: DeliveryPlan): BacktestEvent[] {
  return [
    ...plan.fresh.map((finding) => findingEvent('alert', finding, null)),
    ...plan.grown.map(({ finding, before }) =>
      findingEvent('update', finding, before.postedImpactUsd),
    ),
    ...plan.ended.map(endEvent),
  ];
}

function findingEvent(
  change: BacktestChange,
  finding: ExplainedFinding,
  previousImpactUsd: number | null,
): BacktestEvent {
  return {
    change,
    key: finding.key,
    kind: finding.kind,
    pattern: finding.pattern,
    severity: finding.severity,
    where: finding.where,
    day: finding.day,
    impactUsd: finding.impactUsd,
    previousImpactUsd,
    provisional: finding.provisional,
  };
}

function endEvent(record: FindingRecord): BacktestEvent {
  return {
    change: 'end',
    key: record.key,
    kind: record.kind,
    pattern: patternOf(record),
    severity: record.severity,
    where: record.where,
    day: record.lastDay,
    impactUsd: record.lastImpactUsd,
    previousImpactUsd: null,
    provisional: false,
  };
}

// A record keeps no pattern, but a spending pattern's key names it: `mix:<pattern>:<scope>`.
function patternOf(record: FindingRecord): string | null {
  if (record.kind !== 'mix') return null;
  return record.key.split(':')[1] ?? null;
}

function totalsOf(runs: readonly BacktestRun[]): BacktestTotals {
  const all: ChangeCounts = { alert: 0, update: 0, end: 0 };
  const byKind: Record<string, ChangeCounts> = {};
  const bySeverity: Record<string, ChangeCounts> = {};

  for (const event of runs.flatMap((run) => run.events)) {
    all[event.change] += 1;
    count(byKind, event.kind, event.change);
    count(bySeverity, event.severity, event.change);
  }
  const quietRuns = runs.filter((run) => !run.posts).length;
  return { ...all, runs: runs.length, quietRuns, byKind, bySeverity };
}

function count(counts: Record<string, ChangeCounts>, group: string, change: BacktestChange): void {
  const counted = counts[group] ?? { alert: 0, update: 0, end: 0 };
  counted[change] += 1;
  counts[group] = counted;
}
