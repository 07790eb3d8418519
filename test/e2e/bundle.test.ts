import type { RunSummary } from '../../lambda/handler';
import { PLANTED } from '../../samples/replay-capture';
import { accessDenied, limitExceeded } from '../endpoints/aws-json-endpoint';
import { type PublishedMessage, throttled } from '../endpoints/sns-endpoint';
import { flatWith } from '../fixtures/spend-world';
import { CHANNEL, PREFIX, SLACK_TOKEN, WatchdogHarness } from '../fixtures/watchdog-harness';
import { sandboxWorld } from './harness-world';
import { MONTH_FINDINGS, monthRunDates, worldOn } from './month-world';
import { alertJsonOf, expectedLines, saidInSns, stateItems } from './observed';
import { type Invocation, type InvocationOutcome, runInSandbox } from './sandbox';
import { type SynthesizedFunction, synthesizeFunction } from './synth-function';

const TEXTRACT = { service: 'Amazon Textract', usageType: 'USE1-PagesforTables' };
const TRANSLATE = { service: 'Amazon Translate', usageType: 'USE1-TranslateText' };

/** Textract at $100 a day and $900 on the days given; Translate at $40. */
function spendWith(spikes: Readonly<Record<string, number>>) {
  return [
    { ...TEXTRACT, costOn: flatWith(100, spikes) },
    { ...TRANSLATE, costOn: flatWith(40) },
  ];
}

let fn: SynthesizedFunction;

beforeAll(() => {
  fn = synthesizeFunction();
}, 180_000);

afterAll(() => fn?.cleanUp());

