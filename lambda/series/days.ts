/** Days as whole numbers since 1970-01-01 (UTC), and back to `YYYY-MM-DD`. */

const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** The day number of a `YYYY-MM-DD` calendar day, or null for anything else. */
export function dayNumber(text: unknown): number | null {
  if (typeof text !== 'string' || !DAY_TEXT.test(text)) return null;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const number = Date.UTC(year, month - 1, day) / MS_PER_DAY;
  return dayText(number) === text ? number : null;
}

/** The `YYYY-MM-DD` text of a day number. */
export function dayText(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
