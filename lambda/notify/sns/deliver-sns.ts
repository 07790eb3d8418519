import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Alert } from '../alert';
import { type Attempt, deliverOnce } from '../once';
import { renderSnsMessage, type SnsMessage } from './render-sns';
import { SnsDeliveryError } from './sns-errors';

/** The topic a run publishes to. */
export type SnsTarget = { readonly client: SNSClient; readonly topicArn: string };

/** What SNS got: the message ID, whether it was sent now, and its size. */
export type SnsOutcome = {
  readonly messageId: string;
  readonly now: boolean;
  readonly bytes: number;
  readonly trimmed: boolean;
};

/**
 * Publishes the run's alert as one SNS message, at most once per run date.
 *
 * @throws {SnsDeliveryError} when SNS refused it after the SDK's retries.
 */
export async function deliverToSns(
  alert: Alert,
  target: SnsTarget,
  attempt: Attempt,
): Promise<SnsOutcome> {
  const message = renderSnsMessage(alert);
  const sent = await deliverOnce(attempt, 'sns', 'alert', async () => ({
    deliveredAt: new Date().toISOString(),
    messageId: await publish(target, message),
  }));
  return {
    messageId: sent.receipt.messageId ?? '',
    now: sent.now,
    bytes: message.bytes,
    trimmed: message.trimmed,
  };
}

/** Publishes one rendered message; returns its message ID. */
export async function publish(target: SnsTarget, message: SnsMessage): Promise<string> {
  try {
    const output = await target.client.send(
      new PublishCommand({
        TopicArn: target.topicArn,
        Subject: message.subject,
        Message: message.message,
        MessageStructure: 'json',
        MessageAttributes: message.attributes,
      }),
    );
    return output.MessageId ?? '';
  } catch (error) {
    throw new SnsDeliveryError(target.topicArn, error);
  }
}
