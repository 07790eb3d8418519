import type {
  GetAnomaliesResponse,
  GetAnomalyMonitorsResponse,
  GetCostAndUsageResponse,
  GetCostForecastResponse,
  GetDimensionValuesResponse,
} from '@aws-sdk/client-cost-explorer';

/**
 * Raw Cost Explorer responses of one run, keyed by operation, exactly as the
 * AWS SDK v3 (or `aws ce ... --output json`) returns them. A live collection
 * produces one; the CLI and the tests replay one.
 */
export type Capture = {
  /** DAILY pages grouped by SERVICE and USAGE_TYPE. The only required part. */
  readonly GetCostAndUsage: readonly GetCostAndUsageResponse[];
  readonly GetAnomalies?: readonly GetAnomaliesResponse[];
  readonly GetAnomalyMonitors?: readonly GetAnomalyMonitorsResponse[];
  readonly GetCostForecast?: GetCostForecastResponse;
  readonly GetDimensionValues?: readonly GetDimensionValuesResponse[];
  /** The same spend grouped by LINKED_ACCOUNT, when collected. */
  readonly GetCostAndUsageByAccount?: readonly GetCostAndUsageResponse[];
  /** The same spend grouped by one cost-allocation tag, when collected. */
  readonly GetCostAndUsageByTag?: readonly GetCostAndUsageResponse[];
  /** How the capture was made; informational. */
  readonly Meta?: CaptureMeta;
};

export type CaptureMeta = {
  readonly recordedAt?: string;
  readonly metric?: string;
  readonly tagKey?: string;
  /** Cost Explorer requests the collection made. */
  readonly requests?: number;
};
