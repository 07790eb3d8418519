import { rename, writeFile } from 'node:fs/promises';
import type { Capture } from '../../lambda/collect/capture';
import { type CliIo, EXIT } from '../cli-io';
import { type OptionSpecs, parseCommandArgs } from '../parse-command-args';
import { UsageError } from '../usage-error';
import { captureText } from './capture-text';
import { optionalText, parseAsOf, parseDays, parseSets } from './live-args';
import { explainingAwsErrors } from './live-errors';
import { readLiveSettings } from './live-settings';
import { loadLiveCapture } from './live-source';

export const RECORD_USAGE = `Usage: llm-cost-watchdog record --out FILE [options]

Pulls the LLM and AI spend of the account from Cost Explorer and writes it as
a capture that "scan --input FILE" replays. Cost Explorer charges $0.01 per
request; the command prints how many it made. The file holds Cost Explorer
responses only, never credentials.

Options:
  --out FILE            where to write the capture (JSON)
  --days N              days of history, 21 to 400 (default: lookback-days, 60)
  --as-of YYYY-MM-DD    the run's date; the capture ends the day before (default: today, UTC)
  --profile NAME        the AWS profile to use (default: AWS_PROFILE, then the standard chain)
  --prefix P            also read the settings from the SSM parameters under P
  --region R            the region of those parameters (default: the profile's)
  --set NAME=VALUE      a setting by its parameter name, e.g. --set tag-key=team;
                        give it once per setting
  -h, --help            show this help`;

const OPTIONS: OptionSpecs = {
  out: { type: 'string' },
  days: { type: 'string' },
  'as-of': { type: 'string' },
  profile: { type: 'string' },
  prefix: { type: 'string' },
  region: { type: 'string' },
  set: { type: 'string', multiple: true, default: [] },
};

/** `record`: writes a live capture to a file. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('record', argv, OPTIONS, RECORD_USAGE);
  if (args.help) {
    io.stdout.write(`${RECORD_USAGE}\n`);
    return EXIT.ok;
  }
  const out = optionalText(args.values.out);
  if (out === undefined) {
    throw new UsageError('record needs --out FILE: where to write the capture.', RECORD_USAGE);
  }
  const profile = optionalText(args.values.profile);
  const parameters = parseSets((args.values.set as string[] | undefined) ?? [], RECORD_USAGE);
  const asOf = parseAsOf(args.values['as-of'], RECORD_USAGE);
  const days = parseDays(args.values.days, RECORD_USAGE);

  return explainingAwsErrors(io, async () => {
    const { settings, warnings: settingWarnings } = await readLiveSettings(
      {
        prefix: optionalText(args.values.prefix),
        profile,
        region: optionalText(args.values.region),
        parameters,
      },
      io,
    );
    const live = await loadLiveCapture(
      {
        settings,
        asOf,
        days,
        profile,
      },
      io,
    );

    await writeAtomically(out, live.capture);
    for (const warning of [...settingWarnings, ...live.warnings]) {
      io.stderr.write(`Warning: ${warning}\n`);
    }
    io.stdout.write(`${summary(out, live.capture, live.asOf, live.settings.lookbackDays)}\n`);
    io.stdout.write(
      `Cost Explorer requests: ${live.requests} ($${live.costUsd.toFixed(2)} at $0.01 each).\n`,
    );
    return EXIT.ok;
  });
}

/** `Wrote FILE: 60 days from 2026-01-09 to 2026-03-09, 14 meters of 3 services.` */
function summary(out: string, capture: Capture, asOf: string, days: number): string {
  const meters = new Set<string>();
  const starts: string[] = [];
  for (const page of capture.GetCostAndUsage) {
    for (const result of page.ResultsByTime ?? []) {
      if (result.TimePeriod?.Start) starts.push(result.TimePeriod.Start);
      for (const group of result.Groups ?? []) meters.add((group.Keys ?? []).join('|'));
    }
  }
  const replay = `Replay it with: llm-cost-watchdog scan --input ${out}`;
  if (meters.size === 0) {
    return (
      `Wrote ${out}: no spend on the watched services ` +
      `in the ${days} days before ${asOf}. ${replay}`
    );
  }

  starts.sort();
  const first = starts[0];
  const last = starts[starts.length - 1];
  const services = new Set([...meters].map((meter) => meter.split('|')[0]));
  return (
    `Wrote ${out}: ${count(new Set(starts).size, 'day')} from ${first} to ${last}, ` +
    `${count(meters.size, 'meter')} of ${count(services.size, 'service')}. ${replay}`
  );
}

function* chunksOf(capture: Capture): Generator<string> {
  yield* captureText(capture);
  yield '\n';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Writes beside the target first, so a failed run never leaves half a capture. */
async function writeAtomically(path: string, capture: Capture): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, chunksOf(capture), 'utf8');
    await rename(temporary, path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot write the capture to ${path} (${reason}). Check the --out path.`, {
      cause: error,
    });
  }
}
