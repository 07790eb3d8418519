import { formatShare, formatUsd } from '../../report/format';
import { evidenceList, evidenceText } from '../evidence';
import { regionTwins } from '../meter-lookup';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength } from '../series-math';
import { dailyTotals } from '../spend-window';
import { describeFinding } from '../where';

/** How new the spend is, by the new-spend detector's pattern: a new model most of all. */
const NEWNESS: Readonly<Record<string, number>> = {
  'new-model': 0.55,
  'new-meter': 0.45,
  'new-region': 0.3,
};

/**
 * A meter that had no spend in the baseline and now has: new usage that,
 * as far as the bill can tell, nobody announced. Weaker when the same model
 * is billed elsewhere, since then it is more likely a move than a start.
 */
export const unannouncedMeter: Rule = {
  name: 'unannounced-meter',
  mistake: 2,
  needs:
    'A new-spend finding (its pattern new-model, new-meter or new-region, and evidence ' +
    'firstDay); its share of the day’s watched spend makes it stronger.',
  match(context: RuleContext): RuleMatch | null {
    const { finding, series, history, dayIndex } = context;
    if (finding.kind !== 'new-spend') return null;

    const elsewhere =
      evidenceList(finding, 'modelAlsoIn').length > 0 ||
      (series !== null && regionTwins(history, series.meter).length > 0);
    const newness = NEWNESS[finding.pattern ?? ''] ?? (elsewhere ? 0.3 : 0.5);
    const total = dailyTotals(history)[dayIndex] ?? 0;
    const share =
      total > 0 ? Math.min(1, (series?.cost[dayIndex] ?? finding.actualUsd) / total) : 0;
    const first = evidenceText(finding, 'firstDay') ?? finding.day;
    return {
      mistake: 2,
      strength: clampStrength(newness + 0.3 * share),
      because:
        `${describeFinding(finding, series?.meter ?? null)} first billed on ${first}, with no ` +
        `spend before in the window, and now bills ${formatUsd(finding.actualUsd)} a day ` +
        `(${formatShare(share)} of watched spend on ${finding.day}), likely a start nobody ` +
        'announced.',
      tip: {
        action:
          'Find who started it (CloudTrail shows the caller of the first requests) and give the ' +
          'workload an application inference profile with an owner tag before it grows.',
        saving: null,
      },
    };
  },
};
