import type { Channel, DeliveryReceipt, RunLedger } from '../state/run-ledger';

/** Who delivers, and until when its claim on a message holds. */
export type Attempt = {
  readonly ledger: RunLedger;
  /** Unique per invocation attempt, e.g. the Lambda request ID. */
  readonly id: string;
  /** When the invocation times out: a claim lapses then. */
  readonly leaseUntil: Date;
};

/** What happened to one message: sent now, or sent by an earlier attempt. */
export type Sent = { readonly receipt: DeliveryReceipt; readonly now: boolean };

/**
 * Delivers one message of the run at most once per run date: skips it when
 * an earlier attempt delivered it, records it when `send` succeeds, and
 * frees the claim when `send` fails so that the retry sends it.
 */
export async function deliverOnce(
  attempt: Attempt,
  channel: Channel,
  part: string,
  send: () => Promise<DeliveryReceipt>,
): Promise<Sent> {
  const claim = await attempt.ledger.claim(channel, part, attempt.id, attempt.leaseUntil);
  if (claim.status === 'delivered') return { receipt: claim.receipt, now: false };

  let receipt: DeliveryReceipt;
  try {
    receipt = await send();
  } catch (error) {
    await attempt.ledger.release(channel, part, attempt.id).catch(() => undefined);
    throw error;
  }
  await attempt.ledger.delivered(channel, part, attempt.id, receipt);
  return { receipt, now: true };
}
