import { serviceKind } from '../../lambda/series/services';
import type {
  Forecast,
  Meter,
  MeterSeries,
  NativeAnomaly,
  ServiceKind,
  SpendHistory,
  TagSplit,
  UsageTypeInfo,
} from '../../lambda/series/types';
import { parseUsageType } from '../../lambda/series/usage-type';

/**
 * Builds SpendHistory values for tests from a few numbers: a start day, the
 * daily costs of each meter and what the meter is.
 */

/** A Monday, so that day index 0 is a Monday and index 6 a Sunday. */
export const MONDAY = '2025-03-03';

export type MeterSpec = {
  readonly service?: string;
  readonly usageType: string;
  readonly cost: readonly number[];
  /** Usage per day; by default cost / `unitPrice`. */
  readonly usage?: readonly number[];
  /** Price per usage unit used to derive usage when it is not given. */
  readonly unitPrice?: number;
  readonly usageUnit?: string | null;
  /** Overrides the kind the service name implies. */
  readonly serviceKind?: ServiceKind;
  /** Overrides parts of what `parseUsageType` reads from the usage type. */
  readonly info?: Partial<UsageTypeInfo>;
};

export type HistorySpec = {
  /** First day of the window; defaults to `MONDAY`. */
  readonly start?: string;
  /** Days in the window; defaults to the longest meter series. */
  readonly days?: number;
  /** How many of the newest days Cost Explorer marked estimated. */
  readonly estimatedDays?: number;
  readonly meters?: readonly MeterSpec[];
  readonly anomalies?: readonly NativeAnomaly[];
  readonly monitorCount?: number | null;
  readonly forecast?: Forecast | null;
  readonly tags?: TagSplit | null;
  /** The run's date; defaults to the day after the window. */
  readonly asOf?: string;
};

export function buildTestHistory(spec: HistorySpec): SpendHistory {
  const meters = spec.meters ?? [];
  const dayCount = spec.days ?? Math.max(0, ...meters.map((meter) => meter.cost.length));
  const days = dayRange(spec.start ?? MONDAY, dayCount);
  const estimatedDays = spec.estimatedDays ?? 0;

  return {
    asOf: spec.asOf ?? addDays(spec.start ?? MONDAY, dayCount),
    days,
    estimated: days.map((_, index) => index >= dayCount - estimatedDays),
    metric: 'UnblendedCost',
    currency: 'USD',
    meters: meters.map((meter) => buildSeries(meter, dayCount)),
    anomalies: spec.anomalies ?? [],
    monitorCount: spec.monitorCount === undefined ? 1 : spec.monitorCount,
    forecast: spec.forecast ?? null,
    tags: spec.tags ?? null,
    accounts: null,
  };
}

function buildSeries(spec: MeterSpec, dayCount: number): MeterSeries {
  const service = spec.service ?? 'Amazon Bedrock';
  const cost = padTo(spec.cost, dayCount);
  const unitPrice = spec.unitPrice ?? 0.01;
  const usage = spec.usage === undefined ? cost.map((value) => value / unitPrice) : spec.usage;
  const meter: Meter = {
    key: `${service}|${spec.usageType}`,
    service,
    usageType: spec.usageType,
    serviceKind: spec.serviceKind ?? serviceKind(service),
    info: { ...parseUsageType(service, spec.usageType), ...spec.info },
  };
  return { meter, cost, usage: padTo(usage, dayCount), usageUnit: spec.usageUnit ?? 'Units' };
}

function padTo(values: readonly number[], dayCount: number): number[] {
  return Array.from({ length: dayCount }, (_, index) => values[index] ?? 0);
}

/** `count` contiguous days from `start`. */
export function dayRange(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(start, index));
}

export function addDays(day: string, offset: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** `count` days of the same value. */
export function flat(count: number, value: number): number[] {
  return Array.from({ length: count }, () => value);
}

/**
 * `count` days starting on a Monday: `weekday` on Monday to Friday and
 * `weekend` on Saturday and Sunday.
 */
export function weekly(count: number, weekday: number, weekend: number): number[] {
  return Array.from({ length: count }, (_, index) => (index % 7 < 5 ? weekday : weekend));
}

/** `count` days of `value`, alternately `spread` above and below it. */
export function noisy(count: number, value: number, spread: number): number[] {
  return Array.from({ length: count }, (_, index) => value + (index % 2 === 0 ? spread : -spread));
}

/** A copy of `values` with the given days replaced (negative indices count from the end). */
export function withDays(values: readonly number[], days: Record<number, number>): number[] {
  const copy = [...values];
  for (const [key, value] of Object.entries(days)) {
    const index = Number(key);
    copy[index < 0 ? copy.length + index : index] = value;
  }
  return copy;
}

/** `values` followed by `more`. */
export function then(values: readonly number[], ...more: number[]): number[] {
  return [...values, ...more];
}
