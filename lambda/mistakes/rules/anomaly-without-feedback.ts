import { formatUsd } from '../../report/format';
import type { NativeAnomaly } from '../../series/types';
import { evidenceText } from '../evidence';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength } from '../series-math';

/**
 * An anomaly that Cost Anomaly Detection raised and nobody answered: the
 * tool is there, but no one acts on what it says.
 */
export const anomalyWithoutFeedback: Rule = {
  name: 'anomaly-without-feedback',
  mistake: 7,
  needs:
    'A native-anomaly finding whose anomaly has no feedback (evidence feedback, or the ' +
    'anomaly in the history found by evidence anomalyId).',
  match(context: RuleContext): RuleMatch | null {
    const { finding, settings } = context;
    if (finding.kind !== 'native-anomaly') return null;

    const anomaly = anomalyOf(context.history.anomalies, evidenceText(finding, 'anomalyId'));
    const feedback = evidenceText(finding, 'feedback') ?? anomaly?.feedback ?? null;
    if (feedback !== null && feedback.toLowerCase() !== 'none') return null;

    const start = anomaly?.startDate ?? finding.day;
    const cause = rootCauseOf(anomaly, finding.service);
    const large = finding.impactUsd >= settings.minImpactUsd * 10;
    return {
      mistake: 7,
      strength: clampStrength(0.7 + (large ? 0.1 : 0)),
      because:
        `AWS Cost Anomaly Detection raised this anomaly on ${start} with ` +
        `${formatUsd(finding.impactUsd)} of impact (root cause ${cause}) and it has no ` +
        'feedback, so likely nobody acted on it.',
      tip: {
        action:
          'Open the anomaly in Cost Anomaly Detection, check its root cause, and mark it as ' +
          'accurate, not accurate or planned activity so the monitor learns.',
        saving: null,
      },
    };
  },
};

function anomalyOf(anomalies: readonly NativeAnomaly[], id: string | null): NativeAnomaly | null {
  if (id === null) return null;
  return anomalies.find((anomaly) => anomaly.id === id) ?? null;
}

function rootCauseOf(anomaly: NativeAnomaly | null, service: string): string {
  const cause = anomaly?.rootCauses[0];
  if (cause === undefined) return service;
  return [cause.service, cause.region, cause.usageType].filter((part) => part !== null).join(', ');
}
