import { DeliveryInProgressError } from './errors';
import type { StoredPlan } from './plan';
import { expiresAfter, KEY } from './schema';
import type { StateTable } from './state-table';

/** The channels a run delivers to. */
export type Channel = 'slack' | 'sns';

/** What a delivered message left behind: enough to skip it and thread under it. */
export type DeliveryReceipt = {
  readonly deliveredAt: string;
  /** Slack channel ID and message `ts`, for Slack messages. */
  readonly slackChannel?: string;
  readonly slackTs?: string;
  /** SNS message ID, for SNS messages. */
  readonly messageId?: string;
};

/** The outcome of claiming a message: post it now, or it was posted already. */
export type Claim =
  | { readonly status: 'claimed' }
  | { readonly status: 'delivered'; readonly receipt: DeliveryReceipt };

const PENDING = 'pending';
const DELIVERED = 'delivered';

/**
 * The record of one run date: its plan, and each message delivered for it.
 * A retried invocation of the same date reads the same plan and skips the
 * messages already delivered, so nothing is posted twice.
 */
export class RunLedger {
  constructor(
    private readonly table: StateTable,
    private readonly runDate: string,
    private readonly now: () => Date,
  ) {}

  /** The plan an earlier attempt of this date made, or null. */
  async plan(): Promise<StoredPlan | null> {
    const item = await this.table.get(KEY.run(this.runDate), KEY.plan);
    return item ? (item.plan as StoredPlan) : null;
  }

  /**
   * Keeps `plan` as this date's plan unless another attempt kept one first;
   * returns the plan that holds.
   */
  async keepPlan(plan: StoredPlan): Promise<StoredPlan> {
    const kept = await this.table.put({
      Item: {
        pk: KEY.run(this.runDate),
        sk: KEY.plan,
        plan,
        createdAt: this.now().toISOString(),
        expiresAt: expiresAfter(this.runDate),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (kept) return plan;
    return (await this.plan()) ?? plan;
  }

  /**
   * Claims one message of this date for `attempt` until `leaseUntil`.
   * A claim left by an attempt that crashed lapses with its lease, or at
   * once for the same attempt ID: Lambda retries an asynchronous event
   * under its first request ID, and an attempt only runs once the one
   * before it has ended.
   *
   * @throws {DeliveryInProgressError} when another attempt holds a live claim.
   */
  async claim(channel: Channel, part: string, attempt: string, leaseUntil: Date): Promise<Claim> {
    const now = this.now();
    const claimed = await this.table.put({
      Item: {
        ...this.key(channel, part),
        status: PENDING,
        attempt,
        leaseUntil: leaseUntil.toISOString(),
        expiresAt: expiresAfter(this.runDate),
      },
      ConditionExpression:
        'attribute_not_exists(pk) OR ' +
        '(#status = :pending AND (leaseUntil < :now OR attempt = :attempt))',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pending': PENDING,
        ':now': now.toISOString(),
        ':attempt': attempt,
      },
    });
    if (claimed) return { status: 'claimed' };

    const item = await this.table.get(KEY.run(this.runDate), KEY.delivery(channel, part));
    if (item?.status === DELIVERED)
      return { status: 'delivered', receipt: item.receipt as DeliveryReceipt };
    throw new DeliveryInProgressError(channel, part, this.runDate, String(item?.leaseUntil));
  }

  /** Marks a claimed message delivered, with what it left behind. */
  async delivered(
    channel: Channel,
    part: string,
    attempt: string,
    receipt: DeliveryReceipt,
  ): Promise<void> {
    await this.table.put({
      Item: {
        ...this.key(channel, part),
        status: DELIVERED,
        attempt,
        receipt,
        expiresAt: expiresAfter(this.runDate),
      },
    });
  }

  /** Gives up a claim after a failed delivery, so the next attempt retries it. */
  async release(channel: Channel, part: string, attempt: string): Promise<void> {
    await this.table.delete({
      Key: this.key(channel, part),
      ConditionExpression: 'attempt = :attempt AND #status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':attempt': attempt, ':pending': PENDING },
    });
  }

  private key(channel: Channel, part: string) {
    return { pk: KEY.run(this.runDate), sk: KEY.delivery(channel, part) };
  }
}
