import type { SpendHistory } from '../series/types';

/**
 * Which days of a history can be judged. Cost Explorer marks its newest days
 * `Estimated`: they may still grow, so detectors judge complete days and only
 * look at estimated ones for spikes already visible in incomplete data.
 */

/** Days in the month of a monthly-equivalent amount (a run-rate, a window scaled up). */
export const MONTH_DAYS = 30;

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Day of the week of a `YYYY-MM-DD` date, 0 for Sunday. */
export function weekdayOf(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)).getUTCDay();
}

/** Short English name of a weekday number (`Mon`). */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[((weekday % 7) + 7) % 7] as string;
}

/** Index of the newest day not marked estimated, or -1 when there is none. */
export function lastCompleteIndex(history: SpendHistory): number {
  for (let index = history.days.length - 1; index >= 0; index--) {
    if (history.estimated[index] !== true) return index;
  }
  return -1;
}

/** Indices of the estimated days after `lastComplete`, newest first. */
export function estimatedIndicesAfter(history: SpendHistory, lastComplete: number): number[] {
  const indices: number[] = [];
  for (let index = history.days.length - 1; index > lastComplete; index--) {
    if (history.estimated[index] === true) indices.push(index);
  }
  return indices;
}

/** The day at `index`, or an empty string outside the window. */
export function dayAt(history: SpendHistory, index: number): string {
  return history.days[index] ?? '';
}
