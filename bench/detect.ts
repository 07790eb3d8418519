/**
 * Measures detectAll on a large synthetic history and prints the figures.
 *
 *   npx tsx bench/detect.ts [meters] [days]
 *
 * Two shapes: `realistic` (daily spend spread from cents to hundreds of
 * dollars, most meters too small to alert) and `all-large` (every meter
 * large enough to be judged in full, the worst case for the spike baseline).
 */
import { performance } from 'node:perf_hooks';
import { DETECTORS, detectAll } from '../lambda/detect/index';
import { serviceKind } from '../lambda/series/services';
import type { MeterSeries, SpendHistory } from '../lambda/series/types';
import { parseUsageType } from '../lambda/series/usage-type';
import { DEFAULT_SETTINGS } from '../lambda/settings/defaults';

const meterCount = Number(process.argv[2] ?? 50_000);
const dayCount = Number(process.argv[3] ?? 90);
const RUNS = 5;

const TEMPLATES = [
  ['Amazon Bedrock', 'USE1-NovaPro-input-tokens'],
  ['Amazon Bedrock', 'USE1-NovaPro-output-tokens'],
  ['Amazon Bedrock', 'EU-NovaLite-input-tokens'],
  ['Amazon Bedrock', 'USW2-Claude4.6Sonnet-cache-read-input-token-count'],
  ['Claude Opus 4 (Amazon Bedrock Edition)', 'USE1-MP:USE1_InputTokenCount-Units'],
  ['Claude 3 Haiku (Amazon Bedrock Edition)', 'USE1-MP:USE1_OutputTokenCount-Units'],
  ['Amazon Bedrock', 'USE1-NovaPro-ProvisionedThroughput-NoCommit-ModelUnits'],
  ['Amazon SageMaker', 'USE1-Host:ml.g5.12xlarge'],
  ['Amazon OpenSearch Service', 'USE1-TimedStorage-ByteHrs'],
] as const;

/** A small seeded generator, so every run measures the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function days(count: number): string[] {
  const start = Date.UTC(2025, 0, 6);
  return Array.from({ length: count }, (_, index) =>
    new Date(start + index * 86_400_000).toISOString().slice(0, 10),
  );
}

function buildHistory(shape: 'realistic' | 'all-large'): SpendHistory {
  const next = random(42);
  const dayList = days(dayCount);
  const meters: MeterSeries[] = [];

  for (let index = 0; index < meterCount; index++) {
    const [service, template] = TEMPLATES[index % TEMPLATES.length] as readonly [string, string];
    const usageType = `${template}-${index}`;
    const info = { ...parseUsageType(service, template), raw: usageType };
    const scale = shape === 'all-large' ? 20 + next() * 500 : 10 ** (next() * 5 - 2);
    const cost = new Array<number>(dayCount);
    const usage = new Array<number>(dayCount);
    for (let day = 0; day < dayCount; day++) {
      const weekend = day % 7 >= 5 ? 0.4 : 1;
      const spike = next() < 0.002 ? 5 : 1;
      cost[day] = scale * weekend * spike * (0.85 + next() * 0.3);
      usage[day] = (cost[day] as number) * 1000;
    }
    const meter = { key: `${service}|${usageType}`, service, usageType, info };
    meters.push({
      meter: { ...meter, serviceKind: serviceKind(service) },
      cost,
      usage,
      usageUnit: 'Units',
    });
  }

  return {
    asOf: days(dayCount + 1)[dayCount] as string,
    days: dayList,
    estimated: dayList.map((_, index) => index >= dayCount - 2),
    metric: 'UnblendedCost',
    currency: 'USD',
    meters,
    anomalies: [],
    monitorCount: 0,
    forecast: null,
    tags: null,
    accounts: null,
  };
}

function timeOf(run: () => unknown): { median: number; best: number } {
  const times: number[] = [];
  for (let attempt = 0; attempt < RUNS; attempt++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)] as number, best: times[0] as number };
}

for (const shape of ['realistic', 'all-large'] as const) {
  const history = buildHistory(shape);
  detectAll(history, DEFAULT_SETTINGS);

  const findings = detectAll(history, DEFAULT_SETTINGS);
  const total = timeOf(() => detectAll(history, DEFAULT_SETTINGS));
  const heapMb = process.memoryUsage().heapUsed / 1_048_576;

  console.log(`${shape}: ${meterCount} meters x ${dayCount} days`);
  console.log(
    `  detectAll  median ${total.median.toFixed(0)} ms, best ${total.best.toFixed(0)} ms, ` +
      `${findings.length} findings, heap in use ${heapMb.toFixed(0)} MB (history included)`,
  );
  for (const detector of DETECTORS) {
    const time = timeOf(() => detector(history, DEFAULT_SETTINGS));
    console.log(`  ${detector.name.padEnd(22)} median ${time.median.toFixed(0)} ms`);
  }
}
