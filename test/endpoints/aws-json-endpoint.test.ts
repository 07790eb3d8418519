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

  it('fails only the calls whose request matches, and answers the others', async () => {
    // Prepare
    const invalidToken = { status: 400, type: 'InvalidNextTokenException', message: 'bad token' };
    endpoint.failNextWhere('GetCostAndUsage', (body) => body.NextPageToken === 'p2', invalidToken);
    const query = (token?: string) =>
      client().send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: '2026-01-01', End: '2026-01-02' },
          Granularity: 'DAILY',
          Metrics: ['UnblendedCost'],
          NextPageToken: token,
        }),
      );

    // Act
    const first = await query();
    const refused = query('p2');
    await expect(refused).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    const again = await query('p2');

    // Assess
    expect([first.ResultsByTime, again.ResultsByTime]).toEqual([[], []]);
    expect(endpoint.callsOf('GetCostAndUsage')).toHaveLength(3);
  });
});
