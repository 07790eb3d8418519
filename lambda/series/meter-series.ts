import type { Settings } from '../settings/settings';
import type { Calendar } from './calendar';
import type { PageContext } from './cost-pages';
import { duplicateRow, rowPlace } from './duplicates';
import { CaptureError, RECORD_FIX } from './errors';
import { isWatchedService, serviceKind } from './services';
import type { SpendLog } from './spend-log';
import type { MeterSeries, ServiceKind } from './types';
import { parseUsageType } from './usage-type';

/** A meter while the log is read, with its daily cost and usage; 0 for a day with no row. */
type MeterBuilder = {
  /** `service|usageType`. */
  readonly key: string;
  readonly service: string;
  readonly usageType: string;
  readonly cost: number[];
  readonly usage: number[];
  usageUnit: string | null;
};

/** The most negative day seen, as an example for the credits warning. */
export type CreditExample = {
  readonly meterKey: string;
  readonly day: number;
  readonly cost: number;
};

export type MeterCollection = {
  /** Watched meters, sorted by key. */
  readonly meters: MeterSeries[];
  /** Watched meter-days with a negative cost (credits or refunds). */
  readonly negativeDays: number;
  readonly lowest: CreditExample | null;
  /** Services in the pages that are not watched, sorted. */
  readonly unwatched: readonly string[];
};

function newBuilder(service: string, usageType: string, days: number): MeterBuilder {
  return {
    key: `${service}|${usageType}`,
    service,
    usageType,
    cost: new Array<number>(days).fill(0),
    usage: new Array<number>(days).fill(0),
    usageUnit: null,
  };
}

function toSeries(builder: MeterBuilder, kinds: Map<string, ServiceKind>) {
  const { service, usageType, cost, usage } = builder;
  const series: MeterSeries = {
    meter: {
      key: builder.key,
      service,
      usageType,
      serviceKind: kinds.get(service) ?? serviceKind(service),
      info: parseUsageType(service, usageType),
    },
    cost,
    usage,
    usageUnit: builder.usageUnit,
  };
  return series;
}

/** Plain code-unit order: stable across locales. */
function byKey(a: MeterBuilder, b: MeterBuilder): number {
  if (a.key === b.key) return 0;
  return a.key < b.key ? -1 : 1;
}

/** Options of one collection. */
type CollectOptions = {
  readonly metric: string;
  readonly calendar: Calendar;
  readonly settings: Settings;
};

/** A repeated (day, meter): the row that repeats it and the earlier row it repeats. */
type Repeat = { readonly row: number; readonly earlier: number };

/**
 * Reads the watched meters' daily cost and usage from the log into arrays
 * aligned with the calendar's days. Days outside the calendar are left
 * out; a (day, service, usage type) that comes twice throws.
 *
 * The rows are taken meter by meter, so that each meter's arrays are
 * filled in one go rather than a day at a time across all of them.
 */
