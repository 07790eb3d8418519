const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const LOWEST = BARS[0];
const GAP = ' ';

/**
 * Draws a series as one line of Unicode bars, one bar per value.
 *
 * Bars are measured from zero, so a flat series looks flat and a spike
 * stands out: the scale runs from the lower of zero and the smallest value
 * to the higher of zero and the largest. A series of zeros is all low bars;
 * negative values (credits) sit below zero on the same scale. A value that
 * is not a finite number is drawn as a space.
 *
 * @example sparkline([0, 1, 2, 3, 4, 5, 6, 7]) === '▁▂▃▄▅▆▇█'
 */
export function sparkline(values: readonly number[]): string {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  const span = high - low;

  return values.map((value) => bar(value, low, span)).join('');
}

function bar(value: number, low: number, span: number): string {
  if (!Number.isFinite(value)) return GAP;
  if (span === 0) return LOWEST;

  const level = Math.round(((value - low) / span) * (BARS.length - 1));
  return BARS[level] ?? LOWEST;
}
