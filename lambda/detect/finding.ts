import type { SpendHistory } from '../series/types';
import type { Settings } from '../settings/settings';

export const FINDING_KINDS = [
  'spike',
  'new-spend',
  'trend',
  'always-on',
  'forecast-overrun',
  'native-anomaly',
  'mix',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** `Finding.service` of a finding about all watched spend rather than one service. */
export const ALL_WATCHED_SERVICES = 'All watched services';

/** Numbers and labels a person can check in Cost Explorer. */
export type Evidence = Readonly<Record<string, string | number | boolean | null>>;

/**
 * What a detector found, before it is explained. Plain data.
 *
 * `key` is stable across days while the same anomaly goes on, so that state
 * can tell a new finding from one already posted: it names the kind, the
 * meter or service and, for `mix`, the pattern, but never the day.
 */
export type Finding = {
  readonly key: string;
  readonly kind: FindingKind;
  /** Finer kind: for `mix` the pattern, for `spike` its cause. */
  readonly pattern: string | null;
  readonly service: string;
  /** Null when the finding is about a whole service or all watched spend. */
  readonly usageType: string | null;
  /** `service|usageType` of the meter, or null. */
  readonly meterKey: string | null;
  /** The day the finding is about (`YYYY-MM-DD`). */
  readonly day: string;
  readonly actualUsd: number;
  readonly expectedUsd: number;
  /** Money at stake: the excess for a spike, the overrun for a forecast. */
  readonly impactUsd: number;
  /** True when judged on an estimated (still incomplete) day. */
  readonly provisional: boolean;
  readonly evidence: Evidence;
};

/** A detector: a pure function of the spend history and the settings. */
export type Detector = (history: SpendHistory, settings: Settings) => Finding[];
