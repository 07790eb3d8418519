import type { SpendHistory } from '../../series/types';
import type { Settings } from '../../settings/settings';
import { dayAt, MONTH_DAYS } from '../calendar';
import type { Evidence, Finding } from '../finding';
import type { MixWindow, ModelSpend } from '../model-spend';
import { round } from '../stats';

/** What every mix pattern reads: the window, its spend per model and the thresholds. */
export type MixContext = {
  readonly history: SpendHistory;
  readonly settings: Settings;
  readonly window: MixWindow;
  readonly models: ReadonlyMap<string, ModelSpend>;
  /** Smallest monthly-equivalent spend worth a mix finding: 30 days at `minImpactUsd`. */
  readonly materialUsd: number;
};

/** One structural pattern of the mix detector. */
export type MixPattern = (context: MixContext) => Finding[];

/** Scales spend over `days` to a 30-day month. */
export function monthly(usd: number, days: number): number {
  return days > 0 ? (usd * MONTH_DAYS) / days : 0;
}

/** Scales spend over the mix window to a 30-day month. */
export function monthlyOf(context: MixContext, usd: number): number {
  return monthly(usd, context.window.days);
}

export type MixFindingParts = {
  readonly pattern: string;
  readonly scope: string;
  readonly service: string;
  /** Monthly-equivalent spend the pattern concerns. */
  readonly exposedUsd: number;
  readonly evidence: Evidence;
  /** The days the amounts come from, when not the mix window. */
  readonly window?: MixWindow;
};

/**
 * A mix finding: dated on the newest complete day, keyed by pattern and
 * scope, with `actualUsd = impactUsd =` the monthly-equivalent spend the
 * pattern concerns and `expectedUsd = 0` (a pattern has no expected level).
 */
export function mixFinding(context: MixContext, parts: MixFindingParts): Finding {
  const window = parts.window ?? context.window;
  return {
    key: `mix:${parts.pattern}:${parts.scope}`,
    kind: 'mix',
    pattern: parts.pattern,
    service: parts.service,
    usageType: null,
    meterKey: null,
    day: dayAt(context.history, context.window.end),
    actualUsd: parts.exposedUsd,
    expectedUsd: 0,
    impactUsd: parts.exposedUsd,
    provisional: false,
    evidence: {
      windowStart: dayAt(context.history, window.start),
      windowEnd: dayAt(context.history, window.end),
      windowDays: window.days,
      materialUsd: round(context.materialUsd),
      ...parts.evidence,
    },
  };
}
