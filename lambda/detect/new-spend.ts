import type { MeterSeries, SpendHistory } from '../series/types';
import { firstActiveIndex, MIN_BASELINE_DAYS, NEGLIGIBLE_USD } from './baseline';
import { dayAt, estimatedIndicesAfter, lastCompleteIndex } from './calendar';
import type { Detector, Finding } from './finding';
import { modelOf } from './model';
import { round, sumRange } from './stats';

/** A meter whose first spend falls in this many newest complete days is new. */
export const NEW_SPEND_DAYS = 7;

/**
 * New spend: a meter with no spend at all in the baseline (every day before
 * the newest `NEW_SPEND_DAYS` complete days) that now spends at least
 * `minImpactUsd` on the judged day, or on average since its first day. A
 * meter first seen on an estimated day is reported as provisional.
 *
 * `pattern`: `new-model` (no meter of the model spent in the baseline),
 * `new-region` (the model spent before, but not in this region), or
 * `new-meter` (a new charge of a known model and region, or no model).
 *
 * Dollars are daily: `actualUsd` and `impactUsd` are the judged day's spend,
 * or the mean daily spend since the first day when that is higher;
 * `expectedUsd` is 0.
 *
 * Evidence: `firstDay`, `daysBilled`, `daysSinceFirst`, `baselineStart`,
 * `baselineEnd`, `baselineDays`, `dayUsd`, `meanDailyUsd`, `totalUsd`,
 * `model`, `modelFamily`, `region`, `chargeKind`, `modelAlsoIn` (other
 * regions billing the same model in the window, comma-separated, or null),
 * `newModel` (null when the model is unknown), `estimatedDay`.
 */
export const detectNewSpend: Detector = (history, settings) => {
  const lastComplete = lastCompleteIndex(history);
  const recentStart = lastComplete - NEW_SPEND_DAYS + 1;
  if (recentStart < MIN_BASELINE_DAYS) return [];

  const estimated = estimatedIndicesAfter(history, lastComplete);
  const firstSpend = history.meters.map((series) =>
    firstActiveIndex(series.cost, history.days.length),
  );
  const findings: Finding[] = [];
  let models: ModelIndex | null = null;

  history.meters.forEach((series, index) => {
    const first = firstSpend[index] ?? -1;
    if (first < recentStart) return;

    const spend = newSpendOf(series, first, lastComplete, estimated);
    if (spend === null || spend.impact < settings.minImpactUsd) return;

    models ??= indexModels(history, firstSpend);
    const context = modelContext(models, series, { recentStart, day: spend.day });
    findings.push(toFinding(history, series, { first, recentStart, spend, models: context }));
  });
  return findings;
};

type NewSpend = {
  readonly day: number;
  readonly impact: number;
  readonly dayUsd: number;
  readonly meanDaily: number;
  readonly total: number;
  readonly daysBilled: number;
};

function newSpendOf(
  series: MeterSeries,
  first: number,
  lastComplete: number,
  estimated: readonly number[],
): NewSpend | null {
  if (first <= lastComplete) {
    const dayUsd = series.cost[lastComplete] ?? 0;
    const total = sumRange(series.cost, first, lastComplete);
    const meanDaily = total / (lastComplete - first + 1);
    const daysBilled = countBilled(series.cost, first, lastComplete);
    const impact = Math.max(dayUsd, meanDaily);
    return { day: lastComplete, impact, dayUsd, meanDaily, total, daysBilled };
  }

  // First seen in estimated data only: judge its largest estimated day.
  let day = -1;
  for (const index of estimated) {
    if (day < 0 || (series.cost[index] ?? 0) > (series.cost[day] ?? 0)) day = index;
  }
  if (day < 0) return null;
  const dayUsd = series.cost[day] ?? 0;
  return { day, impact: dayUsd, dayUsd, meanDaily: dayUsd, total: dayUsd, daysBilled: 1 };
}

function countBilled(cost: readonly number[], from: number, to: number): number {
  let billed = 0;
  for (let index = from; index <= to; index++) if ((cost[index] ?? 0) >= NEGLIGIBLE_USD) billed++;
  return billed;
}

type ModelContext = {
  readonly model: string | null;
  readonly alsoIn: readonly string[];
  readonly spentBefore: boolean;
  readonly spentBeforeHere: boolean;
};

/** Per model, per region: the earliest day any of its meters spent. */
type ModelIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

function indexModels(history: SpendHistory, firstSpend: readonly number[]): ModelIndex {
  const index = new Map<string, Map<string, number>>();
  history.meters.forEach((series, position) => {
    const model = modelOf(series.meter);
    const first = firstSpend[position] ?? -1;
    if (model === null || first < 0) return;

    const regions = index.get(model) ?? new Map<string, number>();
    const region = series.meter.info.region;
    regions.set(region, Math.min(regions.get(region) ?? first, first));
    index.set(model, regions);
  });
  return index;
}

/**
 * What the other meters of the same model say about this one. The meter
 * itself first spent at or after `recentStart`, so it never counts as
 * having spent before.
 */
function modelContext(
  models: ModelIndex,
  series: MeterSeries,
  window: { readonly recentStart: number; readonly day: number },
): ModelContext {
  const model = modelOf(series.meter);
  const regions = model === null ? undefined : models.get(model);
  if (regions === undefined) {
    return { model, alsoIn: [], spentBefore: false, spentBeforeHere: false };
  }

  const own = series.meter.info.region;
  const alsoIn: string[] = [];
  let spentBefore = false;
  for (const [region, first] of regions) {
    if (region !== own && first <= window.day) alsoIn.push(region);
    if (first < window.recentStart) spentBefore = true;
  }
  const spentBeforeHere = (regions.get(own) ?? window.recentStart) < window.recentStart;
  return { model, alsoIn: alsoIn.sort(), spentBefore, spentBeforeHere };
}

function patternOf(models: ModelContext): 'new-model' | 'new-region' | 'new-meter' {
  if (models.model === null) return 'new-meter';
  if (!models.spentBefore) return 'new-model';
  return models.spentBeforeHere ? 'new-meter' : 'new-region';
}

type Parts = {
  readonly first: number;
  readonly recentStart: number;
  readonly spend: NewSpend;
  readonly models: ModelContext;
};

function toFinding(history: SpendHistory, series: MeterSeries, parts: Parts): Finding {
  const { first, recentStart, spend, models } = parts;
  const { meter } = series;
  const provisional = history.estimated[spend.day] === true;

  return {
    key: `new-spend:${meter.key}`,
    kind: 'new-spend',
    pattern: patternOf(models),
    service: meter.service,
    usageType: meter.usageType,
    meterKey: meter.key,
    day: dayAt(history, spend.day),
    actualUsd: spend.impact,
    expectedUsd: 0,
    impactUsd: spend.impact,
    provisional,
    evidence: {
      firstDay: dayAt(history, first),
      daysBilled: spend.daysBilled,
      daysSinceFirst: spend.day - first + 1,
      baselineStart: dayAt(history, 0),
      baselineEnd: dayAt(history, recentStart - 1),
      baselineDays: recentStart,
      dayUsd: round(spend.dayUsd),
      meanDailyUsd: round(spend.meanDaily),
      totalUsd: round(spend.total),
      model: models.model,
      modelFamily: meter.info.modelFamily,
      region: meter.info.region,
      chargeKind: meter.info.chargeKind,
      modelAlsoIn: models.alsoIn.length > 0 ? models.alsoIn.join(',') : null,
      newModel: models.model === null ? null : !models.spentBefore,
      estimatedDay: provisional,
    },
  };
}
