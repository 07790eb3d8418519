import { loadLiveCapture, progressLine } from '../../bin/commands/live-source';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import { defaultResponders } from '../collect/fake-cost-explorer';
import { LocalAwsJsonEndpoint } from '../endpoints/aws-json-endpoint';
import { bufferIo } from './buffer-io';
import { isolateAwsEnv, TEST_KEYS } from './live-io';

describe('loadLiveCapture', () => {
  let costExplorer: LocalAwsJsonEndpoint;
  let env: ReturnType<typeof isolateAwsEnv>;

  beforeEach(async () => {
    costExplorer = await LocalAwsJsonEndpoint.start(defaultResponders());
    env = isolateAwsEnv({ ...TEST_KEYS, AWS_ENDPOINT_URL_COST_EXPLORER: costExplorer.url });
  });
  afterEach(async () => {
    env.restore();
    await costExplorer.close();
  });

  it('collects as of today by the command clock, with --days over the settings', async () => {
    const { io } = bufferIo({ now: new Date('2026-03-20T23:59:00Z') });

    const live = await loadLiveCapture({ settings: DEFAULT_SETTINGS, days: 28 }, io);

    expect(live.asOf).toBe('2026-03-20');
    expect(live.settings.lookbackDays).toBe(28);
    expect(costExplorer.callsOf('GetCostAndUsage')[0]?.body.TimePeriod).toEqual({
      Start: '2026-02-20',
      End: '2026-03-20',
    });
    expect({ requests: live.requests, costUsd: live.costUsd }).toEqual({
      requests: 5,
      costUsd: 0.05,
    });
  });

  it('signs in us-east-1, where Cost Explorer answers, whatever AWS_REGION says', async () => {
    process.env.AWS_REGION = 'ap-southeast-2';
    const { io } = bufferIo();

    await loadLiveCapture({ settings: DEFAULT_SETTINGS }, io);

    expect(String(costExplorer.calls[0]?.headers.authorization)).toContain(
      '/us-east-1/ce/aws4_request',
    );
  });
});

describe('progressLine', () => {
  it.each([
    [1, 'page 1 (1 request so far)'],
    [3, 'page 1 (3 requests so far)'],
  ])('words progress after %p requests', (requests, words) => {
    const line = progressLine({ operation: 'GetAnomalies', query: 'anomalies', page: 1, requests });

    expect(line).toBe(`Cost Explorer GetAnomalies, anomalies: ${words}`);
  });
});
