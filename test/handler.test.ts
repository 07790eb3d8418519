import { createHandler, defaultDeps } from '../lambda/handler';
import type { AlertJson } from '../lambda/notify/sns/alert-json';
import { accessDenied } from './endpoints/aws-json-endpoint';
import type { PostedMessage } from './endpoints/slack-endpoint';
import { internalError, type PublishedMessage } from './endpoints/sns-endpoint';
import { flatWith, type WorldMeter } from './fixtures/spend-world';
import { CHANNEL, SLACK_TOKEN, TOPIC_ARN, WatchdogHarness } from './fixtures/watchdog-harness';

const SPIKED = { service: 'Amazon Textract', usageType: 'USE1-PagesforTables' };
const STEADY = { service: 'Amazon Translate', usageType: 'USE1-TranslateText' };

/** A world whose spiked meter costs $100 a day except on the days given. */
function spendWith(spikes: Readonly<Record<string, number>>): WorldMeter[] {
  return [
    { ...SPIKED, costOn: flatWith(100, spikes) },
    { ...STEADY, costOn: flatWith(40) },
  ];
}

const textOf = (message: PostedMessage) => JSON.stringify(message.blocks);
const snsJson = (message: PublishedMessage) =>
  JSON.parse((JSON.parse(message.message) as { sqs: string }).sqs) as AlertJson;
const snsEmail = (message: PublishedMessage) =>
  (JSON.parse(message.message) as { email: string }).email;

