/** Exact powers of ten: every one up to 1e22 is a double without rounding. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, exponent) => 10 ** exponent);

/** Above this, one more digit could take the mantissa past 2^53. */
const MANTISSA_LIMIT = 900_719_925_474_099;

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const DOT = 46;
const MINUS = 45;

/**
 * Reads a plain decimal (`-12.3400000000`) without `Number`, which is the
 * cost of reading millions of amounts. When the digits form an integer
 * below 2^53 and at most 22 follow the point, dividing by an exact power
 * of ten rounds once, so the result is the same double `Number` gives.
 * Anything else (exponents, spaces, too many digits) returns null.
 *
 * `codeAt` gives the character codes of the text, `length` of them.
 */
function plainDecimalOf(length: number, codeAt: (index: number) => number): number | null {
  let index = length > 0 && codeAt(0) === MINUS ? 1 : 0;
  const negative = index === 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;

  for (; index < length; index++) {
    const code = codeAt(index);
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      if (mantissa > MANTISSA_LIMIT) return null;
      mantissa = mantissa * 10 + (code - DIGIT_0);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (code === DOT && decimals < 0) {
      decimals = 0;
    } else {
      return null;
    }
  }
  const scale = POWERS_OF_TEN[Math.max(decimals, 0)];
  if (digits === 0 || scale === undefined) return null;
  const value = mantissa / scale;
  return negative ? -value : value;
}

/** `plainDecimalOf` a string. */
function plainDecimal(text: string): number | null {
  return plainDecimalOf(text.length, (index) => text.charCodeAt(index));
}

/** `plainDecimalOf` the bytes from `start` to before `end`: the same number the text gives. */
export function plainDecimalBytes(bytes: Uint8Array, start: number, end: number): number | null {
  return plainDecimalOf(end - start, (index) => bytes[start + index] as number);
}

/**
 * A Cost Explorer amount as a number. Amounts are strings in responses
 * (`"12.34"`), numbers in some hand-made captures; NaN for anything that is
 * not a finite number, including an empty or blank string (which `Number`
 * would read as 0).
 */
export function amountOf(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== 'string' || value.length === 0) return Number.NaN;
  const plain = plainDecimal(value);
  if (plain !== null) return plain;
  const amount = Number(value);
  if (amount === 0 && value.trim().length === 0) return Number.NaN;
  return Number.isFinite(amount) ? amount : Number.NaN;
}
