import { CostExplorerClient, GetCostAndUsageCommand } from '@aws-sdk/client-cost-explorer';
import { LocalAwsJsonEndpoint, limitExceeded } from './aws-json-endpoint';

describe('LocalAwsJsonEndpoint', () => {
  let endpoint: LocalAwsJsonEndpoint;
  const client = () =>
    new CostExplorerClient({
      region: 'us-east-1',
      endpoint: endpoint.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 3,
      retryStrategy: undefined,
    });

  beforeEach(async () => {
    endpoint = await LocalAwsJsonEndpoint.start({
      GetCostAndUsage: () => ({ body: { ResultsByTime: [], GroupDefinitions: [] } }),
    });
  });
  afterEach(() => endpoint.close());

  it('answers the real SDK client and keeps the request', async () => {
    const response = await client().send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: '2026-01-01', End: '2026-01-02' },
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost'],
      }),
    );
    expect(response.ResultsByTime).toEqual([]);
    expect(endpoint.callsOf('GetCostAndUsage')[0]?.body).toMatchObject({ Granularity: 'DAILY' });
  });

  it('fails the next call with the error it was told, which the SDK retries', async () => {
    endpoint.failNext('GetCostAndUsage', limitExceeded);
    await client().send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: '2026-01-01', End: '2026-01-02' },
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost'],
      }),
    );
    expect(endpoint.callsOf('GetCostAndUsage')).toHaveLength(2);
  });
});
