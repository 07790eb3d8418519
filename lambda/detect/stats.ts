/**
 * Small robust statistics over numeric buffers. The detectors call these for
 * every meter, so they work on caller-owned `Float64Array` scratch space and
 * allocate nothing themselves.
 */

/** Scales a median absolute deviation to a standard deviation for normal data. */
export const MAD_SCALE = 1.4826;

/**
 * Median of the first `count` values of `buffer`. Sorts that part of the
 * buffer in place; returns NaN when `count` is 0.
 */
export function medianInPlace(buffer: Float64Array, count: number): number {
  if (count <= 0) return Number.NaN;

  if (count <= INSERTION_SORT_MAX) insertionSort(buffer, count);
  else buffer.subarray(0, count).sort();
  const middle = count >> 1;
  const upper = buffer[middle] as number;
  return count % 2 === 1 ? upper : ((buffer[middle - 1] as number) + upper) / 2;
}

/** Below this length a plain insertion sort beats the built-in sort (no view, no call). */
const INSERTION_SORT_MAX = 24;

function insertionSort(buffer: Float64Array, count: number): void {
  for (let index = 1; index < count; index++) {
    const value = buffer[index] as number;
    let slot = index - 1;
    while (slot >= 0 && (buffer[slot] as number) > value) {
      buffer[slot + 1] = buffer[slot] as number;
      slot--;
    }
    buffer[slot + 1] = value;
  }
}

/** Median of a plain array, leaving it untouched; NaN when it is empty. */
export function median(values: readonly number[]): number {
  return medianInPlace(Float64Array.from(values), values.length);
}

/** Median absolute deviation from `center` (unscaled); NaN when empty. */
export function medianAbsoluteDeviation(values: readonly number[], center: number): number {
  const deviations = Float64Array.from(values, (value) => Math.abs(value - center));
  return medianInPlace(deviations, deviations.length);
}

/** Sum of `values[from..to]`, both ends inclusive. */
export function sumRange(values: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let index = from; index <= to; index++) sum += values[index] ?? 0;
  return sum;
}

/**
 * Coefficient of variation (population standard deviation over the mean)
 * of `values[from..to]`; null when the mean is not positive.
 */
export function coefficientOfVariation(
  values: readonly number[],
  from: number,
  to: number,
): number | null {
  const count = to - from + 1;
  if (count <= 0) return null;

  const mean = sumRange(values, from, to) / count;
  if (!(mean > 0)) return null;

  let squares = 0;
  for (let index = from; index <= to; index++) {
    const gap = (values[index] ?? 0) - mean;
    squares += gap * gap;
  }
  return Math.sqrt(squares / count) / mean;
}

/** Rounds to `digits` decimals, for evidence a person reads. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Rounds to `digits` significant digits, for unit prices far below a cent. */
export function significant(value: number, digits = 4): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(digits));
}
