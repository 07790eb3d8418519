import type { Mute } from '../settings/settings';
import type { FindingRecord } from './finding-record';

/** Something to tell people once, not every day: an expired mute, say. */
export type Notice = {
  /** Stable while the notice stays true; remembered under pk `NOTICE`. */
  readonly key: string;
  readonly text: string;
};

/** Notices for the mutes whose last day is before `runDate`. */
export function expiredMuteNotices(mutes: readonly Mute[], runDate: string): Notice[] {
  return mutes
    .filter((mute) => mute.until < runDate)
    .map((mute) => ({
      key: `mute-expired#${describeTarget(mute)}#${mute.until}`,
      text:
        `The mute of ${describeTarget(mute)} ("${mute.reason}") ended on ${mute.until}; ` +
        'its findings are alerted again. Extend its until date in the mutes parameter, ' +
        'or remove it.',
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
  return mutes.some((mute) => mute.until >= runDate && covers(mute, record));
}

function covers(mute: Mute, record: FindingRecord): boolean {
  if ('findingKey' in mute) return mute.findingKey === record.key;
  if ('meter' in mute) return record.meterKey !== null && meterMatches(mute.meter, record.meterKey);
  if ('service' in mute) return mute.service === record.service;
  return record.mistakes.some((mistake) => mistake === mute.mistake);
}

// A meter mute may name the whole `service|usageType` key or only the usage type.
function meterMatches(meter: string, meterKey: string): boolean {
  return meter === meterKey || meterKey.endsWith(`|${meter}`);
}

function describeTarget(mute: Mute): string {
  if ('findingKey' in mute) return `finding ${mute.findingKey}`;
  if ('meter' in mute) return `meter ${mute.meter}`;
  if ('service' in mute) return `service ${mute.service}`;
  return `mistake ${mute.mistake}`;
}
