import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../bin/commands/record';
import { UsageError } from '../../bin/usage-error';
import type { Capture } from '../../lambda/collect/capture';
import { readCapture } from '../../lambda/series/read-capture';
import { dayResult, defaultResponders, pagedBy } from '../collect/fake-cost-explorer';
import { accessDenied, LocalAwsJsonEndpoint, type Responder } from '../endpoints/aws-json-endpoint';
import { bufferIo } from './buffer-io';
import { isolateAwsEnv, TEST_KEYS } from './live-io';

const NOW = new Date('2026-03-10T08:00:00Z');

const bedrockDay = (day: string, next: string, usageType: string, cost: string) =>
  dayResult(day, next, [{ service: 'Amazon Bedrock', usageType, cost, usage: '2000' }]);

/** An account with something in every part: two daily pages, an anomaly, splits, a forecast. */
const FULL_ACCOUNT: Record<string, Responder> = {
  GetCostAndUsage: (body) => {
    const groupBy = body.GroupBy as { Type: string; Key: string }[];
    const metric = (amount: string) => ({ UnblendedCost: { Amount: amount, Unit: 'USD' } });
    if (groupBy[0]?.Key === 'LINKED_ACCOUNT') {
      return {
        body: {
          ResultsByTime: [
            {
              TimePeriod: { Start: '2026-01-09', End: '2026-02-01' },
              Total: {},
              Groups: [{ Keys: ['111122223333'], Metrics: metric('40.5') }],
              Estimated: false,
            },
          ],
          DimensionValueAttributes: [{ Value: '111122223333', Attributes: { description: 'ml' } }],
        },
      };
    }
    if (groupBy[0]?.Type === 'TAG') {
      return {
        body: {
          ResultsByTime: [
            {
              TimePeriod: { Start: '2026-01-09', End: '2026-02-01' },
              Total: {},
              Groups: [
                { Keys: ['team$search'], Metrics: metric('30') },
                { Keys: ['team$'], Metrics: metric('10.5') },
              ],
              Estimated: false,
            },
          ],
        },
      };
    }
    return pagedBy('NextPageToken', [
      {
        ResultsByTime: [bedrockDay('2026-03-08', '2026-03-09', 'USE1-NovaLite-input-tokens', '2')],
      },
      {
        ResultsByTime: [
          bedrockDay('2026-03-08', '2026-03-09', 'USE1-NovaLite-output-tokens', '3'),
          bedrockDay('2026-03-09', '2026-03-10', 'USE1-NovaLite-input-tokens', '9'),
        ],
      },
    ])(body, 0);
  },
  GetAnomalies: () => ({
    body: {
      Anomalies: [
        {
          AnomalyId: 'a-1',
          AnomalyStartDate: '2026-03-08',
          AnomalyEndDate: '2026-03-09',
          DimensionValue: 'Amazon Bedrock',
          RootCauses: [{ Service: 'Amazon Bedrock', Region: 'us-east-1', UsageType: 'USE1-x' }],
          AnomalyScore: { MaxScore: 0.9, CurrentScore: 0.4 },
          Impact: { MaxImpact: 7, TotalImpact: 9, TotalActualSpend: 12, TotalExpectedSpend: 3 },
          MonitorArn: 'arn:aws:ce::111122223333:anomalymonitor/m-1',
        },
      ],
    },
  }),
  GetAnomalyMonitors: () => ({
    body: {
      AnomalyMonitors: [
        {
          MonitorArn: 'arn:aws:ce::111122223333:anomalymonitor/m-1',
          MonitorName: 'services',
          MonitorType: 'DIMENSIONAL',
          MonitorDimension: 'SERVICE',
        },
      ],
    },
  }),
  GetCostForecast: () => ({
    body: {
      Total: { Amount: '120.5', Unit: 'USD' },
      ForecastResultsByTime: [
        {
          TimePeriod: { Start: '2026-03-10', End: '2026-04-01' },
          MeanValue: '120.5',
          PredictionIntervalLowerBound: '90',
          PredictionIntervalUpperBound: '150',
        },
      ],
    },
  }),
};

