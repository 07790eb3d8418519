/**
 * The normalised view of a run's Cost Explorer data: daily series per meter,
 * plus the non-series observations (anomalies, monitors, forecast, tags).
 * Everything from here on is pure data; nothing here does I/O.
 */

/** What a usage type bills for. */
export type ChargeKind =
  | 'input-tokens'
  | 'output-tokens'
  | 'cache-read'
  | 'cache-write'
  | 'batch'
  | 'provisioned-throughput'
  | 'custom-model-training'
  | 'custom-model-storage'
  | 'custom-model-inference'
  | 'guardrail'
  | 'endpoint-hours'
  | 'notebook'
  | 'training'
  | 'storage'
  | 'search-capacity'
  | 'data-transfer'
  | 'other';

/** How a request is routed: in-region, a geographic cross-region profile, or global. */
export type RoutingTier = 'standard' | 'cross-region' | 'global';

/** Where a model sits in its family's price ladder. */
export type ModelTier = 'flagship' | 'mid' | 'small';

/** The kind of service a meter belongs to, for the rules that explain findings. */
export type ServiceKind =
  | 'bedrock'
  | 'bedrock-marketplace'
  | 'sagemaker'
  | 'vector-store'
  | 'ai-service'
  | 'other';

/** A usage type parsed into what the rules need; unknown parts stay null. */
export type UsageTypeInfo = {
  /** The usage type exactly as Cost Explorer returned it. */
  readonly raw: string;
  /** Billing region code from the prefix (`USE1`), or null when there is none. */
  readonly regionCode: string | null;
  /** AWS region name (`us-east-1`); a usage type with no prefix is us-east-1. */
  readonly region: string;
  /** Model as billed (`NovaMicro`, `Claude 3.5 Sonnet`), or null. */
  readonly model: string | null;
  /** Model family in lower case (`nova`, `claude`, `llama`), or null. */
  readonly modelFamily: string | null;
  /** Price tier of the model within its family, or null when unknown. */
  readonly modelTier: ModelTier | null;
  readonly chargeKind: ChargeKind;
  /** For token meters (on demand, batch or cache): which side of the call. */
  readonly tokens: 'input' | 'output' | null;
  /** True for batch-inference meters. */
  readonly batch: boolean;
  readonly routing: RoutingTier;
};

/** One (service, usage type) pair. */
export type Meter = {
  /** `service|usageType`, unique within a run. */
  readonly key: string;
  readonly service: string;
  readonly usageType: string;
  readonly serviceKind: ServiceKind;
  readonly info: UsageTypeInfo;
};

/** Daily cost and usage of one meter, aligned with `SpendHistory.days`. */
export type MeterSeries = {
  readonly meter: Meter;
  /** Cost per day in the run's currency; 0 where Cost Explorer had no row. */
  readonly cost: readonly number[];
  /** Usage quantity per day, in the meter's own unit. */
  readonly usage: readonly number[];
  /** The usage unit Cost Explorer reported (`Units`, `Hrs`...), or null. */
  readonly usageUnit: string | null;
};

/** An anomaly raised by AWS Cost Anomaly Detection, normalised. */
export type NativeAnomaly = {
  readonly id: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly monitorArn: string;
  readonly feedback: 'YES' | 'NO' | 'PLANNED_ACTIVITY' | null;
  readonly totalImpactUsd: number;
  readonly maxImpactUsd: number;
  readonly totalActualUsd: number | null;
  readonly totalExpectedUsd: number | null;
  /** Absent from the API when expected spend is zero. */
  readonly impactPercent: number | null;
  readonly maxScore: number;
  /** The monitor's dimension value (a SERVICE name for a service monitor), when known. */
  readonly dimensionValue?: string | null;
  readonly rootCauses: readonly {
    readonly service: string | null;
    readonly region: string | null;
    readonly usageType: string | null;
    readonly linkedAccount: string | null;
    readonly contributionUsd: number | null;
  }[];
};

/** Cost forecast of the watched services from today to the end of the month. */
export type Forecast = {
  readonly start: string;
  /** Exclusive end, the first day of next month. */
  readonly end: string;
  readonly meanUsd: number;
  readonly lowerUsd: number | null;
  readonly upperUsd: number | null;
};

/** Spend of the window split by a cost-allocation tag. */
export type TagSplit = {
  readonly tagKey: string;
  readonly taggedUsd: number;
  readonly untaggedUsd: number;
};

/** Spend of the window per linked account. */
export type AccountSpend = {
  readonly accountId: string;
  readonly name: string | null;
  readonly costUsd: number;
};

/** Everything a run knows about spend, as of one date. */
export type SpendHistory = {
  /** The run's date: every day in `days` is before it. */
  readonly asOf: string;
  /** Contiguous, ascending `YYYY-MM-DD` days of the window. */
  readonly days: readonly string[];
  /** Per day: Cost Explorer marked it `Estimated` (may still grow). */
  readonly estimated: readonly boolean[];
  /** The cost metric read (`UnblendedCost`...). */
  readonly metric: string;
  /** Currency of every amount (`USD`). */
  readonly currency: string;
  readonly meters: readonly MeterSeries[];
  readonly anomalies: readonly NativeAnomaly[];
  /** Number of anomaly monitors, or null when they were not collected. */
  readonly monitorCount: number | null;
  readonly forecast: Forecast | null;
  readonly tags: TagSplit | null;
  readonly accounts: readonly AccountSpend[] | null;
};
