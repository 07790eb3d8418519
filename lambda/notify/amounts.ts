/** Dollars with cents and thousands separators: `$1,234.56`. */
export function usd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const cents = Math.abs(amount) < 0.005 ? 0 : Math.abs(amount);
  return `${sign}$${cents.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Change from `expected` to `actual` in percent: `+312%`, or null without a base. */
export function change(actual: number, expected: number): string | null {
  if (expected <= 0) return null;
  const pct = Math.round(((actual - expected) / expected) * 100);
  return `${pct >= 0 ? '+' : ''}${pct.toLocaleString('en-US')}%`;
}

/** A share from 0 to 1 as a percentage: `42%`. */
export function share(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
