import { formatUsd as usd, formatUsdWhole as usdWhole } from '../../report/format';
import type { ExplainedFinding, Report } from '../../report/report';
import { sparkline } from '../../report/sparkline';
import type { FindingRecord } from '../../state/finding-record';
import type { GrownFinding } from '../../state/plan';
import type { Alert } from '../alert';
import {
  COST_EXPLORER_URL,
  capitalised,
  countsLine,
  findingAmounts,
  findingTitle,
  footerParts,
  kindLabel,
  likelyMistake,
  plural,
  SEVERITY_MARK,
  spendParts,
  totalImpact,
  worstSeverity,
} from '../describe';
import {
  clip,
  context,
  divider,
  escapeMrkdwn as esc,
  header,
  link,
  SLACK_LIMITS,
  type SlackBlock,
  section,
} from './blocks';
import { fitBlocks } from './fit-blocks';
import type { SlackMessage } from './slack-client';

// Notes are bounded so that they never crowd out the findings.
const NOTES_SHOWN = 5;
const NOTE_LENGTH = 400;

/**
 * The Block Kit alert of a run: a header with the worst severity and the
 * money at stake, the spend line, one section per finding, notes, and a
 * footer with what the run watched and cost. Fits Slack's limits by
 * showing the top findings and counting the rest. Pure.
 */
export function renderSlackAlert(alert: Alert): SlackMessage {
  const title = headerText(alert);
  const items = [
    ...alert.fresh.map(freshSection),
    ...alert.grown.map(grownSection),
    ...alert.ended.map((record) => endedSection(record, alert.report.asOf)),
  ];
  const { blocks } = fitBlocks({
    head: [header(title), section(spendSection(alert.report)), divider],
    items: items.length > 0 ? items : [section(esc(quietLine(alert.report)))],
    tail: [...notesBlock(alert), footerBlock(alert.report)],
    more: (omitted) => section(moreLine(omitted)),
  });
  return { text: fallbackText(title, alert), blocks };
}

/**
 * A reply in the thread of an earlier alert: the findings of that alert
 * that grew past the regrowth factor, and those that ended. Pure.
 */
export function renderSlackUpdate(
  report: Report,
  grown: readonly GrownFinding[],
  ended: readonly FindingRecord[],
): SlackMessage {
  const items = [
    ...grown.map(grownSection),
    ...ended.map((record) => endedSection(record, report.asOf)),
  ];
  const { blocks } = fitBlocks({
    head: [],
    items,
    tail: [footerBlock(report)],
    more: (omitted) => section(moreLine(omitted)),
  });
  const parts = [
    grown.length > 0 ? `${plural(grown.length, 'finding')} grew` : null,
    ended.length > 0 ? `${plural(ended.length, 'finding')} ended` : null,
  ].filter((part) => part !== null);
  return { text: `Update: ${parts.join(', ')}`, blocks };
}

function headerText(alert: Alert): string {
  const worst = worstSeverity(alert);
  if (worst !== null) {
    return (
      `${SEVERITY_MARK[worst]} ${capitalised(worst)}: ${usdWhole(totalImpact(alert))} a month ` +
      `at stake in LLM spend (${countsLine(alert)})`
    );
  }
  const notes = alert.notices.length > 0 ? ` · ${plural(alert.notices.length, 'note')}` : '';
  return `✅ LLM spend: ${countsLine(alert)}${notes}`;
}

function spendSection(report: Report): string {
  return spendParts(report.headline)
    .map(({ label, text }) => `*${esc(label)}:* ${esc(text)}`)
    .join('   ·   ');
}

function freshSection(finding: ExplainedFinding): SlackBlock {
  return section(
    [
      `${SEVERITY_MARK[finding.severity]} *${esc(findingTitle(finding))}* · ${esc(finding.where)}`,
      esc(findingAmounts(finding)),
      ...trendLine(finding),
      ...mistakeAndTip(finding),
    ].join('\n'),
  );
}

function grownSection({ finding, before }: GrownFinding): SlackBlock {
  const factor = before.postedImpactUsd > 0 ? finding.impactUsd / before.postedImpactUsd : null;
  return section(
    [
      `📈 *Grew* · ${SEVERITY_MARK[finding.severity]} *${esc(findingTitle(finding))}* · ` +
        esc(finding.where),
      `Impact now *${usd(finding.impactUsd)}*, up from ${usd(before.postedImpactUsd)} when ` +
        `posted on ${before.lastPostedOn}${factor === null ? '' : ` (${factor.toFixed(1)}x)`}`,
      esc(findingAmounts(finding)),
      ...trendLine(finding),
      ...mistakeAndTip(finding),
    ].join('\n'),
  );
}

function endedSection(record: FindingRecord, asOf: string): SlackBlock {
  return section(
    [
      `✅ *Ended* · ${esc(kindLabel(record.kind))} · ${esc(record.where)}`,
      `Posted on ${record.firstPostedOn}, last seen on ${record.lastSeenOn} with impact ` +
        `${usd(record.lastImpactUsd)}; no longer found as of ${asOf}.`,
    ].join('\n'),
  );
}

function trendLine(finding: ExplainedFinding): string[] {
  if (finding.recentCost.length === 0) return [];
  return [`\`${sparkline(finding.recentCost)}\` last ${finding.recentCost.length} days`];
}

function mistakeAndTip(finding: ExplainedFinding): string[] {
  const lines: string[] = [];
  const mistake = likelyMistake(finding);
  if (mistake) lines.push(`*Likely mistake:* ${esc(mistake)}`);
  const [tip] = finding.tips;
  if (tip) {
    const saving = tip.savingUsd === null ? '' : ` Could save about ${usd(tip.savingUsd)} a month.`;
    lines.push(`*Tip:* ${esc(tip.action)}${esc(saving)} ${link(tip.link.url, tip.link.title)}`);
  }
  return lines;
}

function quietLine(report: Report): string {
  const muted = report.mutedCount > 0 ? ` (${plural(report.mutedCount, 'finding')} muted)` : '';
  return `No findings as of ${report.asOf}${muted}.`;
}

function moreLine(omitted: number): string {
  return (
    `…and ${plural(omitted, 'more item')} not shown here to stay within Slack's message ` +
    'size. The e-mail alert lists them; so does `npm run watchdog -- scan`.'
  );
}

function notesBlock(alert: Alert): SlackBlock[] {
  const notes = [...alert.notices, ...alert.warnings];
  if (notes.length === 0) return [];
  const shown = notes.slice(0, NOTES_SHOWN).map((note) => `⚠️ ${esc(clip(note, NOTE_LENGTH))}`);
  const rest = notes.length - shown.length;
  return [context(...shown, ...(rest > 0 ? [`…and ${plural(rest, 'more note')}.`] : []))];
}

function footerBlock(report: Report): SlackBlock {
  return context(...footerParts(report).map(esc), link(COST_EXPLORER_URL, 'Open Cost Explorer'));
}

function fallbackText(title: string, alert: Alert): string {
  const [first] = [...alert.fresh, ...alert.grown.map((item) => item.finding)];
  const about = first ? ` First: ${findingTitle(first)}, ${first.where}.` : '';
  return esc(clip(`${title}.${about}`, SLACK_LIMITS.fallbackText));
}
