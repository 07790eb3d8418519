import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { GetCostAndUsageResponse } from '@aws-sdk/client-cost-explorer';
import { DEFAULT_FUNCTION_MEMORY_MB } from '../lib/watchdog-function';
import { LocalAwsJsonEndpoint } from '../test/endpoints/aws-json-endpoint';
import { syntheticPages } from './synthetic-capture';

const METERS = 50_000;
const DAYS = 90;
const LAST_DAY = '2026-03-19';
const RUN_DATE = '2026-03-20';

type Measured = {
  readonly collectMs: number;
  readonly pipelineMs: number;
  readonly requests: number;
  readonly meters: number;
  readonly findings: number;
  readonly maxRssMb: number;
};

/**
 * Prints what the daily run costs on the widest account measured: the
 * function's own collection and core, in a process of their own, reading
 * the 50,000-meter capture page by page from a local Cost Explorer in this
 * process, as the deployed function reads it from the real one.
 */
export async function benchFunctionPath(write: (text: string) => void): Promise<void> {
  const spend = [
    ...syntheticPages({
      meters: METERS,
      days: DAYS,
      density: 'long-tail',
      seed: 42,
      lastDay: LAST_DAY,
    }),
  ];
  const services = new Set(spend.flatMap(servicesOf));
  const pageOf = (token: unknown) =>
    token === undefined ? 0 : spend.findIndex((page) => page.NextPageToken === token) + 1;
  const endpoint = await LocalAwsJsonEndpoint.start({
    GetDimensionValues: () => ({
      body: { DimensionValues: [...services].map((Value) => ({ Value })) },
    }),
    GetCostAndUsage: (body) => ({ body: spend[pageOf(body.NextPageToken)] }),
    GetAnomalies: () => ({ body: { Anomalies: [] } }),
    GetAnomalyMonitors: () => ({ body: { AnomalyMonitors: [] } }),
  });

  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--require', 'tsx/cjs', join(__dirname, 'measure-function.ts'), endpoint.url, RUN_DATE],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 },
    );
    const measured = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Measured;
    const fits = measured.maxRssMb < DEFAULT_FUNCTION_MEMORY_MB ? 'fits' : 'DOES NOT FIT';
    write(
      [
        `The daily run on ${METERS.toLocaleString('en-US')} meters x ${DAYS} days ` +
          `(${spend.length} pages from a local Cost Explorer, each logged as it arrives)`,
        `  collect ${ms(measured.collectMs)} (${measured.requests} requests), detection ` +
          `${ms(measured.pipelineMs)}; peak RSS ${Math.round(measured.maxRssMb)} MB ` +
          `(${fits} the function's default ${DEFAULT_FUNCTION_MEMORY_MB} MB); ` +
          `${measured.meters.toLocaleString('en-US')} meters, ${measured.findings} findings`,
        '',
        '',
      ].join('\n'),
    );
  } finally {
    await endpoint.close();
  }
}

function servicesOf(page: GetCostAndUsageResponse): string[] {
  return (page.ResultsByTime ?? []).flatMap((result) =>
    (result.Groups ?? []).map((group) => group.Keys?.[0] ?? ''),
  );
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
