import type { Finding, FindingKind } from '../../lambda/detect/finding';
import { serviceKind } from '../../lambda/series/services';
import type {
  Forecast,
  MeterSeries,
  NativeAnomaly,
  ServiceKind,
  SpendHistory,
  TagSplit,
  UsageTypeInfo,
} from '../../lambda/series/types';
import { parseUsageType } from '../../lambda/series/usage-type';

/**
 * Builds spend histories from daily series for the explain tests (meters
 * parsed by the real usage-type parser), and, for rule tests that need a
 * finding no detector would raise, findings whose dollars come from those
 * series. Day 0 is a Monday.
 */

export const FIRST_DAY = '2025-03-03';

/** A value per day: a constant, or a function of the day index and its weekday (0 is Monday). */
export type Daily = number | ((day: number, weekday: number) => number);

export type MeterSpec = {
  readonly service: string;
  readonly usageType: string;
  /** Overrides the kind the service name implies. */
  readonly serviceKind?: ServiceKind;
  /** Overrides parts of what `parseUsageType` reads from the usage type. */
  readonly info?: Partial<UsageTypeInfo>;
  /** Price per unit: usage is cost over this, unless `usage` is given. */
  readonly unitPrice?: Daily;
  readonly cost: Daily;
  readonly usage?: Daily;
  readonly unit?: string;
};

export type HistorySpec = {
  readonly days?: number;
  readonly meters: readonly MeterSpec[];
  readonly estimatedTail?: number;
  readonly monitorCount?: number | null;
  readonly anomalies?: readonly NativeAnomaly[];
  readonly tags?: TagSplit | null;
  readonly forecast?: Forecast | null;
};

export function dayName(index: number): string {
  const date = new Date(`${FIRST_DAY}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + index);
  return date.toISOString().slice(0, 10);
}

function dailyValue(daily: Daily, day: number): number {
  return typeof daily === 'number' ? daily : daily(day, day % 7);
}

function seriesOf(spec: MeterSpec, days: number): MeterSeries {
  const cost = Array.from({ length: days }, (_, day) => dailyValue(spec.cost, day));
  const usage = Array.from({ length: days }, (_, day) => {
    if (spec.usage !== undefined) return dailyValue(spec.usage, day);
    const price = dailyValue(spec.unitPrice ?? 1, day);
    return price > 0 ? (cost[day] ?? 0) / price : 0;
  });
  return {
    meter: {
      key: `${spec.service}|${spec.usageType}`,
      service: spec.service,
      usageType: spec.usageType,
      serviceKind: spec.serviceKind ?? serviceKind(spec.service),
      info: { ...parseUsageType(spec.service, spec.usageType), ...spec.info },
    },
    cost,
    usage,
    usageUnit: spec.unit ?? 'Units',
  };
}

export function history(spec: HistorySpec): SpendHistory {
  const days = spec.days ?? 56;
  const estimatedTail = spec.estimatedTail ?? 0;
  return {
    asOf: dayName(days),
    days: Array.from({ length: days }, (_, day) => dayName(day)),
    estimated: Array.from({ length: days }, (_, day) => day >= days - estimatedTail),
    metric: 'UnblendedCost',
    currency: 'USD',
    meters: spec.meters.map((meter) => seriesOf(meter, days)),
    anomalies: spec.anomalies ?? [],
    monitorCount: spec.monitorCount === undefined ? 1 : spec.monitorCount,
    forecast: spec.forecast ?? null,
    tags: spec.tags ?? null,
    accounts: null,
  };
}

/** Only on `day` (and after, with `hold`), otherwise `base`. */
export function jumpOn(day: number, base: number, peak: number, hold = false): Daily {
  return (at) => (at === day || (hold && at > day) ? peak : base);
}

/** `before` until `day`, then `after`. */
export function stepAt(day: number, before: number, after: number): Daily {
  return (at) => (at < day ? before : after);
}

/** `weekday` Monday to Friday, `weekend` on Saturday and Sunday. */
export function weekdays(weekday: number, weekend: number): Daily {
  return (_, weekdayIndex) => (weekdayIndex >= 5 ? weekend : weekday);
}

/** Grows by `factor` each week from `start`. */
export function weeklyGrowth(start: number, factor: number): Daily {
  return (at) => start * factor ** Math.floor(at / 7);
}

export type FindingSpec = {
  readonly kind: FindingKind;
  readonly pattern?: string | null;
  /** A meter key, or a service for a service-level finding. */
  readonly meterKey?: string;
  readonly service?: string;
  readonly day: number;
  readonly impactUsd?: number;
  readonly actualUsd?: number;
  readonly expectedUsd?: number;
  readonly evidence?: Finding['evidence'];
};

/**
 * A finding whose actual spend is the meter's (or service's) cost on the
 * day and whose expected spend is the median of the 28 days before, as a
 * detector would judge it; explicit amounts override.
 */
export function finding(spend: SpendHistory, spec: FindingSpec): Finding {
  const series = spend.meters.find((one) => one.meter.key === spec.meterKey) ?? null;
  const service = series?.meter.service ?? spec.service ?? 'Amazon Bedrock';
  const cost = costOf(spend, series, service);
  const actual = spec.actualUsd ?? cost[spec.day] ?? 0;
  const expected = spec.expectedUsd ?? median(cost.slice(Math.max(0, spec.day - 28), spec.day));
  return {
    key: `${spec.kind}|${spec.pattern ?? ''}|${spec.meterKey ?? service}`,
    kind: spec.kind,
    pattern: spec.pattern ?? null,
    service,
    usageType: series?.meter.usageType ?? null,
    meterKey: series?.meter.key ?? null,
    day: dayName(spec.day),
    actualUsd: actual,
    expectedUsd: expected,
    impactUsd: spec.impactUsd ?? Math.max(0, actual - expected),
    provisional: spend.estimated[spec.day] === true,
    evidence: spec.evidence ?? {},
  };
}

function costOf(spend: SpendHistory, series: MeterSeries | null, service: string): number[] {
  if (series !== null) return [...series.cost];
  const ofService = spend.meters.filter((one) => one.meter.service === service);
  const meters = ofService.length > 0 ? ofService : spend.meters;
  return spend.days.map((_, day) => meters.reduce((total, one) => total + (one.cost[day] ?? 0), 0));
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
