import type { MeterSeries, SpendHistory } from '../series/types';
import {
  type Baseline,
  type BaselineContext,
  baselineLevel,
  baselineSpread,
  createBaselineContext,
  firstActiveIndex,
  robustScore,
  weekdayBaseline,
} from './baseline';
import { dayAt, estimatedIndicesAfter, lastCompleteIndex, weekdayName } from './calendar';
import type { Detector, Finding } from './finding';
import { round, significant } from './stats';
import { type ServiceThresholds, serviceThresholds } from './thresholds';

/**
 * Spike: the judged day of a meter far above its robust, weekday-aware
 * baseline. The judged day is the newest complete day; when that is no spike,
 * the newest estimated day that already is one is reported as provisional
 * (incomplete data only under-counts, so a spike there can only grow, while
 * a drop there means nothing). Drops are never findings.
 *
 * A spike needs all three: score >= `spikeScore`, excess >= `minImpactUsd`
 * and increase >= `minIncreasePct` (a service override applies by the
 * meter's SERVICE). Negative baselines (credits left in) count as zero.
 *
 * `pattern` is the cause: `usage` (more units at the same unit price),
 * `price` (a higher price per unit), `usage-and-price`, or null when the
 * meter reports no usage to split by.
 *
 * Evidence: `baselineStart`, `baselineEnd`, `baselineDays`, `basis`
 * (`weekday` | `all`), `weekday`, `weekdayDays`, `medianUsd`, `madUsd`,
 * `scaleUsd`, `score`, `actualUsd`, `expectedUsd`, `impactUsd`,
 * `increasePct` (null when the baseline is zero), `actualUsage`,
 * `expectedUsage`, `usageUnit`, `usageRatio`, `actualUnitPrice`,
 * `baselineUnitPrice`, `unitPriceRatio`, `spikeScore`, `minImpactUsd`,
 * `minIncreasePct`, `thresholdsOverridden`, `estimatedDay`.
 */
export const detectSpikes: Detector = (history, settings) => {
  const lastComplete = lastCompleteIndex(history);
  const estimated = estimatedIndicesAfter(history, lastComplete);
  const judgeable = lastComplete >= 0 ? [lastComplete, ...estimated] : estimated;
  if (judgeable.length === 0) return [];

  const context = createBaselineContext(history);
  const thresholdsOf = serviceThresholds(settings);
  const findings: Finding[] = [];

  for (const series of history.meters) {
    const thresholds = thresholdsOf(series.meter.service);
    if (!canReach(series.cost, judgeable, thresholds.minImpactUsd)) continue;

    const finding = judgeMeter(history, series, { lastComplete, estimated, thresholds, context });
    if (finding !== null) findings.push(finding);
  }
  return findings;
};

type Judging = {
  readonly lastComplete: number;
  readonly estimated: readonly number[];
  readonly thresholds: ServiceThresholds;
  readonly context: BaselineContext;
};

/** The excess can never exceed the day's own cost: skip meters too small to alert. */
function canReach(cost: readonly number[], days: readonly number[], minImpactUsd: number): boolean {
  for (const day of days) if ((cost[day] ?? 0) >= minImpactUsd && (cost[day] ?? 0) > 0) return true;
  return false;
}

function judgeMeter(history: SpendHistory, series: MeterSeries, judging: Judging): Finding | null {
  const newest = judging.estimated[0] ?? judging.lastComplete;
  const from = firstActiveIndex(series.cost, newest);
  // A meter with no spend before the judged days is new spend, not a spike.
  if (from < 0) return null;

  if (judging.lastComplete >= 0) {
    const complete = judgeDay(history, series, from, judging.lastComplete, judging);
    if (complete !== null) return complete;
  }
  for (const day of judging.estimated) {
    const provisional = judgeDay(history, series, from, day, judging);
    if (provisional !== null) return provisional;
  }
  return null;
}

function judgeDay(
  history: SpendHistory,
  series: MeterSeries,
  from: number,
  day: number,
  judging: Judging,
): Finding | null {
  const { thresholds, context } = judging;
  const actual = series.cost[day] ?? 0;
  if (!(actual > 0) || from >= day) return null;

  const level = baselineLevel(series.cost, from, day, context);
  if (level === null) return null;

  // Impact and increase need only the level; most days fail here, before the spread.
  const expected = Math.max(level.expected, 0);
  const impact = actual - expected;
  const increasePct = expected > 0 ? (impact / expected) * 100 : null;
  if (impact < thresholds.minImpactUsd) return null;
  if (increasePct !== null && increasePct < thresholds.minIncreasePct) return null;

  const baseline = baselineSpread(series.cost, level, context);
  const score = robustScore(actual, baseline);
  if (score < thresholds.spikeScore) return null;

  const cause = splitCause(series, from, day, expected, context);
  const judged = { day, baseline, expected, impact, increasePct, score, cause };
  return toFinding(history, series, judged, thresholds, context.weekdays[day] ?? 0);
}

