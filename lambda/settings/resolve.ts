import type { z } from 'zod';
import { closeNames } from './close-names';
import { SETTINGS_TABLE, type SettingSpec } from './defaults';
import type { Settings } from './settings';

/** Where a setting's effective value came from. */
export type SettingSource = 'default' | 'parameter';

/** Settings made from parameter texts, with what went wrong and where each value came from. */
export type ResolvedSettings = {
  readonly settings: Settings;
  /** One sentence per bad or unknown parameter, each naming the fix. */
  readonly warnings: string[];
  readonly sources: Record<keyof Settings, SettingSource>;
};

export type ResolveOptions = {
  /** Normalised prefix (`/llm-cost-watchdog/`), used to print full parameter names. */
  readonly prefix?: string;
};

/** Longest part of a bad value quoted in a warning. */
const MAX_QUOTED = 120;

/**
 * Validates parameter texts against the settings table. Pure.
 *
 * `values` maps parameter names under the prefix (`min-impact-usd`) to their
 * text. A missing parameter is its default, silently. A bad value falls back
 * to the default with a warning that names the parameter, the value and what
 * is accepted. A name that is not in the table is reported as a likely typo.
 */
export function resolveSettings(
  values: Readonly<Record<string, string>>,
  options: ResolveOptions = {},
): ResolvedSettings {
  const prefix = options.prefix ?? '';
  const entries: [keyof Settings, unknown][] = [];
  const sources: Partial<Record<keyof Settings, SettingSource>> = {};
  const warnings: string[] = [];

  for (const spec of SETTINGS_TABLE) {
    const text = values[spec.parameter];
    const resolved = text === undefined ? undefined : parseValue(spec, text, prefix);
    if (resolved && 'warning' in resolved) warnings.push(resolved.warning);
    const fromParameter = resolved !== undefined && 'value' in resolved;

    entries.push([spec.key, fromParameter ? resolved.value : spec.schema.parse(spec.defaultValue)]);
    sources[spec.key] = fromParameter ? 'parameter' : 'default';
  }

  warnings.push(...unknownParameterWarnings(Object.keys(values), prefix));
  return {
    settings: Object.fromEntries(entries) as Settings,
    warnings,
    sources: sources as Record<keyof Settings, SettingSource>,
  };
}

type Parsed = { readonly value: unknown } | { readonly warning: string };

function parseValue(spec: SettingSpec, text: string, prefix: string): Parsed {
  const parsed = (spec.schema as z.ZodType<unknown>).safeParse(text);
  if (parsed.success) return { value: parsed.data };

  const problems = [...new Set(parsed.error.issues.map((issue) => issue.message))].join('; ');
  return {
    warning:
      `Parameter ${prefix}${spec.parameter} has the value ${quote(text)}, which is not valid ` +
      `(${problems}); using the default ${quote(spec.defaultValue)} instead. ` +
      `Accepted: ${spec.accepted}.`,
  };
}

function unknownParameterWarnings(names: readonly string[], prefix: string): string[] {
  const known = SETTINGS_TABLE.map((spec) => spec.parameter);
  return names
    .filter((name) => !known.includes(name))
    .sort()
    .map((name) => {
      const close = closeNames(name, known);
      const hint =
        close.length > 0
          ? `Did you mean ${close.join(' or ')}?`
          : `Known settings: ${known.join(', ')}.`;
      return `Parameter ${prefix}${name} is not a setting and is ignored (likely a typo). ${hint}`;
    });
}

/** A value as shown in a warning: on one line, cut when long. */
function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const cut = oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED)}...` : oneLine;
  return `"${cut}"`;
}
