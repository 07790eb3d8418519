import { z } from 'zod';
import { COST_METRICS, SEVERITIES, type Settings } from './settings';

/**
 * One entry of the settings table: the SSM parameter that holds a setting,
 * its default as stored, what it means, and how its text is validated.
 */
export type SettingSpec<K extends keyof Settings = keyof Settings> = {
  readonly key: K;
  /** Parameter name under the prefix, e.g. `min-impact-usd`. */
  readonly parameter: string;
  /** The default, as the parameter's text. SSM values cannot be empty. */
  readonly defaultValue: string;
  readonly description: string;
  /** What a valid value looks like, for warnings. */
  readonly accepted: string;
  readonly schema: z.ZodType<Settings[K]>;
};

const NONE = 'none';
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const numberText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'a number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

const integerText = (min: number, max: number) => numberText(min, max).pipe(z.number().int());

const booleanText = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false']))
  .transform((text) => text === 'true');

/** `none` (or nothing) means null; anything else must pass `inner`. */
const optional = <T>(inner: z.ZodType<T>) =>
  z.string().transform((text, ctx): T | null => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.toLowerCase() === NONE) return null;
    const parsed = inner.safeParse(trimmed);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });

const serviceName = z
  .string()
  .trim()
  .min(2)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ().,&:/+_-]*$/, 'a Cost Explorer SERVICE name');

/** A comma-separated list, or a JSON array of strings; `none` is empty. */
const serviceList = z.string().transform((text, ctx): string[] => {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === NONE) return [];
  let items: unknown;
  try {
    items = trimmed.startsWith('[') ? JSON.parse(trimmed) : trimmed.split(',');
  } catch {
    ctx.addIssue({ code: 'custom', message: 'a JSON array that parses' });
    return z.NEVER;
  }
  const parsed = z.array(serviceName).safeParse(items);
  if (parsed.success) return parsed.data.filter((name) => name.length > 0);
  ctx.addIssue({ code: 'custom', message: 'service names like "Amazon Bedrock"' });
  return z.NEVER;
});

const jsonText = <T>(inner: z.ZodType<T>) =>
  z.string().transform((text, ctx): T => {
    let value: unknown;
    try {
      value = JSON.parse(text.trim() === NONE ? '[]' : text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'valid JSON' });
      return z.NEVER;
    }
    const parsed = inner.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      ctx.addIssue({ code: 'custom', message: `${issue.message}${where}` });
    }
    return z.NEVER;
  });

const muteEntry = z.union([
  z.strictObject({ findingKey: z.string().min(1), until: dateText, reason: z.string().min(1) }),
  z.strictObject({ meter: z.string().min(1), until: dateText, reason: z.string().min(1) }),
  z.strictObject({ service: z.string().min(1), until: dateText, reason: z.string().min(1) }),
  z.strictObject({
    mistake: z.number().int().min(1).max(10),
    until: dateText,
    reason: z.string().min(1),
  }),
]);

const thresholdOverride = z.strictObject({
  spikeScore: z.number().min(1).max(50).optional(),
  minImpactUsd: z.number().min(0).max(1_000_000).optional(),
  minIncreasePct: z.number().min(0).max(10_000).optional(),
});

/**
 * The settings table: the single source of truth for every setting's
 * parameter name, default and validation. The stack creates one SSM
 * parameter per entry; the function falls back to the defaults here.
 */
