import type { Finding } from '../detect/finding';
import { formatShare, formatUsd } from '../report/format';
import type { Tip } from '../report/report';
import { mistakeOf } from './catalogue';
import type { RuleMatch } from './rule';

/** What a tip says about the finding, whatever the mistake. */
export type TipSubject = {
  readonly finding: Finding;
  readonly where: string;
  /** The finding's meter (or service) as a share of the day's watched spend. */
  readonly shareOfSpend: number;
};

/**
 * The full tip: which mistake it likely is, the meter, the day, the dollars
 * (actual, expected, impact) and the share of LLM spend, then the next action,
 * the estimated saving when there is one, and the page that shows how.
 */
export function composeTip(subject: TipSubject, match: RuleMatch): Tip {
  const mistake = mistakeOf(match.mistake);
  const link = match.tip.link ?? mistake.links[0];
  const saving = match.tip.saving ?? null;
  const { finding } = subject;

  const numbers =
    `${subject.where} on ${finding.day}: ${formatUsd(finding.actualUsd)} actual against ` +
    `${formatUsd(finding.expectedUsd)} expected, impact ${formatUsd(finding.impactUsd)}, ` +
    `${formatShare(subject.shareOfSpend)} of LLM spend that day.`;
  const savingText =
    saving === null ? '' : ` Estimated saving ${formatUsd(saving.usd)} a month (${saving.basis}).`;

  return {
    mistake: match.mistake,
    text:
      `Likely mistake ${mistake.number} (${mistake.title}). ${numbers} ` +
      `${match.tip.action}${savingText} How: ${link.url}`,
    action: match.tip.action,
    link,
    savingUsd: saving === null ? null : roundCents(saving.usd),
    savingBasis: saving?.basis ?? null,
  };
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
