import { FINDING_KINDS } from '../../lambda/detect/finding';
import { kindLabel } from '../../lambda/notify/describe';
import { formatUsd } from '../../lambda/report/format';
import { SEVERITIES } from '../../lambda/settings/settings';
import type { Backtest, BacktestEvent, BacktestRun, ChangeCounts } from './replay';

/** What the backtest was asked: the capture and the settings tried. */
export type BacktestRequest = {
  readonly input: string;
  /** The `--set` values, by parameter name. */
  readonly parameters: Readonly<Record<string, string>>;
};

const CHANGE_LABEL: Readonly<Record<BacktestEvent['change'], string>> = {
  alert: 'ALERT',
  update: 'UPDATE',
  end: 'END',
};
const DATE_WIDTH = 10;
const KIND_WIDTH = Math.max(...FINDING_KINDS.map((kind) => kindLabel(kind).length));
const SEVERITY_WIDTH = Math.max(...SEVERITIES.map((severity) => severity.length));

/** The backtest for a person: one line per alert, update or end, by run date, then totals. */
export function renderBacktestText(backtest: Backtest, request: BacktestRequest): string {
  return [
    ...headerLines(backtest, request),
    '',
    ...backtest.runs.flatMap(runLines),
    '',
    ...totalLines(backtest),
    ...warningLines(backtest.warnings),
  ].join('\n');
}

function headerLines(backtest: Backtest, request: BacktestRequest): string[] {
  const sets = Object.entries(request.parameters).map(([name, value]) => `${name}=${value}`);
  const { runs, estimatedDays } = backtest;
  return [
    `Backtest of ${request.input}: ${runs.length} daily runs, ` +
      `${backtest.firstRun} to ${backtest.lastRun}`,
    `Settings: ${sets.length === 0 ? 'defaults' : `defaults, with ${sets.join(', ')}`}`,
    `Each run sees only the days before it, up to ${backtest.lookbackDays} (lookback-days; ` +
      `the first run saw ${runs[0]?.historyDays ?? 0}); its newest ${estimatedDays} ` +
      `${estimatedDays === 1 ? 'is' : 'are'} treated as estimated.`,
  ];
}

function runLines(run: BacktestRun): string[] {
  const date = run.runDate.padEnd(DATE_WIDTH);
  const blank = ' '.repeat(DATE_WIDTH);
  const lines = [...run.events.map(eventLine), ...run.notices.map((notice) => `NOTICE  ${notice}`)];
  if (lines.length === 0) return [`${date}  ${quietLine(run)}`];
  return lines.map((line, index) => `${index === 0 ? date : blank}  ${line}`);
}

function quietLine(run: BacktestRun): string {
  const known = run.findings === 0 ? 'no findings' : `${plural(run.findings, 'finding')}, none new`;
  return run.posts ? `digest only (${known})` : `quiet (${known})`;
}

function eventLine(event: BacktestEvent): string {
  const head =
    `${CHANGE_LABEL[event.change].padEnd(6)}  ${event.severity.padEnd(SEVERITY_WIDTH)}  ` +
    `${kindLabel(event.kind).padEnd(KIND_WIDTH)}  ${event.where}${patternText(event)}`;
  return `${head}: ${amountText(event)}`;
}

// Two spending patterns can share a scope; only their pattern tells them apart.
function patternText(event: BacktestEvent): string {
  if (event.kind !== 'mix' || event.pattern === null) return '';
  return ` [${event.pattern.replace(/-/g, ' ')}]`;
}

function amountText(event: BacktestEvent): string {
  const provisional = event.provisional ? ' (day not final yet)' : '';
  if (event.change === 'update')
    return (
      `impact ${formatUsd(event.impactUsd)}, ` +
      `up from ${formatUsd(event.previousImpactUsd ?? 0)}`
    );
  if (event.change === 'end')
    return `ended; last impact ${formatUsd(event.impactUsd)} on ${event.day}`;
  return `impact ${formatUsd(event.impactUsd)} on ${event.day}${provisional}`;
}

function totalLines(backtest: Backtest): string[] {
  const { totals } = backtest;
  const kinds = FINDING_KINDS.filter((kind) => totals.byKind[kind] !== undefined).map(
    (kind) => [kindLabel(kind), totals.byKind[kind]] as const,
  );
  const severities = SEVERITIES.filter((severity) => totals.bySeverity[severity]).map(
    (severity) => [severity, totals.bySeverity[severity]] as const,
  );
  const summary =
    `Totals: ${plural(totals.alert, 'alert')}, ${plural(totals.update, 'update')}, ` +
    `${plural(totals.end, 'end')} over ${plural(totals.runs, 'run')}; ` +
    `${totals.quietRuns} quiet`;
  if (kinds.length === 0) return [summary];

  const width = Math.max(KIND_WIDTH, SEVERITY_WIDTH);
  const row = (label: string, counts: ChangeCounts | undefined) =>
    `  ${label.padEnd(width)}  ${String(counts?.alert ?? 0).padStart(6)}  ` +
    `${String(counts?.update ?? 0).padStart(7)}  ${String(counts?.end ?? 0).padStart(4)}`;
  return [
    summary,
    '',
    `  ${'by kind'.padEnd(width)}  alerts  updates  ends`,
    ...kinds.map(([label, counts]) => row(label, counts)),
    '',
    `  ${'by severity'.padEnd(width)}  alerts  updates  ends`,
    ...severities.map(([label, counts]) => row(label, counts)),
  ];
}

function warningLines(warnings: readonly string[]): string[] {
  if (warnings.length === 0) return [''];
  return ['', 'Warnings:', ...warnings.map((warning) => `  - ${warning}`), ''];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The backtest for programs: every run with its events, the totals and the warnings. */
export function renderBacktestJson(backtest: Backtest, request: BacktestRequest) {
  return {
    input: request.input,
    parameters: request.parameters,
    firstRun: backtest.firstRun,
    lastRun: backtest.lastRun,
    lookbackDays: backtest.lookbackDays,
    estimatedDays: backtest.estimatedDays,
    runs: backtest.runs.map((run) => ({ ...run, events: run.events.map(inCents) })),
    totals: backtest.totals,
    stillActive: backtest.memory
      .filter((record) => record.status === 'active')
      .map(({ key, kind, severity, where, firstPostedOn, lastImpactUsd }) => ({
        key,
        kind,
        severity,
        where,
        firstPostedOn,
        lastImpactUsd: cents(lastImpactUsd),
      })),
    warnings: backtest.warnings,
  };
}

function inCents(event: BacktestEvent): BacktestEvent {
  const previous = event.previousImpactUsd;
  return {
    ...event,
    impactUsd: cents(event.impactUsd),
    previousImpactUsd: previous === null ? null : cents(previous),
  };
}

function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
