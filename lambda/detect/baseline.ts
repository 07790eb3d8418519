import type { SpendHistory } from '../series/types';
import { weekdayOf } from './calendar';
import { MAD_SCALE, medianInPlace } from './stats';

/**
 * A robust, weekday-aware baseline for one day of one meter: the median of
 * the complete days before it (of the same weekday when there are enough of
 * them) and the median absolute deviation around that weekly profile.
 */

/** Daily spend below this is treated as no spend (Cost Explorer keeps fractions of a cent). */
export const NEGLIGIBLE_USD = 0.01;

/** Fewest complete days a baseline needs before a day is judged against it. */
export const MIN_BASELINE_DAYS = 7;

/** Fewest same-weekday days needed to compare a day with its own weekday. */
export const MIN_WEEKDAY_POINTS = 3;

/** The scale never drops below this share of the expected value (plus a cent). */
export const SCALE_FLOOR_FRACTION = 0.05;
export const SCALE_FLOOR_USD = 0.01;

export type BaselineBasis = 'weekday' | 'all';

export type Baseline = {
  /** Median of the basis: the judged day's weekday, or all baseline days. */
  readonly expected: number;
  /** Median absolute deviation around the weekly profile, unscaled. */
  readonly mad: number;
  /** `MAD_SCALE * mad`, floored so that a flat series still has a scale. */
  readonly scale: number;
  readonly basis: BaselineBasis;
  /** Complete days in the baseline. */
  readonly points: number;
  /** Of those, days on the judged day's weekday. */
  readonly weekdayPoints: number;
  /** Index of the first and last baseline day in `SpendHistory.days`. */
  readonly firstIndex: number;
  readonly lastIndex: number;
};

/**
 * Per-run calendar and scratch buffers, built once and shared by every meter
 * so that judging a meter allocates nothing per day.
 */
export type BaselineContext = {
  readonly weekdays: Uint8Array;
  readonly complete: Uint8Array;
  readonly all: Float64Array;
  readonly sameDay: Float64Array;
  readonly profile: Float64Array;
};

export function createBaselineContext(history: SpendHistory): BaselineContext {
  const count = history.days.length;
  const weekdays = new Uint8Array(count);
  const complete = new Uint8Array(count);
  const firstWeekday = count > 0 ? weekdayOf(history.days[0] as string) : 0;

  for (let index = 0; index < count; index++) {
    // Days are contiguous, so the weekday follows from the first one.
    weekdays[index] = (firstWeekday + index) % 7;
    complete[index] = history.estimated[index] === true ? 0 : 1;
  }

  return {
    weekdays,
    complete,
    all: new Float64Array(count),
    sameDay: new Float64Array(count),
    profile: new Float64Array(7),
  };
}

/** Index of the first day whose absolute value reaches `NEGLIGIBLE_USD`, or -1. */
export function firstActiveIndex(values: readonly number[], before: number): number {
  for (let index = 0; index < before; index++) {
    if (Math.abs(values[index] ?? 0) >= NEGLIGIBLE_USD) return index;
  }
  return -1;
}

/**
 * Baseline of `values[judged]` from the complete days in `[from, judged)`.
 * Days before `from` are left out (the meter did not exist yet). Null when
 * fewer than `MIN_BASELINE_DAYS` complete days are left.
 */
export function weekdayBaseline(
  values: readonly number[],
  from: number,
  judged: number,
  context: BaselineContext,
): Baseline | null {
  const { weekdays, complete, all, sameDay } = context;
  const target = weekdays[judged];
  let points = 0;
  let weekdayPoints = 0;
  let firstIndex = -1;
  let lastIndex = -1;

  for (let index = Math.max(0, from); index < judged; index++) {
    if (complete[index] !== 1) continue;
    const value = values[index] ?? 0;
    all[points++] = value;
    if (weekdays[index] === target) sameDay[weekdayPoints++] = value;
    if (firstIndex < 0) firstIndex = index;
    lastIndex = index;
  }
  if (points < MIN_BASELINE_DAYS) return null;

  const window = { from: firstIndex, to: lastIndex, points, weekdayPoints };
  return weekdayPoints >= MIN_WEEKDAY_POINTS
    ? weekdayProfileBaseline(values, target as number, window, context)
    : allDaysBaseline(values, window, context);
}

type Window = {
  readonly from: number;
  readonly to: number;
  readonly points: number;
  readonly weekdayPoints: number;
};

function allDaysBaseline(
  values: readonly number[],
  window: Window,
  context: BaselineContext,
): Baseline {
  const { all } = context;
  const expected = medianInPlace(all, window.points);

  let count = 0;
  for (let index = window.from; index <= window.to; index++) {
    if (context.complete[index] === 1) all[count++] = Math.abs((values[index] ?? 0) - expected);
  }
  const mad = medianInPlace(all, count);

  return finish(expected, mad, 'all', window);
}

function weekdayProfileBaseline(
  values: readonly number[],
  target: number,
  window: Window,
  context: BaselineContext,
): Baseline {
  const { all, sameDay, profile, weekdays, complete } = context;
  const overall = medianInPlace(all, window.points);

  // Each weekday's own median where it has enough days, the overall one otherwise.
  for (let weekday = 0; weekday < 7; weekday++) {
    let count = 0;
    for (let index = window.from; index <= window.to; index++) {
      if (complete[index] === 1 && weekdays[index] === weekday) {
        sameDay[count++] = values[index] ?? 0;
      }
    }
    profile[weekday] = count >= MIN_WEEKDAY_POINTS ? medianInPlace(sameDay, count) : overall;
  }

  // The spread is measured on every baseline day, around its own weekday's level.
  let count = 0;
  for (let index = window.from; index <= window.to; index++) {
    if (complete[index] !== 1) continue;
    const level = profile[weekdays[index] as number] as number;
    all[count++] = Math.abs((values[index] ?? 0) - level);
  }
  const mad = medianInPlace(all, count);

  return finish(profile[target] as number, mad, 'weekday', window);
}

function finish(expected: number, mad: number, basis: BaselineBasis, window: Window): Baseline {
  const floor = SCALE_FLOOR_FRACTION * Math.abs(expected) + SCALE_FLOOR_USD;
  return {
    expected,
    mad,
    scale: Math.max(MAD_SCALE * mad, floor),
    basis,
    points: window.points,
    weekdayPoints: window.weekdayPoints,
    firstIndex: window.from,
    lastIndex: window.to,
  };
}

/** Robust score of `actual` against a baseline: deviations above the expected value. */
export function robustScore(actual: number, baseline: Baseline): number {
  return (actual - baseline.expected) / baseline.scale;
}
