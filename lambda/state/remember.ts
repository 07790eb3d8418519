import type { Report } from '../report/report';
import type { Settings } from '../settings/settings';
import type { FindingRecord, SlackThread } from './finding-record';
import type { FindingStore } from './finding-store';
import { expiredMuteNotices, type Notice } from './notices';
import { type DeliveryPlan, planDelivery, recordsAfter, restorePlan, storePlan } from './plan';
import type { RunLedger } from './run-ledger';

/** The stores one run remembers with. */
export type Memory = {
  readonly findings: FindingStore;
  readonly ledger: RunLedger;
};

/** The plan of a run and what it was made from, kept until the run commits. */
export type Remembered = {
  readonly plan: DeliveryPlan;
  readonly records: readonly FindingRecord[];
  /** Notices true today, given before or not; committing keeps them remembered. */
  readonly notices: readonly Notice[];
};

/**
 * Works out what this run says, step 6 of a run. The first attempt of a
 * run date decides and keeps its plan; a retried attempt takes that plan
 * again, so the messages it still has to deliver say the same thing.
 */
export async function remember(
  memory: Memory,
  input: {
    readonly report: Report;
    readonly settings: Settings;
    readonly runDate: string;
    /** Notices about the run itself (Slack switched off), given once like expired mutes. */
    readonly notices?: readonly Notice[];
  },
): Promise<Remembered> {
  const { report, settings, runDate } = input;
  const records = await memory.findings.records();
  const notices = [...expiredMuteNotices(settings.mutes, runDate), ...(input.notices ?? [])];

  const earlier = await memory.ledger.plan();
  if (earlier) return { plan: restorePlan(earlier, report, records, runDate), records, notices };

  const noticesGiven = await memory.findings.noticesGiven();
  const plan = planDelivery({ report, settings, runDate, records, notices, noticesGiven });
  const kept = await memory.ledger.keepPlan(storePlan(plan));
  return { plan: restorePlan(kept, report, records, runDate), records, notices };
}

/**
 * Records what was said, once every message of the run is delivered: a
 * run that failed to deliver leaves the findings as they were, so nothing
 * it should have said is forgotten. Committing twice is harmless.
 */
export async function commit(
  memory: Memory,
  remembered: Remembered,
  report: Report,
  freshThread: SlackThread | null,
): Promise<void> {
  const { plan, records, notices } = remembered;
  await memory.findings.save(recordsAfter(plan, report, records, freshThread));
  await memory.findings.rememberNotices(notices, plan.runDate);
}
