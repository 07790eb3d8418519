import { COST_METRICS } from '../settings/settings';
import { amountOf } from './amount';
import { dayNumber, dayText } from './days';
import { CaptureError, RECORD_FIX, shown } from './errors';
import { isRecord, type JsonRecord } from './fields';

/** Which responses are being read, for messages. */
export type PageContext = { readonly source: string; readonly operation: string };

/** What a grouping key must be: a dimension, or any cost-allocation tag. */
export type GroupKey = 'SERVICE' | 'USAGE_TYPE' | 'LINKED_ACCOUNT' | 'TAG';

/** How the pages of one operation must look. */
export type PageShape = {
  /** The grouping, in order; every group has one key per entry. */
  readonly groupBy: readonly GroupKey[];
  /** Every period must be exactly one day. */
  readonly daily: boolean;
};

/**
 * One group as the walk reads it. The same object is handed to every call
 * and overwritten, so a visitor copies what it keeps.
 */
export type CostRow = {
  /** 0-based page, result and group indexes. */
  page: number;
  result: number;
  group: number;
  /** Day number of the period's start. */
  day: number;
  estimated: boolean;
  keys: readonly string[];
  /** The group's `Metrics`, every amount in it checked to be a number. */
  metrics: JsonRecord;
  cost: number;
  usage: number;
  usageUnit: string | null;
};

/** The currency seen first in a capture, and where, to name both when another turns up. */
export type CurrencyTracker = { unit: string | null; where: string | null };

/** The parts of a `ResultsByTime` entry the walk reads. */
export type ResultRecord = JsonRecord & {
  readonly Groups?: unknown;
  readonly Total?: unknown;
  readonly Estimated?: unknown;
};

/** The main query: DAILY, grouped by SERVICE then USAGE_TYPE. */
export const SERVICE_USAGE_SHAPE: PageShape = { groupBy: ['SERVICE', 'USAGE_TYPE'], daily: true };

/** The metrics that are an amount of money. */
export const COST_METRIC_NAMES: ReadonlySet<string> = new Set(COST_METRICS);
const USAGE_QUANTITY = 'UsageQuantity';
const DAILY_FIX = 'Re-record the capture with --granularity DAILY.';

function fail(ctx: PageContext, page: number, field: string, problem: string, fix: string): never {
  throw new CaptureError({ ...ctx, page: page + 1, field, problem, fix });
}

function periodDay(
  ctx: PageContext,
  page: number,
  field: string,
  period: unknown,
  daily: boolean,
): number {
  if (!isRecord(period)) fail(ctx, page, field, `is ${shown(period)}, not a period`, RECORD_FIX);
  const start = dayNumber(period.Start);
  const end = dayNumber(period.End);
  const notDay = daily ? 'not a day (YYYY-MM-DD): the capture is not DAILY' : 'not a day';
  const fix = daily ? DAILY_FIX : RECORD_FIX;
  if (start === null)
    fail(ctx, page, `${field}.Start`, `is ${shown(period.Start)}, ${notDay}`, fix);
  if (end === null) fail(ctx, page, `${field}.End`, `is ${shown(period.End)}, ${notDay}`, fix);
  if (end <= start) fail(ctx, page, field, `ends on ${period.End}, before it starts`, RECORD_FIX);
  if (daily && end - start !== 1) {
    const span = `runs from ${dayText(start)} to ${dayText(end)} (${end - start} days)`;
    fail(ctx, page, field, `${span}, not one day: the capture is not DAILY`, DAILY_FIX);
  }
  return start;
}

/** The page's `ResultsByTime` list; throws when it has none. */
function resultsOf(body: unknown, page: number, ctx: PageContext): readonly unknown[] {
  const results = isRecord(body) ? body.ResultsByTime : undefined;
  if (Array.isArray(results)) return results;
  const problem = isRecord(body) ? 'has no ResultsByTime list' : `is ${shown(body)}`;
  const fix = 'Each page must be one `aws ce get-cost-and-usage --output json` output.';
  throw new CaptureError({ ...ctx, page: page + 1, problem: `the page ${problem}`, fix });
}

/**
 * Checks result `index` of a page, everything but its groups: a valid
 * period (one day when the shape is daily), groups when it has a total,
 * and, at the first result, the page's grouping. Returns the period's day.
 * Shared with the reader that reads groups straight from JSON bytes.
 */
