import { renderJson, type ScanJson, type ScanJsonFinding } from '../../report/render-json';
import type { Severity } from '../../settings/settings';
import type { Alert } from '../alert';
import { totalImpact, worstSeverity } from '../describe';

/** A finding of the alert: the CLI's JSON of it, and why it is posted now. */
export type AlertJsonFinding = ScanJsonFinding & {
  readonly status: 'new' | 'grown';
  /** For a grown finding, the impact it was last posted with. */
  readonly previousImpactUsd: number | null;
};

/**
 * The machine-readable alert that SNS sends to queues, functions and HTTPS
 * endpoints. `findings` uses the CLI's JSON contract for each finding.
 */
export type AlertJson = {
  readonly source: 'llm-cost-watchdog';
  readonly version: 1;
  readonly asOf: string;
  readonly severity: Severity | null;
  /** Money at stake a month at the current rates, over the findings posted. */
  readonly impactUsd: number;
  readonly findings: readonly AlertJsonFinding[];
  readonly ended: readonly {
    readonly key: string;
    readonly kind: string;
    readonly service: string;
    readonly where: string;
    readonly firstPostedOn: string;
    readonly lastSeenOn: string;
    readonly lastImpactUsd: number;
  }[];
  readonly notices: readonly string[];
  readonly warnings: readonly string[];
  readonly headline: ScanJson['headline'];
  readonly window: ScanJson['window'];
  readonly mutedCount: number;
  readonly footer: ScanJson['footer'];
  /** Present when findings were left out to fit SNS's size limit. */
  readonly truncated?: { readonly findingsOmitted: number; readonly reason: string };
};

/** The alert as JSON, with at most `limit` findings. Pure. */
export function renderAlertJson(alert: Alert, limit = Number.POSITIVE_INFINITY): AlertJson {
  const posted = [...alert.fresh, ...alert.grown.map((item) => item.finding)];
  const scan = renderJson({ ...alert.report, findings: posted.slice(0, limit) });
  const previous = new Map(alert.grown.map((item) => [item.finding.key, item.before]));

  const findings = scan.findings.map((finding) => {
    const before = previous.get(finding.key);
    return {
      ...finding,
      status: before ? ('grown' as const) : ('new' as const),
      previousImpactUsd: before ? before.postedImpactUsd : null,
    };
  });
  const omitted = posted.length - findings.length;
  return {
    source: 'llm-cost-watchdog',
    version: 1,
    asOf: alert.report.asOf,
    severity: worstSeverity(alert),
    impactUsd: Math.round(totalImpact(alert) * 100) / 100,
    findings,
    ended: alert.ended.map((record) => ({
      key: record.key,
      kind: record.kind,
      service: record.service,
      where: record.where,
      firstPostedOn: record.firstPostedOn,
      lastSeenOn: record.lastSeenOn,
      lastImpactUsd: record.lastImpactUsd,
    })),
    notices: [...alert.notices],
    warnings: [...alert.warnings],
    headline: scan.headline,
    window: scan.window,
    mutedCount: scan.mutedCount,
    footer: scan.footer,
    ...(omitted > 0
      ? { truncated: { findingsOmitted: omitted, reason: 'SNS message size limit (256 KB)' } }
      : {}),
  };
}
