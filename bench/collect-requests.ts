import type { GetCostAndUsageResponse } from '@aws-sdk/client-cost-explorer';
import { createCostExplorerClient } from '../lambda/collect/client';
import { collectCapture, requestCostUsd } from '../lambda/collect/cost-explorer';
import { DEFAULT_SETTINGS } from '../lambda/settings/defaults';
import { costAndUsagePages, type DailyGroup } from '../samples/cost-explorer-pages';
import { daysEndingOn } from '../samples/dates';
import { LocalAwsJsonEndpoint } from '../test/endpoints/aws-json-endpoint';
import { TEST_CREDENTIALS } from '../test/endpoints/dynalite';

const AS_OF = '2026-03-20';
const PAGE_COUNTS = [1, 10, 100] as const;
const METERS = 50;
const RUNS_A_MONTH = 30;
/** The queries besides the spend pages: service names, anomalies, monitors. */
const FIXED_OPERATIONS = ['GetDimensionValues', 'GetAnomalies', 'GetAnomalyMonitors'] as const;

/**
 * The spend of `METERS` meters over the default 60-day window, in exactly
 * `pages` pages, as Cost Explorer splits a large grouped answer.
 */
function spendPages(pages: number): GetCostAndUsageResponse[] {
  const days = daysEndingOn('2026-03-19', DEFAULT_SETTINGS.lookbackDays);
  const groups: DailyGroup[] = Array.from({ length: METERS }, (_, index) => ({
    keys: ['Amazon Bedrock', `USE1-Model${index}-input-tokens`],
    unit: 'Units',
    cost: days.map(() => 10 + index),
    usage: days.map(() => 1_000),
  }));
  const groupsPerPage = Math.ceil((days.length * METERS) / pages);
  return [...costAndUsagePages({ days, groups, estimatedDays: 2, groupsPerPage })];
}

async function countRequests(pages: number): Promise<{ requests: number; calls: number }> {
  const spend = spendPages(pages);
  const pageOf = (token: unknown) =>
    token === undefined ? 0 : spend.findIndex((page) => page.NextPageToken === token) + 1;
  const endpoint = await LocalAwsJsonEndpoint.start({
    GetDimensionValues: () => ({
      body: { DimensionValues: [{ Value: 'Amazon Bedrock' }], ReturnSize: 1, TotalSize: 1 },
    }),
    GetCostAndUsage: (body) => ({ body: spend[pageOf(body.NextPageToken)] }),
    GetAnomalies: () => ({ body: { Anomalies: [] } }),
    GetAnomalyMonitors: () => ({ body: { AnomalyMonitors: [] } }),
  });
  try {
    const client = createCostExplorerClient({
      endpoint: endpoint.url,
      credentials: TEST_CREDENTIALS,
    });
    const { requests } = await collectCapture(client, DEFAULT_SETTINGS, {
      asOf: AS_OF,
      now: () => new Date(`${AS_OF}T09:00:00Z`),
    });
    client.destroy();
    if (spend.length !== pages) throw new Error(`Made ${spend.length} pages, not ${pages}.`);
    return { requests, calls: endpoint.calls.length };
  } finally {
    await endpoint.close();
  }
}

/**
 * Prints the Cost Explorer requests one run makes with the real collection
 * code against a local Cost Explorer, for 1, 10 and 100 pages of spend,
 * against the least it could make: one request per page of spend, and one
 * each for the service names, the anomalies and the monitors.
 */
export async function benchCollectRequests(write: (text: string) => void): Promise<void> {
  write(
    'Cost Explorer requests per run: collectCapture, default settings, a local Cost Explorer\n' +
      `  (target: pages + 2 or 3; the least possible is pages + ${FIXED_OPERATIONS.length}: ` +
      `${FIXED_OPERATIONS.join(', ')})\n`,
  );
  for (const pages of PAGE_COUNTS) {
    const { requests, calls } = await countRequests(pages);
    const label = `${pages} ${pages === 1 ? 'page' : 'pages'} of spend:`.padEnd(20);
    write(
      `  ${label}${String(requests).padStart(4)} requests = ${pages} + ${requests - pages}; ` +
        `${calls} received; $${requestCostUsd(requests).toFixed(2)} a run, ` +
        `$${requestCostUsd(requests * RUNS_A_MONTH).toFixed(2)} a month of daily runs\n`,
    );
  }
  write('\n');
}
