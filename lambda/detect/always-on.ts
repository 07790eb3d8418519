import type { ChargeKind, MeterSeries, SpendHistory } from '../series/types';
import { NEGLIGIBLE_USD } from './baseline';
import { dayAt, lastCompleteIndex, MONTH_DAYS, weekdayOf } from './calendar';
import type { Detector, Finding } from './finding';
import { modelOf } from './model';
import { coefficientOfVariation, round, significant, sumRange } from './stats';

/** Complete days, two weekends included, that capacity must be billed on every one of. */
export const ALWAYS_ON_DAYS = 14;

/** Most day-to-day variation (coefficient of variation) that still counts as flat. */
export const MAX_FLAT_CV = 0.1;

const CAPACITY_KINDS: ReadonlySet<ChargeKind> = new Set<ChargeKind>([
  'provisioned-throughput',
  'endpoint-hours',
  'search-capacity',
]);

/**
 * Always on: capacity billed by the hour (provisioned throughput, hosted
 * endpoints, search capacity) that is billed every one of the last
 * `ALWAYS_ON_DAYS` complete days, weekends included, at a flat cost
 * (coefficient of variation <= `MAX_FLAT_CV`) of at least `minImpactUsd` a
 * day. Whether it is idle is for the explain step: the evidence carries the
 * on-demand token use of the same model and region beside it.
 *
 * `pattern` is the meter's charge kind. Dollars are a monthly run-rate:
 * `actualUsd` and `impactUsd` are `MONTH_DAYS` times the mean daily cost
 * (capacity that scaled to zero when idle would cost nothing), and
 * `expectedUsd` is 0.
 *
 * Evidence: `windowStart`, `windowEnd`, `windowDays`, `daysBilled`
 * (consecutive billed days up to the judged day), `weekendDaysBilled`,
 * `dailyCostUsd`, `monthlyCostUsd`, `cv`, `model`, `region`,
 * `onDemandMeters` (on-demand token meters of the same model and region),
 * `onDemandUsdPerDay`, `onDemandUsagePerDay`, `onDemandUsageCv` (null when
 * there is no on-demand use), `onDemandDaysBilled`.
 */
export const detectAlwaysOn: Detector = (history, settings) => {
  const end = lastCompleteIndex(history);
  const start = end - ALWAYS_ON_DAYS + 1;
  if (start < 0) return [];

  const findings: Finding[] = [];
  let onDemand: OnDemandIndex | null = null;

  for (const series of history.meters) {
    if (!CAPACITY_KINDS.has(series.meter.info.chargeKind)) continue;

    const daily = sumRange(series.cost, start, end) / ALWAYS_ON_DAYS;
    if (daily < settings.minImpactUsd || !billedEveryDay(series.cost, start, end)) continue;

    const cv = coefficientOfVariation(series.cost, start, end);
    if (cv === null || cv > MAX_FLAT_CV) continue;

    onDemand ??= indexOnDemand(history);
    findings.push(toFinding(history, series, { start, end, daily, cv, onDemand }));
  }
  return findings;
};

function billedEveryDay(cost: readonly number[], from: number, to: number): boolean {
  for (let index = from; index <= to; index++) {
    if ((cost[index] ?? 0) < NEGLIGIBLE_USD) return false;
  }
  return true;
}

function billedRun(cost: readonly number[], end: number): number {
  let run = 0;
  while (end - run >= 0 && (cost[end - run] ?? 0) >= NEGLIGIBLE_USD) run++;
  return run;
}

/** On-demand (not batch) token meters by `model|region`. */
type OnDemandIndex = ReadonlyMap<string, readonly MeterSeries[]>;

function indexOnDemand(history: SpendHistory): OnDemandIndex {
  const index = new Map<string, MeterSeries[]>();
  for (const series of history.meters) {
    const { info } = series.meter;
    const model = modelOf(series.meter);
    const onDemand = info.chargeKind === 'input-tokens' || info.chargeKind === 'output-tokens';
    if (model === null || !onDemand || info.batch) continue;

    const key = `${model}|${info.region}`;
    index.set(key, [...(index.get(key) ?? []), series]);
  }
  return index;
}

type OnDemandUse = {
  readonly meters: number;
  readonly usdPerDay: number;
  readonly usagePerDay: number;
  readonly usageCv: number | null;
  readonly daysBilled: number;
};

function onDemandUse(meters: readonly MeterSeries[], start: number, end: number): OnDemandUse {
  const usage = new Array<number>(end - start + 1).fill(0);
  let cost = 0;
  for (const series of meters) {
    cost += sumRange(series.cost, start, end);
    for (let index = start; index <= end; index++) {
      usage[index - start] = (usage[index - start] ?? 0) + (series.usage[index] ?? 0);
    }
  }

  const days = usage.length;
  return {
    meters: meters.length,
    usdPerDay: cost / days,
    usagePerDay: sumRange(usage, 0, days - 1) / days,
    usageCv: coefficientOfVariation(usage, 0, days - 1),
    daysBilled: usage.filter((value) => value > 0).length,
  };
}

type Parts = {
  readonly start: number;
  readonly end: number;
  readonly daily: number;
  readonly cv: number;
  readonly onDemand: OnDemandIndex;
};

function toFinding(history: SpendHistory, series: MeterSeries, parts: Parts): Finding {
  const { start, end, daily, cv } = parts;
  const { meter } = series;
  const model = modelOf(meter);
  const beside = model === null ? [] : (parts.onDemand.get(`${model}|${meter.info.region}`) ?? []);
  const use = beside.length > 0 ? onDemandUse(beside, start, end) : null;
  const monthly = daily * MONTH_DAYS;

  return {
    key: `always-on:${meter.key}`,
    kind: 'always-on',
    pattern: meter.info.chargeKind,
    service: meter.service,
    usageType: meter.usageType,
    meterKey: meter.key,
    day: dayAt(history, end),
    actualUsd: monthly,
    expectedUsd: 0,
    impactUsd: monthly,
    provisional: false,
    evidence: {
      windowStart: dayAt(history, start),
      windowEnd: dayAt(history, end),
      windowDays: ALWAYS_ON_DAYS,
      daysBilled: billedRun(series.cost, end),
      weekendDaysBilled: weekendDays(history, start, end),
      dailyCostUsd: round(daily),
      monthlyCostUsd: round(monthly),
      cv: round(cv, 3),
      model,
      region: meter.info.region,
      onDemandMeters: use?.meters ?? 0,
      onDemandUsdPerDay: use === null ? null : round(use.usdPerDay),
      onDemandUsagePerDay: use === null ? null : significant(use.usagePerDay, 6),
      onDemandUsageCv: use?.usageCv == null ? null : round(use.usageCv, 3),
      onDemandDaysBilled: use?.daysBilled ?? 0,
    },
  };
}

/** Every day of the window is billed, so the weekend days billed are the window's weekend days. */
function weekendDays(history: SpendHistory, start: number, end: number): number {
  let weekend = 0;
  for (let index = start; index <= end; index++) {
    const weekday = weekdayOf(dayAt(history, index));
    if (weekday === 0 || weekday === 6) weekend++;
  }
  return weekend;
}