export function checkedResultDay(
  body: unknown,
  page: number,
  index: number,
  result: ResultRecord,
  options: Pick<WalkOptions, 'ctx' | 'shape'>,
): number {
  const { ctx, shape } = options;
  const field = `ResultsByTime[${index}]`;
  const day = periodDay(ctx, page, `${field}.TimePeriod`, result.TimePeriod, shape.daily);
  if (index === 0) checkGroupDefinitions(ctx, page, body, shape);
  checkGrouped(ctx, page, field, result);
  return day;
}

function checkGroupDefinitions(ctx: PageContext, page: number, body: unknown, shape: PageShape) {
  const definitions = isRecord(body) ? body.GroupDefinitions : undefined;
  if (!Array.isArray(definitions)) return;

  const matches =
    definitions.length === shape.groupBy.length &&
    shape.groupBy.every((key, index) => {
      const definition: unknown = definitions[index];
      if (!isRecord(definition)) return false;
      return key === 'TAG' ? definition.Type === 'TAG' : definition.Key === key;
    });
  if (matches) return;

  const found = definitions.map((entry) => (isRecord(entry) ? entry.Key : entry)).join(', ');
  const problem = `is [${found}], not [${shape.groupBy.join(', ')}]`;
  fail(ctx, page, 'GroupDefinitions', problem, RECORD_FIX);
}

function checkGrouped(ctx: PageContext, page: number, field: string, result: ResultRecord) {
  if (Array.isArray(result.Groups) && result.Groups.length > 0) return;
  if (result.Groups !== undefined && !Array.isArray(result.Groups)) {
    fail(ctx, page, `${field}.Groups`, `is ${shown(result.Groups)}, not a list`, RECORD_FIX);
  }
  if (isRecord(result.Total) && Object.keys(result.Total).length > 0) {
    const problem = 'has a Total but no Groups: the capture has no grouping keys';
    fail(ctx, page, field, problem, RECORD_FIX);
  }
}

function checkKeys(ctx: PageContext, row: CostRow, keys: unknown, shape: PageShape): never {
  const expected = shape.groupBy.length;
  const count = Array.isArray(keys) ? `${keys.length} key(s)` : shown(keys);
  const problem = `is ${count}, not the ${expected} grouping key(s) ${shape.groupBy.join(', ')}`;
  fail(ctx, row.page, `${groupPath(row)}.Keys`, problem, RECORD_FIX);
}

/** The path of the group a row is at; built only for a message. */
function groupPath(row: CostRow): string {
  return `ResultsByTime[${row.result}].Groups[${row.group}]`;
}

/**
 * Reads a group's metrics into `row`: every metric's amount must be a
 * number, and every cost metric's unit the capture's one currency. With
 * `metric` null, any cost metric will do and the cost read is 0. Paths for
 * messages are built only on failure: this runs once per group.
 */
function readMetrics(
  ctx: PageContext,
  row: CostRow,
  metrics: unknown,
  metric: string | null,
  currency: CurrencyTracker,
): void {
  if (!isRecord(metrics)) {
    fail(ctx, row.page, `${groupPath(row)}.Metrics`, `is ${shown(metrics)}`, RECORD_FIX);
  }
  let costFound = false;
  row.metrics = metrics;
  row.cost = 0;
  row.usage = 0;
  row.usageUnit = null;

  for (const name in metrics) {
    const value = metrics[name];
    const amount = isRecord(value) ? amountOf(value.Amount) : Number.NaN;
    if (Number.isNaN(amount)) badAmount(ctx, row, name, value);
    const unit = isRecord(value) && typeof value.Unit === 'string' ? value.Unit : null;

    if (name === USAGE_QUANTITY) {
      row.usage = amount;
      row.usageUnit = unit;
    } else if (COST_METRIC_NAMES.has(name)) {
      if (unit !== null && unit !== currency.unit) noteCurrency(ctx, row, name, unit, currency);
      if (metric === null || name === metric) {
        row.cost = amount;
        costFound = true;
      }
    }
  }
  if (!costFound) missingCost(ctx, row, metrics, metric);
}

function badAmount(ctx: PageContext, row: CostRow, name: string, value: unknown): never {
  const field = `${groupPath(row)}.Metrics.${name}`;
  if (!isRecord(value)) fail(ctx, row.page, field, `is ${shown(value)}, not an amount`, RECORD_FIX);
  fail(ctx, row.page, `${field}.Amount`, `is ${shown(value.Amount)}, not a number`, RECORD_FIX);
}

function missingCost(
  ctx: PageContext,
  row: CostRow,
  metrics: JsonRecord,
  metric: string | null,
): never {
  const held = Object.keys(metrics).join(', ') || 'nothing';
  const wanted = metric ?? `cost metric (${COST_METRICS.join(', ')})`;
  const field = `${groupPath(row)}.Metrics`;
  fail(ctx, row.page, field, `has no ${wanted}; it holds ${held}`, RECORD_FIX);
}

