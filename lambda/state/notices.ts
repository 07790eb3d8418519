import { applyMutes, describeMuteTarget, expiredMuteWarning } from '../settings/mutes';
import type { Mute } from '../settings/settings';
import type { FindingRecord } from './finding-record';

/** Something to tell people once, not every day: an expired mute, say. */
export type Notice = {
  /** Stable while the notice stays true; remembered under pk `NOTICE`. */
  readonly key: string;
  readonly text: string;
};

/**
 * Notices for the mutes whose last day is before `runDate`. Their text is
 * the report's own warning for an expired mute, so that a message can show
 * the notice once and leave the warning out afterwards.
 */
export function expiredMuteNotices(mutes: readonly Mute[], runDate: string): Notice[] {
  return mutes
    .filter((mute) => mute.until < runDate)
    .map((mute) => ({
      key: `mute-expired#${describeMuteTarget(mute)}#${mute.until}`,
      text: expiredMuteWarning(mute),
    }));
}

/**
 * True when a mute in force on `runDate` covers what the record is about:
 * such a finding is hidden, not ended, so no end is announced.
 */
export function isMutedRecord(
  record: FindingRecord,
  mutes: readonly Mute[],
  runDate: string,
): boolean {
  const finding = {
    key: record.key,
    service: record.service,
    meterKey: record.meterKey,
    mistakes: record.mistakes.map((mistake) => ({ mistake })),
  };
  return applyMutes([finding], mutes, runDate).mutedCount > 0;
}
