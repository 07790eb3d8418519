/** Severity of a finding, from most to least urgent. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const COST_METRICS = [
  'UnblendedCost',
  'AmortizedCost',
  'NetUnblendedCost',
  'NetAmortizedCost',
  'BlendedCost',
] as const;
export type CostMetric = (typeof COST_METRICS)[number];

/** What a mute matches: one finding, one meter, a whole service, or a mistake. */
export type MuteTarget =
  | { readonly findingKey: string }
  | { readonly meter: string }
  | { readonly service: string }
  | { readonly mistake: number };

export type Mute = MuteTarget & {
  /** Last day the mute applies, `YYYY-MM-DD` inclusive. */
  readonly until: string;
  readonly reason: string;
};

/** Spike thresholds that one service may override. */
export type SpikeThresholds = {
  readonly spikeScore: number;
  readonly minImpactUsd: number;
  readonly minIncreasePct: number;
};

/** The effective, validated settings of a run. */
export type Settings = SpikeThresholds & {
  readonly lookbackDays: number;
  readonly costMetric: CostMetric;
  readonly extraServices: readonly string[];
  readonly excludedServices: readonly string[];
  readonly trendGrowthPct: number;
  readonly monthlyBudgetUsd: number | null;
  readonly severityFloor: Severity;
  readonly dailyDigest: boolean;
  readonly includeCredits: boolean;
  readonly groupByLinkedAccount: boolean;
  readonly tagKey: string | null;
  readonly slackChannel: string | null;
  readonly regrowthFactor: number;
  readonly mutes: readonly Mute[];
  readonly serviceOverrides: Readonly<Record<string, Partial<SpikeThresholds>>>;
};
