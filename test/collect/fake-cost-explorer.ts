import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { createCostExplorerClient } from '../../lambda/collect/client';
import { LocalAwsJsonEndpoint, type Reply, type Responder } from '../endpoints/aws-json-endpoint';

/** Dummy keys: the local endpoint checks nothing, but the SDK signs every request. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' };

/** Retries without waiting, so throttling tests take milliseconds. */
export const FAST_BUDGET = { baseDelayMs: 1, maxDelayMs: 5 };

export type Group = { service: string; usageType: string; cost: string; usage: string };

/** One `ResultsByTime` entry of a DAILY query grouped by SERVICE and USAGE_TYPE. */
export function dayResult(day: string, next: string, groups: Group[], estimated = false) {
  return {
    TimePeriod: { Start: day, End: next },
    Total: {},
    Groups: groups.map((group) => ({
      Keys: [group.service, group.usageType],
      Metrics: {
        UnblendedCost: { Amount: group.cost, Unit: 'USD' },
        UsageQuantity: { Amount: group.usage, Unit: 'N/A' },
      },
    })),
    Estimated: estimated,
  };
}

/** Serves `pages` in order; page n carries the token `page-n+1` while more follow. */
export function pagedBy(tokenField: string, pages: readonly Record<string, unknown>[]): Responder {
  return (body): Reply => {
    const token = body[tokenField];
    const index = typeof token === 'string' ? Number(token.replace('page-', '')) : 0;
    const more = index + 1 < pages.length ? { [tokenField]: `page-${index + 1}` } : {};
    return { body: { ...(pages[index] ?? {}), ...more } };
  };
}

export const SERVICE_NAMES = [
  'Amazon Bedrock',
  'Amazon Simple Storage Service',
  'Claude 3.5 Sonnet (Amazon Bedrock Edition)',
  'Claude 3 Haiku (Amazon Bedrock Edition)',
  'AWS Lambda',
];

/** Answers for every operation a collection makes, each overridable. */
export function defaultResponders(overrides: Record<string, Responder> = {}) {
  const dimensionValues = (names: string[]) => ({
    DimensionValues: names.map((Value) => ({ Value, Attributes: {} })),
    ReturnSize: names.length,
    TotalSize: SERVICE_NAMES.length,
  });
  return {
    GetDimensionValues: pagedBy('NextPageToken', [
      dimensionValues(SERVICE_NAMES.slice(0, 3)),
      dimensionValues(SERVICE_NAMES.slice(3)),
    ]),
    GetCostAndUsage: pagedBy('NextPageToken', [
      {
        GroupDefinitions: [
          { Type: 'DIMENSION', Key: 'SERVICE' },
          { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
        ],
        ResultsByTime: [
          dayResult('2026-03-01', '2026-03-02', [
            {
              service: 'Amazon Bedrock',
              usageType: 'USE1-NovaMicro-input-tokens',
              cost: '1.5',
              usage: '42',
            },
          ]),
        ],
      },
    ]),
    GetAnomalies: pagedBy('NextPageToken', [{ Anomalies: [] }]),
    GetAnomalyMonitors: pagedBy('NextPageToken', [{ AnomalyMonitors: [] }]),
    GetCostForecast: () => ({
      body: {
        Total: { Amount: '310.25', Unit: 'USD' },
        ForecastResultsByTime: [],
      },
    }),
    ...overrides,
  } satisfies Record<string, Responder>;
}

/** A local Cost Explorer and a real SDK client pointed at it. */
export async function startCostExplorer(
  overrides: Record<string, Responder> = {},
): Promise<{ endpoint: LocalAwsJsonEndpoint; client: CostExplorerClient }> {
  const endpoint = await LocalAwsJsonEndpoint.start(defaultResponders(overrides));
  const client = createCostExplorerClient({
    endpoint: endpoint.url,
    credentials: TEST_CREDENTIALS,
    budget: FAST_BUDGET,
  });
  return { endpoint, client };
}
