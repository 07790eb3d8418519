/**
 * Measures the series step on a large synthetic capture and prints the
 * figures:
 *
 *   node --expose-gc --import tsx bench/series.ts [meters] [days] [groupsPerPage]
 *
 * Pages are made as JSON text and parsed one by one, so that every string
 * is a fresh one, as the AWS SDK hands them over. buildHistory and the
 * capture check run on those in-memory pages (the live path); readCapture
 * runs end to end on the JSON text of a tenth of the meters, since text for
 * millions of groups is larger than a JavaScript string can be.
 */
import { loadavg } from 'node:os';
import type { GetCostAndUsageResponse } from '@aws-sdk/client-cost-explorer';
import { checkCapture } from '../lambda/series/check-capture';
import { buildHistory } from '../lambda/series/history';
import { readCapture } from '../lambda/series/read-capture';
import { DEFAULT_SETTINGS } from '../lambda/settings/defaults';

const SERVICES = [
  'Amazon Bedrock',
  'Amazon SageMaker',
  'Claude 3.5 Sonnet (Amazon Bedrock Edition)',
];
const MODELS = ['NovaMicro', 'NovaPro', 'Claude4Sonnet', 'Llama3-1-70B', 'deepseek.v3.2'];
const CHARGES = [
  'input-tokens',
  'output-tokens',
  'input-tokens-batch',
  'cache-read-input-token-count',
];
const REGIONS = ['USE1', 'USW2', 'EUC1', 'APN1'];
const RUNS = 5;

function usageTypeOf(meter: number): string {
  const region = REGIONS[meter % REGIONS.length];
  const model = MODELS[Math.floor(meter / 7) % MODELS.length];
  const charge = CHARGES[Math.floor(meter / 3) % CHARGES.length];
  return `${region}-${model}-${charge}-${meter}`;
}

function dayAt(index: number): string {
  return new Date(Date.UTC(2026, 0, 1 + index)).toISOString().slice(0, 10);
}

function groupText(meter: number, day: number): string {
  const keys = JSON.stringify([SERVICES[meter % SERVICES.length], usageTypeOf(meter)]);
  const cost = ((meter % 997) * 0.7310001 + day).toFixed(10);
  const usage = ((meter % 89) * 13.5 + day).toFixed(4);
  return (
    `{"Keys":${keys},"Metrics":{"UnblendedCost":{"Amount":"${cost}","Unit":"USD"},` +
    `"UsageQuantity":{"Amount":"${usage}","Unit":"Units"}}}`
  );
}

/** Pages of at most `perPage` groups as `aws ce` writes them, so most days split across pages. */
function* pageTexts(meters: number, days: number, perPage: number): Generator<string> {
  let results: string[] = [];
  let groups: string[] = [];
  const closeResult = (day: number) => {
    const period = `{"Start":"${dayAt(day)}","End":"${dayAt(day + 1)}"}`;
    const estimated = day === days - 1;
    results.push(
      `{"TimePeriod":${period},"Total":{},"Groups":[${groups.join(',')}],"Estimated":${estimated}}`,
    );
    groups = [];
  };
  const closePage = () => {
    const page = `{"ResultsByTime":[${results.join(',')}],"DimensionValueAttributes":[]}`;
    results = [];
    return page;
  };

  let inPage = 0;
  for (let day = 0; day < days; day++) {
    for (let meter = 0; meter < meters; meter++) {
      groups.push(groupText(meter, day));
      inPage++;
      if (inPage === perPage) {
        closeResult(day);
        yield closePage();
        inPage = 0;
      }
    }
    if (groups.length > 0) closeResult(day);
  }
  if (results.length > 0) yield closePage();
}

/** Wall time and CPU time of one run; CPU time stays honest on a busy machine. */
type Timing = { readonly wall: number; readonly cpu: number };

function timed(run: () => unknown): Timing {
  global.gc?.();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1e3 };
}

function figures(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  return `min ${(sorted[0] as number).toFixed(0)} ms, median ${median.toFixed(0)} ms`;
}

function summary(runs: readonly Timing[]): string {
  const wall = figures(runs.map((run) => run.wall));
  const cpu = figures(runs.map((run) => run.cpu));
  return `${runs.length} runs: wall ${wall}; cpu ${cpu}`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function heapUsed(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

function main(): void {
  const [meters = 50_000, days = 90, perPage = 5_000] = process.argv.slice(2).map(Number);
  if (global.gc === undefined) console.log('note: run with node --expose-gc for steadier figures');
  console.log(
    `load average at start: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );

  const before = heapUsed();
  const pages = Array.from(
    pageTexts(meters, days, perPage),
    (text) => JSON.parse(text) as GetCostAndUsageResponse,
  );
  const capture = { GetCostAndUsage: pages };
  const groups = meters * days;
  const size = mb(heapUsed() - before);
  console.log(
    `capture: ${meters} meters x ${days} days = ${groups} groups in ${pages.length} pages`,
  );
  console.log(`capture heap: ${size}`);

  const checks = Array.from({ length: RUNS }, () => timed(() => checkCapture(capture, 'bench')));
  console.log(`checkCapture: ${summary(checks)}`);

  const builds = Array.from({ length: RUNS }, () =>
    timed(() => buildHistory(capture, { settings: DEFAULT_SETTINGS })),
  );
  console.log(`buildHistory: ${summary(builds)}`);

  const withoutHistory = heapUsed();
  const { history } = buildHistory(capture, { settings: DEFAULT_SETTINGS });
  console.log(
    `history: ${history.meters.length} meters, ${mb(heapUsed() - withoutHistory)} of heap`,
  );

  const tenth = Math.ceil(meters / 10);
  const text = `{"GetCostAndUsage":[${[...pageTexts(tenth, days, perPage)].join(',')}]}`;
  const reads = Array.from({ length: 3 }, () => timed(() => readCapture(text, 'bench.json')));
  console.log(`readCapture: ${tenth * days} groups, ${mb(text.length)} of JSON: ${summary(reads)}`);
  console.log(
    `load average at end: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
}

main();
