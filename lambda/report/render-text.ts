import type { Severity } from '../settings/settings';
import { findingTitle } from './finding-title';
import { formatChange, formatShare, formatUsd } from './format';
import type { ExplainedFinding, Link, Report } from './report';
import { sparkline } from './sparkline';
import { wrap } from './wrap';

export type TextOptions = {
  /** ANSI colours and bold; only for a terminal. Default: none. */
  readonly color?: boolean;
  /** Line width the text is wrapped to. Default: 100. */
  readonly width?: number;
};

const ANSI = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
  reset: '\u001b[0m',
} as const;

const SEVERITY_STYLE: Readonly<Record<Severity, string>> = {
  critical: `${ANSI.bold}${ANSI.red}`,
  high: ANSI.red,
  medium: ANSI.yellow,
  low: ANSI.cyan,
  info: ANSI.dim,
};

const DETAIL_INDENT = '   ';
const TIP_INDENT = '      ';
const HEADLINE_INDENT = ' '.repeat(20);

/** Findings of these severities are shown in three lines, so the urgent ones stand out. */
const COMPACT_SEVERITIES: readonly Severity[] = ['low', 'info'];

/** A share this close to one reads as 100%. */
const WHOLE = 0.995;

type Style = (style: string, text: string) => string;

/**
 * The report as text for a terminal, most important first: the headline
 * numbers, then each finding with its numbers, the recent days as a
 * sparkline, the mistakes it likely points to and the tips, then warnings
 * and what the run watched. Pure: colours only when asked for.
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  const style: Style = (code, text) =>
    options.color === true ? `${code}${text}${ANSI.reset}` : text;
  const width = options.width ?? 100;

  const sections = [
    headerLines(report, style),
    headlineLines(report, width),
    summaryLines(report, style),
    ...report.findings.map((finding, index) =>
      COMPACT_SEVERITIES.includes(finding.severity)
        ? compactFindingLines(finding, index + 1, width, style)
        : findingLines(finding, index + 1, width, style),
    ),
    warningLines(report, width, style),
    footerLines(report, width, style),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

function headerLines(report: Report, style: Style): string[] {
  const { window } = report;
  return [
    style(ANSI.bold, `LLM cost watchdog: report as of ${report.asOf}`),
    `Window ${window.start} to ${window.end} (${window.days} days)`,
  ];
}

function headlineLines(report: Report, width: number): string[] {
  const { headline, window } = report;
  const labelled = (label: string, text: string) => {
    const [first = '', ...rest] = wrap(text, width, HEADLINE_INDENT);
    return [`${label.padEnd(HEADLINE_INDENT.length)}${first.trimStart()}`, ...rest];
  };
  const lines: string[] = [];

  lines.push(
    ...labelled(
      'Last complete day',
      headline.lastCompleteDay === null
        ? 'none yet: every day of the window is still estimated'
        : `${headline.lastCompleteDay}: ` +
            spentAgainst(headline.lastDayUsd, headline.lastDayExpectedUsd),
    ),
  );

  const monthStart = `${window.end.slice(0, 7)}-01`;
  const from = monthStart > window.start ? monthStart : window.start;
  lines.push(
    ...labelled(
      'Month to date',
      `${from} to ${window.end}: ` +
        spentAgainst(headline.monthToDateUsd, headline.monthToDateExpectedUsd),
    ),
  );

  const budget = budgetLine(report);
  if (budget !== null) lines.push(...labelled(budget.label, budget.text));

  const estimatedDays = daysBetween(headline.lastCompleteDay ?? window.start, window.end);
  if (headline.lastCompleteDay !== null && estimatedDays > 0) {
    const newest =
      estimatedDays === 1 ? 'The newest day is' : `The newest ${estimatedDays} days are`;
    lines.push(...labelled('', `${newest} still estimated by Cost Explorer and may grow.`));
  }
  return lines;
}

function spentAgainst(actual: number, expected: number): string {
  const change = expected > 0 ? ` (${formatChange(actual / expected - 1)})` : '';
  return `${formatUsd(actual)} spent, ${formatUsd(expected)} expected${change}`;
}

function budgetLine(report: Report): { label: string; text: string } | null {
  const { monthlyBudgetUsd: budget, monthForecastUsd: forecast } = report.headline;
  if (budget === null && forecast === null) return null;
  if (budget === null) {
    return {
      label: 'Month forecast',
      text:
        `${formatUsd(forecast ?? 0)} with Cost Explorer's forecast to the month's end; ` +
        'no budget set (monthly-budget-usd)',
    };
  }
  if (forecast === null) {
    return { label: 'Monthly budget', text: `${formatUsd(budget)}; no forecast was collected` };
  }
  return {
    label: 'Monthly budget',
    text:
      `${formatUsd(budget)}; forecast ${formatUsd(forecast)}, ` +
      `${formatShare(forecast / budget)} of it`,
  };
}

function summaryLines(report: Report, style: Style): string[] {
  const count = report.findings.length;
  const muted = report.mutedCount > 0 ? `; ${report.mutedCount} muted, not shown` : '';
  if (count === 0) return [`No findings: watched spend looks as expected${muted}.`];

  const bySeverity = new Map<Severity, number>();
  for (const finding of report.findings) {
    bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
  }
  const counts = [...bySeverity.entries()].map(
    ([severity, n]) => `${n} ${style(SEVERITY_STYLE[severity], severity)}`,
  );
  return [
    style(ANSI.bold, `${plural(count, 'finding', 'findings')}: `) + counts.join(', ') + muted,
  ];
}

function findingLines(
  finding: ExplainedFinding,
  position: number,
  width: number,
  style: Style,
): string[] {
  return [
    ...titleLines(finding, position, width, style),
    ...wrap(amountLine(finding), width, DETAIL_INDENT),
    `${DETAIL_INDENT}Last ${finding.recentCost.length} days  ${sparkline(finding.recentCost)}  ` +
      style(ANSI.dim, `up to ${formatUsd(Math.max(0, ...finding.recentCost))} a day`),
    ...mistakeLines(finding, width),
    ...tipLines(finding, width, style),
  ];
}

/** A lower-severity finding: its title, its dollars, and the first mistake with its action. */
function compactFindingLines(
  finding: ExplainedFinding,
  position: number,
  width: number,
  style: Style,
): string[] {
  const [match] = finding.mistakes;
  const tip = finding.tips.find((candidate) => candidate.mistake === match?.mistake);
  const saving =
    tip?.savingUsd == null ? '' : ` Could save about ${formatUsd(tip.savingUsd)} a month.`;
  const advice =
    match === undefined
      ? []
      : [`#${match.mistake} ${match.title}: ${tip?.action ?? match.because}${saving}`];

  return [
    ...titleLines(finding, position, width, style),
    ...[amountLine(finding), ...advice].flatMap((text) => wrap(text, width, DETAIL_INDENT)),
  ];
}