export function collectMeters(
  log: SpendLog,
  ctx: PageContext,
  options: CollectOptions,
): MeterCollection {
  const cost = costColumn(log, ctx, options.metric);
  const { first } = options.calendar;
  const days = options.calendar.days.length;
  const { starts, rows } = rowsByMeter(log, first, days);
  const { day: dayOf, usage, unitOf } = log;
  const watchedServices = new Map<string, boolean>();
  const builders: MeterBuilder[] = [];
  /** Per day of the calendar: the last meter (plus one) that set it, and the row that did. */
  const setFor = new Int32Array(days);
  const setBy = new Int32Array(days);
  let repeat: Repeat | null = null;
  let negativeDays = 0;
  let lowest: (CreditExample & { row: number }) | null = null;

  for (let meter = 0; meter < log.meters.length; meter++) {
    const end = starts[meter + 1] as number;
    if (starts[meter] === end) continue;
    const { service, usageType } = log.meters[meter] as SpendLog['meters'][number];
    let watched = watchedServices.get(service);
    if (watched === undefined) {
      watched = isWatchedService(service, options.settings);
      watchedServices.set(service, watched);
    }
    if (!watched) continue;

    const builder = newBuilder(service, usageType, days);
    builders.push(builder);
    for (let at = starts[meter] as number; at < end; at++) {
      const row = rows[at] as number;
      const index = (dayOf[row] as number) - first;
      if (setFor[index] === meter + 1) {
        if (repeat === null || row < repeat.row) repeat = { row, earlier: setBy[index] as number };
        continue;
      }
      setFor[index] = meter + 1;
      setBy[index] = row;

      const amount = cost[row] as number;
      builder.cost[index] = amount;
      builder.usage[index] = usage[row] as number;
      const unit = unitOf[row] as number;
      if (builder.usageUnit === null && unit >= 0) builder.usageUnit = log.units[unit] as string;
      if (amount >= 0) continue;
      negativeDays++;
      if (lowest === null || amount < lowest.cost || (amount === lowest.cost && row < lowest.row)) {
        lowest = { meterKey: `${service} / ${usageType}`, day: first + index, cost: amount, row };
      }
    }
  }
  if (repeat !== null) throw repeatedRow(log, ctx, repeat);

  const kinds = new Map<string, ServiceKind>();
  for (const service of watchedServices.keys()) kinds.set(service, serviceKind(service));
  const unwatched = [...watchedServices].filter(([, watched]) => !watched);
  return {
    meters: builders.sort(byKey).map((builder) => toSeries(builder, kinds)),
    negativeDays,
    lowest:
      lowest === null ? null : { meterKey: lowest.meterKey, day: lowest.day, cost: lowest.cost },
    unwatched: unwatched.map(([name]) => name).sort(),
  };
}

/**
 * The log's rows on the calendar's days, grouped by meter, each meter's in
 * log order: meter `m`'s are `rows[starts[m]]` to before `rows[starts[m + 1]]`.
 */
function rowsByMeter(log: SpendLog, first: number, days: number) {
  const { meterOf, day } = log;
  const counts = new Int32Array(log.meters.length);
  for (let row = 0; row < log.rows; row++) {
    const index = (day[row] as number) - first;
    if (index < 0 || index >= days) continue;
    const meter = meterOf[row] as number;
    counts[meter] = (counts[meter] as number) + 1;
  }
  const starts = new Int32Array(log.meters.length + 1);
  for (let meter = 0; meter < log.meters.length; meter++) {
    starts[meter + 1] = (starts[meter] as number) + (counts[meter] as number);
  }
  const next = starts.slice(0, log.meters.length);
  const rows = new Int32Array(starts[log.meters.length] as number);
  for (let row = 0; row < log.rows; row++) {
    const index = (day[row] as number) - first;
    if (index < 0 || index >= days) continue;
    const meter = meterOf[row] as number;
    rows[next[meter] as number] = row;
    next[meter] = (next[meter] as number) + 1;
  }
  return { starts, rows };
}

/** The log's cost in `metric`, row by row; throws when a group lacks it. */
function costColumn(log: SpendLog, ctx: PageContext, metric: string): Float64Array {
  const missing = log.missing.get(metric);
  if (missing !== undefined) {
    const place = log.placeOf(missing.row);
    const held = missing.held.join(', ') || 'nothing';
    throw new CaptureError({
      ...ctx,
      page: place.page + 1,
      field: `ResultsByTime[${place.result}].Groups[${place.group}].Metrics`,
      problem: `has no ${metric}; it holds ${held}`,
      fix: RECORD_FIX,
    });
  }
  return log.costs.get(metric) ?? new Float64Array(0);
}

/** The error for a row that repeats a (day, meter) an earlier row set. */
function repeatedRow(log: SpendLog, ctx: PageContext, { row, earlier }: Repeat) {
  const meter = log.meters[log.meterOf[row] as number] as SpendLog['meters'][number];
  const what = `${meter.service} / ${meter.usageType}`;
  const day = log.day[row] as number;
  return duplicateRow(ctx, { ...log.placeOf(row), day }, what, rowPlace(log.placeOf(earlier)));
}
