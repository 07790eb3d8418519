import type { Settings } from '../settings/settings';
import type { Calendar } from './calendar';
import type { PageContext } from './cost-pages';
import { duplicateRow, rowPlace } from './duplicates';
import { CaptureError, RECORD_FIX } from './errors';
import { isWatchedService, serviceKind } from './services';
import type { SpendLog } from './spend-log';
import type { MeterSeries, ServiceKind } from './types';
import { parseUsageType } from './usage-type';

/**
 * A meter while the log is read, with its daily cost and usage. NaN marks
 * a day not yet set: amounts are checked to be numbers before they get
 * here.
 */
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
    cost: new Array<number>(days).fill(Number.NaN),
    usage: new Array<number>(days).fill(Number.NaN),
    usageUnit: null,
  };
}

/** Days never set become no spend, in place: the arrays become the series'. */
function zeroUnset(builder: MeterBuilder): void {
  const { cost, usage } = builder;
  for (let day = 0; day < cost.length; day++) {
    if (Number.isNaN(cost[day])) {
      cost[day] = 0;
      usage[day] = 0;
    }
  }
}

function toSeries(builder: MeterBuilder, kinds: Map<string, ServiceKind>) {
  const { service, usageType, cost, usage } = builder;
  zeroUnset(builder);
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

/**
 * Reads the watched meters' daily cost and usage from the log into arrays
 * aligned with the calendar's days. Days outside the calendar are left
 * out; a (day, service, usage type) that comes twice throws.
 */
export function collectMeters(
  log: SpendLog,
  ctx: PageContext,
  options: CollectOptions,
): MeterCollection {
  const cost = costColumn(log, ctx, options.metric);
  const { first } = options.calendar;
  const days = options.calendar.days.length;
  const watchedServices = new Map<string, boolean>();
  const builders: (MeterBuilder | null | undefined)[] = new Array(log.meters.length);
  let negativeDays = 0;
  let lowest: CreditExample | null = null;

  for (let row = 0; row < log.rows; row++) {
    const index = (log.day[row] as number) - first;
    if (index < 0 || index >= days) continue;
    const meterIndex = log.meterOf[row] as number;
    let meter = builders[meterIndex];
    if (meter === undefined) {
      const { service, usageType } = log.meters[meterIndex] as SpendLog['meters'][number];
      let watched = watchedServices.get(service);
      if (watched === undefined) {
        watched = isWatchedService(service, options.settings);
        watchedServices.set(service, watched);
      }
      meter = watched ? newBuilder(service, usageType, days) : null;
      builders[meterIndex] = meter;
    }
    if (meter === null) continue;

    const amount = cost[row] as number;
    if (!Number.isNaN(meter.cost[index])) throw repeatedRow(log, ctx, meter, row);
    meter.cost[index] = amount;
    meter.usage[index] = log.usage[row] as number;
    const unit = log.unitOf[row] as number;
    if (meter.usageUnit === null && unit >= 0) meter.usageUnit = log.units[unit] as string;
    if (amount < 0) {
      negativeDays++;
      if (lowest === null || amount < lowest.cost) {
        lowest = {
          meterKey: `${meter.service} / ${meter.usageType}`,
          day: first + index,
          cost: amount,
        };
      }
    }
  }

  const kinds = new Map<string, ServiceKind>();
  for (const service of watchedServices.keys()) kinds.set(service, serviceKind(service));
  const kept = builders.filter((builder): builder is MeterBuilder => builder != null);
  const unwatched = [...watchedServices].filter(([, watched]) => !watched);
  return {
    meters: kept.sort(byKey).map((builder) => toSeries(builder, kinds)),
    negativeDays,
    lowest,
    unwatched: unwatched.map(([name]) => name).sort(),
  };
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

/** The error for row `row`, which repeats a (day, meter) an earlier row set. */
function repeatedRow(log: SpendLog, ctx: PageContext, meter: MeterBuilder, row: number) {
  const meterIndex = log.meterOf[row];
  const day = log.day[row] as number;
  let earlier = 0;
  while (log.meterOf[earlier] !== meterIndex || log.day[earlier] !== day) earlier++;
  const what = `${meter.service} / ${meter.usageType}`;
  return duplicateRow(ctx, { ...log.placeOf(row), day }, what, rowPlace(log.placeOf(earlier)));
}
