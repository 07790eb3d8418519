import type { FindingKind } from '../detect/finding';
import { SEVERITIES, type Severity } from '../settings/settings';

/**
 * The horizon of a finding's dollars, as the detectors report them: a day
 * (spikes, new spend), a week (trends), a month (always-on, forecast
 * overruns, mix) or the whole of an anomaly (native anomalies).
 */
export type ImpactHorizon = 'day' | 'week' | 'month' | 'anomaly';

const HORIZONS: Readonly<Record<FindingKind, ImpactHorizon>> = {
  spike: 'day',
  'new-spend': 'day',
  trend: 'week',
  'always-on': 'month',
  'forecast-overrun': 'month',
  mix: 'month',
  'native-anomaly': 'anomaly',
};

export function impactHorizon(kind: FindingKind): ImpactHorizon {
  return HORIZONS[kind];
}

/**
 * Daily-equivalent thresholds, most severe first. A finding takes the first
 * level whose dollars or share it reaches.
 */
export const SEVERITY_LEVELS = [
  { severity: 'critical', dailyUsd: 1000, share: 0.5 },
  { severity: 'high', dailyUsd: 250, share: 0.25 },
  { severity: 'medium', dailyUsd: 50, share: 0.1 },
] as const;

export type SeverityInput = {
  /** Impact brought to one day: a week's over 7, a month's over 30, an anomaly's over its days. */
  readonly dailyImpactUsd: number;
  /**
   * Daily watched spend over the same days, for the share; null when share
   * does not count (mix patterns, whose exposure is most of the spend by
   * their very definition).
   */
  readonly dailySpendUsd: number | null;
  /** The least daily impact worth an alert (`min-impact-usd`, after service overrides). */
  readonly minImpactUsd: number;
  /** True when the finding's leading mistake is urgent (1, 2 or 4). */
  readonly urgent: boolean;
};

/**
 * Severity from impact in dollars and as a share of spend, both brought to
 * one day (a weekly impact divided by 7, a monthly one by 30, an anomaly's
 * total by its days), so that every kind is judged on the same scale:
 *
 * - below `minImpactUsd` a day: info, whatever the share;
 * - critical: at least $1,000 a day, or at least 50% of spend;
 * - high: at least $250 a day, or 25% of spend;
 * - medium: at least $50 a day, or 10% of spend;
 * - low: otherwise.
 *
 * Mix findings count dollars only. An urgent leading mistake (1, 2 or 4)
 * raises the result one step, from low up to critical; info is never
 * raised, since it is below the minimum impact.
 */
export function judgeSeverity(input: SeverityInput): Severity {
  const impact = input.dailyImpactUsd;
  if (!(impact >= input.minImpactUsd) || impact <= 0) return 'info';

  const spend = input.dailySpendUsd;
  const share = spend !== null && spend > 0 ? impact / spend : 0;
  const level = SEVERITY_LEVELS.find(
    (candidate) => impact >= candidate.dailyUsd || share >= candidate.share,
  );
  const severity: Severity = level?.severity ?? 'low';
  return input.urgent ? raised(severity) : severity;
}

/** Sort rank of a severity: critical first. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

function raised(severity: Severity): Severity {
  if (severity === 'info') return severity;
  return SEVERITIES[Math.max(0, severityRank(severity) - 1)] ?? severity;
}
