import type { FindingKind } from '../detect/finding';
import type { ExplainedFinding, MistakeNumber } from '../report/report';
import type { Severity } from '../settings/settings';

/** Where a Slack alert was posted, so later updates can go in its thread. */
export type SlackThread = { readonly channel: string; readonly ts: string };

/**
 * What was said about one finding, kept while the finding goes on and a
 * while after it ends. Stored under pk `FINDING`, sk = the finding key.
 */
export type FindingRecord = {
  readonly key: string;
  readonly status: 'active' | 'ended';
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly service: string;
  readonly meterKey: string | null;
  /** The meter in words, as the alert showed it. */
  readonly where: string;
  readonly mistakes: readonly MistakeNumber[];
  /** Run date of the first alert. */
  readonly firstPostedOn: string;
  /** Run date of the last alert or update that was posted. */
  readonly lastPostedOn: string;
  /** Run date the finding was last among the findings. */
  readonly lastSeenOn: string;
  /** Impact when it was last posted: growth is measured against it. */
  readonly postedImpactUsd: number;
  /** Impact when it was last seen. */
  readonly lastImpactUsd: number;
  /** Day the finding itself was last about (the spike's day, say). */
  readonly lastDay: string;
  readonly endedOn: string | null;
  /** The Slack alert it was first posted in, or null when Slack had none. */
  readonly slack: SlackThread | null;
};

/** The record of a finding posted for the first time on `runDate`. */
export function newRecord(finding: ExplainedFinding, runDate: string): FindingRecord {
  return {
    key: finding.key,
    status: 'active',
    kind: finding.kind,
    severity: finding.severity,
    service: finding.service,
    meterKey: finding.meterKey,
    where: finding.where,
    mistakes: finding.mistakes.map((match) => match.mistake),
    firstPostedOn: runDate,
    lastPostedOn: runDate,
    lastSeenOn: runDate,
    postedImpactUsd: finding.impactUsd,
    lastImpactUsd: finding.impactUsd,
    lastDay: finding.day,
    endedOn: null,
    slack: null,
  };
}

/** The record after the finding was seen again on `runDate`, posted or not. */
export function seenRecord(
  record: FindingRecord,
  finding: ExplainedFinding,
  runDate: string,
  posted: boolean,
): FindingRecord {
  return {
    ...record,
    severity: finding.severity,
    where: finding.where,
    mistakes: finding.mistakes.map((match) => match.mistake),
    lastSeenOn: runDate,
    lastImpactUsd: finding.impactUsd,
    lastDay: finding.day,
    ...(posted ? { lastPostedOn: runDate, postedImpactUsd: finding.impactUsd } : {}),
  };
}

/** The record of a finding that is no longer among the findings. */
export function endedRecord(record: FindingRecord, runDate: string): FindingRecord {
  return { ...record, status: 'ended', endedOn: runDate, lastPostedOn: runDate };
}
