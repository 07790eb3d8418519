import { formatQuantity, formatRatio } from '../../report/format';
import { dataAdvice } from '../data-advice';
import { isDataMeter } from '../meter-lookup';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength } from '../series-math';
import { usageJumpOf } from '../spike-shape';
import { shortMeter } from '../where';

/** Least usage multiple that counts as a jump. */
const MIN_USAGE_RATIO = 1.5;

/**
 * A spike made of more usage on a storage, indexing or transfer meter:
 * more data kept, indexed or moved, not more calls.
 */
export const dataUsageJump: Rule = {
  name: 'data-usage-jump',
  mistake: 9,
  needs:
    'A spike on a storage, search-capacity, custom-model-storage or data-transfer meter (or a ' +
    'vector-store service) whose usage is at least 1.5x its baseline (evidence usageRatio, or ' +
    'the series against the median of the 28 days before).',
  match(context: RuleContext): RuleMatch | null {
    const { series } = context;
    if (series === null || !isDataMeter(series.meter)) return null;

    const shape = usageJumpOf(context, MIN_USAGE_RATIO);
    if (shape === null) return null;

    const unit = series.usageUnit ?? 'units';
    return {
      mistake: 9,
      strength: clampStrength(0.45 + 0.15 * Math.log2(shape.usageRatio)),
      because:
        `Usage of ${shortMeter(series.meter)} rose ${formatRatio(shape.usageRatio)} ` +
        `(${formatQuantity(shape.baselineUsage)} to ${formatQuantity(shape.usage)} ${unit} ` +
        'a day), which likely means more data kept, indexed or moved, not more calls.',
      tip: { ...dataAdvice(series.meter), saving: null },
    };
  },
};
