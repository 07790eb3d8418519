import { statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync, type Metafile } from 'esbuild';
import { sandboxWorld } from '../test/e2e/harness-world';
import { monthRunDates, worldOn } from '../test/e2e/month-world';
import { type InvocationOutcome, runInSandbox } from '../test/e2e/sandbox';
import { type SynthesizedFunction, synthesizeFunction } from '../test/e2e/synth-function';
import { WatchdogHarness } from '../test/fixtures/watchdog-harness';

const ROOT = join(__dirname, '..');
const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024;
const MAX_IMPORT_MS = 300;
const IMPORT_RUNS = 7;
const WARM_RUNS = 4;
const PACKAGES_SHOWN = 8;

type Write = (text: string) => void;

/**
 * Prints what the deployed function costs in size and time: the bundle
 * `cdk synth` writes, what is in it, how long a fresh Node.js process takes
 * to import it (the part of a cold start the code decides), and a whole
 * run of the handler against local endpoints, cold and warm.
 */
export async function benchBundle(write: Write): Promise<void> {
  const started = performance.now();
  const fn = synthesizeFunction();
  try {
    write(`The function bundle (cdk synth with bundling took ${seconds(started)})\n`);
    printSize(fn, write);
    printContents(write);
    await printImport(fn, write);
    await printRuns(fn, write);
  } finally {
    fn.cleanUp();
  }
}

function printSize(fn: SynthesizedFunction, write: Write): void {
  const bytes = statSync(fn.entry).size;
  const mapBytes = statSync(`${fn.entry}.map`).size;
  const verdict = bytes < MAX_BUNDLE_BYTES ? 'under' : 'OVER';
  write(
    `  size: ${kb(bytes)} (${verdict} the 1.5 MB target), source map ${kb(mapBytes)} ` +
      `beside it; ${fn.runtime}, ${fn.memoryMb} MB, ${fn.timeoutSeconds} s timeout\n`,
  );
}

/**
 * What takes the room, by package: the same esbuild options the function
 * construct gives, with a metafile.
 */
function printContents(write: Write): void {
  const { metafile } = buildSync({
    entryPoints: [join(ROOT, 'lambda', 'handler.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    write: false,
    metafile: true,
    outfile: 'index.mjs',
    logLevel: 'silent',
  });
  const byPackage = bytesByPackage(metafile);
  const total = [...byPackage.values()].reduce((sum, bytes) => sum + bytes, 0);
  const largest = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, PACKAGES_SHOWN);
  write(`  largest parts (esbuild metafile, ${kb(total)} of code):\n`);
  for (const [name, bytes] of largest) {
    write(`    ${name.padEnd(40)} ${kb(bytes).padStart(9)}  ${percent(bytes / total)}\n`);
  }
}

function bytesByPackage(metafile: Metafile): Map<string, number> {
  const byPackage = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return byPackage;
}

function packageOf(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return 'llm-cost-watchdog (lambda/)';
  const [first = '', second = ''] = path.slice(at + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

async function printImport(fn: SynthesizedFunction, write: Write): Promise<void> {
  const watchdog = await WatchdogHarness.start();
  try {
    const times: number[] = [];
    for (let run = 0; run < IMPORT_RUNS; run += 1) {
      times.push((await runInSandbox(fn, sandboxWorld(watchdog), [])).importMs);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const verdict = median < MAX_IMPORT_MS ? 'under' : 'OVER';
    write(
      `  import in a fresh Node ${process.version} process, ${IMPORT_RUNS} runs: median ` +
        `${ms(median)} (${verdict} the 300 ms target), fastest ${ms(sorted[0] ?? 0)}, ` +
        `slowest ${ms(sorted.at(-1) ?? 0)}; with the stack's NODE_OPTIONS (source maps on)\n`,
    );
  } finally {
    await watchdog.close();
  }
}

/** One cold run and warm ones in one sandbox, on the replay month's last days. */
async function printRuns(fn: SynthesizedFunction, write: Write): Promise<void> {
  const watchdog = await WatchdogHarness.start();
  try {
    const days = monthRunDates().slice(-(WARM_RUNS + 1));
    const world = worldOn(days.at(-1) ?? '');
    watchdog.world.set(world.meters, { estimatedFrom: world.estimatedFrom });
    const invocations = days.map((day) => ({
      event: fn.scheduledEvent,
      requestId: `bench-${day}`,
      at: `${day}T09:00:00.000Z`,
    }));
    const run = await runInSandbox(fn, sandboxWorld(watchdog), invocations);
    const [cold, ...warm] = run.outcomes;
    const failed = run.outcomes.find((outcome) => !outcome.ok);
    if (failed) throw new Error(`A benchmarked run failed: ${JSON.stringify(failed)}`);

    write(
      `  a whole run against local endpoints (settings, ${requestsOf(run.logs)} Cost Explorer ` +
        `requests, state, Slack, SNS): cold ${ms(durationOf(cold))} after the import, ` +
        `warm ${warm.map((outcome) => ms(durationOf(outcome))).join(', ')} ` +
        `(${days[1]} to ${days.at(-1)})\n\n`,
    );
  } finally {
    await watchdog.close();
  }
}

function requestsOf(logs: readonly Record<string, unknown>[]): string {
  const read = logs.find((line) => line.message === 'cost explorer read');
  return String(read?.requests ?? '?');
}

function durationOf(outcome: InvocationOutcome | undefined): number {
  return outcome?.durationMs ?? 0;
}

const kb = (bytes: number) =>
  `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
