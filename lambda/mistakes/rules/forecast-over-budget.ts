import { formatUsd } from '../../report/format';
import type { MeterSeries } from '../../series/types';
import { DOC_LINKS } from '../catalogue';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { sum } from '../series-math';
import { shortMeter } from '../where';

/**
 * The month's spend plus forecast runs over the budget: the budget exists in
 * this watchdog, but AWS itself does not warn anyone.
 */
export const forecastOverBudget: Rule = {
  name: 'forecast-over-budget',
  mistake: 7,
  needs:
    'A forecast-overrun finding (actual: month to date plus forecast; expected: the monthly ' +
    'budget); the meters of the current month name the largest contributor.',
  match(context: RuleContext): RuleMatch | null {
    const { finding, history, completeIndex } = context;
    if (finding.kind !== 'forecast-overrun') return null;

    const month = (history.days[completeIndex] ?? finding.day).slice(0, 7);
    const largest = largestThisMonth(history.meters, history.days, month);
    const lead =
      largest === null
        ? ''
        : `; the largest meter this month is ${shortMeter(largest.series.meter)} at ` +
          `${formatUsd(largest.costUsd)}`;
    return {
      mistake: 7,
      strength: 0.6,
      because:
        `Month to date plus forecast comes to ${formatUsd(finding.actualUsd)} against a budget ` +
        `of ${formatUsd(finding.expectedUsd)}, ${formatUsd(finding.impactUsd)} over${lead}, ` +
        'so the overrun will likely surface on the invoice.',
      tip: {
        action:
          `Create an AWS Budget of ${formatUsd(finding.expectedUsd)} with a forecasted-spend ` +
          `alert so AWS warns the owners directly, and start with the largest meter.`,
        link: DOC_LINKS.budgets,
        saving: null,
      },
    };
  },
};

function largestThisMonth(
  meters: readonly MeterSeries[],
  days: readonly string[],
  month: string,
): { series: MeterSeries; costUsd: number } | null {
  let best: { series: MeterSeries; costUsd: number } | null = null;
  for (const series of meters) {
    const costUsd = sum(series.cost.filter((_, index) => days[index]?.startsWith(month)));
    if (costUsd > 0 && (best === null || costUsd > best.costUsd)) best = { series, costUsd };
  }
  return best;
}
