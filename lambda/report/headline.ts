import { dailyTotals } from '../mistakes/spend-window';
import type { SpendHistory } from '../series/types';
import type { Settings } from '../settings/settings';
import type { Headline } from './report';

/** Same-weekday days looked back on for a day's expected spend. */
const BASELINE_WEEKS = 8;
const WEEK = 7;

/**
 * The headline numbers of a run, all over the whole watched spend.
 *
 * A day's expected spend is the median of the total watched spend on the same
 * weekday in the (up to) eight weeks before it, complete days only; when the
 * window holds no such day yet, the median of every complete day before it.
 * The month to date covers the days of the newest day's month in the window,
 * estimated days included, and is expected to be the sum of those days'
 * expected spend. The month forecast is the month to date plus Cost
 * Explorer's forecast, when one was collected for the same month.
 */
export function buildHeadline(history: SpendHistory, settings: Settings): Headline {
  const totals = dailyTotals(history);
  const lastComplete = lastCompleteIndex(history);
  const monthDays = monthToDateIndexes(history.days);

  const monthToDateUsd = sum(monthDays.map((index) => totals[index] ?? 0));
  const monthToDateExpectedUsd = sum(
    monthDays.map((index) => expectedDailySpend(totals, history, index)),
  );

  return {
    currency: history.currency,
    lastCompleteDay: lastComplete === null ? null : (history.days[lastComplete] ?? null),
    lastDayUsd: lastComplete === null ? 0 : (totals[lastComplete] ?? 0),
    lastDayExpectedUsd:
      lastComplete === null ? 0 : expectedDailySpend(totals, history, lastComplete),
    monthToDateUsd,
    monthToDateExpectedUsd,
    monthlyBudgetUsd: settings.monthlyBudgetUsd,
    monthForecastUsd: monthForecast(history, monthToDateUsd),
  };
}

/** Expected total spend of the day at `index`, by the rule in {@link buildHeadline}. */
export function expectedDailySpend(
  totals: readonly number[],
  history: SpendHistory,
  index: number,
): number {
  const sameWeekday: number[] = [];
  for (let week = 1; week <= BASELINE_WEEKS; week += 1) {
    const earlier = index - week * WEEK;
    if (earlier >= 0 && history.estimated[earlier] !== true) sameWeekday.push(totals[earlier] ?? 0);
  }
  if (sameWeekday.length > 0) return median(sameWeekday);

  const before = totals.slice(0, index).filter((_, day) => history.estimated[day] !== true);
  return before.length > 0 ? median(before) : 0;
}

function lastCompleteIndex(history: SpendHistory): number | null {
  for (let index = history.days.length - 1; index >= 0; index -= 1) {
    if (history.estimated[index] !== true) return index;
  }
  return null;
}

/** Indexes of the window's days in the same month as its newest day. */
function monthToDateIndexes(days: readonly string[]): number[] {
  const newest = days[days.length - 1];
  if (newest === undefined) return [];

  const month = newest.slice(0, 7);
  return days.flatMap((day, index) => (day.slice(0, 7) === month ? [index] : []));
}

function monthForecast(history: SpendHistory, monthToDateUsd: number): number | null {
  const newest = history.days[history.days.length - 1];
  const forecast = history.forecast;
  if (forecast === null || newest === undefined) return null;

  // A forecast made on the first of a month is for that month, not the one the window ends in.
  if (forecast.start.slice(0, 7) !== newest.slice(0, 7)) return null;
  return monthToDateUsd + forecast.meanUsd;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
