import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import {
  collectCapture,
  collectLoggedCapture,
  requestCostUsd,
} from '../../lambda/collect/cost-explorer';
import { CollectError } from '../../lambda/collect/errors';
import type { PageProgress } from '../../lambda/collect/pages';
import { CaptureError } from '../../lambda/series/errors';
import { buildHistory } from '../../lambda/series/history';
import { DEFAULT_WATCHED_SERVICES } from '../../lambda/series/services';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import type { Settings } from '../../lambda/settings/settings';
import {
  accessDenied,
  type LocalAwsJsonEndpoint,
  limitExceeded,
  type Responder,
} from '../endpoints/aws-json-endpoint';
import { dayResult, pagedBy, startCostExplorer } from './fake-cost-explorer';

const NOW = new Date('2026-03-10T06:30:00Z');
const now = () => NOW;
const ASOF = '2026-03-10';
const WATCHED = [
  ...DEFAULT_WATCHED_SERVICES,
  'Claude 3.5 Sonnet (Amazon Bedrock Edition)',
  'Claude 3 Haiku (Amazon Bedrock Edition)',
];
const NO_CREDITS = { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } } };

const bedrock = (usageType: string, cost: string) => ({
  service: 'Amazon Bedrock',
  usageType,
  cost,
  usage: '1000',
});

