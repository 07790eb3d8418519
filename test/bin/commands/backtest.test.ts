import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { runCli } from '../../../bin/cli';
import { run } from '../../../bin/commands/backtest';
import { TEXTRACT, TRANSLATE, testCapture } from '../backtest/captures';
import { bufferIo } from '../buffer-io';
import { writeTempFile } from '../small-capture';

const written: string[] = [];

/** A capture in a temporary file, removed after the test. */
function captureFile(content: Parameters<typeof writeTempFile>[0]): string {
  const path = writeTempFile(content);
  written.push(path);
  return path;
}

afterEach(() => {
  for (const path of written.splice(0)) rmSync(dirname(path), { recursive: true, force: true });
});

/** Textract at $100 a day, $900 on 2026-03-10; Translate at $40. */
const spikeCapture = () =>
  testCapture([
    { ...TEXTRACT, usual: 100, on: { '2026-03-10': 900 } },
    { ...TRANSLATE, usual: 40 },
  ]);

describe('backtest', () => {
  it('prints what each run would have posted, then the totals', async () => {
    // Prepare
    const input = captureFile(spikeCapture());
    const { io, stdout, stderr } = bufferIo();

    // Act
    const code = await runCli(['backtest', '--input', input, '--days', '12'], io);

    // Assess
    expect(code).toBe(0);
    expect(stderr()).toBe('');
    const lines = stdout().split('\n');
    expect(lines[0]).toBe(`Backtest of ${input}: 12 daily runs, 2026-03-09 to 2026-03-20`);
    expect(lines).toContain('2026-03-09  quiet (no findings)');
    expect(lines).toContain('2026-03-12  quiet (1 finding, none new)');
    const alert = lines.find((line) => line.startsWith('2026-03-11'));
    expect(alert).toMatch(/^2026-03-11 {2}ALERT {3}critical {2}Spike .*Amazon Textract/);
    expect(alert).toMatch(
      /Amazon Textract.*: impact \$800\.00 on 2026-03-10 \(day not final yet\)$/,
    );
    expect(lines.find((line) => line.startsWith('2026-03-13'))).toMatch(
      /END .*Spike .*ended; last impact \$800\.00 on 2026-03-10$/,
    );
    expect(stdout()).toContain('Totals: 1 alert, 0 updates, 1 end over 12 runs; 10 quiet');
  });

  it('tries other thresholds with --set, and says which it tried', async () => {
    const input = captureFile(spikeCapture());
    const { io, stdout } = bufferIo();

    const code = await run(['--input', input, '--set', 'min-impact-usd=1000'], io);

    expect(code).toBe(0);
    expect(stdout()).toContain('Settings: defaults, with min-impact-usd=1000');
    expect(stdout()).toContain('Totals: 0 alerts, 0 updates, 0 ends over 30 runs; 30 quiet');
  });

  it('replays 30 runs by default, the last on the day after the newest day', async () => {
    const input = captureFile(spikeCapture());
    const { io, stdout } = bufferIo();

    await run(['--input', input, '--format', 'json'], io);

    const json = JSON.parse(stdout());
    expect(json).toMatchObject({
      firstRun: '2026-02-19',
      lastRun: '2026-03-20',
      lookbackDays: 60,
      estimatedDays: 1,
      totals: { alert: 1, update: 0, end: 1, runs: 30, quietRuns: 28 },
      stillActive: [],
    });
    expect(json.runs).toHaveLength(30);
    expect(json.totals.byKind).toEqual({ spike: { alert: 1, update: 0, end: 1 } });
  });

  it('warns about a setting it does not know, on stderr with --format json', async () => {
    const input = captureFile(spikeCapture());
    const { io, stdout, stderr } = bufferIo();

    await run(['--input', input, '--format', 'json', '--set', 'min-impact=20'], io);

    expect(stderr()).toMatch(/^Warning: Parameter min-impact is not a setting.*min-impact-usd/);
    expect(JSON.parse(stdout()).warnings[0]).toMatch(/min-impact-usd/);
  });

  it.each([
    { argv: [], message: 'backtest needs --input FILE' },
    { argv: ['--input', 'x.json', '--days', '0'], message: '--days "0" is not a whole number' },
    { argv: ['--input', 'x.json', '--days', 'ten'], message: '--days "ten" is not a whole number' },
    { argv: ['--input', 'x.json', '--format', 'csv'], message: 'Unknown format "csv"' },
    { argv: ['--input', 'x.json', '--set', 'spike-score'], message: 'is not NAME=VALUE' },
    { argv: ['--input', 'x.json', '--as-of', '2026-03-01'], message: 'Unknown option --as-of' },
  ])('refuses $argv with a usage error naming the fix', async ({ argv, message }) => {
    const { io, stderr } = bufferIo();

    const code = await runCli(['backtest', ...argv], io);

    expect(code).toBe(2);
    expect(stderr()).toContain(message);
    expect(stderr()).toContain('Usage: llm-cost-watchdog backtest --input FILE');
  });

  it('fails with the reason when the capture cannot be read', async () => {
    const input = captureFile('{"GetCostAndUsage": "not pages"}');
    const { io, stdout, stderr } = bufferIo();

    const code = await run(['--input', input], io);

    expect(code).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toContain(input);
  });

  it('is listed among the commands of the CLI', async () => {
    const { io, stdout } = bufferIo();

    await runCli(['--help'], io);

    expect(stdout()).toMatch(/\n {2}backtest +Replay a capture day by day/);
  });
});
