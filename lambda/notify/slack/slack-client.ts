import {
  type ChatPostMessageArguments,
  ErrorCode,
  LogLevel,
  type Logger as SlackLogger,
  WebClient,
} from '@slack/web-api';
import type { SlackBlock } from './blocks';
import { explainSlackError, SlackDeliveryError } from './slack-errors';

/** Limits on how long posting may take, so it fits the function's timeout. */
export type SlackClientOptions = {
  /** Slack Web API base URL. @default Slack's own */
  readonly slackApiUrl?: string | null;
  /** Longest one HTTP request may take. @default 10 seconds */
  readonly requestTimeoutMs?: number;
  /** Retries of a request that failed in transport or with a 5xx. @default 2 */
  readonly retries?: number;
  /** Where the client's own log lines go. @default nowhere below errors */
  readonly logger?: SlackLogger;
};

/** One message to post: the fallback text is always set. */
export type SlackMessage = {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
};

/** Where a posted message landed. */
export type PostedSlackMessage = { readonly channel: string; readonly ts: string };

/** What posting needs besides the message: the time left and a clock. */
export type PostOptions = {
  /** Thread to reply in, or none for a top-level message. */
  readonly threadTs?: string;
  /** Also show a thread reply in the channel. */
  readonly broadcast?: boolean;
  /** Epoch milliseconds after which no retry may start. */
  readonly deadline: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
};

// Rate-limited replies are retried at most this often, whatever time is left.
const RATE_LIMIT_RETRIES = 3;

/**
 * A Slack Web API client for one cold start. Its own retry policy (about
 * thirty minutes by default) would outlive any Lambda timeout, so it is
 * replaced by a short one, and rate-limited calls are returned to
 * {@link postSlackMessage}, which waits out `Retry-After` within a deadline.
 */
export function createSlackClient(token: string, options: SlackClientOptions = {}): WebClient {
  return new WebClient(token, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    timeout: options.requestTimeoutMs ?? 10_000,
    retryConfig: {
      retries: options.retries ?? 2,
      factor: 2,
      minTimeout: 500,
      maxTimeout: 2_000,
      randomize: true,
    },
    rejectRateLimitedCalls: true,
    ...(options.logger ? { logger: options.logger } : { logLevel: LogLevel.ERROR }),
  });
}

/**
 * Posts one message with `chat.postMessage`. A rate-limited call waits the
 * `Retry-After` Slack asked for and tries again, unless that wait would
 * pass the deadline.
 *
 * @throws {SlackDeliveryError} naming the fix when Slack refuses the message.
 */
export async function postSlackMessage(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  options: PostOptions,
): Promise<PostedSlackMessage> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const args = {
    channel,
    text: message.text,
    blocks: [...message.blocks],
    unfurl_links: false,
    unfurl_media: false,
    ...(options.threadTs
      ? { thread_ts: options.threadTs, reply_broadcast: options.broadcast ?? false }
      : {}),
  } as ChatPostMessageArguments;

  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await client.chat.postMessage(args);
      return { channel: result.channel ?? channel, ts: String(result.ts) };
    } catch (error) {
      const waitMs = retryAfterMs(error);
      if (waitMs === null) throw explainSlackError(error, channel);
      if (attempt >= RATE_LIMIT_RETRIES || now() + waitMs > options.deadline)
        throw rateLimited(waitMs, attempt, error);
      await sleep(waitMs);
    }
  }
}

function retryAfterMs(error: unknown): number | null {
  const coded = error as { code?: string; retryAfter?: number };
  if (coded?.code !== ErrorCode.RateLimitedError) return null;
  return Math.max(0, coded.retryAfter ?? 1) * 1000;
}

function rateLimited(waitMs: number, attempt: number, cause: unknown): SlackDeliveryError {
  return new SlackDeliveryError(
    'rate_limited',
    '',
    `Slack rate-limited the message ${attempt + 1} times; waiting another ` +
      `${waitMs / 1000} s would not fit the time left, so the invocation fails and is retried.`,
    { cause },
  );
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
