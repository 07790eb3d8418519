import type { MeterSeries, SpendHistory } from '../series/types';
import type { Settings } from '../settings/settings';
import { NEGLIGIBLE_USD } from './baseline';
import { dayAt, lastCompleteIndex } from './calendar';
import type { Detector, Finding } from './finding';
import { round } from './stats';

export const WEEK_DAYS = 7;

/** Weeks of growth in a row that make a storage-like meter a steady trend. */
export const STEADY_GROWTH_WEEKS = 3;

/** A week counts as growing when it is at least this much above the week before. */
export const MIN_WEEKLY_GROWTH = 0.01;

/** Weekly totals shown in the evidence, at most. */
const WEEKS_SHOWN = 8;

/**
 * Trend: a meter's last seven complete days against the seven before.
 *
 * `week-over-week`: growth >= `trendGrowthPct` and a weekly delta of at
 * least `7 * minImpactUsd`; the growth must also hold with each week's
 * largest day left out, so that a one-day spike (a spike finding) is not
 * also a trend. `steady-growth`: a storage-like meter (storage,
 * custom-model storage, search capacity, data transfer, or any vector-store
 * meter) growing at least 1% a week for `STEADY_GROWTH_WEEKS` weeks in a
 * row, with a last week of at least `7 * minImpactUsd`.
 *
 * Dollars are weekly: `actualUsd` is the last week's spend, `expectedUsd` the
 * week before (for steady growth, the week before the growth began), and
 * `impactUsd` their difference.
 *
 * Evidence: `weekStart`, `weekEnd`, `priorStart`, `priorEnd`,
 * `lastWeekUsd`, `priorWeekUsd`, `deltaUsd`, `growthPct` (null when the
 * prior week had no spend), `growthWithoutPeakPct`, `weeksGrowing`, `weeklyUsd` (complete weeks,
 * oldest first, comma-separated), `trendGrowthPct`, `minWeeklyDeltaUsd`.
 */
export const detectTrends: Detector = (history, settings) => {
  const lastComplete = lastCompleteIndex(history);
  if (lastComplete < 2 * WEEK_DAYS - 1) return [];

  const minWeekly = WEEK_DAYS * settings.minImpactUsd;
  const findings: Finding[] = [];

  for (const series of history.meters) {
    const lastWeek = weekSum(series.cost, lastComplete, 0);
    if (lastWeek < minWeekly || !(lastWeek > 0)) continue;

    const finding = judgeMeter(history, series, settings, lastComplete);
    if (finding !== null) findings.push(finding);
  }
  return findings;
};

/**
 * Spend of the week ending `weeksBack` weeks before the day at `end`. A day
 * below zero (a credit left in) counts as zero, so that a credit in one week
 * does not make the next look like growth.
 */
function weekSum(cost: readonly number[], end: number, weeksBack: number): number {
  const to = end - weeksBack * WEEK_DAYS;
  let sum = 0;
  for (let index = to - WEEK_DAYS + 1; index <= to; index++) sum += Math.max(cost[index] ?? 0, 0);
  return sum;
}

function isStorageLike(series: MeterSeries): boolean {
  const { chargeKind } = series.meter.info;
  return (
    series.meter.serviceKind === 'vector-store' ||
    chargeKind === 'storage' ||
    chargeKind === 'custom-model-storage' ||
    chargeKind === 'search-capacity' ||
    chargeKind === 'data-transfer'
  );
}

function judgeMeter(
  history: SpendHistory,
  series: MeterSeries,
  settings: Settings,
  lastComplete: number,
): Finding | null {
  const lastWeek = weekSum(series.cost, lastComplete, 0);
  const priorWeek = weekSum(series.cost, lastComplete, 1);

  const growthPct = growth(lastWeek, priorWeek);
  const withoutPeakPct = growth(
    lastWeek - peakDay(series.cost, lastComplete, 0),
    priorWeek - peakDay(series.cost, lastComplete, 1),
  );
  const weekOverWeek =
    growthPct !== null &&
    withoutPeakPct !== null &&
    growthPct >= settings.trendGrowthPct &&
    withoutPeakPct >= settings.trendGrowthPct &&
    lastWeek - priorWeek >= WEEK_DAYS * settings.minImpactUsd;
  const storageLike = isStorageLike(series);
  if (!weekOverWeek && !storageLike) return null;

  const weeks = completeWeeks(series.cost, lastComplete);
  const growing = weeksGrowing(weeks);
  const steady = storageLike && growing >= STEADY_GROWTH_WEEKS;
  if (!weekOverWeek && !steady) return null;

  const expected = weekOverWeek ? priorWeek : (weeks[growing] as number);
  const { meter } = series;
  const end = lastComplete;

  return {
    key: `trend:${meter.key}`,
    kind: 'trend',
    pattern: weekOverWeek ? 'week-over-week' : 'steady-growth',
    service: meter.service,
    usageType: meter.usageType,
    meterKey: meter.key,
    day: dayAt(history, end),
    actualUsd: lastWeek,
    expectedUsd: expected,
    impactUsd: lastWeek - expected,
    provisional: false,
    evidence: {
      weekStart: dayAt(history, end - WEEK_DAYS + 1),
      weekEnd: dayAt(history, end),
      priorStart: dayAt(history, end - 2 * WEEK_DAYS + 1),
      priorEnd: dayAt(history, end - WEEK_DAYS),
      lastWeekUsd: round(lastWeek),
      priorWeekUsd: round(priorWeek),
      deltaUsd: round(lastWeek - priorWeek),
      growthPct: growthPct === null ? null : round(growthPct, 1),
      growthWithoutPeakPct: withoutPeakPct === null ? null : round(withoutPeakPct, 1),
      weeksGrowing: growing,
      weeklyUsd: weeks
        .slice(0, WEEKS_SHOWN)
        .reverse()
        .map((week) => week.toFixed(2))
        .join(','),
      trendGrowthPct: settings.trendGrowthPct,
      minWeeklyDeltaUsd: WEEK_DAYS * settings.minImpactUsd,
    },
  };
}

/** Growth in percent, or null when the earlier amount is no spend. */
function growth(later: number, earlier: number): number | null {
  return earlier > WEEK_DAYS * NEGLIGIBLE_USD ? (later / earlier - 1) * 100 : null;
}

/** The largest day (credits as zero) of the week ending `weeksBack` weeks before `end`. */
function peakDay(cost: readonly number[], end: number, weeksBack: number): number {
  const to = end - weeksBack * WEEK_DAYS;
  let peak = 0;
  for (let index = to - WEEK_DAYS + 1; index <= to; index++) {
    peak = Math.max(peak, cost[index] ?? 0);
  }
  return peak;
}

/** Spend of every complete week ending at `end`, newest first. */
function completeWeeks(cost: readonly number[], end: number): number[] {
  const weeks: number[] = [];
  for (let back = 0; end - back * WEEK_DAYS - WEEK_DAYS + 1 >= 0; back++) {
    weeks.push(weekSum(cost, end, back));
  }
  return weeks;
}

/** Weeks in a row, newest first, each at least `MIN_WEEKLY_GROWTH` above the one before. */
function weeksGrowing(weeks: readonly number[]): number {
  let growing = 0;
  while (growing + 1 < weeks.length) {
    const week = weeks[growing] as number;
    const before = weeks[growing + 1] as number;
    if (!(before > 0) || week < before * (1 + MIN_WEEKLY_GROWTH)) break;
    growing++;
  }
  return growing;
}
