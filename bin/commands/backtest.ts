import { resolveSettings } from '../../lambda/settings/resolve';
import { renderBacktestJson, renderBacktestText } from '../backtest/render-backtest';
import { replayCapture } from '../backtest/replay';
import { dayAfterNewest } from '../backtest/run-view';
import { type CliIo, EXIT } from '../cli-io';
import { type OptionSpecs, type OptionValues, parseCommandArgs } from '../parse-command-args';
import { UsageError } from '../usage-error';
import { optionalText, parseSets } from './live-args';
import { loadLoggedCapture } from './scan';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

const DEFAULT_DAYS = 30;
const MAX_DAYS = 400;

export const BACKTEST_USAGE = `Usage: llm-cost-watchdog backtest --input FILE [options]

Replays a recorded capture day by day, as the daily function would have run
on each day with these settings: each run sees only the days before it, and
an ongoing finding is posted once, again when it grows past regrowth-factor,
and once when it ends. Prints what each run would have posted, then the
totals per kind and severity. Makes no AWS request.

Options:
  --input FILE          the capture to replay, e.g. samples/replay-capture.json
  --days N              how many daily runs to replay, ending the day after the capture's
                        newest day (default ${DEFAULT_DAYS}, at most ${MAX_DAYS})
  --set NAME=VALUE      a setting to try, by its parameter name, e.g. --set spike-score=6;
                        give it once per setting
  --format text|json    text for people (default), json for programs
  -h, --help            show this help`;

const OPTIONS: OptionSpecs = {
  input: { type: 'string' },
  days: { type: 'string' },
  set: { type: 'string', multiple: true, default: [] },
  format: { type: 'string', default: 'text' },
};

type BacktestArgs = {
  readonly input: string;
  readonly days: number;
  readonly format: Format;
  readonly parameters: Record<string, string>;
};

/** `backtest`: what the function would have posted, day by day, over a recorded capture. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('backtest', argv, OPTIONS, BACKTEST_USAGE);
  if (args.help) {
    io.stdout.write(`${BACKTEST_USAGE}\n`);
    return EXIT.ok;
  }
  const request = backtestArgs(args.values);

  const capture = await loadLoggedCapture(request.input, io);
  if (capture === null) return EXIT.failed;
  const lastRun = dayAfterNewest(capture.spendLog.days);
  if (lastRun === undefined) {
    io.stderr.write(`The capture ${request.input} holds no days of spend to replay.\n`);
    return EXIT.failed;
  }

  const { settings, warnings } = resolveSettings(request.parameters);
  const replayed = replayCapture(capture, settings, { days: request.days, lastRun });
  const backtest = { ...replayed, warnings: [...warnings, ...replayed.warnings] };
  const shown = { input: request.input, parameters: request.parameters };

  if (request.format === 'text') {
    io.stdout.write(`${renderBacktestText(backtest, shown)}\n`);
    return EXIT.ok;
  }
  for (const warning of warnings) io.stderr.write(`Warning: ${warning}\n`);
  io.stdout.write(`${JSON.stringify(renderBacktestJson(backtest, shown), null, 2)}\n`);
  return EXIT.ok;
}

function backtestArgs(values: OptionValues): BacktestArgs {
  const input = optionalText(values.input);
  if (input === undefined)
    throw new UsageError('backtest needs --input FILE, a recorded capture.', BACKTEST_USAGE);

  const format = values.format;
  if (!FORMATS.includes(format as Format))
    throw new UsageError(`Unknown format "${String(format)}": use text or json.`, BACKTEST_USAGE);

  return {
    input,
    days: parseRunDays(values.days),
    format: format as Format,
    parameters: parseSets((values.set as string[] | undefined) ?? [], BACKTEST_USAGE),
  };
}

function parseRunDays(value: unknown): number {
  if (value === undefined) return DEFAULT_DAYS;
  const text = String(value);
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > MAX_DAYS) {
    throw new UsageError(
      `--days "${text}" is not a whole number of runs from 1 to ${MAX_DAYS}.`,
      BACKTEST_USAGE,
    );
  }
  return days;
}
