import type { PageContext } from './cost-pages';
import { dayNumber, dayText } from './days';
import { CaptureError, RECORD_FIX } from './errors';

/** The days of a history: contiguous, ascending, all before `end` (the asOf day). */
export type Calendar = {
  /** Day number of `days[0]`; equal to `end` when there are no days. */
  readonly first: number;
  /** Day number of asOf, the first day not in the history. */
  readonly end: number;
  readonly days: readonly string[];
  readonly estimated: readonly boolean[];
  /** Days inside the range that no page has a result for. */
  readonly missing: readonly string[];
};

function asOfDay(asOf: string | undefined, newest: number | null, ctx: PageContext): number {
  if (asOf !== undefined) {
    const day = dayNumber(asOf);
    if (day === null)
      throw new RangeError(`asOf is ${JSON.stringify(asOf)}, not a day (YYYY-MM-DD).`);
    return day;
  }
  if (newest === null) {
    throw new CaptureError({ ...ctx, problem: 'holds no days at all', fix: RECORD_FIX });
  }
  return newest + 1;
}

/** Which days a history is of; see `BuildHistoryOptions`. */
export type CalendarWindow = {
  readonly asOf?: string | undefined;
  readonly from?: string | undefined;
  readonly estimatedFrom?: string | undefined;
};

function windowDay(text: string | undefined, name: string): number | null {
  if (text === undefined) return null;
  const day = dayNumber(text);
  if (day === null)
    throw new RangeError(`${name} is ${JSON.stringify(text)}, not a day (YYYY-MM-DD).`);
  return day;
}

/**
 * The days of a history, from each day some result is for and whether it
 * is estimated. The history runs from the earliest such day (on or after
 * `from`, when given) to the day before asOf (by default the day after the
 * newest one); days from `estimatedFrom` on count as estimated too.
 */
export function readCalendar(
  estimatedByDay: ReadonlyMap<number, boolean>,
  ctx: PageContext,
  window: CalendarWindow,
): Calendar {
  const seen = [...estimatedByDay.keys()];
  const newest = seen.length === 0 ? null : Math.max(...seen);

  const end = asOfDay(window.asOf, newest, ctx);
  const from = windowDay(window.from, 'from') ?? Number.NEGATIVE_INFINITY;
  const estimatedFrom = windowDay(window.estimatedFrom, 'estimatedFrom') ?? end;
  const before = seen.filter((day) => day < end && day >= from);
  const first = before.length === 0 ? end : Math.min(...before);
  const last = before.length === 0 ? end - 1 : Math.max(...before);

  const days: string[] = [];
  const estimated: boolean[] = [];
  const missing: string[] = [];
  for (let day = first; day <= last; day++) {
    const text = dayText(day);
    const flag = estimatedByDay.get(day);
    days.push(text);
    estimated.push(flag === true || day >= estimatedFrom);
    if (flag === undefined) missing.push(text);
  }
  return { first, end, days, estimated, missing };
}
