import { formatQuantity, formatUnitPrice } from '../report/format';
import type { MeterSeries, SpendHistory } from '../series/types';
import { regionTwins } from './meter-lookup';
import { observedUnitPrice, recentDailyUsage } from './model-spend';
import type { Saving } from './rule';
import { DAYS_PER_MONTH } from './spend-window';

/**
 * The gap in price per unit between two meters billing the same charge,
 * both prices observed in the history (cost over usage), never looked up.
 */
export type PriceGap = {
  readonly pricey: MeterSeries;
  readonly cheap: MeterSeries;
  readonly priceyUnitPrice: number;
  readonly cheapUnitPrice: number;
  /** Relative gap: pricey over cheap, minus one. */
  readonly gap: number;
};

/** A meter's observed price per unit over the 28 days ending at a day. */
type PriceOf = (series: MeterSeries) => number | null;

/** The gap from `pricey` to the cheapest of `others`, or null when none is cheaper. */
export function cheapestGap(
  pricey: MeterSeries,
  others: readonly MeterSeries[],
  end: number,
  priceOf: PriceOf = (series) => observedUnitPrice(series, end),
): PriceGap | null {
  const priceyUnitPrice = priceOf(pricey);
  if (priceyUnitPrice === null) return null;

  let best: PriceGap | null = null;
  for (const other of others) {
    const cheapUnitPrice = priceOf(other);
    if (cheapUnitPrice === null || cheapUnitPrice <= 0 || cheapUnitPrice >= priceyUnitPrice)
      continue;
    const gap = priceyUnitPrice / cheapUnitPrice - 1;
    if (best === null || gap > best.gap) {
      best = { pricey, cheap: other, priceyUnitPrice, cheapUnitPrice, gap };
    }
  }
  return best;
}

/** The largest regional gap among these meters, weighted by what it costs a month. */
export function largestRegionalGap(
  history: SpendHistory,
  meters: readonly MeterSeries[],
  end: number,
): PriceGap | null {
  // Meters are each other's twins: work each price out once, not once per pair.
  const prices = new Map<MeterSeries, number | null>();
  const priceOf: PriceOf = (series) => {
    if (!prices.has(series)) prices.set(series, observedUnitPrice(series, end));
    return prices.get(series) ?? null;
  };

  let best: { gap: PriceGap; monthly: number } | null = null;
  for (const series of meters) {
    const gap = cheapestGap(series, regionTwins(history, series.meter), end, priceOf);
    if (gap === null) continue;
    const monthly = monthlyGapUsd(gap, end);
    if (best === null || monthly > best.monthly) best = { gap, monthly };
  }
  return best?.gap ?? null;
}

/** What the gap costs a month at the pricey meter's recent usage. */
export function monthlyGapUsd(gap: PriceGap, end: number, usageShare = 1): number {
  const dailyUsage = recentDailyUsage(gap.pricey, end);
  return dailyUsage * DAYS_PER_MONTH * usageShare * (gap.priceyUnitPrice - gap.cheapUnitPrice);
}

/**
 * A saving from moving the pricey meter's usage to the cheap one, with its
 * basis spelled out: usage, the two observed prices and the assumption.
 */
export function gapSaving(gap: PriceGap, end: number, assumption: string): Saving {
  const monthlyUsage = recentDailyUsage(gap.pricey, end) * DAYS_PER_MONTH;
  const usd = monthlyGapUsd(gap, end);
  return {
    usd,
    basis:
      `estimate: ${formatQuantity(monthlyUsage)} units a month (30 × the recent daily average) ` +
      `× the observed gap of ${formatUnitPrice(gap.priceyUnitPrice - gap.cheapUnitPrice)} ` +
      'per unit ' +
      `(${formatUnitPrice(gap.priceyUnitPrice)} against ${formatUnitPrice(gap.cheapUnitPrice)}), ` +
      assumption,
  };
}
