import { readFile } from 'node:fs/promises';
import type { Capture } from '../../lambda/collect/capture';
import { runPipeline } from '../../lambda/pipeline';
import { renderJson } from '../../lambda/report/render-json';
import { renderText } from '../../lambda/report/render-text';
import { CaptureError } from '../../lambda/series/errors';
import { readCapture } from '../../lambda/series/read-capture';
import { resolveSettings } from '../../lambda/settings/resolve';
import { type CliIo, EXIT, wantsColor } from '../cli-io';
import { type OptionSpecs, parseCommandArgs } from '../parse-command-args';
import { UsageError } from '../usage-error';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const SCAN_USAGE = `Usage: llm-cost-watchdog scan --input FILE [options]

Scans a recorded Cost Explorer capture and prints the report: what stands out
in the LLM and AI spend, the mistakes it likely points to, and what to do.
Reads only the file; it makes no AWS request.

Options:
  --input FILE          the capture to scan, e.g. samples/demo-capture.json
  --as-of YYYY-MM-DD    the run's date (default: the day after the newest day in the capture)
  --format text|json    text for people (default), json for programs
  --set NAME=VALUE      a setting by its parameter name, e.g. --set min-impact-usd=20;
                        give it once per setting
  -h, --help            show this help`;

const OPTIONS: OptionSpecs = {
  input: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string', default: 'text' },
  set: { type: 'string', multiple: true, default: [] },
};

type ScanRequest = {
  readonly input: string;
  readonly asOf: string | undefined;
  readonly format: Format;
  readonly parameters: Record<string, string>;
};

/** `scan`: prints the report of a recorded capture. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('scan', argv, OPTIONS, SCAN_USAGE);
  if (args.help) {
    io.stdout.write(`${SCAN_USAGE}\n`);
    return EXIT.ok;
  }
  const request = scanRequest(args.values);

  const capture = await loadCapture(request.input, io);
  if (capture === null) return EXIT.failed;

  const { settings, warnings } = resolveSettings(request.parameters);
  if (request.format === 'json')
    for (const warning of warnings) io.stderr.write(`Warning: ${warning}\n`);

  const report = runPipeline(capture, settings, {
    asOf: request.asOf ?? dayAfterNewestDay(capture),
    costExplorerRequests: requestsOf(capture),
    warnings,
  });

  const output =
    request.format === 'json'
      ? `${JSON.stringify(renderJson(report), null, 2)}\n`
      : renderText(report, { color: wantsColor(io) });
  io.stdout.write(output);
  return EXIT.ok;
}

function scanRequest(values: Readonly<Record<string, unknown>>): ScanRequest {
  const input = values.input;
  if (typeof input !== 'string' || input === '')
    throw new UsageError('scan needs --input FILE: the capture to scan.', SCAN_USAGE);

  const format = values.format;
  if (!FORMATS.includes(format as Format))
    throw new UsageError(`Unknown format "${String(format)}": use text or json.`, SCAN_USAGE);

  const asOf = values['as-of'];
  if (asOf !== undefined && !isDate(asOf))
    throw new UsageError(`--as-of "${String(asOf)}" is not a date: use YYYY-MM-DD.`, SCAN_USAGE);

  return {
    input,
    asOf: asOf as string | undefined,
    format: format as Format,
    parameters: parseSets((values.set as string[] | undefined) ?? []),
  };
}

function parseSets(sets: readonly string[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const set of sets) {
    const equals = set.indexOf('=');
    if (equals <= 0)
      throw new UsageError(
        `--set "${set}" is not NAME=VALUE: write e.g. --set min-impact-usd=20.`,
        SCAN_USAGE,
      );
    parameters[set.slice(0, equals).trim()] = set.slice(equals + 1);
  }
  return parameters;
}

/** Reads and checks the capture; on failure prints why and returns null, so no report is printed. */
async function loadCapture(path: string, io: CliIo): Promise<Capture | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    io.stderr.write(
      `Cannot read the capture ${path}: ${reason}. Check the path given to --input.\n`,
    );
    return null;
  }

  try {
    return readCapture(text, path);
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return null;
  }
}

/** The default run date: the day after the newest day the capture holds. */
export function dayAfterNewestDay(capture: Capture): string | undefined {
  let newest: string | undefined;
  for (const page of capture.GetCostAndUsage) {
    for (const result of page.ResultsByTime ?? []) {
      const start = result.TimePeriod?.Start;
      if (start !== undefined && (newest === undefined || start > newest)) newest = start;
    }
  }
  if (newest === undefined) return undefined;

  const next = new Date(Date.parse(`${newest.slice(0, 10)}T00:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 10);
}

/** Requests the collection recorded, or else one per page the capture holds. */
function requestsOf(capture: Capture): number {
  if (capture.Meta?.requests !== undefined) return capture.Meta.requests;

  const pages = [
    capture.GetCostAndUsage,
    capture.GetAnomalies,
    capture.GetAnomalyMonitors,
    capture.GetDimensionValues,
    capture.GetCostAndUsageByAccount,
    capture.GetCostAndUsageByTag,
  ];
  const forecast = capture.GetCostForecast === undefined ? 0 : 1;
  return pages.reduce((sum, list) => sum + (list?.length ?? 0), forecast);
}

function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
