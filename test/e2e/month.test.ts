import { replayCapture } from '../../bin/backtest/replay';
import { addDays } from '../../lambda/collect/window';
import type { RunSummary } from '../../lambda/handler';
import { resolveSettings } from '../../lambda/settings/resolve';
import { generateReplayCapture, REPLAY_LAST_DAY } from '../../samples/replay-capture';
import type { PostedMessage } from '../endpoints/slack-endpoint';
import type { PublishedMessage } from '../endpoints/sns-endpoint';
import { CHANNEL, WatchdogHarness } from '../fixtures/watchdog-harness';
import { MONTH_FINDINGS, monthRunDates, worldOn } from './month-world';
import { expectedLines, saidInSns, stateItems } from './observed';

type Run = {
  readonly summary: RunSummary;
  readonly slack: readonly PostedMessage[];
  readonly sns: readonly PublishedMessage[];
};

/**
 * Thirty daily runs of the handler, one cold start each, with real SDK and
 * Slack clients on the local endpoints: each morning Cost Explorer shows
 * the replay account as it stood then, its two newest days still growing.
 */
describe('a month replayed', () => {
  let watchdog: WatchdogHarness;
  const runs = new Map<string, Run>();

  beforeAll(async () => {
    watchdog = await WatchdogHarness.start();
    for (const day of monthRunDates()) {
      const world = worldOn(day);
      watchdog.world.set(world.meters, { estimatedFrom: world.estimatedFrom });
      const slackBefore = watchdog.slack.posted.length;
      const snsBefore = watchdog.sns.published.length;

      const summary = await watchdog.invoke(watchdog.handler(), day);

      runs.set(day, {
        summary,
        slack: watchdog.slack.posted.slice(slackBefore),
        sns: watchdog.sns.published.slice(snsBefore),
      });
    }
  }, 120_000);

  afterAll(() => watchdog.close());

  it('posts each planted problem once, again when it grows, and once when it ends', () => {
    expect(saidInSns(watchdog.sns.published).sort()).toEqual(expectedLines(MONTH_FINDINGS));
  });

  it('posts nothing on the quiet days', () => {
    const newsDays = new Set(expectedLines(MONTH_FINDINGS).map((line) => line.slice(0, 10)));
    const quiet = monthRunDates().filter((day) => !newsDays.has(day));

    expect(quiet.length).toBeGreaterThan(15);
    for (const day of quiet) {
      expect([day, runs.get(day)?.slack, runs.get(day)?.sns]).toEqual([day, [], []]);
    }
  });

  it('posts each new finding as an alert and each update or end in its thread', async () => {
    const items = await stateItems(watchdog.dynamo);
    const threadOf = (key: string) =>
      (items.find((item) => item.pk === 'FINDING' && item.sk === key)?.slack ?? null) as {
        channel: string;
        ts: string;
      } | null;

    for (const finding of MONTH_FINDINGS) {
      const thread = threadOf(finding.key);
      const alert = watchdog.slack.posted.find((message) => message.ts === thread?.ts);
      const replies = watchdog.slack.repliesTo(thread?.ts ?? '');

      expect(thread?.channel).toBe(CHANNEL);
      expect(alert?.threadTs).toBeNull();
      expect(runs.get(finding.alertOn)?.slack).toContain(alert);
      const changes = finding.updatesOn.length + (finding.endedOn === null ? 0 : 1);
      expect([finding.key, replies.length]).toEqual([finding.key, changes]);
    }
  });

  it('posts no message twice', () => {
    const slack = watchdog.slack.posted.map((message) =>
      JSON.stringify([message.threadTs, message.text, message.blocks]),
    );
    const sns = watchdog.sns.published.map((message) => message.message);

    expect(new Set(slack).size).toBe(slack.length);
    expect(new Set(sns).size).toBe(sns.length);
    expect(watchdog.slack.callsOf('chat.postMessage')).toBe(slack.length);
    expect(watchdog.sns.calls.filter((action) => action === 'Publish')).toHaveLength(sns.length);
  });

  it('leaves in the state table what was said, each run planned and delivered once', async () => {
    const items = await stateItems(watchdog.dynamo);

    const findings = items
      .filter((item) => item.pk === 'FINDING')
      .map((item) => ({
        key: item.sk,
        status: item.status,
        firstPostedOn: item.firstPostedOn,
        endedOn: item.endedOn,
      }))
      .sort((a, b) => String(a.key).localeCompare(String(b.key)));
    expect(findings).toEqual(
      MONTH_FINDINGS.map((finding) => ({
        key: finding.key,
        status: finding.endedOn === null ? 'active' : 'ended',
        firstPostedOn: finding.alertOn,
        endedOn: finding.endedOn,
      })).sort((a, b) => a.key.localeCompare(b.key)),
    );

    const plans = items.filter((item) => item.sk === 'PLAN').map((item) => item.pk);
    expect(plans.sort()).toEqual(monthRunDates().map((day) => `RUN#${day}`));
    const deliveries = items.filter((item) => String(item.sk).startsWith('DELIVERY#'));
    expect(deliveries.every((item) => item.status === 'delivered')).toBe(true);
    expect(deliveries.filter((item) => String(item.sk).startsWith('DELIVERY#slack#'))).toHaveLength(
      watchdog.slack.posted.length,
    );
    expect(deliveries.filter((item) => String(item.sk).startsWith('DELIVERY#sns#'))).toHaveLength(
      watchdog.sns.published.length,
    );
    expect(items.filter((item) => item.pk === 'NOTICE')).toEqual([]);
  });

  it('says what the backtest of the recorded capture says it would', () => {
    const { settings } = resolveSettings({ 'slack-channel': CHANNEL });

    const backtest = replayCapture(generateReplayCapture(), settings, {
      days: monthRunDates().length,
      lastRun: addDays(REPLAY_LAST_DAY, 1),
    });

    const predicted = backtest.runs.flatMap((run) =>
      run.events.map((event) => `${run.runDate} ${event.change} ${event.key}`),
    );
    expect(predicted.sort()).toEqual(saidInSns(watchdog.sns.published).sort());
  });
});
