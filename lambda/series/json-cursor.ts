/** A cursor over JSON bytes, for readers that parse only part of what they read. */

/**
 * The bytes that shape JSON. Readers take them into constants of their own
 * (`const { QUOTE } = JSON_BYTES`): in hot loops an imported binding can
 * cost a call per use where a module transpiles to CommonJS.
 */
export const JSON_BYTES = Object.freeze({
  QUOTE: 0x22,
  BACKSLASH: 0x5c,
  COMMA: 0x2c,
  COLON: 0x3a,
  OPEN_OBJECT: 0x7b,
  CLOSE_OBJECT: 0x7d,
  OPEN_LIST: 0x5b,
  CLOSE_LIST: 0x5d,
});
const { QUOTE, BACKSLASH, COMMA, OPEN_OBJECT, CLOSE_OBJECT, OPEN_LIST, CLOSE_LIST } = JSON_BYTES;

/** Thrown by a cursor when the text is not what its reader can read. */
export class NotReadable extends Error {}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * Reads JSON bytes from `at` to before `end` a token at a time. Nested
 * values can be skipped whole, their text checked only when parsed.
 */
export class JsonCursor {
  constructor(
    readonly bytes: Uint8Array,
    public at: number,
    readonly end: number,
  ) {}

  /** The next byte that is not white space, without taking it; -1 at the end. */
  peek(): number {
    while (this.at < this.end && isSpace(this.bytes[this.at] as number)) this.at++;
    return this.at < this.end ? (this.bytes[this.at] as number) : -1;
  }

  expect(code: number): void {
    if (this.peek() !== code) throw new NotReadable();
    this.at++;
  }

  /** Takes `code` if it comes next. */
  take(code: number): boolean {
    if (this.peek() !== code) return false;
    this.at++;
    return true;
  }

  /** The next value, parsed. */
  value(): unknown {
    return parse(this.rawValue());
  }

  /** The next value's text, skipped over; it is checked only when parsed. */
  rawValue(): string {
    const start = this.skipValue();
    return decode(this.bytes, start, this.at);
  }

  /** Skips the next value, unchecked, and returns where it starts. */
  skipValue(): number {
    const bytes = this.bytes;
    const first = this.peek();
    const start = this.at;
    if (first === -1) throw new NotReadable();
    let at = this.at;
    if (first === QUOTE) {
      at = stringEnd(bytes, at);
    } else if (first === OPEN_OBJECT || first === OPEN_LIST) {
      at = nestedEnd(bytes, at);
    } else {
      while (at < this.end && !isDelimiter(bytes[at] as number)) at++;
    }
    if (at > this.end) throw new NotReadable();
    this.at = at;
    return start;
  }

  /** Calls `each` for every value of the list that comes next. */
  eachOfList(each: () => void): void {
    this.expect(OPEN_LIST);
    if (this.take(CLOSE_LIST)) return;
    do each();
    while (this.take(COMMA));
    this.expect(CLOSE_LIST);
  }

  atEnd(): boolean {
    return this.peek() === -1;
  }
}

function isDelimiter(code: number): boolean {
  return code === COMMA || code === CLOSE_OBJECT || code === CLOSE_LIST || isSpace(code);
}

/** The index after the string that starts at `at`. */
function stringEnd(bytes: Uint8Array, at: number): number {
  for (let index = at + 1; index < bytes.length; index++) {
    const code = bytes[index];
    if (code === BACKSLASH) index++;
    else if (code === QUOTE) return index + 1;
  }
  throw new NotReadable();
}

/** The index after the object or list that starts at `at`, strings inside skipped. */
function nestedEnd(bytes: Uint8Array, at: number): number {
  let depth = 0;
  for (let index = at; index < bytes.length; index++) {
    const code = bytes[index];
    if (code === QUOTE) {
      index = stringEnd(bytes, index) - 1;
    } else if (code === OPEN_OBJECT || code === OPEN_LIST) {
      depth++;
    } else if (code === CLOSE_OBJECT || code === CLOSE_LIST) {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  throw new NotReadable();
}

export function decode(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}

export function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new NotReadable();
  }
}