/** Keeps the first currency seen; a second one fails, naming both. */
function noteCurrency(
  ctx: PageContext,
  row: CostRow,
  name: string,
  unit: string,
  currency: CurrencyTracker,
): void {
  const field = `${groupPath(row)}.Metrics.${name}.Unit`;
  if (currency.unit === null) {
    currency.unit = unit;
    currency.where = `${ctx.operation} page ${row.page + 1} ${field}`;
    return;
  }
  const first = `${currency.where} is ${shown(currency.unit)}`;
  const problem = `is ${shown(unit)}, but ${first}: mixed currencies`;
  const fix = 'Record the capture from one payer account, in one currency.';
  fail(ctx, row.page, field, problem, fix);
}

/**
 * Walks every group of every page, checking the whole shape on the way,
 * and hands each to `visit` as a reused `CostRow`. Throws `CaptureError` at
 * the first thing that is not a DAILY, grouped, numeric Cost Explorer page.
 */
export function walkCostPages(
  pages: readonly unknown[],
  ctx: PageContext,
  shape: PageShape,
  metric: string | null,
  currency: CurrencyTracker,
  visit: (row: CostRow) => void,
): void {
  for (let page = 0; page < pages.length; page++) {
    walkCostPage(pages[page], page, { ctx, shape, metric, currency }, visit);
  }
}

/** How `walkCostPage` reads a page. */
export type WalkOptions = {
  readonly ctx: PageContext;
  readonly shape: PageShape;
  /** The cost metric read into `row.cost`; null for any (the metrics are still all checked). */
  readonly metric: string | null;
  readonly currency: CurrencyTracker;
  /** Called for each result, groups or none, with its checked day. */
  readonly onResult?: (day: number, estimated: boolean) => void;
};

/** `walkCostPages` for one page, the 0-based `page` of its operation. */
export function walkCostPage(
  body: unknown,
  page: number,
  options: WalkOptions,
  visit: (row: CostRow) => void,
): void {
  const { ctx, shape, metric, currency } = options;
  const row: CostRow = {
    page,
    result: 0,
    group: 0,
    day: 0,
    estimated: false,
    keys: [],
    metrics: {},
    cost: 0,
    usage: 0,
    usageUnit: null,
  };

  const results = resultsOf(body, page, ctx);
  for (let index = 0; index < results.length; index++) {
    const result: unknown = results[index];
    if (!isRecord(result)) {
      fail(ctx, page, `ResultsByTime[${index}]`, `is ${shown(result)}, not a result`, RECORD_FIX);
    }
    const day = checkedResultDay(body, page, index, result, options);
    const groups = (result.Groups ?? []) as readonly unknown[];
    row.result = index;
    row.day = day;
    row.estimated = result.Estimated === true;
    options.onResult?.(day, row.estimated);

    for (let group = 0; group < groups.length; group++) {
      const entry = groups[group];
      row.group = group;
      if (!isRecord(entry)) groupFail(ctx, row, entry);
      const keys = entry.Keys;
      if (!isKeyList(keys, shape.groupBy.length)) checkKeys(ctx, row, keys, shape);
      row.keys = keys as readonly string[];
      readMetrics(ctx, row, entry.Metrics, metric, currency);
      visit(row);
    }
  }
}

function groupFail(ctx: PageContext, row: CostRow, entry: unknown): never {
  fail(ctx, row.page, groupPath(row), `is ${shown(entry)}, not a group`, RECORD_FIX);
}

/** The fast check of the hot loop; `checkKeys` explains a failure. */
function isKeyList(keys: unknown, count: number): boolean {
  if (!Array.isArray(keys) || keys.length !== count) return false;
  for (let index = 0; index < count; index++) if (typeof keys[index] !== 'string') return false;
  return true;
}

/** The cost metrics held by the first group of the pages, in their order there. */
export function costMetricsHeld(pages: readonly unknown[]): string[] {
  for (const body of pages) {
    const results = isRecord(body) && Array.isArray(body.ResultsByTime) ? body.ResultsByTime : [];
    for (const result of results) {
      const groups = isRecord(result) && Array.isArray(result.Groups) ? result.Groups : [];
      const first: unknown = groups[0];
      if (isRecord(first) && isRecord(first.Metrics)) {
        return Object.keys(first.Metrics).filter((name) => COST_METRIC_NAMES.has(name));
      }
    }
  }
  return [];
}
