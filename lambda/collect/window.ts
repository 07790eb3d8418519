/** Days as `YYYY-MM-DD`, in UTC, as Cost Explorer counts them. */

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The days a collection reads: `start` inclusive, `end` exclusive. */
export type CollectWindow = {
  readonly start: string;
  readonly end: string;
};

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = toDate(text);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function addDays(day: string, days: number): string {
  return new Date(toDate(day).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the month after the one `day` is in. */
export function firstOfNextMonth(day: string): string {
  const date = toDate(day);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))
    .toISOString()
    .slice(0, 10);
}

/**
 * The oldest day Cost Explorer serves at DAILY granularity on `today`: the
 * first day of the thirteenth month before the current one.
 */
export function oldestDailyDay(today: string): string {
  const date = toDate(today);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 13, 1))
    .toISOString()
    .slice(0, 10);
}

/** The look-back window before `asOf`: `[asOf - lookbackDays, asOf)`. */
export function lookbackWindow(asOf: string, lookbackDays: number): CollectWindow {
  return { start: addDays(asOf, -lookbackDays), end: asOf };
}

/** The later of two days. */
export function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
