import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

export type CommandArgs = {
  readonly values: OptionValues;
  /** True when `--help` or `-h` was given. */
  readonly help: boolean;
};

/**
 * Parses a command's arguments strictly with `node:util` parseArgs, adding
 * `--help`/`-h`. A flag the command does not know, a flag missing its value
 * or a stray argument becomes a {@link UsageError} that names it.
 */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: OptionSpecs,
  usage: string,
): CommandArgs {
  const withHelp: OptionSpecs = { ...options, help: { type: 'boolean', short: 'h' } };
  try {
    const { values } = parseArgs({ args: [...argv], options: withHelp, strict: true });
    const { help, ...rest } = values;
    return { values: rest as OptionValues, help: help === true };
  } catch (error) {
    throw new UsageError(describeParseError(command, error), usage, { cause: error });
  }
}

function describeParseError(command: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const tokens = quoted.split(/[ ,]+/);
  const flag = tokens.find((token) => token.startsWith('--')) ?? tokens[0] ?? quoted;

  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option ${flag} for ${command}.`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `Unexpected argument "${flag}" for ${command}: every value follows its option.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.includes('does not take'))
    return `Option ${flag} of ${command} takes no value.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `Option ${flag} of ${command} needs a value.`;
  return `Cannot read the arguments of ${command}: ${message}`;
}
