import type { FindingKind } from '../detect/finding';
import { formatChange, formatShare, formatUsd as usd } from '../report/format';
import type { ExplainedFinding, Headline, Report } from '../report/report';
import { SEVERITIES, type Severity } from '../settings/settings';
import type { Alert } from './alert';

/**
 * The words both channels use for findings and spend, so that Slack and
 * the e-mail say the same thing. Pure.
 */
export const SEVERITY_MARK: Readonly<Record<Severity, string>> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};

const KIND_LABEL: Readonly<Record<FindingKind, string>> = {
  spike: 'Spike',
  'new-spend': 'New spend',
  trend: 'Growing spend',
  'always-on': 'Always-on capacity',
  'forecast-overrun': 'Forecast over budget',
  'native-anomaly': 'Cost Anomaly Detection',
  mix: 'Spending pattern',
};

const PATTERN_LABEL: Readonly<Record<string, string>> = {
  usage: 'more usage',
  price: 'higher price per unit',
  'usage-and-price': 'more usage at a higher price per unit',
};

/** The AWS console page for Cost Explorer. */
export const COST_EXPLORER_URL =
  'https://us-east-1.console.aws.amazon.com/cost-management/home#/cost-explorer';

/** The kind of finding in words: `Spike`, `New spend`. */
export function kindLabel(kind: FindingKind): string {
  return KIND_LABEL[kind];
}

/** What kind of finding it is, with its pattern: `Spike (more usage)`. */
export function findingTitle(finding: ExplainedFinding): string {
  const label = KIND_LABEL[finding.kind];
  if (finding.pattern === null) return label;
  return `${label} (${PATTERN_LABEL[finding.pattern] ?? finding.pattern.replace(/-/g, ' ')})`;
}

/** How much: `$1,234.56 on 2026-03-14 vs $300.00 expected (+312%), impact $934.56`. */
export function findingAmounts(finding: ExplainedFinding): string {
  const delta = change(finding.actualUsd, finding.expectedUsd);
  const provisional = finding.provisional ? ' (day not final yet)' : '';
  const parts = [
    `${usd(finding.actualUsd)} on ${finding.day}${provisional} vs ${usd(finding.expectedUsd)} ` +
      `expected${delta ? ` (${delta})` : ''}`,
    `impact ${usd(finding.impactUsd)}`,
  ];
  if (finding.shareOfSpend > 0)
    parts.push(`${formatShare(finding.shareOfSpend)} of the day's spend`);
  return parts.join(', ');
}

/** The likeliest mistake, with its evidence: `#4 Misconfiguring API usage: ...`. */
export function likelyMistake(finding: ExplainedFinding): string | null {
  const [first, ...others] = finding.mistakes;
  if (!first) return null;
  const also = others.length > 0 ? ` (also ${others.map((m) => `#${m.mistake}`).join(', ')})` : '';
  return `#${first.mistake} ${first.title}: ${first.because}${also}`;
}

/** The parts of the spend line, each a label and its numbers. */
export function spendParts(headline: Headline): { label: string; text: string }[] {
  const parts: { label: string; text: string }[] = [];
  if (headline.lastCompleteDay !== null) {
    parts.push({
      label: `Spend on ${headline.lastCompleteDay}`,
      text: against(headline.lastDayUsd, headline.lastDayExpectedUsd),
    });
  }
  parts.push({
    label: 'Month to date',
    text: against(headline.monthToDateUsd, headline.monthToDateExpectedUsd),
  });
  if (headline.monthlyBudgetUsd !== null) {
    const forecast = headline.monthForecastUsd;
    parts.push({
      label: 'Budget',
      text: `${usd(headline.monthlyBudgetUsd)}${forecast === null ? '' : `, forecast ${usd(forecast)}`}`,
    });
  }
  return parts;
}

/** The spend line: the last complete day and the month to date against expected. */
export function spendLine(headline: Headline): string {
  return `LLM ${spendParts(headline)
    .map(({ label, text }) => `${label.charAt(0).toLowerCase()}${label.slice(1)}: ${text}`)
    .join('; ')}`;
}

/** What the run watched and what watching cost, for the footer. */
export function footerParts(report: Report): string[] {
  const { window, footer } = report;
  const requests = footer.costExplorerRequests;
  return [
    `Window ${window.start} to ${window.end} (${window.days} days)`,
    `${footer.metersWatched} meters in ${footer.servicesWatched} services watched`,
    `${report.mutedCount} muted`,
    `${requests} Cost Explorer request${requests === 1 ? '' : 's'} (${usd(footer.costExplorerCostUsd)})`,
  ];
}

/** The most severe of the findings the alert posts, or null when it posts none. */
export function worstSeverity(alert: Alert): Severity | null {
  const severities = [...alert.fresh, ...alert.grown.map((item) => item.finding)].map(
    (finding) => finding.severity,
  );
  const worst = Math.min(...severities.map((severity) => SEVERITIES.indexOf(severity)));
  return SEVERITIES[worst] ?? null;
}

/** Money at stake in the findings the alert posts (new and grown). */
export function totalImpact(alert: Alert): number {
  const findings = [...alert.fresh, ...alert.grown.map((item) => item.finding)];
  return findings.reduce((sum, finding) => sum + finding.impactUsd, 0);
}

/** `3 new findings, 1 grown, 2 ended`: what the alert is about, counted. */
export function countsLine(alert: Alert): string {
  const counts = [
    { count: alert.grown.length, what: 'grown' },
    { count: alert.ended.length, what: 'ended' },
  ].filter((item) => item.count > 0);
  const parts = counts.map(({ count, what }) => `${count} ${what}`);
  if (alert.fresh.length > 0) parts.unshift(plural(alert.fresh.length, 'new finding'));
  else if (counts[0]) parts[0] = `${plural(counts[0].count, 'finding')} ${counts[0].what}`;
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

export function capitalised(severity: Severity): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

function against(actual: number, expected: number): string {
  const text = change(actual, expected);
  return `${usd(actual)} vs ${usd(expected)} expected${text ? ` (${text})` : ''}`;
}

function change(actual: number, expected: number): string | null {
  return expected > 0 ? formatChange(actual / expected - 1) : null;
}
