import type { SpendHistory } from '../series/types';
import { ALL_WATCHED_SERVICES, type Detector } from './finding';
import { round } from './stats';

/**
 * Forecast overrun: with a monthly budget set, month-to-date watched spend
 * (the days of the run's month before `asOf`, estimated ones included) plus
 * the Cost Explorer forecast to the end of the month, above the budget.
 *
 * `pattern`: `exceeded` when month to date alone is already over the budget
 * (reported with or without a forecast), otherwise `projected` (needs a
 * forecast, and an overrun of at least `minImpactUsd`).
 *
 * Dollars are the month's: `actualUsd` is the projected month (month to
 * date plus forecast mean), `expectedUsd` the budget, `impactUsd` the
 * overrun. The key names the month, so each month's overrun is its own.
 *
 * Evidence: `month`, `budgetUsd`, `monthToDateUsd`, `monthToDateStart`,
 * `monthToDateEnd`, `monthToDateDays`, `monthToDateComplete` (false when the
 * window starts after the 1st), `estimatedDaysIncluded`, `forecastUsd`,
 * `forecastLowerUsd`, `forecastUpperUsd`, `forecastStart`, `forecastEnd`
 * (null without a forecast), `projectedUsd`, `overrunUsd`, `overrunPct`,
 * `lowerBoundOverBudget` (null without a lower bound).
 */
export const detectForecastOverrun: Detector = (history, settings) => {
  const budget = settings.monthlyBudgetUsd;
  if (budget === null) return [];

  const month = history.asOf.slice(0, 7);
  const toDate = monthToDate(history, month);
  const forecast = history.forecast;
  const projected = toDate.usd + (forecast?.meanUsd ?? 0);
  const overrun = projected - budget;

  const exceeded = toDate.usd > budget;
  const projectedOver = forecast !== null && overrun > 0 && overrun >= settings.minImpactUsd;
  if (!exceeded && !projectedOver) return [];

  const lastDay = history.days[history.days.length - 1] ?? history.asOf;
  return [
    {
      key: `forecast-overrun:${month}`,
      kind: 'forecast-overrun',
      pattern: exceeded ? 'exceeded' : 'projected',
      service: ALL_WATCHED_SERVICES,
      usageType: null,
      meterKey: null,
      day: lastDay,
      actualUsd: projected,
      expectedUsd: budget,
      impactUsd: overrun,
      provisional: false,
      evidence: {
        month,
        budgetUsd: budget,
        monthToDateUsd: round(toDate.usd),
        monthToDateStart: toDate.start,
        monthToDateEnd: toDate.end,
        monthToDateDays: toDate.days,
        monthToDateComplete: toDate.complete,
        estimatedDaysIncluded: toDate.estimatedDays,
        forecastUsd: forecast === null ? null : round(forecast.meanUsd),
        forecastLowerUsd: forecast?.lowerUsd == null ? null : round(forecast.lowerUsd),
        forecastUpperUsd: forecast?.upperUsd == null ? null : round(forecast.upperUsd),
        forecastStart: forecast?.start ?? null,
        forecastEnd: forecast?.end ?? null,
        projectedUsd: round(projected),
        overrunUsd: round(overrun),
        overrunPct: round((overrun / budget) * 100, 1),
        lowerBoundOverBudget:
          forecast?.lowerUsd == null ? null : toDate.usd + forecast.lowerUsd > budget,
      },
    },
  ];
};

type MonthToDate = {
  readonly usd: number;
  readonly start: string | null;
  readonly end: string | null;
  readonly days: number;
  readonly estimatedDays: number;
  readonly complete: boolean;
};

function monthToDate(history: SpendHistory, month: string): MonthToDate {
  let first = -1;
  let last = -1;
  let estimatedDays = 0;
  history.days.forEach((day, index) => {
    if (!day.startsWith(month) || day >= history.asOf) return;
    if (first < 0) first = index;
    last = index;
    if (history.estimated[index] === true) estimatedDays++;
  });

  let usd = 0;
  if (first >= 0) {
    for (const series of history.meters) {
      for (let index = first; index <= last; index++) usd += series.cost[index] ?? 0;
    }
  }

  const start = first < 0 ? null : (history.days[first] ?? null);
  const startsOnFirst = start === `${month}-01` || history.asOf === `${month}-01`;
  return {
    usd,
    start,
    end: last < 0 ? null : (history.days[last] ?? null),
    days: first < 0 ? 0 : last - first + 1,
    estimatedDays,
    complete: startsOnFirst,
  };
}
