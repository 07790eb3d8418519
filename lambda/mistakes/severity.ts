import type { FindingKind } from '../detect/finding';
import { SEVERITIES, type Severity } from '../settings/settings';
import { DAYS_PER_MONTH } from './spend-window';

/**
 * Whether a finding's impact is money per day (something happened on a
 * day) or money per month (a standing pattern or a month's overrun).
 */
export type ImpactBasis = 'daily' | 'monthly';

const MONTHLY_KINDS: readonly FindingKind[] = ['always-on', 'mix', 'forecast-overrun'];

/** Spikes, new spend, trends and native anomalies are daily; the rest are monthly. */
export function impactBasis(kind: FindingKind): ImpactBasis {
  return MONTHLY_KINDS.includes(kind) ? 'monthly' : 'daily';
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
  readonly impactUsd: number;
  readonly basis: ImpactBasis;
  /**
   * Spend the share is taken of, on the same basis: the judged day's total
   * watched spend for a daily finding, a month of it for a monthly one.
   */
  readonly spendUsd: number;
  /** The least daily impact worth an alert (`min-impact-usd`, after service overrides). */
  readonly minImpactUsd: number;
  /** True when the finding's leading mistake is urgent (1, 2 or 4). */
  readonly urgent: boolean;
};

/**
 * Severity from impact in dollars and as a share of spend.
 *
 * The impact is first made daily: a monthly impact is divided by 30, so a
 * mix, always-on or forecast finding is judged on its monthly-equivalent
 * (critical at $30,000 a month, and so on). Then:
 *
 * - below `minImpactUsd` a day: info, whatever the share;
 * - critical: at least $1,000 a day, or at least 50% of spend;
 * - high: at least $250 a day, or 25% of spend;
 * - medium: at least $50 a day, or 10% of spend;
 * - low: otherwise.
 *
 * An urgent leading mistake (1, 2 or 4) raises the result one step, from low
 * up to critical; info is never raised, since it is below the minimum impact.
 */
export function judgeSeverity(input: SeverityInput): Severity {
  const dailyImpact =
    input.basis === 'monthly' ? input.impactUsd / DAYS_PER_MONTH : input.impactUsd;
  if (!(dailyImpact >= input.minImpactUsd) || dailyImpact <= 0) return 'info';

  const share = input.spendUsd > 0 ? input.impactUsd / input.spendUsd : 0;
  const level = SEVERITY_LEVELS.find(
    (candidate) => dailyImpact >= candidate.dailyUsd || share >= candidate.share,
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