describe('the deployed bundle', () => {
  let watchdog: WatchdogHarness;

  beforeEach(async () => {
    watchdog = await WatchdogHarness.start();
  });
  afterEach(() => watchdog.close());

  const scheduled = (day: string, requestId = `request-${day}`): Invocation => ({
    event: fn.scheduledEvent,
    requestId,
    at: `${day}T09:00:00.000Z`,
  });

  /** Runs invocations in one fresh sandbox and returns their outcomes. */
  const invokeInSandbox = async (...invocations: Invocation[]) =>
    (await runInSandbox(fn, sandboxWorld(watchdog), invocations)).outcomes;

  const DAY = '2026-03-15';
  const SPIKE = 'spike:Amazon Textract|USE1-PagesforTables';
  const isOperational = (message: PublishedMessage) =>
    message.attributes.severity?.value === 'operational';
  const alertKeys = () =>
    watchdog.sns.published
      .filter((message) => !isOperational(message))
      .flatMap((message) => alertJsonOf(message).findings.map((finding) => finding.key));
  const succeeded = (fresh: number): Partial<InvocationOutcome> => ({
    ok: true,
    value: expect.objectContaining({ runDate: DAY, fresh }),
  });

  it('runs on schedule with the stack environment, every call on local endpoints', async () => {
    // Prepare
    watchdog.world.set(spendWith({ '2026-03-14': 900 }));

    // Act
    const run = await runInSandbox(fn, sandboxWorld(watchdog), [scheduled('2026-03-15')]);

    // Assess
    expect(fn.environment.PARAMETER_PREFIX).toBe(PREFIX);
    expect(run.outcomes).toEqual([
      expect.objectContaining({
        ok: true,
        value: expect.objectContaining<Partial<RunSummary>>({
          runDate: '2026-03-15',
          fresh: 1,
          slackPosted: 1,
        }),
      }),
    ]);
    expect(watchdog.slack.alertsIn(CHANNEL)).toHaveLength(1);
    const [message] = watchdog.sns.published;
    expect(alertJsonOf(message as PublishedMessage).findings.map((finding) => finding.key)).toEqual(
      ['spike:Amazon Textract|USE1-PagesforTables'],
    );
    const items = await stateItems(watchdog.dynamo);
    expect(items.filter((item) => item.pk === 'FINDING').map((item) => item.sk)).toEqual([
      'spike:Amazon Textract|USE1-PagesforTables',
    ]);
    expect(new Set(watchdog.aws.calls.map((call) => call.operation))).toEqual(
      new Set([
        'GetParametersByPath',
        'GetDimensionValues',
        'GetCostAndUsage',
        'GetAnomalies',
        'GetAnomalyMonitors',
        'GetSecretValue',
      ]),
    );
    expect(run.stdout).not.toContain(SLACK_TOKEN);
    expect(run.logs.map((line) => line.message)).toContain('committed');
  });

  describe('with faults', () => {
    beforeEach(() => {
      watchdog.world.set(spendWith({ '2026-03-14': 900 }));
    });

    it('retries Cost Explorer throttling in the run, counting only charged requests', async () => {
      watchdog.aws.failNext('GetCostAndUsage', limitExceeded, limitExceeded);

      const run = await runInSandbox(fn, sandboxWorld(watchdog), [scheduled(DAY)]);

      expect(run.outcomes).toEqual([expect.objectContaining(succeeded(1))]);
      const costExplorerCalls = watchdog.aws.calls.filter(
        (call) => !['GetParametersByPath', 'GetSecretValue'].includes(call.operation),
      );
      const read = run.logs.find((line) => line.message === 'cost explorer read');
      expect(watchdog.aws.callsOf('GetCostAndUsage')).toHaveLength(3 + 2);
      // Cost Explorer charges only the requests that succeeded.
      expect(read?.requests).toBe(costExplorerCalls.length - 2);
      expect([watchdog.slack.alertsIn(CHANNEL).length, alertKeys()]).toEqual([1, [SPIKE]]);
    });

    it('retries a page after a server error mid-pagination, counting its spend once', async () => {
      const laterPage = (body: Record<string, unknown>) => body.NextPageToken !== undefined;
      const serverError = { status: 500, type: 'InternalServerException', message: 'try again' };
      watchdog.aws.failNextWhere('GetCostAndUsage', laterPage, serverError);

      const outcomes = await invokeInSandbox(scheduled(DAY));

      expect(outcomes).toEqual([expect.objectContaining(succeeded(1))]);
      const tokens = watchdog.aws.callsOf('GetCostAndUsage').map((call) => call.body.NextPageToken);
      expect(tokens).toEqual([undefined, 'page-1', 'page-1', 'page-2']);
      const [finding] = alertJsonOf(watchdog.sns.published[0] as PublishedMessage).findings;
      expect(finding).toMatchObject({ key: SPIKE, actualUsd: 900, impactUsd: 800 });
    });

    it('fails on a refused page token, tells SNS; the retry delivers the alert once', async () => {
      const invalidToken = {
        status: 400,
        type: 'InvalidNextTokenException',
        message: 'The pagination token is invalid.',
      };
      watchdog.aws.failNextWhere(
        'GetCostAndUsage',
        (body) => body.NextPageToken !== undefined,
        invalidToken,
      );

      const [failed, retried] = await invokeInSandbox(scheduled(DAY), scheduled(DAY));

      expect(failed).toMatchObject({ ok: false, errorType: 'CollectError' });
      expect(retried).toMatchObject(succeeded(1));
      const [operational, alert, ...more] = watchdog.sns.published;
      expect(more).toEqual([]);
      expect(operational && isOperational(operational)).toBe(true);
      expect(operational?.subject).toContain('while reading Cost Explorer');
      expect(alert && alertJsonOf(alert).findings.map((finding) => finding.key)).toEqual([SPIKE]);
      expect(watchdog.slack.alertsIn(CHANNEL)).toHaveLength(1);
    });

    it('tells SNS once while Cost Explorer is denied; delivers once it is allowed', async () => {
      for (const _attempt of [1, 2]) {
        watchdog.aws.failNext('GetDimensionValues', accessDenied('ce:GetDimensionValues'));
        watchdog.aws.failNext('GetCostAndUsage', accessDenied('ce:GetCostAndUsage'));
      }

      const denied = [
        ...(await invokeInSandbox(scheduled(DAY))),
        ...(await invokeInSandbox(scheduled(DAY))),
      ];
      const fixed = await invokeInSandbox(scheduled(DAY));

      expect(denied).toEqual([
        expect.objectContaining({
          ok: false,
          errorMessage: expect.stringMatching(/ce:GetCostAndUsage/),
        }),
        expect.objectContaining({
          ok: false,
          errorMessage: expect.stringMatching(/ce:GetCostAndUsage/),
        }),
      ]);
      expect(fixed).toEqual([expect.objectContaining(succeeded(1))]);
      expect(watchdog.sns.published.filter(isOperational)).toHaveLength(1);
      expect(alertKeys()).toEqual([SPIKE]);
      expect(watchdog.slack.alertsIn(CHANNEL)).toHaveLength(1);
    });

    it('retries SSM throttling within the run', async () => {
      const ssmThrottled = { status: 400, type: 'ThrottlingException', message: 'Rate exceeded' };
      watchdog.aws.failNext('GetParametersByPath', ssmThrottled, ssmThrottled);

      const outcomes = await invokeInSandbox(scheduled(DAY));

      expect(outcomes).toEqual([expect.objectContaining(succeeded(1))]);
      expect(watchdog.aws.callsOf('GetParametersByPath')).toHaveLength(3);
      expect(watchdog.slack.alertsIn(CHANNEL)).toHaveLength(1);
    });

    it('retries SNS throttling within the run and publishes once', async () => {
      watchdog.sns.failNext('Publish', throttled);

      const outcomes = await invokeInSandbox(scheduled(DAY));

      expect(outcomes).toEqual([expect.objectContaining(succeeded(1))]);
      expect(watchdog.sns.calls.filter((action) => action === 'Publish')).toHaveLength(2);
      expect(alertKeys()).toEqual([SPIKE]);
    });

    it("waits out Slack's Retry-After in real time, then posts once", async () => {
      watchdog.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });

      const outcomes = await invokeInSandbox(scheduled(DAY));

      expect(outcomes).toEqual([expect.objectContaining(succeeded(1))]);
      const [refused, accepted] = watchdog.slack.calls.filter(
        (call) => call.method === 'chat.postMessage',
      );
      expect((accepted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
      expect(watchdog.slack.posted).toHaveLength(1);
    });

    it.each([
      { errors: 2, firstRun: 'posts' },
      { errors: 3, firstRun: 'fails' },
    ])(
      'with $errors Slack server errors in a row $firstRun, and the message goes out once',
      async ({ errors }) => {
        watchdog.slack.failNext(
          'chat.postMessage',
          ...Array.from({ length: errors }, () => ({ status: 500 as const })),
        );

        const outcomes = await invokeInSandbox(scheduled(DAY), scheduled(DAY));

        const [first] = outcomes;
        expect(first?.ok).toBe(errors < 3);
        expect(outcomes.at(-1)).toMatchObject(succeeded(1));
        expect(watchdog.slack.posted).toHaveLength(1);
        expect(watchdog.sns.published).toHaveLength(1);
        const email = JSON.parse(watchdog.sns.published[0]?.message ?? '{}').email as string;
        expect(email.includes('Slack did not get this alert')).toBe(errors >= 3);
      },
    );

    it('forgets a token Slack refuses, rereads the secret, and the retry posts once', async () => {
      watchdog.slack.failNext('chat.postMessage', { error: 'invalid_auth' });

      const [refused, retried] = await invokeInSandbox(scheduled(DAY), scheduled(DAY));

      expect(refused).toMatchObject({
        ok: false,
        errorMessage: expect.stringContaining('put a valid bot token (xoxb-...) of the Slack app'),
      });
      expect(retried).toMatchObject(succeeded(1));
      expect(watchdog.aws.callsOf('GetSecretValue')).toHaveLength(2);
      expect([watchdog.slack.posted.length, watchdog.sns.published.length]).toEqual([1, 1]);
    });

    it('posts each message once when two invocations of the day overlap', async () => {
      // Prepare
      const world = sandboxWorld(watchdog);
      const requests = ['request-a', 'request-b'];

      // Act
      const overlapping = await Promise.all(
        requests.map((requestId) => runInSandbox(fn, world, [scheduled(DAY, requestId)])),
      );
      const failed = requests.filter((_, index) => overlapping[index]?.outcomes[0]?.ok !== true);
      const retried = await Promise.all(
        failed.map((requestId) => invokeInSandbox(scheduled(DAY, requestId))),
      );

      // Assess: an invocation that met the other's claim failed, to be retried by Lambda.
      for (const outcome of overlapping.flatMap((run) => run.outcomes).filter((o) => !o.ok)) {
        expect(outcome).toMatchObject({
          errorType: 'DeliveryError',
          errorMessage: expect.stringContaining('Another invocation is delivering'),
        });
      }
      expect(retried.flat().every((outcome) => outcome.ok)).toBe(true);
      expect(watchdog.slack.posted).toHaveLength(1);
      expect(watchdog.sns.published).toHaveLength(1);
      expect(alertKeys()).toEqual([SPIKE]);
      const items = await stateItems(watchdog.dynamo);
      expect(items.filter((item) => item.sk === 'PLAN')).toHaveLength(1);
      const deliveries = items.filter((item) => String(item.sk).startsWith('DELIVERY#'));
      expect(deliveries.map((item) => [item.sk, item.status]).sort()).toEqual([
        ['DELIVERY#slack#main', 'delivered'],
        ['DELIVERY#sns#alert', 'delivered'],
      ]);
    });
  });
});

