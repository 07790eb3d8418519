import { readFile } from 'node:fs/promises';
import { collectLoggedCapture } from '../../lambda/collect/cost-explorer';
import { runPipeline } from '../../lambda/pipeline';
import { renderJson } from '../../lambda/report/render-json';
import { renderText } from '../../lambda/report/render-text';
import type { Report } from '../../lambda/report/report';
import { CaptureError } from '../../lambda/series/errors';
import type { LoggedCapture } from '../../lambda/series/history';
import { readLoggedCapture } from '../../lambda/series/read-capture';
import { resolveSettings } from '../../lambda/settings/resolve';
import { type CliIo, EXIT, wantsColor } from '../cli-io';
import { type OptionSpecs, type OptionValues, parseCommandArgs } from '../parse-command-args';
import { UsageError } from '../usage-error';
import { optionalText, parseAsOf, parseDays, parseSets } from './live-args';
import { explainingAwsErrors } from './live-errors';
import { readLiveSettings } from './live-settings';
import { loadLiveCapture } from './live-source';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const SCAN_USAGE = `Usage: llm-cost-watchdog scan --input FILE [options]
       llm-cost-watchdog scan --live [options]

Prints the report of the LLM and AI spend: what stands out, the mistakes it
likely points to, and what to do. With --input it replays a recorded capture
and makes no AWS request; with --live it reads Cost Explorer now ($0.01 per
request; the report's last line counts them).

Options:
  --input FILE          the capture to scan, e.g. samples/demo-capture.json
  --live                read the account's Cost Explorer instead of a file
  --as-of YYYY-MM-DD    the run's date (default: the day after the capture's newest day;
                        with --live, today in UTC)
  --format text|json    text for people (default), json for programs
  --set NAME=VALUE      a setting by its parameter name, e.g. --set min-impact-usd=20;
                        give it once per setting
  -h, --help            show this help

Options with --live:
  --days N              days of history, 21 to 400 (default: lookback-days, 60)
  --profile NAME        the AWS profile to use (default: AWS_PROFILE, then the standard chain)
  --prefix P            also read the settings from the SSM parameters under P
  --region R            the region of those parameters (default: the profile's)`;

const OPTIONS: OptionSpecs = {
  input: { type: 'string' },
  live: { type: 'boolean', default: false },
  'as-of': { type: 'string' },
  format: { type: 'string', default: 'text' },
  set: { type: 'string', multiple: true, default: [] },
  days: { type: 'string' },
  profile: { type: 'string' },
  prefix: { type: 'string' },
  region: { type: 'string' },
};

const LIVE_ONLY = ['days', 'profile', 'prefix', 'region'] as const;

type ScanRequest = {
  readonly input: string | undefined;
  readonly asOf: string | undefined;
  readonly format: Format;
  readonly parameters: Record<string, string>;
};

/** `scan`: prints the report of a recorded capture, or of the account's spend now. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('scan', argv, OPTIONS, SCAN_USAGE);
  if (args.help) {
    io.stdout.write(`${SCAN_USAGE}\n`);
    return EXIT.ok;
  }
  const request = scanRequest(args.values);

  if (request.input === undefined) return scanLive(request, args.values, io);

  const capture = await loadLoggedCapture(request.input, io);
  if (capture === null) return EXIT.failed;

  const { settings, warnings } = resolveSettings(request.parameters);
  const report = runPipeline(capture, settings, {
    ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
    costExplorerRequests: requestsOf(capture),
    warnings,
  });
  return print(report, request.format, io);
}

function scanLive(request: ScanRequest, values: OptionValues, io: CliIo): Promise<number> {
  const profile = optionalText(values.profile);
  const days = parseDays(values.days, SCAN_USAGE);

  return explainingAwsErrors(io, async () => {
    const resolved = await readLiveSettings(
      {
        prefix: optionalText(values.prefix),
        profile,
        region: optionalText(values.region),
        parameters: request.parameters,
      },
      io,
    );
    const live = await loadLiveCapture(
      { settings: resolved.settings, asOf: request.asOf, days, profile },
      io,
      collectLoggedCapture,
    );
    const report = runPipeline(live.capture, live.settings, {
      asOf: live.asOf,
      costExplorerRequests: live.requests,
      warnings: [...resolved.warnings, ...live.warnings],
    });
    return print(report, request.format, io);
  });
}

function print(report: Report, format: Format, io: CliIo): number {
  if (format === 'text') {
    io.stdout.write(renderText(report, { color: wantsColor(io) }));
    return EXIT.ok;
  }
  // Warnings go to stderr too, where a person sees them while a program reads stdout.
  for (const warning of report.warnings) io.stderr.write(`Warning: ${warning}\n`);
  io.stdout.write(`${JSON.stringify(renderJson(report), null, 2)}\n`);
  return EXIT.ok;
}

function scanRequest(values: OptionValues): ScanRequest {
  const input = optionalText(values.input);
  const live = values.live === true;
  if (input === undefined && !live)
    throw new UsageError('scan needs --input FILE (a recorded capture) or --live.', SCAN_USAGE);
  if (input !== undefined && live)
    throw new UsageError('scan takes --input FILE or --live, not both.', SCAN_USAGE);

  const liveOnly = LIVE_ONLY.find((name) => values[name] !== undefined);
  if (!live && liveOnly !== undefined)
    throw new UsageError(`--${liveOnly} only applies with --live.`, SCAN_USAGE);

  const format = values.format;
  if (!FORMATS.includes(format as Format))
    throw new UsageError(`Unknown format "${String(format)}": use text or json.`, SCAN_USAGE);

  return {
    input,
    asOf: parseAsOf(values['as-of'], SCAN_USAGE),
    format: format as Format,
    parameters: parseSets((values.set as string[] | undefined) ?? [], SCAN_USAGE),
  };
}

/**
 * Reads and checks the capture, a page at a time (a wide account's capture
 * runs to hundreds of megabytes); on failure prints why and returns null,
 * so no report is printed.
 */
export async function loadLoggedCapture(path: string, io: CliIo): Promise<LoggedCapture | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : String(error);
    io.stderr.write(
      `Cannot read the capture ${path}: ${reason}. Check the path given to --input.\n`,
    );
    return null;
  }

  try {
    return readLoggedCapture(bytes, path);
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return null;
  }
}

/** Requests the collection recorded, or else one per page the capture holds. */
function requestsOf(capture: LoggedCapture): number {
  if (capture.Meta?.requests !== undefined) return capture.Meta.requests;

  const pages = [
    capture.GetAnomalies,
    capture.GetAnomalyMonitors,
    capture.GetDimensionValues,
    capture.GetCostAndUsageByAccount,
    capture.GetCostAndUsageByTag,
  ];
  const forecast = capture.GetCostForecast === undefined ? 0 : 1;
  return pages.reduce((sum, list) => sum + (list?.length ?? 0), capture.spendLog.pages + forecast);
}
