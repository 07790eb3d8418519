import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

type Measured = {
  readonly timings: Record<string, number>;
  readonly findings: number;
  readonly meters: number;
  readonly maxRssMb: number;
  readonly heapPeakMb: number;
};

function runCase(benchCase: Case): void {
  const path = join(WORK_DIR, `capture-${benchCase.meters}-${benchCase.density}.json`);
  const { groups } = writeSyntheticCapture(path, {
    meters: benchCase.meters,
    days: DAYS,
    density: benchCase.density,
    seed: 42,
    lastDay: '2026-03-19',
  });
  const sizeMb = statSync(path).size / 1024 / 1024;

  const output = execFileSync(
    process.execPath,
    ['--require', 'tsx/cjs', join(__dirname, 'measure-scan.ts'), path],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  const measured = JSON.parse(output.trim().split('\n').pop() ?? '{}') as Measured;
  print(benchCase, groups, sizeMb, measured);
}

function print(benchCase: Case, groups: number, sizeMb: number, measured: Measured): void {
  const t = measured.timings;
  const scanMs = (t.readCapture ?? 0) + (t.runPipeline ?? 0);
  process.stdout.write(
    [
      `${benchCase.meters.toLocaleString('en-US')} meters x ${DAYS} days (${benchCase.density}): ` +
        `${groups.toLocaleString('en-US')} meter-days, ${sizeMb.toFixed(1)} MB of JSON`,
      `  readCapture + runPipeline  ${ms(scanMs)}   peak RSS ${mb(measured.maxRssMb)}, ` +
        `peak heap ${mb(measured.heapPeakMb)}; ${measured.findings} findings`,
      `  stages: ${Object.entries(t)
        .map(([stage, value]) => `${stage} ${ms(value)}`)
        .join(', ')}`,
      '',
    ].join('\n'),
  );
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const mb = (value: number) => `${Math.round(value)} MB`;

function main(): void {
  mkdirSync(WORK_DIR, { recursive: true });
  process.stdout.write(
    `Scan benchmark on Node ${process.version} (targets: 50,000 meters well under 2 s and 500 MB)\n\n`,
  );
  for (const benchCase of CASES) runCase(benchCase);
}

main();
