import type { FindingRecord } from './finding-record';
import type { Notice } from './notices';
import { expiresAfter, KEY } from './schema';
import type { Item, StateTable } from './state-table';

/** What was said about findings and notices, in the state table. */
export class FindingStore {
  constructor(private readonly table: StateTable) {}

  /** Every finding record that has not expired, active or ended. */
  async records(): Promise<FindingRecord[]> {
    const items = await this.table.query(KEY.findingPartition);
    return items.map(toRecord);
  }

  /** Writes records; each lives {@link MEMORY_DAYS} after it was last seen or ended. */
  async save(records: readonly FindingRecord[]): Promise<void> {
    await this.table.putAll(records.map(toItem));
  }

  /** Keys of the notices given before (and still true when last checked). */
  async noticesGiven(): Promise<Set<string>> {
    const items = await this.table.query(KEY.noticePartition);
    return new Set(items.map((item) => String(item.sk)));
  }

  /** Remembers notices as given; a notice still true keeps its memory fresh. */
  async rememberNotices(notices: readonly Notice[], runDate: string): Promise<void> {
    await this.table.putAll(
      notices.map((notice) => ({
        pk: KEY.noticePartition,
        sk: notice.key,
        lastTrueOn: runDate,
        expiresAt: expiresAfter(runDate),
      })),
    );
  }
}

function toItem(record: FindingRecord): Item {
  const lastNeeded = record.endedOn ?? record.lastSeenOn;
  return {
    pk: KEY.findingPartition,
    sk: record.key,
    ...record,
    expiresAt: expiresAfter(lastNeeded),
  };
}

function toRecord(item: Item): FindingRecord {
  const { pk: _pk, sk: _sk, expiresAt: _expiresAt, ...record } = item;
  return record as FindingRecord;
}
