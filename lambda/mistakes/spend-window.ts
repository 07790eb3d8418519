import type { Finding } from '../detect/finding';
import type { MeterSeries, SpendHistory } from '../series/types';
import { derivedOnce, historyIndex } from './history-index';
import { findSeries, serviceMeters } from './meter-lookup';
import { mean, windowEnding } from './series-math';

/** Days whose average makes a monthly figure. */
export const MONTH_BASIS_DAYS = 28;
/** Days in a month, for monthly figures. */
export const DAYS_PER_MONTH = 30;
/** Days of cost that an explained finding carries for its sparkline. */
export const RECENT_DAYS = 14;

/** Index of a day in the history, or the newest day when it is not there. */
export function dayIndexOf(history: SpendHistory, day: string): number {
  const index = history.days.indexOf(day);
  return index >= 0 ? index : history.days.length - 1;
}

/** The newest day at or before `index` that is not estimated; `index` if none is. */
export function completeIndexAtOrBefore(history: SpendHistory, index: number): number {
  for (let at = index; at >= 0; at--) if (history.estimated[at] !== true) return at;
  return index;
}

/** Daily cost of several series added up. */
export function addSeries(series: readonly MeterSeries[], days: number): number[] {
  return addUp(
    series.map((one) => one.cost),
    days,
  );
}

/** Daily usage of several series added up (meaningful only for one unit). */
export function addUsage(series: readonly MeterSeries[], days: number): number[] {
  return addUp(
    series.map((one) => one.usage),
    days,
  );
}

function addUp(rows: readonly (readonly number[])[], days: number): number[] {
  // Added in a typed array: tens of thousands of rows may come, and it stays unboxed.
  const total = new Float64Array(days);
  for (const row of rows) {
    const length = Math.min(days, row.length);
    for (let day = 0; day < length; day++)
      total[day] = (total[day] as number) + (row[day] as number);
  }
  return Array.from(total);
}

/** Total watched spend per day, added up once per history. */
export function dailyTotals(history: SpendHistory): number[] {
  return [
    ...derivedOnce(history, 'daily-totals', () => addSeries(history.meters, history.days.length)),
  ];
}

/**
 * The daily cost of what a finding is about: its meter, else its service,
 * else every watched meter.
 */
export function scopeCost(history: SpendHistory, finding: Finding): number[] {
  const series = findSeries(history, finding.meterKey);
  if (series !== null) return [...series.cost];

  if (historyIndex(history).byService.has(finding.service)) {
    return [...serviceCost(history, finding.service)];
  }
  return dailyTotals(history);
}

/** Daily cost of one service's meters, added up once per history and service. */
function serviceCost(history: SpendHistory, service: string): readonly number[] {
  return derivedOnce(history, `service-cost:${service}`, () =>
    addSeries(serviceMeters(history, service), history.days.length),
  );
}

/**
 * A monthly figure from daily values: the average of the 28 days ending at
 * `end`, times 30. Four whole weeks keep weekday and weekend in proportion.
 */
export function monthlyFrom(values: readonly number[], end: number): number {
  return mean(windowEnding(values, end, MONTH_BASIS_DAYS)) * DAYS_PER_MONTH;
}

/** The last 14 days ending at `end`, oldest first. */
export function recentFrom(values: readonly number[], end: number): number[] {
  return windowEnding(values, end, RECENT_DAYS);
}