function titleLines(
  finding: ExplainedFinding,
  position: number,
  width: number,
  style: Style,
): string[] {
  const severity = finding.severity.toUpperCase();
  const text = `${position}. ${severity} ${findingTitle(finding)}: ${finding.where}`;
  const [first = '', ...rest] = wrap(text, width, DETAIL_INDENT).map((line) => line.trimStart());
  const coloured = first.replace(severity, style(SEVERITY_STYLE[finding.severity], severity));
  return [
    style(ANSI.bold, coloured),
    ...rest.map((line) => style(ANSI.bold, `${DETAIL_INDENT}${line}`)),
  ];
}

/** What the dollars mean depends on the kind: a day, a week, or the month. */
function amountLine(finding: ExplainedFinding): string {
  const { actualUsd: actual, expectedUsd: expected, impactUsd: impact } = finding;
  const change = expected > 0 ? `, ${formatChange(actual / expected - 1)}` : '';
  // A finding about all of the spend has all of it: saying so tells nothing.
  const share =
    finding.shareOfSpend > 0 && finding.shareOfSpend < WHOLE
      ? `; ${formatShare(finding.shareOfSpend)} of the day's spend`
      : '';
  const provisional = finding.provisional ? ' Provisional: the day is still estimated.' : '';

  switch (finding.kind) {
    case 'trend':
      return (
        `7 days to ${finding.day}: ${formatUsd(actual)}, against ${formatUsd(expected)} ` +
        `the 7 days before (${signedUsd(impact)}${change}).${provisional}`
      );
    case 'forecast-overrun':
      return (
        `Month forecast ${formatUsd(actual)} against a budget of ${formatUsd(expected)}: ` +
        `${formatUsd(impact)} over.${provisional}`
      );
    case 'new-spend':
      return `${finding.day}: ${formatUsd(actual)} a day, new in the window${share}.${provisional}`;
    case 'always-on':
      return (
        `${formatUsd(actual)} a month at the run-rate of the days to ${finding.day}, ` +
        `billed around the clock${share}.`
      );
    case 'mix':
      return `${formatUsd(actual)} a month of spend concerned, as of ${finding.day}${share}.`;
    default:
      return (
        `${finding.day}: ${formatUsd(actual)} spent, ${formatUsd(expected)} expected ` +
        `(${signedUsd(impact)}${change})${share}.${provisional}`
      );
  }
}

