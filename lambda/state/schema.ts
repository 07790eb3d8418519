/**
 * Key schema of the state table. One table holds everything the watchdog
 * remembers; the stack creates it with partition key `pk` (S), sort key
 * `sk` (S) and the TTL attribute `expiresAt` (epoch seconds).
 *
 * | item | pk | sk |
 * | --- | --- | --- |
 * | what was said about a finding | `FINDING` | the finding key |
 * | the plan of one run date | `RUN#<YYYY-MM-DD>` | `PLAN` |
 * | one message delivered for a run | `RUN#<YYYY-MM-DD>` | `DELIVERY#<channel>#<part>` |
 * | a notice already given (an expired mute) | `NOTICE` | the notice key |
 *
 * Each item expires {@link MEMORY_DAYS} after the last run that needed it:
 * a finding after it was last seen or ended, a notice after it was last
 * true, a run's items after its date.
 *
 * - All finding records share one partition so that a single paged `Query`
 *   reads every ongoing finding: that is how a run learns which findings
 *   ended. One run a day reads and writes it, far below any partition limit.
 * - A run's plan and its deliveries share the run's partition, so a retried
 *   invocation of the same date finds both with one key.
 * - Delivery items are written with `attribute_not_exists(pk)` (or over a
 *   claim whose lease has run out), which is what stops two invocations of
 *   the same date from posting twice.
 * - DynamoDB deletes expired items lazily (often days late), so every read
 *   also ignores items whose `expiresAt` has passed.
 */
export const KEY = {
  findingPartition: 'FINDING',
  noticePartition: 'NOTICE',
  run: (runDate: string) => `RUN#${runDate}`,
  plan: 'PLAN',
  delivery: (channel: string, part: string) => `DELIVERY#${channel}#${part}`,
} as const;

/** Days an item outlives the last run that needed it. */
export const MEMORY_DAYS = 30;

const DAY_SECONDS = 86_400;

/** The `expiresAt` value for an item last needed on `day` (`YYYY-MM-DD`). */
export function expiresAfter(day: string, days: number = MEMORY_DAYS): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + days * DAY_SECONDS;
}

/** True when an item read back has passed its `expiresAt` but is not deleted yet. */
export function hasExpired(item: Record<string, unknown>, now: Date): boolean {
  const expiresAt = item.expiresAt;
  return typeof expiresAt === 'number' && expiresAt * 1000 <= now.getTime();
}
