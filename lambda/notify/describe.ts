import { impactHorizon } from '../mistakes/severity';
import { findingTitle, kindLabel } from '../report/finding-title';
import { formatChange, formatShare, formatUsd as usd } from '../report/format';
import type { ExplainedFinding, Headline, Report } from '../report/report';
import { SEVERITIES, type Severity } from '../settings/settings';
import type { Alert } from './alert';

export { findingTitle, kindLabel };

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

/** The AWS console page for Cost Explorer. */
export const COST_EXPLORER_URL =
  'https://us-east-1.console.aws.amazon.com/cost-management/home#/cost-explorer';

/**
 * How much, in the unit the kind of finding counts in: a day for spikes
 * and new spend, a week for trends, a month for capacity and patterns.
 */
export function findingAmounts(finding: ExplainedFinding): string {
  const { actualUsd: actual, expectedUsd: expected, impactUsd: impact, day } = finding;
  const delta = change(actual, expected);
  const vs = (what: string) => `vs ${usd(expected)} ${what}${delta ? ` (${delta})` : ''}`;
  const on = `on ${day}${finding.provisional ? ' (not final yet)' : ''}`;
  const share =
    finding.shareOfSpend > 0 ? `, ${formatShare(finding.shareOfSpend)} of the day's spend` : '';

  switch (finding.kind) {
    case 'spike':
      return `${usd(actual)} ${on} ${vs('expected')}, impact ${usd(impact)}${share}`;
    case 'new-spend':
      return `${usd(actual)} a day ${on}, none before in the window${share}`;
    case 'trend':
      return (
        `${usd(actual)} in the 7 days to ${day} ${vs('the 7 days before')}, ` +
        `impact ${usd(impact)} a week`
      );
    case 'always-on':
      return `${usd(actual)} a month at its current rate, billed every day through ${day}`;
    case 'forecast-overrun':
      return `Month forecast ${usd(actual)} vs a budget of ${usd(expected)}: ${usd(impact)} over`;
    case 'native-anomaly':
      return (
        `${usd(actual)} spent ${vs('expected')} while it lasted (to ${day}), ` +
        `impact ${usd(impact)}`
      );
    case 'mix':
      return `${usd(actual)} a month concerned (the window's spend scaled to 30 days) as of ${day}`;
  }
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
    const projected = forecast === null ? '' : `, forecast ${usd(forecast)}`;
    parts.push({ label: 'Budget', text: `${usd(headline.monthlyBudgetUsd)}${projected}` });
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
  const requests = plural(footer.costExplorerRequests, 'Cost Explorer request');
  return [
    `Window ${window.start} to ${window.end} (${window.days} days)`,
    `${footer.metersWatched} meters in ${footer.servicesWatched} services watched`,
    `${report.mutedCount} muted`,
    `${requests} (${usd(footer.costExplorerCostUsd)})`,
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

// Days in the month that impacts are put on, as the report orders findings by.
const MONTH_DAYS = 30;
const WEEK_DAYS = 7;

/**
 * A finding's impact as money per month at its current rate, so that
 * impacts counted per day, per week and per month add up: a day's excess
 * (spike, new spend) times 30, a week's growth times 30/7; patterns,
 * capacity and a forecast overrun are monthly already, and an anomaly
 * from Cost Anomaly Detection counts once, as the total AWS gave.
 */
export function monthlyImpact(finding: ExplainedFinding): number {
  switch (impactHorizon(finding.kind)) {
    case 'day':
      return finding.impactUsd * MONTH_DAYS;
    case 'week':
      return (finding.impactUsd * MONTH_DAYS) / WEEK_DAYS;
    case 'month':
    case 'anomaly':
      return finding.impactUsd;
  }
}

/**
 * Money at stake a month in the findings the alert posts (new and grown).
 * Patterns and always-on capacity describe spend that is already counted
 * elsewhere (a pattern may cover all of it), so they add only their
 * estimated saving; the other kinds add their unexpected spend.
 */
export function totalImpact(alert: Alert): number {
  const findings = [...alert.fresh, ...alert.grown.map((item) => item.finding)];
  return findings.reduce((sum, finding) => sum + amountAtStake(finding), 0);
}

/** What one finding adds to the total at stake, per month. */
export function amountAtStake(finding: ExplainedFinding): number {
  if (finding.kind !== 'mix' && finding.kind !== 'always-on') return monthlyImpact(finding);
  return Math.max(0, ...finding.tips.map((tip) => tip.savingUsd ?? 0));
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
