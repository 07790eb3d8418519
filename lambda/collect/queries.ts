import type {
  Expression,
  GetAnomaliesRequest,
  GetCostAndUsageRequest,
  GetCostForecastRequest,
  GetDimensionValuesRequest,
  Metric,
} from '@aws-sdk/client-cost-explorer';
import type { CostMetric, Settings } from '../settings/settings';
import { addDays, type CollectWindow, firstOfNextMonth, laterDay } from './window';

/**
 * The Cost Explorer requests of one collection, as plain data, so that
 * their exact shape is what the tests check.
 */

/** Record types left out of spend unless the settings include credits. */
export const EXCLUDED_RECORD_TYPES = ['Credit', 'Refund'] as const;

/** Cost Anomaly Detection keeps anomalies this many days. */
const ANOMALY_RETENTION_DAYS = 90;

/** Confidence of the forecast's lower and upper bounds, in percent. */
const PREDICTION_INTERVAL_LEVEL = 80;

const FORECAST_METRICS: Readonly<Record<CostMetric, Metric>> = {
  UnblendedCost: 'UNBLENDED_COST',
  AmortizedCost: 'AMORTIZED_COST',
  NetUnblendedCost: 'NET_UNBLENDED_COST',
  NetAmortizedCost: 'NET_AMORTIZED_COST',
  BlendedCost: 'BLENDED_COST',
};

/**
 * The watched services, less credits and refunds unless they are counted.
 * An expression has exactly one root, so the two conditions go under `And`.
 */
export function spendFilter(services: readonly string[], includeCredits: boolean): Expression {
  const watched: Expression = { Dimensions: { Key: 'SERVICE', Values: [...services] } };
  if (includeCredits) return watched;
  return {
    And: [
      watched,
      { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: [...EXCLUDED_RECORD_TYPES] } } },
    ],
  };
}

/** Every SERVICE name billed in the window; the model listings are picked from it. */
export function serviceNamesRequest(window: CollectWindow): GetDimensionValuesRequest {
  return {
    Dimension: 'SERVICE',
    Context: 'COST_AND_USAGE',
    TimePeriod: { Start: window.start, End: window.end },
  };
}

/** The one query every series comes from: daily cost and usage per meter. */
export function dailySpendRequest(
  window: CollectWindow,
  settings: Settings,
  services: readonly string[],
): GetCostAndUsageRequest {
  return {
    TimePeriod: { Start: window.start, End: window.end },
    Granularity: 'DAILY',
    Metrics: [settings.costMetric, 'UsageQuantity'],
    Filter: spendFilter(services, settings.includeCredits),
    GroupBy: [
      { Type: 'DIMENSION', Key: 'SERVICE' },
      { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
    ],
  };
}

/**
 * The window's spend per linked account, or per value of one tag. Only
 * totals are needed, so MONTHLY keeps it to a page or two.
 */
export function splitSpendRequest(
  window: CollectWindow,
  settings: Settings,
  services: readonly string[],
  groupBy: { readonly Type: 'DIMENSION' | 'TAG'; readonly Key: string },
): GetCostAndUsageRequest {
  return {
    TimePeriod: { Start: window.start, End: window.end },
    Granularity: 'MONTHLY',
    Metrics: [settings.costMetric],
    Filter: spendFilter(services, settings.includeCredits),
    GroupBy: [{ ...groupBy }],
  };
}

/** Anomalies up to `asOf`, no further back than the window or the retention. */
export function anomaliesRequest(window: CollectWindow, asOf: string): GetAnomaliesRequest {
  const retained = addDays(asOf, -ANOMALY_RETENTION_DAYS);
  return { DateInterval: { StartDate: laterDay(window.start, retained), EndDate: asOf } };
}

/** The forecast of the watched spend from `asOf` to the end of its month. */
export function forecastRequest(
  asOf: string,
  settings: Settings,
  services: readonly string[],
): GetCostForecastRequest {
  return {
    TimePeriod: { Start: asOf, End: firstOfNextMonth(asOf) },
    Granularity: 'MONTHLY',
    Metric: FORECAST_METRICS[settings.costMetric],
    Filter: spendFilter(services, settings.includeCredits),
    PredictionIntervalLevel: PREDICTION_INTERVAL_LEVEL,
  };
}
