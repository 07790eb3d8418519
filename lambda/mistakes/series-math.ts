/** Small, pure statistics over daily series, as the rules need them. */

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Coefficient of variation (standard deviation over mean); 0 for an empty or zero series. */
export function variation(values: readonly number[]): number {
  const average = mean(values);
  if (average === 0) return 0;
  const squares = values.map((value) => (value - average) ** 2);
  return Math.sqrt(mean(squares)) / average;
}

/** The `length` values ending at `end` (inclusive), clipped at the start. */
export function windowEnding<T>(values: readonly T[], end: number, length: number): T[] {
  const start = Math.max(0, end - length + 1);
  return values.slice(start, end + 1);
}

/** Price per unit of a cost and usage total; null when there is no usage. */
export function unitPrice(cost: number, usage: number): number | null {
  return usage > 0 ? cost / usage : null;
}

/**
 * Sums of the last `weeks` whole weeks ending at `end`, oldest first; a week
 * that would start before the series is left out.
 */
export function weeklySums(values: readonly number[], end: number, weeks: number): number[] {
  const sums: number[] = [];
  for (let week = weeks - 1; week >= 0; week--) {
    const last = end - week * 7;
    if (last - 6 < 0) continue;
    sums.push(sum(values.slice(last - 6, last + 1)));
  }
  return sums;
}

/** How many of the latest steps in a series grew, counted back from the end. */
export function growingSteps(values: readonly number[]): number {
  let steps = 0;
  for (let index = values.length - 1; index > 0; index--) {
    if ((values[index] ?? 0) <= (values[index - 1] ?? 0)) break;
    steps++;
  }
  return steps;
}

/** The most a rule may claim: the bill shows symptoms, never certainty. */
export const MAX_STRENGTH = 0.95;

/** Clamp a strength into 0..0.95, rounded to two decimals. */
export function clampStrength(value: number): number {
  return Math.round(Math.min(MAX_STRENGTH, Math.max(0, value)) * 100) / 100;
}
