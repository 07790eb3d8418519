import type { GetCostForecastResponse } from '@aws-sdk/client-cost-explorer';
import {
  dayAt,
  type FieldContext,
  failAt,
  listAt,
  numberAt,
  optionalNumberAt,
  recordAt,
} from './fields';
import type { Forecast } from './types';

const FIX =
  'Re-record the forecast with `aws ce get-cost-forecast --metric UNBLENDED_COST ' +
  '--granularity MONTHLY --time-period Start=YYYY-MM-DD,End=YYYY-MM-DD --output json`.';

type Interval = {
  readonly start: string;
  readonly end: string;
  readonly mean: number;
  readonly lower: number | null;
  readonly upper: number | null;
};

function intervalOf(value: unknown, ctx: FieldContext, field: string): Interval {
  const result = recordAt(value, ctx, field);
  const period = recordAt(result.TimePeriod, ctx, `${field}.TimePeriod`);
  const lower = `${field}.PredictionIntervalLowerBound`;
  const upper = `${field}.PredictionIntervalUpperBound`;
  return {
    start: dayAt(period.Start, ctx, `${field}.TimePeriod.Start`),
    end: dayAt(period.End, ctx, `${field}.TimePeriod.End`),
    mean: numberAt(result.MeanValue, ctx, `${field}.MeanValue`),
    lower: optionalNumberAt(result.PredictionIntervalLowerBound, ctx, lower),
    upper: optionalNumberAt(result.PredictionIntervalUpperBound, ctx, upper),
  };
}

/** The sum of a bound over every interval, or null when any interval lacks it. */
function sumOrNull(values: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const value of values) {
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

/**
 * The forecast from a `GetCostForecast` response: its whole period, the
 * total (or the sum of the intervals' means when the total is absent), and
 * the prediction bounds summed over the intervals.
 */
export function normaliseForecast(
  response: GetCostForecastResponse | unknown,
  source: string,
): Forecast {
  const ctx: FieldContext = { source, operation: 'GetCostForecast', page: null, fix: FIX };
  const body = recordAt(response, ctx, 'the response');
  const intervals = listAt(body.ForecastResultsByTime, ctx, 'ForecastResultsByTime').map(
    (entry, index) => intervalOf(entry, ctx, `ForecastResultsByTime[${index}]`),
  );
  if (intervals.length === 0) failAt(ctx, 'ForecastResultsByTime', 'is empty');

  const starts = intervals.map((interval) => interval.start).sort();
  const ends = intervals.map((interval) => interval.end).sort();
  const mean = intervals.reduce((sum, interval) => sum + interval.mean, 0);
  const total = body.Total === undefined ? null : recordAt(body.Total, ctx, 'Total');

  return {
    start: starts[0] as string,
    end: ends[ends.length - 1] as string,
    meanUsd: total === null ? mean : numberAt(total.Amount, ctx, 'Total.Amount'),
    lowerUsd: sumOrNull(intervals.map((interval) => interval.lower)),
    upperUsd: sumOrNull(intervals.map((interval) => interval.upper)),
  };
}
