import { lastCompleteIndex, MONTH_DAYS } from './calendar';
import type { Detector } from './finding';
import type { MixContext, MixPattern } from './mix/context';
import { inputHeavy } from './mix/input-heavy';
import { multiRegion } from './mix/multi-region';
import { noBatch } from './mix/no-batch';
import { noMonitor } from './mix/no-monitor';
import { premiumShare } from './mix/premium-share';
import { untagged } from './mix/untagged';
import { modelSpend } from './model-spend';

/** Complete days the mix patterns look at: four whole weeks, so every weekday counts alike. */
export const MIX_DAYS = 28;

/** Fewest complete days a mix pattern is judged on. */
export const MIN_MIX_DAYS = 7;

/** The patterns, in the order their findings are listed. */
export const MIX_PATTERNS: readonly MixPattern[] = [
  premiumShare,
  inputHeavy,
  noBatch,
  multiRegion,
  untagged,
  noMonitor,
];

/**
 * Mix: patterns in how the money is spent rather than when, over the
 * newest `MIX_DAYS` complete days (see each pattern in `mix/`). One finding
 * per pattern and scope, keyed `mix:<pattern>:<scope>` (scope: a model
 * family, a model, a tag key, or `account`).
 *
 * Every mix finding is dated on the newest complete day and carries
 * monthly-equivalent dollars (window spend scaled to 30 days):
 * `actualUsd` and `impactUsd` are the spend the pattern concerns, and
 * `expectedUsd` is 0. Mix findings are never provisional.
 *
 * Common evidence: `windowStart`, `windowEnd`, `windowDays`, `materialUsd`
 * (30 x `minImpactUsd`, the least spend a pattern needs).
 */
export const detectMix: Detector = (history, settings) => {
  const end = lastCompleteIndex(history);
  const days = Math.min(MIX_DAYS, end + 1);
  if (days < MIN_MIX_DAYS) return [];

  const window = { start: end - days + 1, end, days };
  const context: MixContext = {
    history,
    settings,
    window,
    models: modelSpend(history, window),
    materialUsd: MONTH_DAYS * settings.minImpactUsd,
  };
  return MIX_PATTERNS.flatMap((pattern) => pattern(context));
};
