import { isDay } from '../../lambda/collect/window';
import { UsageError } from '../usage-error';

/**
 * Reading the options shared by the commands that talk to AWS. Each
 * problem is a {@link UsageError} naming the option and how it should read.
 */

/** `--set NAME=VALUE`, given once per setting, as parameter texts by name. */
export function parseSets(sets: readonly string[], usage: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const set of sets) {
    const equals = set.indexOf('=');
    if (equals <= 0) {
      throw new UsageError(
        `--set "${set}" is not NAME=VALUE: write e.g. --set min-impact-usd=20.`,
        usage,
      );
    }
    parameters[set.slice(0, equals).trim()] = set.slice(equals + 1);
  }
  return parameters;
}

/** `--days N`: a whole number of days of history, within what the settings accept. */
export function parseDays(value: unknown, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 21 || days > 400) {
    throw new UsageError(`--days "${text}" is not a whole number from 21 to 400.`, usage);
  }
  return days;
}

/** `--as-of YYYY-MM-DD`. */
export function parseAsOf(value: unknown, usage: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!isDay(text)) throw new UsageError(`--as-of "${text}" is not a date: use YYYY-MM-DD.`, usage);
  return text;
}

/** An optional string option, undefined when absent or empty. */
export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