type Judged = {
  readonly day: number;
  readonly baseline: Baseline;
  readonly expected: number;
  readonly impact: number;
  readonly increasePct: number | null;
  readonly score: number;
  readonly cause: Cause;
};

function toFinding(
  history: SpendHistory,
  series: MeterSeries,
  judged: Judged,
  thresholds: ServiceThresholds,
  weekday: number,
): Finding {
  const { day, baseline, expected, impact, increasePct, score, cause } = judged;
  const actual = series.cost[day] ?? 0;
  const provisional = history.estimated[day] === true;
  const { meter } = series;

  return {
    key: `spike:${meter.key}`,
    kind: 'spike',
    pattern: cause.pattern,
    service: meter.service,
    usageType: meter.usageType,
    meterKey: meter.key,
    day: dayAt(history, day),
    actualUsd: actual,
    expectedUsd: expected,
    impactUsd: impact,
    provisional,
    evidence: {
      ...baselineEvidence(history, baseline, weekday),
      score: round(score),
      actualUsd: round(actual),
      expectedUsd: round(expected),
      impactUsd: round(impact),
      increasePct: increasePct === null ? null : round(increasePct, 1),
      ...cause.evidence,
      usageUnit: series.usageUnit,
      spikeScore: thresholds.spikeScore,
      minImpactUsd: thresholds.minImpactUsd,
      minIncreasePct: thresholds.minIncreasePct,
      thresholdsOverridden: thresholds.overridden,
      estimatedDay: provisional,
    },
  };
}

function baselineEvidence(history: SpendHistory, baseline: Baseline, weekday: number) {
  return {
    baselineStart: dayAt(history, baseline.firstIndex),
    baselineEnd: dayAt(history, baseline.lastIndex),
    baselineDays: baseline.points,
    basis: baseline.basis,
    weekday: weekdayName(weekday),
    weekdayDays: baseline.weekdayPoints,
    medianUsd: round(baseline.expected),
    madUsd: round(baseline.mad),
    scaleUsd: round(baseline.scale),
  };
}

/** Below this share of the cost ratio, a cause does not count. */
const MINOR_CAUSE_SHARE = 0.25;

type Cause = {
  readonly pattern: 'usage' | 'price' | 'usage-and-price' | null;
  readonly evidence: {
    readonly actualUsage: number | null;
    readonly expectedUsage: number | null;
    readonly usageRatio: number | null;
    readonly actualUnitPrice: number | null;
    readonly baselineUnitPrice: number | null;
    readonly unitPriceRatio: number | null;
  };
};

/**
 * Splits the cost ratio into usage ratio x unit-price ratio, and names the
 * cause by the share of the (log) cost ratio each one carries.
 */
function splitCause(
  series: MeterSeries,
  from: number,
  day: number,
  expectedCost: number,
  context: BaselineContext,
): Cause {
  const actualCost = series.cost[day] ?? 0;
  const actualUsage = series.usage[day] ?? 0;
  const usageBaseline = weekdayBaseline(series.usage, from, day, context);
  const expectedUsage = usageBaseline === null ? null : usageBaseline.expected;

  const usageRatio =
    expectedUsage !== null && expectedUsage > 0 ? actualUsage / expectedUsage : null;
  const baselineUnitPrice =
    expectedUsage !== null && expectedUsage > 0 && expectedCost > 0
      ? expectedCost / expectedUsage
      : null;
  const actualUnitPrice = actualUsage > 0 ? actualCost / actualUsage : null;
  const unitPriceRatio =
    actualUnitPrice !== null && baselineUnitPrice !== null
      ? actualUnitPrice / baselineUnitPrice
      : null;

  return {
    pattern: nameCause(usageRatio, unitPriceRatio),
    evidence: {
      actualUsage: significant(actualUsage, 6),
      expectedUsage: expectedUsage === null ? null : significant(expectedUsage, 6),
      usageRatio: usageRatio === null ? null : round(usageRatio, 3),
      actualUnitPrice: actualUnitPrice === null ? null : significant(actualUnitPrice),
      baselineUnitPrice: baselineUnitPrice === null ? null : significant(baselineUnitPrice),
      unitPriceRatio: unitPriceRatio === null ? null : round(unitPriceRatio, 3),
    },
  };
}

function nameCause(usageRatio: number | null, unitPriceRatio: number | null): Cause['pattern'] {
  if (usageRatio === null || unitPriceRatio === null || !(usageRatio > 0)) return null;

  const costLog = Math.log(usageRatio * unitPriceRatio);
  if (!(costLog > 0)) return null;

  const priceShare = Math.log(unitPriceRatio) / costLog;
  if (priceShare <= MINOR_CAUSE_SHARE) return 'usage';
  if (priceShare >= 1 - MINOR_CAUSE_SHARE) return 'price';
  return 'usage-and-price';
}
