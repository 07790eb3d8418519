/**
 * Splits the JSON bytes of a capture into its pages without parsing the
 * whole of it: only the outer one or two levels are read here, and each
 * spend page is handed on as bytes, to be read on its own, so that at
 * most one page is held at a time.
 */

import { JSON_BYTES, JsonCursor, NotReadable, parse } from './json-cursor';

const { CLOSE_OBJECT, COLON, COMMA, OPEN_LIST, OPEN_OBJECT } = JSON_BYTES;

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf] as const;

/**
 * Reads the spend page that comes next at the cursor, and leaves the
 * cursor after it. A `NotReadable` it throws (as `JsonCursor.value` does
 * for text that is not JSON) leaves the capture to the whole read.
 */
export type SpendPageReader = (cursor: JsonCursor) => void;

/** The top-level keys, each value parsed, except the spend pages that went to `onSpendPage`. */
export type SplitCapture =
  | { readonly kind: 'pages' }
  | { readonly kind: 'operations'; readonly parts: Record<string, unknown> };

/**
 * Splits a capture keyed by operation, or a JSON list of pages, handing
 * `onSpendPage` the cursor at each `GetCostAndUsage` page in turn. Returns
 * null for anything else (a single page, JSON that is not a capture, text
 * that is not JSON, a key given twice): the caller reads those whole, for
 * the exact message. Any other error `onSpendPage` throws is passed on.
 */
export function splitCaptureText(
  bytes: Uint8Array,
  onSpendPage: SpendPageReader,
): SplitCapture | null {
  const bom = BYTE_ORDER_MARK.every((code, index) => bytes[index] === code);
  const cursor = new JsonCursor(bytes, bom ? BYTE_ORDER_MARK.length : 0, bytes.length);
  try {
    const split =
      cursor.peek() === OPEN_LIST
        ? splitPages(cursor, onSpendPage)
        : splitOperations(cursor, onSpendPage);
    return split !== null && cursor.atEnd() ? split : null;
  } catch (error) {
    if (error instanceof NotReadable) return null;
    throw error;
  }
}

function splitPages(cursor: JsonCursor, onSpendPage: SpendPageReader): SplitCapture | null {
  let pages = 0;
  cursor.eachOfList(() => {
    onSpendPage(cursor);
    pages++;
  });
  // An empty list is not a capture; the whole read says so.
  return pages === 0 ? null : { kind: 'pages' };
}

function splitOperations(cursor: JsonCursor, onSpendPage: SpendPageReader): SplitCapture | null {
  const parts = new Map<string, unknown>();
  let streamed = false;
  cursor.expect(OPEN_OBJECT);
  if (cursor.take(CLOSE_OBJECT)) return null;
  do {
    const key = parse(cursor.rawValue());
    cursor.expect(COLON);
    if (typeof key !== 'string' || parts.has(key) || (key === 'GetCostAndUsage' && streamed)) {
      throw new NotReadable();
    }
    if (key === 'GetCostAndUsage' && cursor.peek() === OPEN_LIST) {
      cursor.eachOfList(() => onSpendPage(cursor));
      streamed = true;
    } else {
      parts.set(key, cursor.value());
    }
  } while (cursor.take(COMMA));
  cursor.expect(CLOSE_OBJECT);

  const hasSpend = streamed || parts.get('GetCostAndUsage') !== undefined;
  return hasSpend ? { kind: 'operations', parts: Object.fromEntries(parts) } : null;
}
