import { formatUsd as usd, formatUsdWhole as usdWhole } from '../../report/format';
import type { ExplainedFinding } from '../../report/report';
import { sparkline } from '../../report/sparkline';
import type { FindingRecord } from '../../state/finding-record';
import type { GrownFinding } from '../../state/plan';
import type { Alert } from '../alert';
import {
  COST_EXPLORER_URL,
  countsLine,
  findingAmounts,
  findingTitle,
  footerParts,
  kindLabel,
  likelyMistake,
  spendLine,
  totalImpact,
  worstSeverity,
} from '../describe';

/** How much of the alert the text shows: the first findings of each list. */
export type EmailLimits = {
  /** Findings shown in full (new first, then grown); the rest are counted. */
  readonly findings: number;
  /** Ended findings listed. */
  readonly ended: number;
  /** Said when the text was cut to fit a size limit. */
  readonly trimmedNote: string | null;
};

/**
 * The alert as plain text, readable in an e-mail client: the headline,
 * the spend line, each finding with its numbers, trend, likely mistake and
 * tip, what grew, what ended, notes, and the footer. Pure.
 */
export function renderEmail(alert: Alert, limits?: EmailLimits): string {
  const shown = limits ?? {
    findings: Number.POSITIVE_INFINITY,
    ended: Infinity,
    trimmedNote: null,
  };
  const findings = [...alert.fresh.map(freshItem), ...alert.grown.map(grownItem)];
  const listed = findings.slice(0, shown.findings);
  const ended = alert.ended.slice(0, shown.ended);

  const lines = [
    `LLM cost watchdog: ${emailHeadline(alert)}`,
    '',
    spendLine(alert.report.headline),
    ...(shown.trimmedNote ? ['', shown.trimmedNote] : []),
    ...listed.flatMap((item, index) => ['', ...numbered(index + 1, item)]),
    ...omitted(findings.length - listed.length, 'finding'),
    ...(ended.length > 0 ? ['', 'ENDED', ...ended.map(endedLine)] : []),
    ...omitted(alert.ended.length - ended.length, 'ended finding'),
    ...notes(alert),
    '',
    footerParts(alert.report).join(' · '),
    `Cost Explorer: ${COST_EXPLORER_URL}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** One line on what the alert is about: `HIGH: $934.56 at stake (1 new finding)`. */
export function emailHeadline(alert: Alert): string {
  const worst = worstSeverity(alert);
  if (worst === null) return `${countsLine(alert)} as of ${alert.report.asOf}`;
  const atStake = usdWhole(totalImpact(alert));
  return `${worst.toUpperCase()}: ${atStake} a month at stake (${countsLine(alert)})`;
}

function freshItem(finding: ExplainedFinding): string[] {
  return [`[${finding.severity.toUpperCase()}] ${findingTitle(finding)}`, ...details(finding)];
}

function grownItem({ finding, before }: GrownFinding): string[] {
  return [
    `[${finding.severity.toUpperCase()}] GREW: ${findingTitle(finding)}`,
    `Impact now ${usd(finding.impactUsd)}, up from ${usd(before.postedImpactUsd)} when posted ` +
      `on ${before.lastPostedOn}`,
    ...details(finding),
  ];
}

function details(finding: ExplainedFinding): string[] {
  const lines = [`Where:   ${finding.where}`, `Amount:  ${findingAmounts(finding)}`];
  if (finding.recentCost.length > 0)
    lines.push(
      `Trend:   ${sparkline(finding.recentCost)} (last ${finding.recentCost.length} days)`,
    );
  const mistake = likelyMistake(finding);
  if (mistake) lines.push(`Likely:  ${mistake}`);
  const [tip] = finding.tips;
  if (tip) {
    // The tip's full sentence carries its numbers, and often its saving and link already.
    lines.push(`Tip:     ${tip.text}`);
    if (tip.savingUsd !== null && !tip.text.includes(usd(tip.savingUsd)))
      lines.push(`Saving:  about ${usd(tip.savingUsd)} a month`);
    if (!tip.text.includes(tip.link.url)) lines.push(`How:     ${tip.link.title}: ${tip.link.url}`);
  }
  lines.push(`Key:     ${finding.key}`);
  return lines;
}

function numbered(position: number, item: readonly string[]): string[] {
  const [first = '', ...rest] = item;
  const label = `${position}. `;
  return [`${label}${first}`, ...rest.map((line) => `${' '.repeat(label.length)}${line}`)];
}

function endedLine(record: FindingRecord): string {
  return (
    `- ${kindLabel(record.kind)}, ${record.where}: posted on ${record.firstPostedOn}, last seen ` +
    `on ${record.lastSeenOn} with impact ${usd(record.lastImpactUsd)}`
  );
}

function notes(alert: Alert): string[] {
  const all = [...alert.notices, ...alert.warnings];
  return all.length > 0 ? ['', 'NOTES', ...all.map((note) => `- ${note}`)] : [];
}

function omitted(count: number, noun: string): string[] {
  if (count <= 0) return [];
  return ['', `...and ${count} more ${noun}${count === 1 ? '' : 's'} not listed here.`];
}
