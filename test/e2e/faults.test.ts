import { createSlackClient } from '../../lambda/notify/slack/slack-client';
import type { PostedMessage } from '../endpoints/slack-endpoint';
import type { PublishedMessage } from '../endpoints/sns-endpoint';
import { flatWith } from '../fixtures/spend-world';
import { CHANNEL, SECRET_ARN, WatchdogHarness } from '../fixtures/watchdog-harness';
import { alertJsonOf } from './observed';

const TEXTRACT = { service: 'Amazon Textract', usageType: 'USE1-PagesforTables' };
const TRANSLATE = { service: 'Amazon Translate', usageType: 'USE1-TranslateText' };
const SPIKE = 'spike:Amazon Textract|USE1-PagesforTables';

/** Textract at $100 a day and $900 on the days given. */
const spendWith = (spikes: Readonly<Record<string, number>>) => [
  { ...TEXTRACT, costOn: flatWith(100, spikes) },
  { ...TRANSLATE, costOn: flatWith(40) },
];

const emailOf = (message: PublishedMessage | undefined) =>
  (JSON.parse(message?.message ?? '{}') as { email?: string }).email ?? '';
const textOf = (message: PostedMessage | undefined) => JSON.stringify(message?.blocks ?? []);

/**
 * Faults the handler meets in-process, with real clients on the local
 * endpoints: the cases where the bundle adds nothing, or where its own
 * timeouts would make a test wait for tens of seconds.
 */
describe('a run with faults', () => {
  let watchdog: WatchdogHarness;

  beforeEach(async () => {
    watchdog = await WatchdogHarness.start();
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));
  });
  afterEach(() => watchdog.close());

  it('goes on with the default for an invalid setting and names it in both channels', async () => {
    // Prepare
    watchdog.parameters['min-impact-usd'] = 'lots';

    // Act
    const summary = await watchdog.invoke(watchdog.handler(), '2026-03-15');

    // Assess
    expect(summary).toMatchObject({ fresh: 1, slackPosted: 1 });
    const [warning] = alertJsonOf(watchdog.sns.published[0] as PublishedMessage).warnings;
    expect(warning).toMatch(/min-impact-usd.*"lots".*default/);
    expect(textOf(watchdog.slack.posted[0])).toContain('min-impact-usd');
  });

  it('turns Slack off without its secret, tells SNS, and posts again once it exists', async () => {
    const handler = watchdog.handler();
    watchdog.aws.failNext('GetSecretValue', {
      status: 400,
      type: 'ResourceNotFoundException',
      message: "Secrets Manager can't find the specified secret.",
    });

    const missing = await watchdog.invoke(handler, '2026-03-15');
    watchdog.world.set([
      { ...TEXTRACT, costOn: flatWith(100, { '2026-03-14': 900 }) },
      { ...TRANSLATE, costOn: flatWith(40, { '2026-03-16': 400 }) },
    ]);
    const back = await watchdog.invoke(handler, '2026-03-17');

    expect([missing.slackPosted, back.slackPosted]).toEqual([0, 1]);
    expect(emailOf(watchdog.sns.published[0])).toContain(
      `Slack alerts are off: secret ${SECRET_ARN} could not be read (ResourceNotFoundException`,
    );
    // While Slack was off its findings went to SNS only; Slack hears what is new after.
    const [alert, ...others] = watchdog.slack.alertsIn(CHANNEL);
    expect(others).toEqual([]);
    expect(textOf(alert)).toContain('Amazon Translate');
    const said = watchdog.sns.published.map(alertJsonOf).map((json) => ({
      fresh: json.findings.map((finding) => finding.key),
      ended: json.ended.map((ended) => ended.key),
    }));
    expect(said).toEqual([
      { fresh: [SPIKE], ended: [] },
      { fresh: ['spike:Amazon Translate|USE1-TranslateText'], ended: [SPIKE] },
    ]);
  });

  it('gives up on a Slack call that never answers, and the retry posts it once', async () => {
    const handler = watchdog.handler({
      createSlackClient: (token, url) =>
        createSlackClient(token, { slackApiUrl: url, retries: 1, requestTimeoutMs: 300 }),
    });
    watchdog.slack.failNext('chat.postMessage', { hangMs: 2_000 }, { hangMs: 2_000 });

    const first = watchdog.invoke(handler, '2026-03-15');
    await expect(first).rejects.toThrow(/Delivery failed: slack/);
    const retry = await watchdog.invoke(handler, '2026-03-15');

    expect(retry).toMatchObject({ fresh: 1, slackPosted: 1 });
    expect(watchdog.slack.callsOf('chat.postMessage')).toBe(3);
    expect(watchdog.slack.posted).toHaveLength(1);
    expect(watchdog.sns.published).toHaveLength(1);
    expect(emailOf(watchdog.sns.published[0])).toContain('Slack did not get this alert');
  });

  it('fails on a channel Slack does not know, and the retry after the fix posts once', async () => {
    const handler = watchdog.handler();
    watchdog.parameters['slack-channel'] = 'C0NOSUCHONE';

    const first = watchdog.invoke(handler, '2026-03-15');
    await expect(first).rejects.toThrow(/check the slack-channel parameter/);
    watchdog.parameters['slack-channel'] = CHANNEL;
    const retry = await watchdog.invoke(handler, '2026-03-15');

    expect(retry).toMatchObject({ fresh: 1, slackPosted: 1 });
    expect(watchdog.slack.alertsIn(CHANNEL)).toHaveLength(1);
    expect(watchdog.sns.published).toHaveLength(1);
    expect(alertJsonOf(watchdog.sns.published[0] as PublishedMessage).findings[0]?.key).toBe(SPIKE);
  });
});
