import { addDays } from '../../lambda/collect/window';
import { dayText } from '../../lambda/series/days';

/** How one replayed run reads a capture recorded later; see `BuildHistoryOptions`. */
export type RunView = {
  /** The run's date: it sees only the days before it. */
  readonly asOf: string;
  /** The first day of its look-back window, as `lookback-days` makes the function read. */
  readonly from: string;
  /** Its newest days from this one on, which Cost Explorer would still mark estimated. */
  readonly estimatedFrom: string;
};

/**
 * The days a run on `asOf` would have collected: its look-back window,
 * the newest `estimatedDays` of them marked estimated as Cost Explorer
 * marks them.
 */
export function runView(asOf: string, lookbackDays: number, estimatedDays: number): RunView {
  return {
    asOf,
    from: addDays(asOf, -lookbackDays),
    estimatedFrom: addDays(asOf, -estimatedDays),
  };
}

/**
 * How many of the capture's newest days are estimated, from each day it
 * has and whether any page marks it estimated: each replayed run treats
 * its own newest days the same way.
 */
export function trailingEstimatedDays(days: ReadonlyMap<number, boolean>): number {
  const newestFirst = [...days.entries()].sort(([a], [b]) => b - a);
  const settled = newestFirst.findIndex(([, estimated]) => !estimated);
  return settled === -1 ? newestFirst.length : settled;
}

/** The day after the newest day the capture has, `YYYY-MM-DD`; undefined when it has none. */
export function dayAfterNewest(days: ReadonlyMap<number, boolean>): string | undefined {
  if (days.size === 0) return undefined;
  return dayText(Math.max(...days.keys()) + 1);
}

/**
 * The capture as the run on `runDate` reads it. A forecast is of the day
 * it was asked for, so only the run on the capture's own date, `lastRun`,
 * keeps the recorded one.
 */
export function captureForRun<C extends { readonly GetCostForecast?: unknown }>(
  capture: C,
  runDate: string,
  lastRun: string,
): C {
  if (runDate === lastRun) return capture;
  const { GetCostForecast: _forecast, ...withoutForecast } = capture;
  return withoutForecast as C;
}