describe('record', () => {
  let costExplorer: LocalAwsJsonEndpoint;
  let ssm: LocalAwsJsonEndpoint;
  let env: ReturnType<typeof isolateAwsEnv>;

  const start = async (vars: Record<string, string>, overrides: Record<string, Responder> = {}) => {
    costExplorer = await LocalAwsJsonEndpoint.start(defaultResponders(overrides));
    ssm = await LocalAwsJsonEndpoint.start({
      GetParametersByPath: () => ({
        body: {
          Parameters: [
            { Name: '/watchdog/tag-key', Value: 'team', Type: 'String' },
            { Name: '/watchdog/min-impact', Value: '3', Type: 'String' },
          ],
        },
      }),
    });
    env = isolateAwsEnv({
      AWS_ENDPOINT_URL_COST_EXPLORER: costExplorer.url,
      AWS_ENDPOINT_URL_SSM: ssm.url,
      AWS_REGION: 'eu-west-1',
      ...vars,
    });
  };
  const record = (argv: string[]) => {
    const { io, stdout, stderr } = bufferIo({ now: NOW });
    return run(argv, io).then((code) => ({ code, stdout: stdout(), stderr: stderr() }));
  };

  afterEach(async () => {
    env?.restore();
    await costExplorer?.close();
    await ssm?.close();
  });

  it('writes the capture it collected, with its requests, and prints their cost', async () => {
    await start(TEST_KEYS);
    const file = join(env.folder, 'capture.json');

    const { code, stdout, stderr } = await record(['--out', file]);

    expect(code).toBe(0);
    const capture = JSON.parse(readFileSync(file, 'utf8')) as Capture;
    expect(capture.Meta).toEqual({
      recordedAt: '2026-03-10T08:00:00.000Z',
      metric: 'UnblendedCost',
      requests: 5,
    });
    expect(capture.GetCostAndUsage[0]?.ResultsByTime?.[0]?.TimePeriod).toEqual({
      Start: '2026-03-01',
      End: '2026-03-02',
    });
    expect(stdout).toBe(
      `Wrote ${file}: 1 day from 2026-03-01 to 2026-03-01, 1 meter of 1 service. ` +
        `Replay it with: llm-cost-watchdog scan --input ${file}\n` +
        'Cost Explorer requests: 5 ($0.05 at $0.01 each).\n',
    );
    expect(stderr.split('\n').filter((line) => line.startsWith('Cost Explorer '))).toEqual([
      'Cost Explorer GetDimensionValues, service names: page 1 (1 request so far)',
      'Cost Explorer GetDimensionValues, service names: page 2 (2 requests so far)',
      'Cost Explorer GetCostAndUsage, daily spend per meter: page 1 (3 requests so far)',
      'Cost Explorer GetAnomalies, anomalies: page 1 (4 requests so far)',
      'Cost Explorer GetAnomalyMonitors, anomaly monitors: page 1 (5 requests so far)',
    ]);
  });

  it('writes a capture that scan reads back whole, every optional part included', async () => {
    await start(TEST_KEYS, FULL_ACCOUNT);
    const file = join(env.folder, 'full.json');

    const { code } = await record([
      '--out',
      file,
      '--set',
      'monthly-budget-usd=900',
      '--set',
      'group-by-linked-account=true',
      '--set',
      'tag-key=team',
    ]);

    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Capture;
    const replayed = readCapture(readFileSync(file, 'utf8'), file);
    expect(replayed).toEqual(written);
    expect(Object.keys(replayed).sort()).toEqual([
      'GetAnomalies',
      'GetAnomalyMonitors',
      'GetCostAndUsage',
      'GetCostAndUsageByAccount',
      'GetCostAndUsageByTag',
      'GetCostForecast',
      'GetDimensionValues',
      'Meta',
    ]);
    expect(replayed.GetCostAndUsage).toHaveLength(2);
    expect(replayed.Meta).toMatchObject({ requests: 9, tagKey: 'team' });
  });

  it('never writes the credentials it signed with', async () => {
    await start(TEST_KEYS);
    const file = join(env.folder, 'capture.json');

    await record(['--out', file]);

    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(TEST_KEYS.AWS_ACCESS_KEY_ID);
    expect(text).not.toContain(TEST_KEYS.AWS_SECRET_ACCESS_KEY);
    expect(text).not.toContain('$metadata');
  });

  it('reads the window from --days and --as-of', async () => {
    await start(TEST_KEYS);

    await record(['--out', join(env.folder, 'c.json'), '--days', '30', '--as-of', '2026-03-05']);

    expect(costExplorer.callsOf('GetCostAndUsage')[0]?.body.TimePeriod).toEqual({
      Start: '2026-02-03',
      End: '2026-03-05',
    });
  });

  it('signs with the keys of the profile --profile names', async () => {
    await start({});
    writeFileSync(
      process.env.AWS_SHARED_CREDENTIALS_FILE ?? '',
      '[team]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n',
    );

    const { code } = await record(['--out', join(env.folder, 'c.json'), '--profile', 'team']);

    expect(code).toBe(0);
    expect(String(costExplorer.calls[0]?.headers.authorization)).toContain(
      'Credential=AKIDPROFILE/',
    );
  });

  it('reads the settings under --prefix, warning about a mistyped name', async () => {
    await start(TEST_KEYS);

    const { code, stderr } = await record([
      '--out',
      join(env.folder, 'c.json'),
      '--prefix',
      'watchdog',
    ]);

    expect(code).toBe(0);
    expect(ssm.callsOf('GetParametersByPath')[0]?.body).toMatchObject({ Path: '/watchdog' });
    expect(costExplorer.callsOf('GetCostAndUsage')[1]?.body.GroupBy).toEqual([
      { Type: 'TAG', Key: 'team' },
    ]);
    expect(stderr).toContain(
      'Warning: Parameter /watchdog/min-impact is not a setting and is ignored (likely a typo). ' +
        'Did you mean min-impact-usd?',
    );
  });

  it('applies --set over the defaults', async () => {
    await start(TEST_KEYS);

    await record(['--out', join(env.folder, 'c.json'), '--set', 'group-by-linked-account=true']);

    expect(costExplorer.callsOf('GetCostAndUsage')[1]?.body.GroupBy).toEqual([
      { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' },
    ]);
  });

  it('fails with the fix when no credentials can be found, writing nothing', async () => {
    await start({});
    const file = join(env.folder, 'c.json');

    const { code, stderr } = await record(['--out', file]);

    expect(code).toBe(1);
    expect(stderr).toContain('Error: No AWS credentials found');
    expect(stderr).toContain('pass --profile NAME or set AWS_PROFILE');
    expect(existsSync(file)).toBe(false);
    expect(costExplorer.calls).toHaveLength(0);
  });

  it('fails naming the action when Cost Explorer denies the daily query', async () => {
    await start(TEST_KEYS, {
      GetCostAndUsage: () => ({ error: accessDenied('ce:GetCostAndUsage') }),
    });

    const { code, stderr } = await record(['--out', join(env.folder, 'c.json')]);

    expect(code).toBe(1);
    expect(stderr).toContain('Error: Not allowed to call ce:GetCostAndUsage');
  });

  it.each([
    [[], 'record needs --out FILE'],
    [['--out', 'c.json', '--days', '7'], '--days "7" is not a whole number from 21 to 400'],
    [['--out', 'c.json', '--as-of', 'today'], '--as-of "today" is not a date'],
    [['--out', 'c.json', '--set', 'tag-key'], '--set "tag-key" is not NAME=VALUE'],
  ])('refuses the command line %p', async (argv, message) => {
    await start(TEST_KEYS);

    const failure = record(argv);

    await expect(failure).rejects.toBeInstanceOf(UsageError);
    await expect(failure).rejects.toThrow(message);
    expect(costExplorer.calls).toHaveLength(0);
  });
});