describe('handler', () => {
  let watchdog: WatchdogHarness;

  beforeEach(async () => {
    watchdog = await WatchdogHarness.start();
  });
  afterEach(() => watchdog.close());

  it('posts a spike once, in its thread when it grows and when it ends, else nothing', async () => {
    // Days of spikes in a row would also be a weekly trend: this test follows the spike alone.
    watchdog.parameters['trend-growth-pct'] = '10000';
    const handler = watchdog.handler();

    watchdog.world.set(spendWith({ '2026-03-14': 900 }));
    await watchdog.invoke(handler, '2026-03-15');
    watchdog.world.set(spendWith({ '2026-03-14': 900, '2026-03-15': 950 }));
    await watchdog.invoke(handler, '2026-03-16');
    watchdog.world.set(spendWith({ '2026-03-14': 900, '2026-03-15': 950, '2026-03-16': 2_400 }));
    await watchdog.invoke(handler, '2026-03-17');
    watchdog.world.set(spendWith({ '2026-03-14': 900, '2026-03-15': 950, '2026-03-16': 2_400 }));
    await watchdog.invoke(handler, '2026-03-18');

    const [alert, ...otherAlerts] = watchdog.slack.alertsIn(CHANNEL);
    expect(otherAlerts).toEqual([]);
    expect(textOf(alert as PostedMessage)).toContain('Spike');
    expect(textOf(alert as PostedMessage)).toContain('Amazon Textract');

    const replies = watchdog.slack.repliesTo(alert?.ts ?? '');
    expect(replies.map((reply) => reply.text)).toEqual([
      'Update: 1 finding grew',
      'Update: 1 finding ended',
    ]);
    expect(replies[0]?.replyBroadcast).toBe(true);
    expect(textOf(replies[0] as PostedMessage)).toMatch(
      /Impact now \*\$2,300\.00\*, up from \$800\.00/,
    );

    const sent = watchdog.sns.published.map((message) => ({
      fresh: snsJson(message).findings.filter((finding) => finding.status === 'new').length,
      grown: snsJson(message).findings.filter((finding) => finding.status === 'grown').length,
      ended: snsJson(message).ended.length,
    }));
    expect(sent).toEqual([
      { fresh: 1, grown: 0, ended: 0 },
      { fresh: 0, grown: 1, ended: 0 },
      { fresh: 0, grown: 0, ended: 1 },
    ]);
  });

  it('sends one SNS message with subject, text, JSON and attributes', async () => {
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));

    await watchdog.invoke(watchdog.handler(), '2026-03-15');

    const [message] = watchdog.sns.published;
    expect(message).toMatchObject({
      topicArn: TOPIC_ARN,
      structure: 'json',
      subject: expect.stringMatching(/^LLM cost [A-Z]+: \$24,000\/month at stake, 1 new finding$/),
      attributes: {
        severity: { dataType: 'String', value: expect.any(String) },
        kinds: { dataType: 'String.Array', value: '["spike"]' },
        mistakes: { dataType: 'String.Array', value: expect.stringMatching(/^\[.*\]$/) },
        impactUsd: { dataType: 'Number', value: '24000.00' },
      },
    });
    expect(snsEmail(message as PublishedMessage)).toContain('Amazon Textract');
  });

  it('posts only to Slack on the retry after Slack failed and SNS succeeded', async () => {
    const handler = watchdog.handler();
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));
    watchdog.slack.failNext('chat.postMessage', { status: 503 }, { status: 503 });

    const first = watchdog.invoke(handler, '2026-03-15');
    await expect(first).rejects.toThrow(/Delivery failed: slack: Slack could not be reached/);
    await watchdog.invoke(handler, '2026-03-15');

    expect(watchdog.slack.alertsIn(CHANNEL)).toHaveLength(1);
    expect(watchdog.sns.published).toHaveLength(1);
    expect(snsEmail(watchdog.sns.published[0] as PublishedMessage)).toContain(
      'Slack did not get this alert',
    );
  });

  it('posts only to SNS on the retry after SNS failed and Slack succeeded', async () => {
    const handler = watchdog.handler();
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));
    watchdog.sns.failNext('Publish', internalError, internalError, internalError);

    await expect(watchdog.invoke(handler, '2026-03-15')).rejects.toThrow(/sns: Publishing/);
    await watchdog.invoke(handler, '2026-03-15');

    expect(watchdog.slack.alertsIn(CHANNEL)).toHaveLength(1);
    expect(watchdog.sns.published).toHaveLength(1);
  });

  it('waits out a rate limit for the Retry-After Slack names', async () => {
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));
    watchdog.slack.failNext('chat.postMessage', { status: 429, retryAfter: 2 });

    await watchdog.invoke(watchdog.handler(), '2026-03-15');

    expect(watchdog.waits).toEqual([2_000]);
    expect(watchdog.slack.alertsIn(CHANNEL)).toHaveLength(1);
  });

  it.each([
    { error: 'invalid_auth', fix: 'put a valid bot token (xoxb-...) of the Slack app' },
    { error: 'channel_not_found', fix: 'check the slack-channel parameter' },
    { error: 'not_in_channel', fix: `invite the app to ${CHANNEL}: type /invite @<app name>` },
    { error: 'missing_scope', fix: 'add the chat:write bot scope' },
  ])('fails the run on $error, naming the fix, and tells SNS readers', async ({ error, fix }) => {
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));
    watchdog.slack.failNext('chat.postMessage', { error });

    await expect(watchdog.invoke(watchdog.handler(), '2026-03-15')).rejects.toThrow(fix);

    expect(snsEmail(watchdog.sns.published[0] as PublishedMessage)).toContain(fix);
    const failure = watchdog.logLines().find((line) => line.message === 'run failed');
    expect(failure).toMatchObject({ level: 'ERROR', error: { name: 'DeliveryError' } });
    expect(watchdog.output.join('')).not.toContain(SLACK_TOKEN);
  });

  it('stays inside the Slack and SNS limits with 200 findings', async () => {
    const meters = Array.from({ length: 200 }, (_, index) => ({
      service: 'Amazon Bedrock',
      usageType: `USE1-Model${index}-input-tokens`,
      costOn: flatWith(50 + index, { '2026-03-14': 900 + index * 10 }),
    }));
    watchdog.world.set(meters);

    await watchdog.invoke(watchdog.handler(), '2026-03-15');

    const [alert] = watchdog.slack.alertsIn(CHANNEL);
    const [message] = watchdog.sns.published;
    expect(alert?.blocks.length).toBeLessThanOrEqual(50);
    expect(textOf(alert as PostedMessage)).toMatch(/…and \d+ more items not shown/);
    expect(message?.bytes).toBeLessThanOrEqual(262_144);
    expect(snsJson(message as PublishedMessage).findings.length).toBeGreaterThan(0);
  });

  it('turns Slack off with a warning to SNS, not a crash, when the token is missing', async () => {
    watchdog.secret = 'PLACEHOLDER';
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));

    await watchdog.invoke(watchdog.handler(), '2026-03-15');

    expect(watchdog.slack.posted).toEqual([]);
    expect(snsEmail(watchdog.sns.published[0] as PublishedMessage)).toContain(
      'Slack alerts are off',
    );
  });

  it('sends an operational message and fails when Cost Explorer denies access', async () => {
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));
    watchdog.aws.failNext('GetDimensionValues', accessDenied('ce:GetDimensionValues'));
    watchdog.aws.failNext('GetCostAndUsage', accessDenied('ce:GetCostAndUsage'));

    await expect(watchdog.invoke(watchdog.handler(), '2026-03-15')).rejects.toThrow(/ce:Get/);

    expect(watchdog.slack.posted).toEqual([]);
    const [message] = watchdog.sns.published;
    expect(message?.attributes.severity?.value).toBe('operational');
    expect(snsEmail(message as PublishedMessage)).toMatch(
      /could not check LLM spend for 2026-03-15[\s\S]*Fix:/,
    );
  });

  it('posts nothing on a quiet day', async () => {
    watchdog.world.set(spendWith({}));

    await watchdog.invoke(watchdog.handler(), '2026-03-15');

    expect([watchdog.slack.posted, watchdog.sns.published]).toEqual([[], []]);
  });

  it('posts one short summary on a quiet day when the daily digest is on', async () => {
    watchdog.parameters['daily-digest'] = 'true';
    watchdog.world.set(spendWith({}));

    await watchdog.invoke(watchdog.handler(), '2026-03-15');

    const [digest] = watchdog.slack.posted;
    expect(watchdog.slack.posted).toHaveLength(1);
    expect(digest?.text).toContain('no findings');
    expect(textOf(digest as PostedMessage)).toContain(
      '*Spend on 2026-03-14:* $140.00 vs $140.00 expected',
    );
    expect(watchdog.sns.published.map((message) => message.subject)).toEqual([
      'LLM cost watchdog: no findings as of 2026-03-15',
    ]);
  });

  it('logs one JSON line per step and never the token', async () => {
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));

    await watchdog.invoke(watchdog.handler(), '2026-03-15');

    const lines = watchdog.logLines();
    const steps = lines.filter((line) => typeof line.durationMs === 'number');
    expect(steps.map((line) => line.message)).toEqual([
      'settings loaded',
      'cost explorer read',
      'remembered',
      'delivered',
      'committed',
    ]);
    expect(watchdog.output.join('')).not.toContain(SLACK_TOKEN);
    expect(watchdog.output.join('')).not.toContain('aws.scheduler');
  });

  it('publishes findings by severity, spend and Cost Explorer requests as metrics', async () => {
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));

    await watchdog.invoke(watchdog.handler(), '2026-03-15');

    const metrics = watchdog.logLines().filter((line) => '_aws' in line);
    const findings = metrics.filter((line) => 'Findings' in line);
    expect(findings.map((line) => line.severity)).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'info',
    ]);
    expect(findings.reduce((sum, line) => sum + Number(line.Findings), 0)).toBe(1);
    expect(metrics.find((line) => 'CostExplorerRequests' in line)).toMatchObject({
      LlmSpendLastCompleteDayUsd: 940,
      CostExplorerRequests: expect.any(Number),
    });
  });

  it('names every missing environment variable', async () => {
    const handler = watchdog.handler({ env: { TOPIC_ARN } });

    await expect(watchdog.invoke(handler, '2026-03-15')).rejects.toThrow(
      'Missing environment variables PARAMETER_PREFIX, SLACK_TOKEN_SECRET_ARN, STATE_TABLE_NAME',
    );
  });
});

