/**
 * Number formatting for people: every amount, ratio and share that a tip,
 * a Slack message or the terminal shows goes through these functions, so the
 * same number reads the same everywhere. Pure; no locale from the host.
 */

const GROUPED = /\B(?=(\d{3})+(?!\d))/g;

function group(digits: string): string {
  return digits.replace(GROUPED, ',');
}

function signed(text: string, negative: boolean): string {
  return negative ? `-${text}` : text;
}

/**
 * Dollars with cents and thousands separators: `$1,234.56`, `-$12.00`.
 * Amounts that would round to zero cents but are not zero keep three
 * significant digits (`$0.00312`) so that a small unit price stays readable.
 */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount)) return '$?';
  const negative = amount < 0;
  const size = Math.abs(amount);
  if (size > 0 && size < 0.005) return signed(`$${size.toPrecision(3)}`, negative);

  const [whole = '0', cents = '00'] = size.toFixed(2).split('.');
  return signed(`$${group(whole)}.${cents}`, negative);
}

/** Dollars without cents for large round figures: `$1,235`. */
export function formatUsdWhole(amount: number): string {
  if (!Number.isFinite(amount)) return '$?';
  const rounded = Math.round(Math.abs(amount));
  return signed(`$${group(String(rounded))}`, amount < 0 && rounded > 0);
}

/**
 * A price per unit with three significant digits: `$0.00300`, `$15.0`.
 * Unit prices are tiny for token meters, so cents would hide them.
 */
export function formatUnitPrice(amount: number): string {
  if (!Number.isFinite(amount)) return '$?';
  if (amount === 0) return '$0';
  const size = Math.abs(amount);
  const decimals = Math.min(12, Math.max(0, 2 - Math.floor(Math.log10(size))));
  const [whole = '0', fraction] = size.toFixed(decimals).split('.');
  const text = fraction === undefined ? group(whole) : `${group(whole)}.${fraction}`;
  return signed(`$${text}`, amount < 0);
}

/** A multiple of something: `4.2x`; one decimal under 100, none above. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  if (Math.abs(ratio) >= 100) return `${group(Math.round(ratio).toString())}x`;
  return `${ratio.toFixed(1)}x`;
}

/**
 * A relative change given as a fraction: 3.12 is `+312%`, -0.45 is `-45%`.
 * Whole percent; a change that rounds to zero is `0%`.
 */
export function formatChange(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  const percent = Math.round(fraction * 100);
  if (percent === 0) return '0%';
  const text = `${group(String(Math.abs(percent)))}%`;
  return percent > 0 ? `+${text}` : `-${text}`;
}

/** A share given as a fraction 0..1: `37%`; below one percent but not zero, `<1%`. */
export function formatShare(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  if (fraction > 0 && fraction < 0.005) return '<1%';
  return `${Math.round(fraction * 100)}%`;
}

const MAGNITUDES = [
  { size: 1e12, suffix: 'T' },
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'k' },
] as const;

/** A usage quantity, shortened: `950`, `12.3k`, `4.5M`. */
export function formatQuantity(quantity: number): string {
  if (!Number.isFinite(quantity)) return 'n/a';
  const size = Math.abs(quantity);
  for (const { size: step, suffix } of MAGNITUDES) {
    if (size >= step) return `${quantity < 0 ? '-' : ''}${trimmed(size / step)}${suffix}`;
  }
  return `${quantity < 0 ? '-' : ''}${trimmed(size)}`;
}

function trimmed(value: number): string {
  const digits = value >= 100 ? 0 : 1;
  return Number(value.toFixed(digits)).toString();
}