export const SETTINGS_TABLE: readonly SettingSpec[] = [
  {
    key: 'lookbackDays',
    parameter: 'lookback-days',
    defaultValue: '60',
    description: 'Days of daily history read from Cost Explorer for baselines.',
    accepted: 'a whole number from 21 to 400',
    schema: integerText(21, 400),
  },
  {
    key: 'costMetric',
    parameter: 'cost-metric',
    defaultValue: 'UnblendedCost',
    description: 'Cost Explorer metric that spend is measured in.',
    accepted: COST_METRICS.join(', '),
    schema: z.string().trim().pipe(z.enum(COST_METRICS)),
  },
  {
    key: 'extraServices',
    parameter: 'extra-services',
    defaultValue: NONE,
    description: 'More Cost Explorer SERVICE names to watch, comma-separated, or none.',
    accepted: 'comma-separated SERVICE names, a JSON array of them, or none',
    schema: serviceList,
  },
  {
    key: 'excludedServices',
    parameter: 'excluded-services',
    defaultValue: NONE,
    description: 'SERVICE names to stop watching, comma-separated, or none.',
    accepted: 'comma-separated SERVICE names, a JSON array of them, or none',
    schema: serviceList,
  },
  {
    key: 'spikeScore',
    parameter: 'spike-score',
    defaultValue: '4',
    description: 'Robust score (deviations from the weekday-aware median) a spike must reach.',
    accepted: 'a number from 1 to 50',
    schema: numberText(1, 50),
  },
  {
    key: 'minImpactUsd',
    parameter: 'min-impact-usd',
    defaultValue: '5',
    description: 'Smallest daily impact in dollars worth an alert.',
    accepted: 'a number from 0 to 1000000',
    schema: numberText(0, 1_000_000),
  },
  {
    key: 'minIncreasePct',
    parameter: 'min-increase-pct',
    defaultValue: '30',
    description: 'Smallest increase over the expected daily spend, in percent, worth an alert.',
    accepted: 'a number from 0 to 10000',
    schema: numberText(0, 10_000),
  },
  {
    key: 'trendGrowthPct',
    parameter: 'trend-growth-pct',
    defaultValue: '25',
    description: 'Growth of the last 7 days over the 7 before, in percent, that counts as a trend.',
    accepted: 'a number from 1 to 10000',
    schema: numberText(1, 10_000),
  },
  {
    key: 'monthlyBudgetUsd',
    parameter: 'monthly-budget-usd',
    defaultValue: NONE,
    description: 'Monthly budget for LLM and AI spend in dollars, or none.',
    accepted: 'a number from 1 to 100000000, or none',
    schema: optional(numberText(1, 100_000_000)),
  },
  {
    key: 'severityFloor',
    parameter: 'severity-floor',
    defaultValue: 'low',
    description: 'Least severity that is posted to Slack and SNS.',
    accepted: SEVERITIES.join(', '),
    schema: z.string().trim().toLowerCase().pipe(z.enum(SEVERITIES)),
  },
  {
    key: 'dailyDigest',
    parameter: 'daily-digest',
    defaultValue: 'false',
    description: 'Post a short summary on quiet days too.',
    accepted: 'true or false',
    schema: booleanText,
  },
  {
    key: 'includeCredits',
    parameter: 'include-credits',
    defaultValue: 'false',
    description: 'Count credits and refunds in spend.',
    accepted: 'true or false',
    schema: booleanText,
  },
  {
    key: 'groupByLinkedAccount',
    parameter: 'group-by-linked-account',
    defaultValue: 'false',
    description: 'Also read spend per linked account (one more Cost Explorer query).',
    accepted: 'true or false',
    schema: booleanText,
  },
  {
    key: 'tagKey',
    parameter: 'tag-key',
    defaultValue: NONE,
    description: 'Cost-allocation tag whose untagged share is measured, or none.',
    accepted: 'an activated cost-allocation tag key, or none',
    schema: optional(z.string().min(1).max(128)),
  },
  {
    key: 'slackChannel',
    parameter: 'slack-channel',
    defaultValue: NONE,
    description: 'Slack channel ID or name the alerts go to, or none to skip Slack.',
    accepted: 'a channel ID like C0123456789, a name like #llm-costs, or none',
    schema: optional(
      z.string().regex(/^(#[a-z0-9_-]{1,80}|[CGD][A-Z0-9]{6,})$/, 'a Slack channel'),
    ),
  },
  {
    key: 'regrowthFactor',
    parameter: 'regrowth-factor',
    defaultValue: '1.5',
    description: 'An ongoing finding is posted again when its impact grows by this factor.',
    accepted: 'a number from 1.05 to 100',
    schema: numberText(1.05, 100),
  },
  {
    key: 'mutes',
    parameter: 'mutes',
    defaultValue: '[]',
    description:
      'JSON array of mutes: {"findingKey"|"meter"|"service"|"mistake": ..., ' +
      '"until": "YYYY-MM-DD", "reason": "..."}.',
    accepted: 'a JSON array of mutes, each with one target, an until date and a reason',
    schema: jsonText(z.array(muteEntry)),
  },
  {
    key: 'serviceOverrides',
    parameter: 'service-overrides',
    defaultValue: '{}',
    description:
      'JSON object of spike thresholds per SERVICE name, ' +
      'e.g. {"Amazon SageMaker": {"spikeScore": 6}}.',
    accepted: 'a JSON object of SERVICE name to {spikeScore, minImpactUsd, minIncreasePct}',
    schema: jsonText(z.record(z.string().min(1), thresholdOverride)),
  },
];

function parseDefaults(): Settings {
  const entries = SETTINGS_TABLE.map((spec) => [spec.key, spec.schema.parse(spec.defaultValue)]);
  return Object.fromEntries(entries) as Settings;
}

/** Every setting at its default. */
export const DEFAULT_SETTINGS: Settings = parseDefaults();
