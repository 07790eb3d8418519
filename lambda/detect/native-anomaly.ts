import { isWatchedService } from '../series/services';
import type { NativeAnomaly, SpendHistory } from '../series/types';
import type { Settings } from '../settings/settings';
import { dayAt, lastCompleteIndex } from './calendar';
import type { Detector, Finding } from './finding';
import { round } from './stats';

type RootCause = NativeAnomaly['rootCauses'][number];

const PATTERN_BY_FEEDBACK = { none: 'unreviewed', YES: 'confirmed' } as const;

/** Days at the end of the judged window in which a reviewed anomaly that ended is still news. */
export const RECENT_DAYS = 7;

/**
 * Native anomaly: an anomaly raised by AWS Cost Anomaly Detection whose root
 * cause is a watched service (or whose dimension value names one), with a
 * total impact of at least `minImpactUsd`, and that is still news:
 *
 * - feedback `NO` (not an anomaly) or `PLANNED_ACTIVITY`: never a finding;
 *   someone looked and said the spend was expected.
 * - feedback `YES`, ended before the last 7 days of the judged window (to
 *   the newest complete day): dropped, as old news somebody already saw.
 * - feedback `YES` and open, or ended within those 7 days: kept.
 * - no feedback: kept however old, since nobody acting on it is the
 *   finding (mistake 7).
 *
 * `pattern` says what was done about it: `unreviewed` (no feedback) or
 * `confirmed`. `service` and `usageType` are
 * those of the largest watched root cause. Dollars are the anomaly's totals:
 * `actualUsd` and `expectedUsd` its actual and expected spend over its
 * duration, `impactUsd` its total impact.
 *
 * Evidence: `anomalyId`, `startDate`, `endDate`, `open`, `monitorArn`,
 * `feedback`, `maxScore`, `totalImpactUsd`, `maxImpactUsd`,
 * `totalActualUsd`, `totalExpectedUsd`, `impactPercent`, `dimensionValue`,
 * `rootCauseCount`, `rootCauses` (each as `service / region / usage type /
 * account: $contribution`, joined by `; `), `topService`, `topRegion`,
 * `topUsageType`, `topLinkedAccount`, `topContributionUsd`.
 */
export const detectNativeAnomalies: Detector = (history, settings) => {
  const findings: Finding[] = [];
  const since = recentSince(history);
  for (const anomaly of history.anomalies) {
    if (anomaly.totalImpactUsd < settings.minImpactUsd || !isNews(anomaly, since)) continue;

    const scope = watchedScope(anomaly, settings);
    if (scope !== null) findings.push(toFinding(history, anomaly, scope));
  }
  return findings;
};

/**
 * Whether an anomaly still deserves a finding, by its feedback and end date;
 * `since` is the first day of the judged window's last 7 days.
 */
export function isNews(anomaly: NativeAnomaly, since: string): boolean {
  if (anomaly.feedback === 'NO' || anomaly.feedback === 'PLANNED_ACTIVITY') return false;
  if (anomaly.feedback === null || anomaly.endDate === null) return true;
  return anomaly.endDate >= since;
}

/** The first of the last 7 days up to the newest complete day (the first day if fewer). */
function recentSince(history: SpendHistory): string {
  const lastComplete = lastCompleteIndex(history);
  const newest = lastComplete >= 0 ? lastComplete : history.days.length - 1;
  return dayAt(history, Math.max(0, newest - RECENT_DAYS + 1));
}

type Scope = { readonly service: string; readonly top: RootCause | null };

/** The largest watched root cause, or the watched dimension value; null when nothing is watched. */
function watchedScope(anomaly: NativeAnomaly, settings: Settings): Scope | null {
  const watched = anomaly.rootCauses
    .filter((cause) => cause.service !== null && isWatchedService(cause.service, settings))
    .sort((a, b) => (b.contributionUsd ?? 0) - (a.contributionUsd ?? 0));
  const top = watched[0];
  if (top?.service != null) return { service: top.service, top };

  const dimension = anomaly.dimensionValue ?? null;
  if (dimension !== null && isWatchedService(dimension, settings)) {
    return { service: dimension, top: null };
  }
  return null;
}

function toFinding(history: SpendHistory, anomaly: NativeAnomaly, scope: Scope): Finding {
  const { top } = scope;
  const usageType = top?.usageType ?? null;
  const actual = anomaly.totalActualUsd ?? 0;
  const expected = anomaly.totalExpectedUsd ?? Math.max(actual - anomaly.totalImpactUsd, 0);

  return {
    key: `native-anomaly:${anomaly.id}`,
    kind: 'native-anomaly',
    pattern: anomaly.feedback === 'YES' ? PATTERN_BY_FEEDBACK.YES : PATTERN_BY_FEEDBACK.none,
    service: scope.service,
    usageType,
    meterKey: usageType === null ? null : `${scope.service}|${usageType}`,
    day: anomaly.endDate ?? lastDay(history, anomaly),
    actualUsd: actual,
    expectedUsd: expected,
    impactUsd: anomaly.totalImpactUsd,
    provisional: false,
    evidence: {
      anomalyId: anomaly.id,
      startDate: anomaly.startDate,
      endDate: anomaly.endDate,
      open: anomaly.endDate === null,
      monitorArn: anomaly.monitorArn,
      feedback: anomaly.feedback,
      maxScore: round(anomaly.maxScore),
      totalImpactUsd: round(anomaly.totalImpactUsd),
      maxImpactUsd: round(anomaly.maxImpactUsd),
      totalActualUsd: anomaly.totalActualUsd === null ? null : round(anomaly.totalActualUsd),
      totalExpectedUsd: anomaly.totalExpectedUsd === null ? null : round(anomaly.totalExpectedUsd),
      impactPercent: anomaly.impactPercent === null ? null : round(anomaly.impactPercent, 1),
      dimensionValue: anomaly.dimensionValue ?? null,
      rootCauseCount: anomaly.rootCauses.length,
      rootCauses: anomaly.rootCauses.map(describeCause).join('; '),
      topService: top?.service ?? null,
      topRegion: top?.region ?? null,
      topUsageType: usageType,
      topLinkedAccount: top?.linkedAccount ?? null,
      topContributionUsd: top?.contributionUsd == null ? null : round(top.contributionUsd),
    },
  };
}

/** An open anomaly is about the newest day the run knows of. */
function lastDay(history: SpendHistory, anomaly: NativeAnomaly): string {
  return history.days[history.days.length - 1] ?? anomaly.startDate;
}

function describeCause(cause: RootCause): string {
  const parts = [cause.service, cause.region, cause.usageType, cause.linkedAccount];
  const where = parts.map((part) => part ?? '-').join(' / ');
  const contribution = cause.contributionUsd === null ? '?' : cause.contributionUsd.toFixed(2);
  return `${where}: $${contribution}`;
}
