/**
 * A Cost Explorer amount as a number. Amounts are strings in responses
 * (`"12.34"`), numbers in some hand-made captures; NaN for anything that is
 * not a finite number, including an empty or blank string (which `Number`
 * would read as 0).
 */
export function amountOf(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== 'string' || value.length === 0) return Number.NaN;
  const amount = Number(value);
  if (amount === 0 && value.trim().length === 0) return Number.NaN;
  return Number.isFinite(amount) ? amount : Number.NaN;
}
