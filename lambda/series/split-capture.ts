/**
 * Splits the JSON bytes of a capture into its pages without parsing the
 * whole of it: only the outer one or two levels are read here, and each
 * page is parsed on its own, so at most one parsed page is held at a time.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf] as const;

/** The top-level keys, each value parsed, except the spend pages that went to `onSpendPage`. */
export type SplitCapture =
  | { readonly kind: 'pages' }
  | { readonly kind: 'operations'; readonly parts: Record<string, unknown> };

/** Thrown inside the split when the text is not what it can read; never leaves the module. */
class NotSplittable extends Error {}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

class Cursor {
  at = 0;

  constructor(private readonly bytes: Uint8Array) {
    if (BYTE_ORDER_MARK.every((code, index) => bytes[index] === code)) this.at = 3;
  }

  /** The next byte that is not white space, without taking it; -1 at the end. */
  peek(): number {
    while (this.at < this.bytes.length && isSpace(this.bytes[this.at] as number)) this.at++;
    return this.at < this.bytes.length ? (this.bytes[this.at] as number) : -1;
  }

  expect(code: number): void {
    if (this.peek() !== code) throw new NotSplittable();
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
    const bytes = this.bytes;
    const start = this.at;
    const first = this.peek();
    if (first === -1) throw new NotSplittable();
    let at = this.at;
    if (first === QUOTE) {
      at = stringEnd(bytes, at);
    } else if (first === OPEN_OBJECT || first === OPEN_LIST) {
      at = nestedEnd(bytes, at);
    } else {
      while (at < bytes.length && !isDelimiter(bytes[at] as number)) at++;
    }
    this.at = at;
    return decode(bytes, start, at);
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
  throw new NotSplittable();
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
  throw new NotSplittable();
}

function decode(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new NotSplittable();
  }
}

/**
 * Splits a capture keyed by operation, or a JSON list of pages, handing
 * each `GetCostAndUsage` page to `onSpendPage` as it is parsed. Returns
 * null for anything else (a single page, JSON that is not a capture, text
 * that is not JSON, a key given twice): the caller reads those whole, for
 * the exact message. An error thrown by `onSpendPage` is passed on.
 */
export function splitCaptureText(
  bytes: Uint8Array,
  onSpendPage: (page: unknown) => void,
): SplitCapture | null {
  const cursor = new Cursor(bytes);
  try {
    const split =
      cursor.peek() === OPEN_LIST
        ? splitPages(cursor, onSpendPage)
        : splitOperations(cursor, onSpendPage);
    return split !== null && cursor.atEnd() ? split : null;
  } catch (error) {
    if (error instanceof NotSplittable) return null;
    throw error;
  }
}

function splitPages(cursor: Cursor, onSpendPage: (page: unknown) => void): SplitCapture | null {
  let pages = 0;
  cursor.eachOfList(() => {
    onSpendPage(cursor.value());
    pages++;
  });
  // An empty list is not a capture; the whole read says so.
  return pages === 0 ? null : { kind: 'pages' };
}

function splitOperations(
  cursor: Cursor,
  onSpendPage: (page: unknown) => void,
): SplitCapture | null {
  const parts = new Map<string, unknown>();
  let streamed = false;
  cursor.expect(OPEN_OBJECT);
  if (cursor.take(CLOSE_OBJECT)) return null;
  do {
    const key = parse(cursor.rawValue());
    cursor.expect(COLON);
    if (typeof key !== 'string' || parts.has(key) || (key === 'GetCostAndUsage' && streamed)) {
      throw new NotSplittable();
    }
    if (key === 'GetCostAndUsage' && cursor.peek() === OPEN_LIST) {
      cursor.eachOfList(() => onSpendPage(cursor.value()));
      streamed = true;
    } else {
      parts.set(key, cursor.value());
    }
  } while (cursor.take(COMMA));
  cursor.expect(CLOSE_OBJECT);

  const hasSpend = streamed || parts.get('GetCostAndUsage') !== undefined;
  return hasSpend ? { kind: 'operations', parts: Object.fromEntries(parts) } : null;
}
