import type { WebClient } from '@slack/web-api';
import type { FindingRecord, SlackThread } from '../../state/finding-record';
import type { GrownFinding } from '../../state/plan';
import { type Alert, isQuiet } from '../alert';
import { type Attempt, deliverOnce } from '../once';
import { renderSlackAlert, renderSlackUpdate } from './render-alert';
import { postSlackMessage, type SlackMessage } from './slack-client';
import { SlackDeliveryError } from './slack-errors';

/** Where and how a run posts to Slack. */
export type SlackTarget = {
  readonly client: WebClient;
  /** The channel of new alerts (the slack-channel setting). */
  readonly channel: string;
  /** Epoch milliseconds after which no rate-limit retry may start. */
  readonly deadline: number;
  readonly sleep?: (ms: number) => Promise<void>;
};

/** What Slack got: the alert fresh findings were posted in, and counts. */
export type SlackOutcome = {
  readonly freshThread: SlackThread | null;
  readonly posted: number;
  readonly skipped: number;
};

/** Updates to the findings of one earlier alert, for its thread. */
type ThreadUpdate = {
  readonly thread: SlackThread;
  readonly grown: GrownFinding[];
  readonly ended: FindingRecord[];
};

/**
 * Posts the run's alert to Slack: one message for new findings (and for
 * updates that have no earlier alert to thread under), and one reply in
 * the thread of each earlier alert whose findings grew or ended. Each is
 * posted at most once per run date; every one is tried even if another
 * fails.
 *
 * @throws {SlackDeliveryError} the first failure, after trying them all.
 */
export async function deliverToSlack(
  alert: Alert,
  target: SlackTarget,
  attempt: Attempt,
): Promise<SlackOutcome> {
  const { main, threads } = splitForSlack(alert);
  const failures: SlackDeliveryError[] = [];
  let freshThread: SlackThread | null = null;
  let posted = 0;
  let skipped = 0;

  const post = async (part: string, channel: string, send: () => Promise<SlackThread>) => {
    try {
      const sent = await deliverOnce(attempt, 'slack', part, async () => {
        const { channel: slackChannel, ts } = await send();
        return { deliveredAt: new Date().toISOString(), slackChannel, slackTs: ts };
      });
      if (sent.now) posted += 1;
      else skipped += 1;
      return { channel: sent.receipt.slackChannel ?? channel, ts: sent.receipt.slackTs ?? '' };
    } catch (error) {
      if (!(error instanceof SlackDeliveryError)) throw error;
      failures.push(error);
      return null;
    }
  };

  if (main) {
    const message = renderSlackAlert(main);
    freshThread = await post('main', target.channel, () => send(target, target.channel, message));
  }
  for (const update of threads) {
    const message = renderSlackUpdate(alert.report, update.grown, update.ended);
    const { channel, ts } = update.thread;
    await post(`thread#${channel}#${ts}`, channel, () =>
      send(target, channel, message, { threadTs: ts, broadcast: update.grown.length > 0 }),
    );
  }

  const [first] = failures;
  if (first) throw first;
  return { freshThread: main && main.fresh.length > 0 ? freshThread : null, posted, skipped };
}

/**
 * Splits the alert into the message for the channel and the replies for
 * earlier alerts' threads. A quiet alert (a digest, notes) is one message.
 */
export function splitForSlack(alert: Alert): { main: Alert | null; threads: ThreadUpdate[] } {
  const byThread = new Map<string, ThreadUpdate>();
  const updateOf = (thread: SlackThread) => {
    const key = `${thread.channel}#${thread.ts}`;
    const update = byThread.get(key) ?? { thread, grown: [], ended: [] };
    byThread.set(key, update);
    return update;
  };

  const grown = alert.grown.filter((item) => {
    if (item.before.slack) updateOf(item.before.slack).grown.push(item);
    return !item.before.slack;
  });
  const ended = alert.ended.filter((record) => {
    if (record.slack) updateOf(record.slack).ended.push(record);
    return !record.slack;
  });

  const main = { ...alert, grown, ended };
  const threads = [...byThread.values()];
  const mainHasNews = !isQuiet(main) || alert.notices.length > 0;
  return { main: mainHasNews || threads.length === 0 ? main : null, threads };
}

function send(
  target: SlackTarget,
  channel: string,
  message: SlackMessage,
  thread: { threadTs: string; broadcast: boolean } | null = null,
): Promise<SlackThread> {
  return postSlackMessage(target.client, channel, message, {
    deadline: target.deadline,
    ...(target.sleep ? { sleep: target.sleep } : {}),
    ...(thread ?? {}),
  });
}
