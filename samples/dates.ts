const DAY_MS = 86_400_000;

/** `count` consecutive `YYYY-MM-DD` days ending with `last`. */
export function daysEndingOn(last: string, count: number): string[] {
  const lastMs = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    new Date(lastMs - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Sunday to 6 for Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const dayOfWeek = weekday(day);
  return dayOfWeek === 0 || dayOfWeek === 6;
}
