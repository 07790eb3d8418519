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
 * The expected level of `values[judged]`, before its spread: the median of
 * the same weekday's complete days in `[from, judged)` when there are at
 * least `MIN_WEEKDAY_POINTS` of them, else of all of them. Cheap (one small
 * sort), so that a detector can rule most days out before measuring the
 * spread. Null when fewer than `MIN_BASELINE_DAYS` complete days are left.
 */
export function baselineLevel(
  values: readonly number[],
  from: number,
  judged: number,
  context: BaselineContext,
): BaselineLevel | null {
  const { weekdays, complete, all, sameDay } = context;
  const target = weekdays[judged] as number;
  let points = 0;
  let weekdayPoints = 0;
  let firstIndex = -1;
  let lastIndex = -1;

  for (let index = Math.max(0, from); index < judged; index++) {
    if (complete[index] !== 1) continue;
    const value = values[index] ?? 0;
    if (weekdays[index] === target) sameDay[weekdayPoints++] = value;
    if (firstIndex < 0) firstIndex = index;
    lastIndex = index;
    points++;
  }
  if (points < MIN_BASELINE_DAYS) return null;

  const basis: BaselineBasis = weekdayPoints >= MIN_WEEKDAY_POINTS ? 'weekday' : 'all';
  if (basis === 'all') {
    let count = 0;
    for (let index = firstIndex; index <= lastIndex; index++) {
      if (complete[index] === 1) all[count++] = values[index] ?? 0;
    }
  }
  const expected =
    basis === 'weekday' ? medianInPlace(sameDay, weekdayPoints) : medianInPlace(all, points);
  return { expected, basis, target, points, weekdayPoints, firstIndex, lastIndex };
}

/** The first step of a baseline: its window and expected level. */
export type BaselineLevel = Omit<Baseline, 'mad' | 'scale'> & {
  /** Weekday of the judged day, 0 for Sunday. */
  readonly target: number;
};

/**
 * Completes a baseline with its spread: the median absolute deviation of
 * every baseline day from its own weekday's level (a weekday with too few
 * days uses the overall median), or from the overall median on the `all`
 * basis; then floored so that a flat series still has a scale.
 */
export function baselineSpread(
  values: readonly number[],
  level: BaselineLevel,
  context: BaselineContext,
): Baseline {
  const { all, sameDay, profile, weekdays, complete } = context;
  const { firstIndex, lastIndex, basis } = level;

  if (basis === 'weekday') {
    let count = 0;
    for (let index = firstIndex; index <= lastIndex; index++) {
      if (complete[index] === 1) all[count++] = values[index] ?? 0;
    }
    const overall = medianInPlace(all, count);
    // Each weekday's own median where it has enough days, the overall one otherwise.
    for (let weekday = 0; weekday < 7; weekday++) {
      let days = 0;
      for (let index = firstIndex; index <= lastIndex; index++) {
        if (complete[index] === 1 && weekdays[index] === weekday) {
          sameDay[days++] = values[index] ?? 0;
        }
      }
      profile[weekday] = days >= MIN_WEEKDAY_POINTS ? medianInPlace(sameDay, days) : overall;
    }
  } else {
    profile.fill(level.expected);
  }

  let count = 0;
  for (let index = firstIndex; index <= lastIndex; index++) {
    if (complete[index] !== 1) continue;
    all[count++] = Math.abs((values[index] ?? 0) - (profile[weekdays[index] as number] as number));
  }
  const mad = medianInPlace(all, count);
  const floor = SCALE_FLOOR_FRACTION * Math.abs(level.expected) + SCALE_FLOOR_USD;

  return {
    expected: level.expected,
    mad,
    scale: Math.max(MAD_SCALE * mad, floor),
    basis,
    points: level.points,
    weekdayPoints: level.weekdayPoints,
    firstIndex,
    lastIndex,
  };
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
  const level = baselineLevel(values, from, judged, context);
  return level === null ? null : baselineSpread(values, level, context);
}

/**
 * Robust score of `actual` against a baseline: how many scales it lies above
 * the expected value. An expected value below zero (credits left in) counts
 * as zero, since no spend can be expected to be negative.
 */
export function robustScore(actual: number, baseline: Baseline): number {
  return (actual - Math.max(baseline.expected, 0)) / baseline.scale;
}
