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
 * cost of reading millions of amounts, one character code at a time. When
 * the digits form an integer below 2^53 and at most 22 follow the point,
 * dividing by an exact power of ten rounds once, so the value is the same
 * double `Number` gives. Anything else (exponents, spaces, too many
 * digits) has no value.
 */
class PlainDecimal {
  private mantissa = 0;
  private digits = 0;
  private decimals = -1;
  private negative = false;
  private codes = 0;

  start(): void {
    this.mantissa = 0;
    this.digits = 0;
    this.decimals = -1;
    this.negative = false;
    this.codes = 0;
  }

  /** Takes the next code; false when the text cannot be a plain decimal. */
  add(code: number): boolean {
    const first = this.codes++ === 0;
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      if (this.mantissa > MANTISSA_LIMIT) return false;
      this.mantissa = this.mantissa * 10 + (code - DIGIT_0);
      this.digits++;
      if (this.decimals >= 0) this.decimals++;
      return true;
    }
    if (code === DOT && this.decimals < 0) {
      this.decimals = 0;
      return true;
    }
    if (code === MINUS && first) {
      this.negative = true;
      return true;
    }
    return false;
  }

  value(): number | null {
    const scale = POWERS_OF_TEN[Math.max(this.decimals, 0)];
    if (this.digits === 0 || scale === undefined) return null;
    const value = this.mantissa / scale;
    return this.negative ? -value : value;
  }
}

const DECIMAL = new PlainDecimal();

function plainDecimal(text: string): number | null {
  DECIMAL.start();
  for (let index = 0; index < text.length; index++) {
    if (!DECIMAL.add(text.charCodeAt(index))) return null;
  }
  return DECIMAL.value();
}

/** The plain decimal the bytes from `start` to before `end` spell, as `amountOf` reads it. */
export function plainDecimalBytes(bytes: Uint8Array, start: number, end: number): number | null {
  DECIMAL.start();
  for (let index = start; index < end; index++) {
    if (!DECIMAL.add(bytes[index] as number)) return null;
  }
  return DECIMAL.value();
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
