import type { GetAnomaliesResponse } from '@aws-sdk/client-cost-explorer';
import {
  type FieldContext,
  failAt,
  isRecord,
  listAt,
  numberAt,
  optionalDayAt,
  optionalNumberAt,
  optionalStringAt,
  recordAt,
  stringAt,
} from './fields';
import type { NativeAnomaly } from './types';

const FEEDBACK = new Set(['YES', 'NO', 'PLANNED_ACTIVITY']);
const FIX =
  'Re-record the anomalies with `aws ce get-anomalies --date-interval ' +
  'StartDate=YYYY-MM-DD,EndDate=YYYY-MM-DD --output json`.';

type RootCause = NativeAnomaly['rootCauses'][number];

function rootCauseOf(value: unknown, ctx: FieldContext, field: string): RootCause {
  const cause = recordAt(value, ctx, field);
  const impact = cause.Impact === undefined ? {} : recordAt(cause.Impact, ctx, `${field}.Impact`);
  return {
    service: optionalStringAt(cause.Service, ctx, `${field}.Service`),
    region: optionalStringAt(cause.Region, ctx, `${field}.Region`),
    usageType: optionalStringAt(cause.UsageType, ctx, `${field}.UsageType`),
    linkedAccount: optionalStringAt(cause.LinkedAccount, ctx, `${field}.LinkedAccount`),
    contributionUsd: optionalNumberAt(impact.Contribution, ctx, `${field}.Impact.Contribution`),
  };
}

function anomalyOf(value: unknown, ctx: FieldContext, field: string): NativeAnomaly {
  const anomaly = recordAt(value, ctx, field);
  const impact = recordAt(anomaly.Impact, ctx, `${field}.Impact`);
  const score = recordAt(anomaly.AnomalyScore, ctx, `${field}.AnomalyScore`);
  const endDate = optionalDayAt(anomaly.AnomalyEndDate, ctx, `${field}.AnomalyEndDate`);
  const startDate =
    optionalDayAt(anomaly.AnomalyStartDate, ctx, `${field}.AnomalyStartDate`) ?? endDate;
  if (startDate === null) failAt(ctx, field, 'has neither AnomalyStartDate nor AnomalyEndDate');
  const maxImpactUsd = numberAt(impact.MaxImpact, ctx, `${field}.Impact.MaxImpact`);
  const causes = anomaly.RootCauses === undefined ? [] : anomaly.RootCauses;

  return {
    id: stringAt(anomaly.AnomalyId, ctx, `${field}.AnomalyId`),
    startDate,
    endDate,
    monitorArn: stringAt(anomaly.MonitorArn, ctx, `${field}.MonitorArn`),
    feedback: FEEDBACK.has(anomaly.Feedback as string)
      ? (anomaly.Feedback as NativeAnomaly['feedback'])
      : null,
    // Total impact is at least the largest daily one when the API leaves it out.
    totalImpactUsd:
      optionalNumberAt(impact.TotalImpact, ctx, `${field}.Impact.TotalImpact`) ?? maxImpactUsd,
    maxImpactUsd,
    totalActualUsd: optionalNumberAt(
      impact.TotalActualSpend,
      ctx,
      `${field}.Impact.TotalActualSpend`,
    ),
    totalExpectedUsd: optionalNumberAt(
      impact.TotalExpectedSpend,
      ctx,
      `${field}.Impact.TotalExpectedSpend`,
    ),
    impactPercent: optionalNumberAt(
      impact.TotalImpactPercentage,
      ctx,
      `${field}.Impact.TotalImpactPercentage`,
    ),
    maxScore: numberAt(score.MaxScore, ctx, `${field}.AnomalyScore.MaxScore`),
    rootCauses: listAt(causes, ctx, `${field}.RootCauses`).map((cause, index) =>
      rootCauseOf(cause, ctx, `${field}.RootCauses[${index}]`),
    ),
  };
}

/**
 * Anomalies from `GetAnomalies` pages as plain numbers and dates. Amounts
 * may be numbers (the SDK) or strings (hand-made captures). Throws
 * `CaptureError` naming the page and field of anything malformed.
 */
export function normaliseAnomalies(
  pages: readonly (GetAnomaliesResponse | unknown)[],
  source: string,
): NativeAnomaly[] {
  const anomalies: NativeAnomaly[] = [];
  pages.forEach((body, page) => {
    const ctx: FieldContext = { source, operation: 'GetAnomalies', page, fix: FIX };
    const list = listAt(isRecord(body) ? body.Anomalies : body, ctx, 'Anomalies');
    list.forEach((entry, index) => {
      anomalies.push(anomalyOf(entry, ctx, `Anomalies[${index}]`));
    });
  });
  return anomalies;
}
