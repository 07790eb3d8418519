import type { MeterSeries, SpendHistory } from '../series/types';
import { derivedOnce } from './history-index';
import { isPremium, isTokenMeter, modelIdentity } from './meter-lookup';
import { mean, sum, unitPrice, windowEnding } from './series-math';
import { MONTH_BASIS_DAYS } from './spend-window';

/** Token spend of one model over a window, across its regions and charges. */
export type ModelSpend = {
  readonly identity: string;
  readonly model: string;
  readonly family: string | null;
  readonly premium: boolean;
  readonly costUsd: number;
  readonly meters: readonly MeterSeries[];
};

/** Cost of a series over the `days` ending at `end`. */
export function windowCost(series: MeterSeries, end: number, days = MONTH_BASIS_DAYS): number {
  return sum(windowEnding(series.cost, end, days));
}

/** Usage of a series over the `days` ending at `end`. */
export function windowUsage(series: MeterSeries, end: number, days = MONTH_BASIS_DAYS): number {
  return sum(windowEnding(series.usage, end, days));
}

/**
 * Average daily usage over the 28 days ending at `end`, counted from the
 * first day the meter billed in them, so a meter that started late is not
 * diluted by the days before it existed.
 */
export function recentDailyUsage(series: MeterSeries, end: number): number {
  const window = windowEnding(series.usage, end, MONTH_BASIS_DAYS);
  const first = window.findIndex((use) => use > 0);
  return first < 0 ? 0 : mean(window.slice(first));
}

/** Observed price per unit over a window: the history's own cost over its own usage. */
export function observedUnitPrice(
  series: MeterSeries,
  end: number,
  days = MONTH_BASIS_DAYS,
): number | null {
  return unitPrice(windowCost(series, end, days), windowUsage(series, end, days));
}

/**
 * Token spend per model over the 28 days ending at `end`, largest first;
 * worked out once per history and day.
 */
export function tokenSpendByModel(history: SpendHistory, end: number): ModelSpend[] {
  return [...derivedOnce(history, `token-spend:${end}`, () => spendByModel(history, end))];
}

function spendByModel(history: SpendHistory, end: number): ModelSpend[] {
  const byModel = new Map<string, MeterSeries[]>();
  for (const series of history.meters) {
    const identity = modelIdentity(series.meter);
    if (identity === null || !isTokenMeter(series.meter.info)) continue;
    const meters = byModel.get(identity);
    if (meters === undefined) byModel.set(identity, [series]);
    else meters.push(series);
  }

  const spends = [...byModel.entries()].map(([identity, meters]) =>
    toModelSpend(identity, meters, end),
  );
  return spends.filter((spend) => spend.costUsd > 0).sort((a, b) => b.costUsd - a.costUsd);
}

function toModelSpend(identity: string, meters: MeterSeries[], end: number): ModelSpend {
  const first = meters[0] as MeterSeries;
  return {
    identity,
    model: identity,
    family: first.meter.info.modelFamily,
    premium: isPremium(first.meter.info),
    costUsd: sum(meters.map((series) => windowCost(series, end))),
    meters,
  };
}