describe('a month with the days of the runaway loop on the bundle', () => {
  let watchdog: WatchdogHarness;

  beforeAll(async () => {
    watchdog = await WatchdogHarness.start();
  });
  afterAll(() => watchdog?.close());

  it('says what the in-process month says, the bundle taking over the state midway', async () => {
    // Prepare
    const runaway = MONTH_FINDINGS.find((finding) => finding.planted === PLANTED.runaway.name);
    const onBundle = new Set([runaway?.alertOn, ...(runaway?.updatesOn ?? []), runaway?.endedOn]);
    const outcomes: InvocationOutcome[] = [];

    // Act
    for (const day of monthRunDates()) {
      const world = worldOn(day);
      watchdog.world.set(world.meters, { estimatedFrom: world.estimatedFrom });
      if (!onBundle.has(day)) {
        await watchdog.invoke(watchdog.handler(), day);
        continue;
      }
      const event = {
        event: fn.scheduledEvent,
        requestId: `request-${day}`,
        at: `${day}T09:00:00Z`,
      };
      outcomes.push(...(await runInSandbox(fn, sandboxWorld(watchdog), [event])).outcomes);
    }

    // Assess
    expect(onBundle.size).toBe(4);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true, true]);
    expect(saidInSns(watchdog.sns.published).sort()).toEqual(expectedLines(MONTH_FINDINGS));
    const alert = watchdog.slack.posted.find((message) =>
      message.text.includes('Spike (more usage), NovaLite'),
    );
    expect(watchdog.slack.repliesTo(alert?.ts ?? '').map((reply) => reply.text)).toEqual([
      'Update: 1 finding grew',
      'Update: 1 finding grew',
      'Update: 1 finding ended',
    ]);
  });
});
