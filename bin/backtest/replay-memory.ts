import type { FindingRecord } from '../../lambda/state/finding-record';
import type { Notice } from '../../lambda/state/notices';
import { expiresAfter, hasExpired } from '../../lambda/state/schema';

type Kept<T> = { readonly value: T; readonly expiresAt: number };

/**
 * What the state table would remember over a replay, held in memory: the
 * finding records and the notices given, each forgotten when its
 * `expiresAt` passes, exactly as the function's finding store reads them.
 */
export class ReplayMemory {
  private readonly findings = new Map<string, Kept<FindingRecord>>();
  private readonly notices = new Map<string, Kept<string>>();

  /** Every finding record not expired on the morning of `runDate`, active or ended. */
  records(runDate: string): FindingRecord[] {
    return [...this.findings.values()]
      .filter((kept) => !expired(kept, runDate))
      .map((kept) => kept.value);
  }

  /** Keys of the notices given before and not expired on `runDate`. */
  noticesGiven(runDate: string): Set<string> {
    return new Set(
      [...this.notices.values()]
        .filter((kept) => !expired(kept, runDate))
        .map((kept) => kept.value),
    );
  }

  /** Writes records; each lives a while after it was last seen or ended. */
  save(records: readonly FindingRecord[]): void {
    for (const record of records) {
      const lastNeeded = record.endedOn ?? record.lastSeenOn;
      this.findings.set(record.key, { value: record, expiresAt: expiresAfter(lastNeeded) });
    }
  }

  /** Remembers notices as given on `runDate`. */
  rememberNotices(notices: readonly Notice[], runDate: string): void {
    for (const notice of notices) {
      this.notices.set(notice.key, { value: notice.key, expiresAt: expiresAfter(runDate) });
    }
  }
}

function expired(kept: Kept<unknown>, runDate: string): boolean {
  return hasExpired({ expiresAt: kept.expiresAt }, new Date(`${runDate}T00:00:00Z`));
}
