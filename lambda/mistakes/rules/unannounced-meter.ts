import { formatShare, formatUsd } from '../../report/format';
import { evidenceList } from '../evidence';
import { regionTwins } from '../meter-lookup';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength } from '../series-math';
import { dailyTotals } from '../spend-window';
import { BASELINE_DAYS } from '../spike-shape';
import { describeFinding } from '../where';

/**
 * A meter that had no spend in the baseline and now has: new usage that,
 * as far as the bill can tell, nobody announced. Weaker when the same model
 * is billed elsewhere, since then it is more likely a move than a start.
 */
export const unannouncedMeter: Rule = {
  name: 'unannounced-meter',
  mistake: 2,
  needs: 'A new-spend finding; its share of the day’s watched spend makes it stronger.',
  match(context: RuleContext): RuleMatch | null {
    const { finding, series, history, dayIndex } = context;
    if (finding.kind !== 'new-spend') return null;

    const elsewhere =
      evidenceList(finding, 'modelAlsoIn').length > 0 ||
      (series !== null && regionTwins(history, series.meter).length > 0);
    const total = dailyTotals(history)[dayIndex] ?? 0;
    const share = total > 0 ? Math.min(1, finding.actualUsd / total) : 0;
    const days = Math.min(BASELINE_DAYS, dayIndex);
    return {
      mistake: 2,
      strength: clampStrength((elsewhere ? 0.3 : 0.5) + 0.3 * share),
      because:
        `${describeFinding(finding, series?.meter ?? null)} had no spend in the ${days} days ` +
        `before ${finding.day} and billed ${formatUsd(finding.actualUsd)} that day ` +
        `(${formatShare(share)} of watched spend), likely a start nobody announced.`,
      tip: {
        action:
          'Find who started it (CloudTrail shows the caller of the first requests) and give the ' +
          'workload an application inference profile with an owner tag before it grows.',
        saving: null,
      },
    };
  },
};
