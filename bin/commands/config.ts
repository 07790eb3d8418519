import { SETTINGS_TABLE } from '../../lambda/settings/defaults';
import { type LoadedSettings, loadSettings } from '../../lambda/settings/load-settings';
import { applyMutes, expiredMuteWarning } from '../../lambda/settings/mutes';
import { createSsmClient } from '../../lambda/settings/ssm-client';
import { type CliIo, EXIT } from '../cli-io';
import { type OptionSpecs, parseCommandArgs } from '../parse-command-args';
import { UsageError } from '../usage-error';
import { optionalText } from './live-args';
import { explainingAwsErrors } from './live-errors';
import { awsProfile, DEFAULT_PREFIX } from './live-settings';

export const CONFIG_USAGE = `Usage: llm-cost-watchdog config show|check [options]

Reads the watchdog's settings from the SSM parameters the stack created.

  show    prints every setting's effective value and where it came from: its
          parameter, or the default (none set, or its value is not valid)
  check   validates the parameters; prints each problem and exits 1 when a
          value is not valid or a name is not a setting

Options:
  --prefix P            the parameters' prefix (default: ${DEFAULT_PREFIX})
  --profile NAME        the AWS profile to use (default: AWS_PROFILE, then the standard chain)
  --region R            the stack's region (default: the profile's, or AWS_REGION)
  --format text|json    how show prints (default: text)
  -h, --help            show this help`;

const OPTIONS: OptionSpecs = {
  prefix: { type: 'string', default: DEFAULT_PREFIX },
  profile: { type: 'string' },
  region: { type: 'string' },
  format: { type: 'string', default: 'text' },
};

const ACTIONS = ['show', 'check'] as const;
type Action = (typeof ACTIONS)[number];

/** One row of `config show`. */
export type SettingRow = {
  readonly parameter: string;
  readonly value: string;
  readonly source: 'parameter' | 'default' | 'default (parameter not valid)';
};

/** `config show` and `config check`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action === '--help' || action === '-h') {
    io.stdout.write(`${CONFIG_USAGE}\n`);
    return EXIT.ok;
  }
  if (!ACTIONS.includes(action as Action)) {
    const given = action === undefined ? 'nothing' : `"${action}"`;
    throw new UsageError(`config needs show or check, not ${given}.`, CONFIG_USAGE);
  }
  const args = parseCommandArgs(`config ${action}`, rest, OPTIONS, CONFIG_USAGE);
  if (args.help) {
    io.stdout.write(`${CONFIG_USAGE}\n`);
    return EXIT.ok;
  }
  const format = args.values.format;
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`Unknown format "${String(format)}": use text or json.`, CONFIG_USAGE);
  }

  return explainingAwsErrors(io, async () => {
    const loaded = await readParameters(args.values, io);
    if (action === 'check') return check(loaded, io);
    const text =
      format === 'json' ? `${JSON.stringify(showJson(loaded), null, 2)}\n` : show(loaded);
    io.stdout.write(text);
    return EXIT.ok;
  });
}

async function readParameters(
  values: Readonly<Record<string, unknown>>,
  io: CliIo,
): Promise<LoadedSettings> {
  const region = optionalText(values.region);
  const ssm = createSsmClient({
    ...awsProfile(optionalText(values.profile), io),
    ...(region ? { region } : {}),
  });
  try {
    return await loadSettings(ssm, String(values.prefix ?? DEFAULT_PREFIX));
  } finally {
    ssm.destroy();
  }
}

/** Every setting of the table, with its effective value and where it came from. */
export function settingRows(loaded: LoadedSettings): SettingRow[] {
  return SETTINGS_TABLE.map((spec) => {
    const fromParameter = loaded.sources[spec.key] === 'parameter';
    const given = Object.hasOwn(loaded.values, spec.parameter);
    return {
      parameter: spec.parameter,
      value: displayValue(loaded.settings[spec.key], spec.defaultValue),
      source: fromParameter ? 'parameter' : given ? 'default (parameter not valid)' : 'default',
    };
  });
}

function show(loaded: LoadedSettings): string {
  const rows = settingRows(loaded);
  const nameWidth = Math.max(...rows.map((row) => row.parameter.length));
  const valueWidth = Math.min(40, Math.max(...rows.map((row) => row.value.length)));
  const lines = rows.map(
    (row) => `  ${row.parameter.padEnd(nameWidth)}  ${row.value.padEnd(valueWidth)}  ${row.source}`,
  );
  const requests = `${loaded.requests} SSM request${loaded.requests === 1 ? '' : 's'}`;
  return [
    `Settings under ${loaded.prefix} (${requests}):`,
    '',
    `  ${'parameter'.padEnd(nameWidth)}  ${'value'.padEnd(valueWidth)}  from`,
    ...lines,
    ...warningLines(loaded.warnings),
    '',
  ].join('\n');
}

function showJson(loaded: LoadedSettings) {
  return {
    prefix: loaded.prefix,
    ssmRequests: loaded.requests,
    settings: settingRows(loaded),
    warnings: loaded.warnings,
  };
}

function check(loaded: LoadedSettings, io: CliIo): number {
  const today = (io.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const { expired } = applyMutes([], loaded.settings.mutes, today);
  for (const mute of expired) io.stdout.write(`Note: ${expiredMuteWarning(mute)}\n`);

  const count = Object.keys(loaded.values).length;
  if (loaded.warnings.length === 0) {
    io.stdout.write(`All ${count} parameters under ${loaded.prefix} are valid.\n`);
    return EXIT.ok;
  }
  for (const warning of loaded.warnings) io.stdout.write(`Problem: ${warning}\n`);
  const problems = loaded.warnings.length;
  io.stdout.write(
    `${problems} problem${problems === 1 ? '' : 's'} in the ${count} parameters under ` +
      `${loaded.prefix}; fix them with "aws ssm put-parameter --overwrite".\n`,
  );
  return EXIT.failed;
}

function warningLines(warnings: readonly string[]): string[] {
  if (warnings.length === 0) return [];
  return [
    '',
    `${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`,
    ...warnings.map((w) => `  - ${w}`),
  ];
}

/** A setting's value as its parameter would hold it: `none` for nothing, JSON for mutes. */
function displayValue(value: unknown, defaultText: string): string {
  if (value === null) return 'none';
  if (Array.isArray(value) && value.length === 0) return defaultText === 'none' ? 'none' : '[]';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
