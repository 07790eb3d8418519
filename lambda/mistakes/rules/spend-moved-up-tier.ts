import { formatQuantity, formatShare, formatUnitPrice, formatUsd } from '../../report/format';
import type { MeterSeries, ModelTier } from '../../series/types';
import { isPremium, isTokenMeter, tierSiblings } from '../meter-lookup';
import { cheapestGap } from '../price-gap';
import type { Rule, RuleContext, RuleMatch, Saving } from '../rule';
import { clampStrength, sum, windowEnding } from '../series-math';
import { DAYS_PER_MONTH } from '../spend-window';
import { modelOrService } from '../where';

const TIER_RANK: Readonly<Record<ModelTier, number>> = { flagship: 0, mid: 1, small: 2 };
/** Least week-on-week fall of the smaller tier that counts as work moving. */
const MIN_FALL = 0.3;

type Move = { readonly sibling: MeterSeries; readonly fall: number; readonly movedUsage: number };

/**
 * Spend moving up a model family: a smaller tier's meter falls week on
 * week while this heavier tier's meter rises. The saving is the moved usage
 * at the price gap the history itself shows between the two tiers.
 */
export const spendMovedUpTier: Rule = {
  name: 'spend-moved-up-tier',
  mistake: 1,
  needs:
    'A spike, trend or new spend on a flagship or mid-tier token meter that rose week on week, ' +
    'and a smaller tier of the same family and charge whose last 7 days cost at least 30% less ' +
    'than the 7 before.',
  match(context: RuleContext): RuleMatch | null {
    const { finding, series, history, completeIndex } = context;
    if (!['spike', 'trend', 'new-spend'].includes(finding.kind) || series === null) return null;
    if (!isPremium(series.meter.info) || !isTokenMeter(series.meter.info)) return null;

    const rise = weekChange(series.cost, completeIndex);
    if (rise !== null && rise <= 0) return null;
    const move = largestMove(tierSiblings(history, series.meter), series, completeIndex);
    if (move === null) return null;

    const heavy = modelOrService(series.meter);
    const light = modelOrService(move.sibling.meter);
    const risen = rise === null ? 'started billing' : `rose by ${formatShare(rise)}`;
    return {
      mistake: 1,
      strength: clampStrength(0.55 + 0.3 * Math.min(1, move.fall)),
      because:
        `${light} fell ${formatShare(move.fall)} week on week while ${heavy} ${risen} on the ` +
        `same charge (${formatUsd(sum(lastWeek(series.cost, completeIndex)))} in the last 7 ` +
        'days), so work likely moved up to the heavier tier.',
      tip: {
        action:
          `Find the callers that switched from ${light} to ${heavy} and send the tasks ${light} ` +
          'handled back to it.',
        saving: movedSaving(series, move, completeIndex),
      },
    };
  },
};

function movedSaving(heavy: MeterSeries, move: Move, end: number): Saving | null {
  const gap = cheapestGap(heavy, [move.sibling], end);
  if (gap === null || move.movedUsage <= 0) return null;

  const perUnit = gap.priceyUnitPrice - gap.cheapUnitPrice;
  const monthlyUnits = (move.movedUsage / 7) * DAYS_PER_MONTH;
  return {
    usd: monthlyUnits * perUnit,
    basis:
      `estimate: the ${formatQuantity(move.movedUsage)} units a week that left ` +
      `${modelOrService(move.sibling.meter)}, for 30 days, × the observed gap of ` +
      `${formatUnitPrice(perUnit)} per unit (${formatUnitPrice(gap.priceyUnitPrice)} against ` +
      `${formatUnitPrice(gap.cheapUnitPrice)})`,
  };
}

function largestMove(
  siblings: readonly MeterSeries[],
  heavy: MeterSeries,
  end: number,
): Move | null {
  const heavyRank = tierRank(heavy);
  let best: Move | null = null;
  for (const sibling of siblings) {
    if (tierRank(sibling) <= heavyRank) continue;
    const change = weekChange(sibling.cost, end);
    if (change === null || -change < MIN_FALL) continue;
    const movedUsage = sum(weekBefore(sibling.usage, end)) - sum(lastWeek(sibling.usage, end));
    if (best === null || -change > best.fall) best = { sibling, fall: -change, movedUsage };
  }
  return best;
}

function tierRank(series: MeterSeries): number {
  const tier = series.meter.info.modelTier;
  return tier === null ? -1 : TIER_RANK[tier];
}

function lastWeek(values: readonly number[], end: number): number[] {
  return windowEnding(values, end, 7);
}

function weekBefore(values: readonly number[], end: number): number[] {
  return end >= 7 ? windowEnding(values, end - 7, 7) : [];
}

/** Last 7 days against the 7 before, as a fraction; null when the week before had no cost. */
function weekChange(values: readonly number[], end: number): number | null {
  const before = sum(weekBefore(values, end));
  return before > 0 ? sum(lastWeek(values, end)) / before - 1 : null;
}
