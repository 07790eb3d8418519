import type { RunSummary } from '../../lambda/handler';
import { flatWith } from '../fixtures/spend-world';
import { CHANNEL, PREFIX, SLACK_TOKEN, WatchdogHarness } from '../fixtures/watchdog-harness';
import { sandboxWorld } from './harness-world';
import { alertJsonOf } from './observed';
import { type Invocation, runInSandbox } from './sandbox';
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

  it('runs on the schedule with the stack environment, every call on the local endpoints', async () => {
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
    expect(alertJsonOf(message as never).findings.map((finding) => finding.key)).toEqual([
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
});
