import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { benchBundle } from './bundle';
import { benchCollectRequests } from './collect-requests';
import { benchFunctionPath } from './function-path';
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

/** Runs of each case; the median one is reported, as one run on a shared machine can stall. */
const RUNS = 3;

type Measured = {
  readonly timings: Record<string, number>;
  readonly findings: number;
  readonly meters: number;
  readonly maxRssMb: number;
  readonly heapPeakMb: number;
};

/** A case that finished: its median run, by the time of the whole scan. */
type CaseResult = {
  readonly benchCase: Case;
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

  try {
    const runs: Measured[] = [];
    for (let run = 0; run < RUNS; run++) {
      const measured = measureInChild(path);
      if (typeof measured === 'string') {
        process.stdout.write(`${heading}\n  ${measured}\n\n`);
        return null;
      }
      runs.push(measured);
    }
    const median = runs.sort((a, b) => scanMs(a) - scanMs(b))[Math.floor(RUNS / 2)] as Measured;
    print(heading, median, runs);
    return { benchCase, measured: median };
  } finally {
    // The captures run to hundreds of megabytes: keep none of them.
    rmSync(path, { force: true });
  }
}

const readMs = (measured: Measured) => measured.timings.read ?? 0;
const detectMs = (measured: Measured) => measured.timings.detect ?? 0;
const scanMs = (measured: Measured) => readMs(measured) + detectMs(measured);

/** How time and memory grow with the meters of the long-tail cases, and the 50,000 targets. */
function printGrowth(results: readonly (CaseResult | null)[]): void {
  const tail = results.filter(
    (result): result is CaseResult => result?.benchCase.density === 'long-tail',
  );
  const lines = tail.slice(1).map((result, index) => {
    const before = tail[index] as CaseResult;
    const meters = result.benchCase.meters / before.benchCase.meters;
    const ratio = (of: (measured: Measured) => number) =>
      (of(result.measured) / of(before.measured)).toFixed(1);
    return (
      `  ${before.benchCase.meters.toLocaleString('en-US')} -> ` +
      `${result.benchCase.meters.toLocaleString('en-US')} meters (${meters}x): ` +
      `detection ${ratio(detectMs)}x, whole scan ${ratio(scanMs)}x, ` +
      `peak RSS ${ratio((measured) => measured.maxRssMb)}x (linear: ${meters}x)`
    );
  });
  const largest = tail.at(-1);
  if (largest === undefined) return;
  const { measured } = largest;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  process.stdout.write(
    [
      'Growth with the meters (long tail, the cases that finished):',
      ...lines,
      `  ${largest.benchCase.meters.toLocaleString('en-US')} meters: detection ` +
        `${ms(detectMs(measured))} (target under 2 s: ${verdict(detectMs(measured) < 2_000)}), ` +
        `peak RSS of the whole scan ${mb(measured.maxRssMb)} ` +
        `(target under 500 MB: ${verdict(measured.maxRssMb < 500)}); the whole scan of the ` +
        `file, reading included, ${ms(scanMs(measured))}`,
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
  }
}

function print(heading: string, measured: Measured, runs: readonly Measured[]): void {
  const stages = Object.entries(measured.timings).filter(
    ([stage]) => stage !== 'read' && stage !== 'detect',
  );
  process.stdout.write(
    [
      heading,
      `  read ${ms(readMs(measured))} + detection ${ms(detectMs(measured))} = ` +
        `${ms(scanMs(measured))}; peak RSS ${mb(measured.maxRssMb)}, peak heap ` +
        `${mb(measured.heapPeakMb)}; ${measured.findings} findings ` +
        `(median of ${runs.length} runs; whole scans ${runs.map(scanText).join(', ')})`,
      `  detection stage by stage, measured again: ${stages
        .map(([stage, value]) => `${stage} ${ms(value)}`)
        .join(', ')}`,
      '',
    ].join('\n'),
  );
}

const scanText = (run: Measured) => ms(scanMs(run));
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const mb = (value: number) => `${Math.round(value)} MB`;

async function main(): Promise<void> {
  mkdirSync(WORK_DIR, { recursive: true });
  process.stdout.write(
    `Scan benchmark on Node ${process.version} ` +
      '(targets: detection of 50,000 meters under 2 s, the scan under 500 MB)\n\n',
  );
  printGrowth(CASES.map(runCase));
  rmSync(WORK_DIR, { recursive: true, force: true });

  const write = (text: string) => process.stdout.write(text);
  await benchFunctionPath(write);
  await benchCollectRequests(write);
  await benchBundle(write);
}

void main();
