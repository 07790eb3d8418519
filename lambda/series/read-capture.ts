import type { Capture } from '../collect/capture';
import { checkCapture, checkCaptureParts } from './check-capture';
import { CaptureError, shown } from './errors';
import { isRecord, type JsonRecord, pagesAt, recordAt } from './fields';
import { type LoggedCapture, loggedCapture } from './history';
import { jsonErrorPosition } from './json-position';
import { readPageBytes } from './page-bytes';
import { SpendLog } from './spend-log';
import { splitCaptureText } from './split-capture';

/** Operations a capture keeps as lists of pages. */
const PAGED_OPERATIONS = [
  'GetCostAndUsage',
  'GetAnomalies',
  'GetAnomalyMonitors',
  'GetDimensionValues',
  'GetCostAndUsageByAccount',
  'GetCostAndUsageByTag',
] as const;

const SINGLE_PARTS = ['GetCostForecast', 'Meta'] as const;
const KNOWN_KEYS: readonly string[] = [...PAGED_OPERATIONS, ...SINGLE_PARTS];

const SHAPE_FIX =
  'Give a capture keyed by operation ({"GetCostAndUsage": [pages...], ...}), one ' +
  '`aws ce get-cost-and-usage --output json` output, or a JSON array of such outputs.';

const BYTE_ORDER_MARK = '\uFEFF';

/** V8's reason without its own position or its copy of the text. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/, .*is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'the text ends before the JSON does');
}

function parseJson(text: string, source: string): unknown {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  if (body.trim().length === 0) {
    throw new CaptureError({ source, problem: 'is empty', fix: SHAPE_FIX });
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    const position = jsonErrorPosition(body);
    const near = position === null ? '' : shown(body.slice(position.offset, position.offset + 20));
    const at = position === null ? '' : `, at line ${position.line}, column ${position.column}`;
    const after = near === '' || near === '""' ? '' : ` (at ${near})`;
    const problem = `is not JSON: ${reasonOf(error)}${at}${after}`;
    const fix = 'Save the output of `aws ce ... --output json` unchanged, or fix the file there.';
    throw new CaptureError({ source, problem, fix, cause: error });
  }
}

function checkNoNearMisses(body: JsonRecord, source: string): void {
  for (const key of Object.keys(body)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const meant = KNOWN_KEYS.find((known) => known.toLowerCase() === key.toLowerCase());
    if (meant === undefined) continue;
    const problem = `has the key ${shown(key)}, which reads as ${meant} spelled differently`;
    throw new CaptureError({ source, problem, fix: `Rename it to ${meant}.` });
  }
}

function captureOfOperations(body: JsonRecord, source: string): Capture {
  checkNoNearMisses(body, source);
  return partsOf(body, source) as Capture;
}

/** The operations and parts of a capture keyed by operation, each checked to be pages or a part. */
function partsOf(body: JsonRecord, source: string): Record<string, unknown> {
  const capture: Record<string, unknown> = {};
  for (const operation of PAGED_OPERATIONS) {
    const value = body[operation];
    if (value === undefined) continue;
    capture[operation] = pagesAt(value, { source, operation, page: null, fix: SHAPE_FIX });
  }
  for (const part of SINGLE_PARTS) {
    if (body[part] === undefined) continue;
    capture[part] = recordAt(
      body[part],
      { source, operation: part, page: null, fix: SHAPE_FIX },
      'the part',
    );
  }
  return capture;
}

function captureOf(json: unknown, source: string): Capture {
  if (Array.isArray(json)) {
    if (json.length === 0) {
      throw new CaptureError({ source, problem: 'is an empty list of pages', fix: SHAPE_FIX });
    }
    return { GetCostAndUsage: json } as Capture;
  }
  if (isRecord(json) && json.GetCostAndUsage !== undefined)
    return captureOfOperations(json, source);
  if (isRecord(json) && json.ResultsByTime !== undefined)
    return { GetCostAndUsage: [json] } as Capture;

  if (isRecord(json)) checkNoNearMisses(json, source);
  const keys = isRecord(json) ? Object.keys(json).slice(0, 6) : [];
  const holds = isRecord(json)
    ? `is an object with ${keys.length > 0 ? `the keys ${keys.join(', ')}` : 'no keys'}`
    : `is ${shown(json)}`;
  const problem = `${holds}, not a capture: it has neither GetCostAndUsage nor ResultsByTime`;
  throw new CaptureError({ source, problem, fix: SHAPE_FIX });
}

/**
 * Reads a recorded capture from its JSON text, checking all of it first:
 * the result holds nothing half-read. Accepts a capture keyed by operation
 * (as a live run records it), a single `aws ce get-cost-and-usage --output
 * json` output, or a JSON array of such outputs (its pages).
 *
 * @param source names the capture in messages, usually its file path.
 * @throws CaptureError naming the source, operation, page and field of the
 *   first problem, and how to fix it.
 */
export function readCapture(text: string, source: string): Capture {
  const capture = captureOf(parseJson(text, source), source);
  checkCapture(capture, source);
  return capture;
}

/**
 * Reads a recorded capture from its JSON bytes as `readCapture` does, with
 * the same checks, but keeps its main pages as a spend log: each page is
 * parsed and logged in turn, so the whole capture is never held parsed at
 * once. A capture too unusual to split into pages, or one that is not
 * JSON, is read whole instead, for the exact message.
 *
 * @throws CaptureError as `readCapture` does.
 */
export function readLoggedCapture(bytes: Uint8Array, source: string): LoggedCapture {
  const log = new SpendLog(source);
  const split = splitCaptureText(bytes, (cursor) => {
    cursor.peek();
    const start = cursor.at;
    if (readPageBytes(cursor, log)) return;
    cursor.at = start;
    log.addPage(cursor.value());
  });
  if (split === null) return checked(readWhole(bytes, source));
  if (split.kind === 'pages') return checked({ spendLog: log });

  checkNoNearMisses(split.parts, source);
  const { GetCostAndUsage: pages, ...rest } = partsOf(split.parts, source);
  for (const page of (pages as readonly unknown[] | undefined) ?? []) log.addPage(page);
  return checked({ ...rest, spendLog: log });
}

/** The slow, exact path: the whole text parsed at once. */
function readWhole(bytes: Uint8Array, source: string): LoggedCapture {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return loggedCapture(captureOf(parseJson(text, source), source), source);
}

function checked(capture: LoggedCapture): LoggedCapture {
  checkCaptureParts(capture, capture.spendLog);
  return capture;
}