function mistakeLines(finding: ExplainedFinding, width: number): string[] {
  if (finding.mistakes.length === 0) return [];
  return [
    `${DETAIL_INDENT}Likely ${finding.mistakes.length === 1 ? 'mistake' : 'mistakes'}:`,
    ...finding.mistakes.flatMap((match) => {
      const [first = '', ...rest] = wrap(
        `#${match.mistake} ${match.title}. ${match.because}`,
        width,
        TIP_INDENT,
      );
      return [`${DETAIL_INDENT} - ${first.trimStart()}`, ...rest];
    }),
  ];
}

/** The finding's block already shows its numbers, so each tip shows its action, saving and link. */
function tipLines(finding: ExplainedFinding, width: number, style: Style): string[] {
  if (finding.tips.length === 0) return [];
  return [
    `${DETAIL_INDENT}What to do:`,
    ...finding.tips.flatMap((tip) => {
      const saving =
        tip.savingUsd === null
          ? ''
          : ` Could save about ${formatUsd(tip.savingUsd)} a month` +
            (tip.savingBasis === null ? '.' : ` (${tip.savingBasis}).`);
      const [first = '', ...rest] = wrap(
        `(#${tip.mistake}) ${tip.action}${saving}`,
        width,
        TIP_INDENT,
      );
      return [
        `${DETAIL_INDENT} - ${first.trimStart()}`,
        ...rest,
        ...linkLines(tip.link, width).map((line) => `${TIP_INDENT}${style(ANSI.dim, line)}`),
      ];
    }),
  ];
}

/** `Title: URL` on one line when it fits, else the URL under its title. */
function linkLines(link: Link, width: number): string[] {
  const oneLine = `${link.title}: ${link.url}`;
  if (TIP_INDENT.length + oneLine.length <= width) return [oneLine];
  return [`${link.title}:`, link.url];
}

function warningLines(report: Report, width: number, style: Style): string[] {
  if (report.warnings.length === 0) return [];
  return [
    style(ANSI.bold, report.warnings.length === 1 ? 'Warning' : 'Warnings'),
    ...report.warnings.flatMap((warning) => {
      const [first = '', ...rest] = wrap(warning, width, '   ');
      return [` - ${first.trimStart()}`, ...rest];
    }),
  ];
}

function footerLines(report: Report, width: number, style: Style): string[] {
  const { footer, window } = report;
  const watched =
    `Watched ${plural(footer.metersWatched, 'meter', 'meters')} in ` +
    `${plural(footer.servicesWatched, 'service', 'services')} ` +
    `from ${window.start} to ${window.end}.`;
  const requests =
    `${plural(footer.costExplorerRequests, 'Cost Explorer request', 'Cost Explorer requests')} ` +
    `($${footer.costExplorerCostUsd.toFixed(2)} at $0.01 each).`;
  return [...wrap(watched, width, ''), ...wrap(requests, width, '')].map((line) =>
    style(ANSI.dim, line),
  );
}

function signedUsd(amount: number): string {
  return amount >= 0 ? `+${formatUsd(amount)}` : formatUsd(amount);
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count.toLocaleString('en-US')} ${many}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
