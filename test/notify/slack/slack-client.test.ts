import type { WebClient } from '@slack/web-api';
import { createSlackClient, postSlackMessage } from '../../../lambda/notify/slack/slack-client';
import { SlackDeliveryError } from '../../../lambda/notify/slack/slack-errors';
import { LocalSlackEndpoint } from '../../endpoints/slack-endpoint';

const TOKEN = 'xoxb-1111111111-2222222222-abcdefghijklmnop';
const CHANNEL = 'C0123456789';
const message = { text: 'Hello', blocks: [] };

describe('postSlackMessage', () => {
  let slack: LocalSlackEndpoint;
  let client: WebClient;
  let slept: number[];
  const options = (deadlineMs = 60_000) => ({
    deadline: Date.now() + deadlineMs,
    sleep: async (ms: number) => {
      slept.push(ms);
    },
  });

  beforeEach(async () => {
    slack = await LocalSlackEndpoint.start({ token: TOKEN, channels: [CHANNEL] });
    client = createSlackClient(TOKEN, { slackApiUrl: slack.url, requestTimeoutMs: 2_000 });
    slept = [];
  });
  afterEach(() => slack.close());

  it('posts with the real client and returns where the message landed', async () => {
    const posted = await postSlackMessage(client, CHANNEL, message, options());

    expect(posted).toEqual({ channel: CHANNEL, ts: slack.posted[0]?.ts });
    expect(slack.posted[0]?.text).toBe('Hello');
  });

  it('replies in a thread, shown in the channel too when asked', async () => {
    await postSlackMessage(client, CHANNEL, message, {
      ...options(),
      threadTs: '1773500000.000100',
      broadcast: true,
    });

    expect(slack.posted[0]).toMatchObject({ threadTs: '1773500000.000100', replyBroadcast: true });
  });

  it('waits the Retry-After that Slack asks for, then posts', async () => {
    slack.failNext(
      'chat.postMessage',
      { status: 429, retryAfter: 3 },
      { status: 429, retryAfter: 1 },
    );

    await postSlackMessage(client, CHANNEL, message, options());

    expect(slept).toEqual([3_000, 1_000]);
    expect(slack.callsOf('chat.postMessage')).toBe(3);
    expect(slack.posted).toHaveLength(1);
  });

  it('waits out a Retry-After on its own timer when none is given', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });

    await postSlackMessage(client, CHANNEL, message, { deadline: Date.now() + 60_000 });

    const [limited, accepted] = slack.calls.map((call) => call.at);
    expect((accepted ?? 0) - (limited ?? 0)).toBeGreaterThanOrEqual(950);
    expect(slack.posted).toHaveLength(1);
  });

  it('fails at once when the Retry-After would pass the deadline', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 120 });

    const error = await postSlackMessage(client, CHANNEL, message, options(30_000)).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect(error).toMatchObject({ reason: 'rate_limited' });
    expect(slept).toEqual([]);
  });

  it('retries a server error with its own short policy', async () => {
    slack.failNext('chat.postMessage', { status: 503 });

    await postSlackMessage(client, CHANNEL, message, options());

    expect(slack.callsOf('chat.postMessage')).toBe(2);
  });

  it.each([
    {
      fault: { error: 'invalid_auth' },
      fix: 'Fix: put a valid bot token (xoxb-...) of the Slack app in the Slack token secret',
    },
    {
      fault: { error: 'channel_not_found' },
      fix: 'check the slack-channel parameter; for a private channel, invite the app',
    },
    {
      fault: { error: 'not_in_channel' },
      fix: 'Fix: invite the app to C0123456789: type /invite @<app name> in the channel',
    },
    {
      fault: { error: 'missing_scope', needed: 'chat:write' },
      fix: 'Fix: add the chat:write bot scope under OAuth & Permissions, reinstall the app',
    },
  ])('names the fix for $fault.error', async ({ fault, fix }) => {
    slack.failNext('chat.postMessage', fault);

    const error = await postSlackMessage(client, CHANNEL, message, options()).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect(error).toMatchObject({ reason: fault.error });
    expect(String((error as Error).message)).toContain(fix);
  });

  it('reports a token the stand-in refuses as invalid_auth with its fix', async () => {
    const wrong = createSlackClient('xoxb-0000000000-0000000000-wrongwrongwrong', {
      slackApiUrl: slack.url,
    });

    await expect(postSlackMessage(wrong, CHANNEL, message, options())).rejects.toMatchObject({
      reason: 'invalid_auth',
    });
  });
});
