import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { benchBundle } from './bundle';
import { benchCollectRequests } from './collect-requests';
import { type Density, writeSyntheticCapture } from './synthetic-capture';

type Case = { readonly meters: number; readonly density: Density };

/** The growth of the scan with the number of meters, and the dense upper bound at 10,000. */
const CASES: readonly Case[] = [
  { meters: 1_000, density: 'long-tail' },
  { meters: 10_000, density: 'long-tail' },
  { meters: 50_000, density: 'long-tail' },
  { meters: 10_000, density: 'every-day' },
];
const DAYS = 90;
const WORK_DIR = join(__dirname, '..', '.bench');
/** A case that takes longer is reported as not finished, so the run always ends. */
const CASE_TIMEOUT_MS = Number(process.env.BENCH_CASE_TIMEOUT_S ?? 300) * 1000;

type Measured = {
  readonly timings: Record<string, number>;
  readonly findings: number;
  readonly meters: number;
  readonly maxRssMb: number;
  readonly heapPeakMb: number;
};

/** A case that finished, with its scan time. */
type CaseResult = {
  readonly benchCase: Case;
  readonly scanMs: number;
  readonly measured: Measured;
};

function runCase(benchCase: Case): CaseResult | null {
  const path = join(WORK_DIR, `capture-${benchCase.meters}-${benchCase.density}.json`);
  const { groups } = writeSyntheticCapture(path, {
    meters: benchCase.meters,
    days: DAYS,
    density: benchCase.density,
    seed: 42,
    lastDay: '2026-03-19',
  });
  const sizeMb = statSync(path).size / 1024 / 1024;
  const heading =
    `${benchCase.meters.toLocaleString('en-US')} meters x ${DAYS} days (${benchCase.density}): ` +
    `${groups.toLocaleString('en-US')} meter-days, ${sizeMb.toFixed(1)} MB of JSON`;

  const measured = measureInChild(path);
  if (typeof measured === 'string') {
    process.stdout.write(`${heading}\n  ${measured}\n\n`);
    return null;
  }
  print(heading, measured);
  return { benchCase, scanMs: scanMsOf(measured), measured };
}

function scanMsOf(measured: Measured): number {
  return (measured.timings.readCapture ?? 0) + (measured.timings.runPipeline ?? 0);
}

/** How time and memory grow with the meters of the long-tail cases, and the 50,000 target. */
function printGrowth(results: readonly (CaseResult | null)[]): void {
  const tail = results.filter(
    (result): result is CaseResult => result?.benchCase.density === 'long-tail',
  );
  const lines = tail.slice(1).map((result, index) => {
    const before = tail[index] as CaseResult;
    const meters = result.benchCase.meters / before.benchCase.meters;
    const time = result.scanMs / before.scanMs;
    const rss = result.measured.maxRssMb / before.measured.maxRssMb;
    return (
      `  ${before.benchCase.meters.toLocaleString('en-US')} -> ` +
      `${result.benchCase.meters.toLocaleString('en-US')} meters (${meters}x): ` +
      `time ${time.toFixed(1)}x, peak RSS ${rss.toFixed(1)}x (linear: ${meters}x)`
    );
  });
  const largest = tail.at(-1);
  if (largest === undefined) return;
  const slowest = Object.entries(largest.measured.timings)
    .filter(([stage]) => stage !== 'readCapture' && stage !== 'runPipeline')
    .sort((a, b) => b[1] - a[1])[0];
  const meetsTime = largest.scanMs < 2_000 ? 'met' : 'MISSED';
  const meetsMemory = largest.measured.maxRssMb < 500 ? 'met' : 'MISSED';
  process.stdout.write(
    [
      'Growth of the scan with the meters (long tail, the cases that finished):',
      ...lines,
      `  ${largest.benchCase.meters.toLocaleString('en-US')} meters: ${ms(largest.scanMs)} ` +
        `(target under 2 s: ${meetsTime}), peak RSS ${mb(largest.measured.maxRssMb)} ` +
        `(target under 500 MB: ${meetsMemory}); slowest stage ${slowest?.[0]} ` +
        `${ms(slowest?.[1] ?? 0)}`,
      '',
      '',
    ].join('\n'),
  );
}

/** Scans the capture in a child process, so its peak memory is the scan's alone. */
function measureInChild(path: string): Measured | string {
  try {
    const output = execFileSync(
      process.execPath,
      ['--require', 'tsx/cjs', join(__dirname, 'measure-scan.ts'), path],
      { encoding: 'utf8', maxBuffer: 1024 * 1024, timeout: CASE_TIMEOUT_MS },
    );
    return JSON.parse(output.trim().split('\n').pop() ?? '{}') as Measured;
  } catch (error) {
    const timedOut = (error as { code?: string }).code === 'ETIMEDOUT';
    return `${timedOut ? 'did not finish' : 'failed'} within ${CASE_TIMEOUT_MS / 1000} s`;
  } finally {
    // The captures run to hundreds of megabytes: keep none of them.
    rmSync(path, { force: true });
  }
}

function print(heading: string, measured: Measured): void {
  const t = measured.timings;
  const scanMs = scanMsOf(measured);
  process.stdout.write(
    [
      heading,
      `  readCapture + runPipeline  ${ms(scanMs)}   peak RSS ${mb(measured.maxRssMb)}, ` +
        `peak heap ${mb(measured.heapPeakMb)}; ${measured.findings} findings`,
      `  stages, measured again one by one: ${Object.entries(t)
        .map(([stage, value]) => `${stage} ${ms(value)}`)
        .join(', ')}`,
      '',
    ].join('\n'),
  );
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const mb = (value: number) => `${Math.round(value)} MB`;

async function main(): Promise<void> {
  mkdirSync(WORK_DIR, { recursive: true });
  process.stdout.write(
    `Scan benchmark on Node ${process.version} ` +
      '(targets: 50,000 meters well under 2 s and 500 MB)\n\n',
  );
  printGrowth(CASES.map(runCase));
  rmSync(WORK_DIR, { recursive: true, force: true });

  const write = (text: string) => process.stdout.write(text);
  await benchCollectRequests(write);
  await benchBundle(write);
}

void main();
