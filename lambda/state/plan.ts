import type { ExplainedFinding, Report } from '../report/report';
import { SEVERITIES, type Settings, type Severity } from '../settings/settings';
import { endedRecord, type FindingRecord, newRecord, seenRecord } from './finding-record';
import { isMutedRecord, type Notice } from './notices';

/** A finding posted before whose impact grew past the regrowth factor. */
export type GrownFinding = {
  readonly finding: ExplainedFinding;
  /** The record as it was before this run. */
  readonly before: FindingRecord;
};

/**
 * What one run has to say once what was said before is taken out: the
 * findings never posted, those grown since, those that ended, and notices
 * given for the first time.
 */
export type DeliveryPlan = {
  readonly runDate: string;
  readonly fresh: readonly ExplainedFinding[];
  readonly grown: readonly GrownFinding[];
  readonly ended: readonly FindingRecord[];
  readonly notices: readonly Notice[];
};

/**
 * A plan as kept in the run's item: keys only, so that it stays small
 * whatever the findings hold, plus the impact each grown finding was last
 * posted at, which a partly committed attempt may have overwritten.
 */
export type StoredPlan = {
  readonly freshKeys: readonly string[];
  readonly grown: readonly { readonly key: string; readonly postedImpactUsd: number }[];
  readonly endedKeys: readonly string[];
  readonly notices: readonly Notice[];
};

export type PlanInput = {
  readonly report: Report;
  readonly settings: Settings;
  readonly runDate: string;
  /** Every finding record not expired, active or ended. */
  readonly records: readonly FindingRecord[];
  /** Notices that are true today, given before or not. */
  readonly notices: readonly Notice[];
  /** Keys of the notices given before. */
  readonly noticesGiven: ReadonlySet<string>;
};

/**
 * Decides what the run says. Findings below `settings.severityFloor` are not
 * posted; an active finding that is merely below the floor today has not
 * ended, and neither has one that a mute now hides.
 */
export function planDelivery(input: PlanInput): DeliveryPlan {
  const { report, settings, runDate } = input;
  const active = activeByKey(input.records);
  const fresh: ExplainedFinding[] = [];
  const grown: GrownFinding[] = [];

  for (const finding of report.findings.filter((item) => atLeast(item.severity, settings))) {
    const before = active.get(finding.key);
    if (!before) fresh.push(finding);
    else if (finding.impactUsd > before.postedImpactUsd * settings.regrowthFactor)
      grown.push({ finding, before });
  }

  const present = new Set(report.findings.map((finding) => finding.key));
  const ended = [...active.values()].filter(
    (record) => !present.has(record.key) && !isMutedRecord(record, settings.mutes, runDate),
  );
  const notices = input.notices.filter((notice) => !input.noticesGiven.has(notice.key));
  return { runDate, fresh, grown, ended, notices };
}

/** True when the plan holds anything worth a message. */
export function hasNews(plan: DeliveryPlan): boolean {
  return plan.fresh.length + plan.grown.length + plan.ended.length + plan.notices.length > 0;
}

/** The plan in the form kept in the run's item. */
export function storePlan(plan: DeliveryPlan): StoredPlan {
  return {
    freshKeys: plan.fresh.map(keyOf),
    grown: plan.grown.map(({ before }) => ({
      key: before.key,
      postedImpactUsd: before.postedImpactUsd,
    })),
    endedKeys: plan.ended.map((record) => record.key),
    notices: plan.notices,
  };
}

/**
 * Rebuilds a stored plan against this attempt's report and records. A
 * retried attempt says what the first attempt decided; a finding that Cost
 * Explorer no longer shows is left out rather than posted from old numbers.
 */
export function restorePlan(
  stored: StoredPlan,
  report: Report,
  records: readonly FindingRecord[],
  runDate: string,
): DeliveryPlan {
  const findings = new Map(report.findings.map((finding) => [finding.key, finding]));
  const known = new Map(records.map((record) => [record.key, record]));
  const freshKeys = new Set(stored.freshKeys);

  const grown: GrownFinding[] = [];
  for (const { key, postedImpactUsd } of stored.grown) {
    const finding = findings.get(key);
    const before = known.get(key);
    if (finding && before) grown.push({ finding, before: { ...before, postedImpactUsd } });
  }
  const ended = stored.endedKeys.flatMap((key) => {
    const record = known.get(key);
    return record ? [{ ...record, status: 'active' as const, endedOn: null }] : [];
  });
  return {
    runDate,
    fresh: report.findings.filter((finding) => freshKeys.has(finding.key)),
    grown,
    ended,
    notices: stored.notices,
  };
}

/**
 * The finding records to write once the plan is delivered: new ones for
 * fresh findings (with the Slack thread they were posted in), updated ones
 * for findings seen again, ended ones. Writing them twice is harmless.
 */
export function recordsAfter(
  plan: DeliveryPlan,
  report: Report,
  records: readonly FindingRecord[],
  freshThread: FindingRecord['slack'],
): FindingRecord[] {
  const { runDate } = plan;
  const active = activeByKey(records);
  const posted = new Set([...plan.fresh, ...plan.grown.map((item) => item.finding)].map(keyOf));
  const writes: FindingRecord[] = [];

  for (const finding of plan.fresh) {
    writes.push({ ...newRecord(finding, runDate), slack: freshThread });
  }
  for (const { finding, before } of plan.grown) {
    writes.push(seenRecord(before, finding, runDate, true));
  }
  for (const finding of report.findings) {
    const before = active.get(finding.key);
    if (before && !posted.has(finding.key) && before.lastSeenOn !== runDate)
      writes.push(seenRecord(before, finding, runDate, false));
  }
  for (const record of plan.ended) writes.push(endedRecord(record, runDate));
  return writes;
}

function activeByKey(records: readonly FindingRecord[]): Map<string, FindingRecord> {
  return new Map(
    records.filter((record) => record.status === 'active').map((record) => [record.key, record]),
  );
}

function atLeast(severity: Severity, settings: Settings): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(settings.severityFloor);
}

function keyOf(finding: ExplainedFinding): string {
  return finding.key;
}
