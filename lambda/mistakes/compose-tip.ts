import type { Finding } from '../detect/finding';
import { formatShare, formatUsd } from '../report/format';
import type { Tip } from '../report/report';
import { mistakeOf } from './catalogue';
import { evidenceText } from './evidence';
import type { RuleMatch } from './rule';

/** What a tip says about the finding, whatever the mistake. */
export type TipSubject = {
  readonly finding: Finding;
  readonly where: string;
  /** The finding's meter (or service) as a share of the day's watched spend. */
  readonly shareOfSpend: number;
};

/**
 * The tip: its `text` says which mistake it likely is, the meter, the day,
 * the dollars (actual, expected, impact, over the horizon the finding's kind
 * reports), the share of LLM spend, then the next action. The estimated
 * saving (with its basis) and the page that shows how are fields of their
 * own, which every renderer shows after the text; they are not repeated in
 * it.
 */
export function composeTip(subject: TipSubject, match: RuleMatch): Tip {
  const mistake = mistakeOf(match.mistake);
  const link = match.tip.link ?? mistake.links[0];
  const saving = match.tip.saving ?? null;
  const share = `${formatShare(subject.shareOfSpend)} of LLM spend on ${subject.finding.day}`;

  return {
    mistake: match.mistake,
    text:
      `Likely mistake ${mistake.number} (${mistake.title}). ${subject.where} ` +
      `${dollars(subject.finding)}; ${share}. ${match.tip.action}`,
    action: match.tip.action,
    link,
    savingUsd: saving === null ? null : roundCents(saving.usd),
    savingBasis: saving?.basis ?? null,
  };
}

/** The finding's dollars in the words of its horizon. */
function dollars(finding: Finding): string {
  const actual = formatUsd(finding.actualUsd);
  const expected = formatUsd(finding.expectedUsd);
  const impact = formatUsd(finding.impactUsd);
  switch (finding.kind) {
    case 'spike':
    case 'new-spend':
      return `on ${finding.day}: ${actual} against ${expected} expected, impact ${impact}`;
    case 'trend':
      return (
        `in the week to ${finding.day}: ${actual} against ${expected} before, ` +
        `impact ${impact} a week`
      );
    case 'native-anomaly': {
      const start = evidenceText(finding, 'startDate') ?? finding.day;
      const span = start === finding.day ? `on ${start}` : `from ${start} to ${finding.day}`;
      return `${span}: ${actual} against ${expected} expected, impact ${impact} in all`;
    }
    case 'forecast-overrun':
      return (
        `for the month to ${finding.day}: ${actual} projected against a budget of ${expected}, ` +
        `${impact} over`
      );
    case 'always-on':
    case 'mix':
      return `as of ${finding.day}: ${actual} a month of spend concerned (30-day equivalent)`;
  }
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