describe('handler with its default dependencies', () => {
  const saved = { ...process.env };
  let watchdog: WatchdogHarness;

  beforeEach(async () => {
    watchdog = await WatchdogHarness.start();
  });
  afterEach(async () => {
    process.env = { ...saved };
    await watchdog.close();
  });

  it('finds every AWS endpoint through the SDK configuration alone', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    process.env = {
      ...saved,
      ...watchdog.env(),
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIDTEST',
      AWS_SECRET_ACCESS_KEY: 'test-secret',
      AWS_ENDPOINT_URL_SSM: watchdog.aws.url,
      AWS_ENDPOINT_URL_COST_EXPLORER: watchdog.aws.url,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: watchdog.aws.url,
      AWS_ENDPOINT_URL_SNS: watchdog.sns.url,
      AWS_ENDPOINT_URL_DYNAMODB: watchdog.dynamo.url,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
    };
    watchdog.world.set(spendWith({ [yesterday]: 900 }));

    const summary = await watchdog.invoke(createHandler(defaultDeps()), today);

    expect(summary).toMatchObject({ runDate: today, fresh: 1, slackPosted: 1 });
    expect(watchdog.slack.alertsIn(CHANNEL)).toHaveLength(1);
    expect(watchdog.sns.published).toHaveLength(1);
  });
});