describe('collectCapture', () => {
  let endpoint: LocalAwsJsonEndpoint;
  let client: CostExplorerClient;

  const start = async (overrides: Record<string, Responder> = {}) => {
    ({ endpoint, client } = await startCostExplorer(overrides));
  };
  const collect = (settings: Partial<Settings> = {}, asOf = ASOF) =>
    collectCapture(client, { ...DEFAULT_SETTINGS, ...settings }, { asOf, now });

  afterEach(async () => {
    client?.destroy();
    await endpoint?.close();
  });

  it('asks for daily cost and usage of the watched services, less credits, per meter', async () => {
    await start();

    await collect();

    expect(endpoint.callsOf('GetCostAndUsage').map((call) => call.body)).toEqual([
      {
        TimePeriod: { Start: '2026-01-09', End: '2026-03-10' },
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost', 'UsageQuantity'],
        Filter: { And: [{ Dimensions: { Key: 'SERVICE', Values: WATCHED } }, NO_CREDITS] },
        GroupBy: [
          { Type: 'DIMENSION', Key: 'SERVICE' },
          { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
        ],
      },
    ]);
  });

  it('finds the model listings among every SERVICE name of the window, on all pages', async () => {
    await start();

    await collect();

    expect(endpoint.callsOf('GetDimensionValues').map((call) => call.body)).toEqual([
      {
        Dimension: 'SERVICE',
        Context: 'COST_AND_USAGE',
        TimePeriod: { Start: '2026-01-09', End: '2026-03-10' },
      },
      {
        Dimension: 'SERVICE',
        Context: 'COST_AND_USAGE',
        TimePeriod: { Start: '2026-01-09', End: '2026-03-10' },
        NextPageToken: 'page-1',
      },
    ]);
  });

  it('counts credits and refunds when the settings include them, with a single root', async () => {
    await start();

    await collect({ includeCredits: true, costMetric: 'AmortizedCost', lookbackDays: 30 });

    expect(endpoint.callsOf('GetCostAndUsage')[0]?.body).toMatchObject({
      TimePeriod: { Start: '2026-02-08', End: '2026-03-10' },
      Metrics: ['AmortizedCost', 'UsageQuantity'],
      Filter: { Dimensions: { Key: 'SERVICE', Values: WATCHED } },
    });
  });

  it('reads every page of a day split across pages, passing each token on', async () => {
    const pages = [
      {
        ResultsByTime: [
          dayResult('2026-03-07', '2026-03-08', [bedrock('USE1-a', '1'), bedrock('USE1-b', '2')]),
          dayResult('2026-03-08', '2026-03-09', [bedrock('USE1-a', '3')]),
        ],
      },
      {
        ResultsByTime: [
          dayResult('2026-03-08', '2026-03-09', [bedrock('USE1-b', '4')]),
          dayResult('2026-03-09', '2026-03-10', [bedrock('USE1-a', '5')], true),
        ],
      },
      { ResultsByTime: [dayResult('2026-03-09', '2026-03-10', [bedrock('USE1-b', '6')], true)] },
    ];
    await start({ GetCostAndUsage: pagedBy('NextPageToken', pages) });

    const { capture } = await collect();

    const calls = endpoint.callsOf('GetCostAndUsage').map((call) => call.body);
    expect(calls.map((body) => body.NextPageToken)).toEqual([undefined, 'page-1', 'page-2']);
    expect(calls[2]).toEqual({ ...calls[0], NextPageToken: 'page-2' });
    expect(capture.GetCostAndUsage.map((page) => page.ResultsByTime)).toEqual(
      pages.map((page) => page.ResultsByTime),
    );
  });

  it('counts every page as a request, reports each, and writes the count in Meta', async () => {
    await start({
      GetCostAndUsage: pagedBy('NextPageToken', [{ ResultsByTime: [] }, { ResultsByTime: [] }]),
      GetAnomalies: pagedBy('NextPageToken', [{ Anomalies: [] }, { Anomalies: [] }]),
    });
    const progress: PageProgress[] = [];

    const collected = await collectCapture(client, DEFAULT_SETTINGS, {
      asOf: ASOF,
      now,
      onPage: (page) => progress.push(page),
    });

    // 2 GetDimensionValues + 2 GetCostAndUsage + 2 GetAnomalies + 1 GetAnomalyMonitors
    expect(collected.requests).toBe(7);
    expect(endpoint.calls).toHaveLength(7);
    expect(collected.capture.Meta).toEqual({
      recordedAt: '2026-03-10T06:30:00.000Z',
      metric: 'UnblendedCost',
      requests: 7,
    });
    expect(progress.map((page) => [page.operation, page.page, page.requests])).toEqual([
      ['GetDimensionValues', 1, 1],
      ['GetDimensionValues', 2, 2],
      ['GetCostAndUsage', 1, 3],
      ['GetCostAndUsage', 2, 4],
      ['GetAnomalies', 1, 5],
      ['GetAnomalies', 2, 6],
      ['GetAnomalyMonitors', 1, 7],
    ]);
    expect(requestCostUsd(collected.requests)).toBe(0.07);
  });

  it('asks for anomalies of the window, and the monitors', async () => {
    await start();

    await collect();

    expect(endpoint.callsOf('GetAnomalies').map((call) => call.body)).toEqual([
      { DateInterval: { StartDate: '2026-01-09', EndDate: '2026-03-10' } },
    ]);
    expect(endpoint.callsOf('GetAnomalyMonitors').map((call) => call.body)).toEqual([{}]);
  });

  it('asks for anomalies no further back than the 90 days they are kept', async () => {
    await start();

    await collect({ lookbackDays: 120 });

    expect(endpoint.callsOf('GetAnomalies')[0]?.body).toEqual({
      DateInterval: { StartDate: '2025-12-10', EndDate: '2026-03-10' },
    });
  });

  it('makes no forecast request without a monthly budget', async () => {
    await start();

    const { capture } = await collect({ monthlyBudgetUsd: null });

    expect(endpoint.callsOf('GetCostForecast')).toHaveLength(0);
    expect(capture.GetCostForecast).toBeUndefined();
  });

  it.each([
    ['mid-month', '2026-03-10', '2026-04-01'],
    ['on the first of the month', '2026-03-01', '2026-04-01'],
    ['on the last day of the month', '2026-03-31', '2026-04-01'],
    ['on the last day of the year', '2026-12-31', '2027-01-01'],
  ])('forecasts from the run day to month end with a budget, %s', async (_when, asOf, end) => {
    await start();

    const { capture } = await collectCapture(
      client,
      { ...DEFAULT_SETTINGS, monthlyBudgetUsd: 500 },
      { asOf, now: () => new Date(`${asOf}T06:00:00Z`) },
    );

    expect(endpoint.callsOf('GetCostForecast').map((call) => call.body)).toEqual([
      {
        TimePeriod: { Start: asOf, End: end },
        Granularity: 'MONTHLY',
        Metric: 'UNBLENDED_COST',
        Filter: { And: [{ Dimensions: { Key: 'SERVICE', Values: WATCHED } }, NO_CREDITS] },
        PredictionIntervalLevel: 80,
      },
    ]);
    expect(capture.GetCostForecast?.Total).toEqual({ Amount: '310.25', Unit: 'USD' });
  });

  it('skips the forecast of a capture as of a past day, saying why', async () => {
    await start();

    const { capture, warnings } = await collect({ monthlyBudgetUsd: 500 }, '2026-03-05');

    expect(endpoint.callsOf('GetCostForecast')).toHaveLength(0);
    expect(capture.GetCostForecast).toBeUndefined();
    expect(warnings).toEqual([
      'Left out the forecast against the monthly budget: Cost Explorer forecasts from today ' +
        '(2026-03-10) on, and this collection is as of 2026-03-05.',
    ]);
  });

  it('goes on without a forecast when Cost Explorer has too little history for one', async () => {
    await start({
      GetCostForecast: () => ({
        error: {
          status: 400,
          type: 'DataUnavailableException',
          message: 'Insufficient amount of historical data to generate forecast.',
        },
      }),
    });

    const { capture, warnings } = await collect({ monthlyBudgetUsd: 500 });

    expect(capture.GetCostForecast).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringContaining(
        'Left out the forecast against the monthly budget: Cost Explorer has',
      ),
    ]);
  });

  it('asks for spend per linked account and per tag value only when configured', async () => {
    await start();

    const { capture } = await collect({ groupByLinkedAccount: true, tagKey: 'team' });

    const [, byAccount, byTag] = endpoint.callsOf('GetCostAndUsage').map((call) => call.body);
    const common = {
      TimePeriod: { Start: '2026-01-09', End: '2026-03-10' },
      Granularity: 'MONTHLY',
      Metrics: ['UnblendedCost'],
      Filter: { And: [{ Dimensions: { Key: 'SERVICE', Values: WATCHED } }, NO_CREDITS] },
    };
    expect(byAccount).toEqual({
      ...common,
      GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }],
    });
    expect(byTag).toEqual({ ...common, GroupBy: [{ Type: 'TAG', Key: 'team' }] });
    expect(capture.GetCostAndUsageByAccount).toHaveLength(1);
    expect(capture.GetCostAndUsageByTag).toHaveLength(1);
    expect(capture.Meta?.tagKey).toBe('team');
  });

  it('makes neither split query by default', async () => {
    await start();

    const { capture } = await collect();

    expect(endpoint.callsOf('GetCostAndUsage')).toHaveLength(1);
    expect(capture.GetCostAndUsageByAccount).toBeUndefined();
    expect(capture.GetCostAndUsageByTag).toBeUndefined();
  });

  it('retries a throttled request and then succeeds, counting only what was charged', async () => {
    await start();
    endpoint.failNext('GetCostAndUsage', limitExceeded, limitExceeded);

    const { capture, requests } = await collect();

    expect(endpoint.callsOf('GetCostAndUsage')).toHaveLength(3);
    expect(capture.GetCostAndUsage).toHaveLength(1);
    expect(requests).toBe(5);
  });

  it('gives up on throttling after the attempts of its budget, saying so', async () => {
    await start();
    endpoint.failNext('GetCostAndUsage', ...Array(4).fill(limitExceeded));

    const failure = collect();

    await expect(failure).rejects.toBeInstanceOf(CollectError);
    await expect(failure).rejects.toThrow(
      'Cost Explorer refused GetCostAndUsage as too many calls in a short period, ' +
        'still after 4 attempts (LimitExceededException)',
    );
    expect(endpoint.callsOf('GetCostAndUsage')).toHaveLength(4);
  });

  it('fails on a denied daily query, naming the action and the statement to add', async () => {
    await start({ GetCostAndUsage: () => ({ error: accessDenied('ce:GetCostAndUsage') }) });

    const error = await collect().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CollectError);
    expect((error as CollectError).message).toContain('Not allowed to call ce:GetCostAndUsage');
    expect((error as CollectError).message).toContain('"Action":["ce:GetDimensionValues"');
    expect((error as CollectError).cause).toMatchObject({ name: 'AccessDeniedException' });
    expect(endpoint.callsOf('GetCostAndUsage')).toHaveLength(1);
  });

  it('goes on without anomalies when denied, and says which action is missing', async () => {
    await start({ GetAnomalies: () => ({ error: accessDenied('ce:GetAnomalies') }) });

    const { capture, warnings } = await collect();

    expect(capture.GetAnomalies).toBeUndefined();
    expect(capture.GetAnomalyMonitors).toEqual([{ AnomalyMonitors: [] }]);
    expect(warnings).toEqual([
      expect.stringContaining(
        'Left out the anomalies of Cost Anomaly Detection: Not allowed to call ce:GetAnomalies',
      ),
    ]);
  });

  it('goes on with the fixed list of services when the names cannot be listed', async () => {
    await start({ GetDimensionValues: () => ({ error: accessDenied('ce:GetDimensionValues') }) });

    const { capture, warnings } = await collect();

    const filter = endpoint.callsOf('GetCostAndUsage')[0]?.body.Filter as {
      And: { Dimensions: { Values: string[] } }[];
    };
    expect(filter.And[0]?.Dimensions.Values).toEqual([...DEFAULT_WATCHED_SERVICES]);
    expect(capture.GetDimensionValues).toBeUndefined();
    expect(warnings[0]).toContain('Left out the model listings billed through Bedrock');
  });

  it('keeps the responses as the API sent them, without the SDK metadata', async () => {
    await start();

    const { capture } = await collect();

    expect(JSON.stringify(capture)).not.toContain('$metadata');
    expect(capture.GetCostAndUsage[0]?.ResultsByTime?.[0]?.Groups?.[0]).toEqual({
      Keys: ['Amazon Bedrock', 'USE1-NovaMicro-input-tokens'],
      Metrics: {
        UnblendedCost: { Amount: '1.5', Unit: 'USD' },
        UsageQuantity: { Amount: '42', Unit: 'N/A' },
      },
    });
  });

  it('clamps the look-back to the oldest day Cost Explorer keeps daily', async () => {
    await start();

    const { warnings } = await collect({ lookbackDays: 400 }, '2026-03-01');

    expect(endpoint.callsOf('GetCostAndUsage')[0]?.body.TimePeriod).toEqual({
      Start: '2025-02-01',
      End: '2026-03-01',
    });
    expect(warnings[0]).toBe(
      'lookback-days 400 reaches back to 2025-01-25, before 2025-02-01, the oldest day Cost ' +
        'Explorer keeps at daily granularity; reading from 2025-02-01 instead.',
    );
  });

  it.each([
    ['2026-3-10', 'is not a day written YYYY-MM-DD'],
    ['2026-02-30', 'is not a day written YYYY-MM-DD'],
    ['2026-03-12', 'is after today (2026-03-10, UTC)'],
  ])('refuses the as-of date %p before making any request', async (asOf, message) => {
    await start();

    await expect(collect({}, asOf)).rejects.toThrow(message);
    expect(endpoint.calls).toHaveLength(0);
  });

  it('refuses to run when every service is excluded', async () => {
    await start({ GetDimensionValues: pagedBy('NextPageToken', [{ DimensionValues: [] }]) });

    await expect(collect({ excludedServices: [...DEFAULT_WATCHED_SERVICES] })).rejects.toThrow(
      'No service is left to watch',
    );
    expect(endpoint.callsOf('GetCostAndUsage')).toHaveLength(0);
  });

  describe('with the spend logged as it comes (the daily run)', () => {
    const splitDays = [
      {
        ResultsByTime: [
          dayResult('2026-03-07', '2026-03-08', [bedrock('USE1-a', '1'), bedrock('USE1-b', '2')]),
        ],
      },
      {
        ResultsByTime: [
          dayResult('2026-03-07', '2026-03-08', [bedrock('USE1-c', '3')]),
          dayResult('2026-03-08', '2026-03-09', [bedrock('USE1-a', '4')], true),
        ],
      },
    ];

    it('holds no spend pages, and gives the history the pages would have', async () => {
      await start({ GetCostAndUsage: pagedBy('NextPageToken', splitDays) });
      const options = { asOf: ASOF, now };

      const logged = await collectLoggedCapture(client, DEFAULT_SETTINGS, options);
      const kept = await collectCapture(client, DEFAULT_SETTINGS, options);

      expect('GetCostAndUsage' in logged.capture).toBe(false);
      expect(logged.capture.spendLog.pages).toBe(2);
      expect(logged.requests).toBe(kept.requests);
      const historyOf = (capture: Parameters<typeof buildHistory>[0]) =>
        buildHistory(capture, { settings: DEFAULT_SETTINGS, asOf: ASOF }).history;
      const history = historyOf(logged.capture);
      expect(history).toEqual(historyOf(kept.capture));
      expect(history.meters.map((series) => series.meter.usageType)).toEqual([
        'USE1-a',
        'USE1-b',
        'USE1-c',
      ]);
    });

    it('stops at a page that is not daily spend per meter, naming the page', async () => {
      const [first] = splitDays;
      const bad = { ResultsByTime: [dayResult('2026-03-08', '2026-03-09', [bedrock('x', 'n/a')])] };
      await start({ GetCostAndUsage: pagedBy('NextPageToken', [first ?? {}, bad, first ?? {}]) });

      const collecting = collectLoggedCapture(client, DEFAULT_SETTINGS, { asOf: ASOF, now });

      await expect(collecting).rejects.toThrow(CaptureError);
      await expect(collecting).rejects.toThrow(
        'GetCostAndUsage page 2: ResultsByTime[0].Groups[0].Metrics.UnblendedCost.Amount is "n/a"',
      );
      expect(endpoint.callsOf('GetCostAndUsage')).toHaveLength(2);
    });
  });
});
