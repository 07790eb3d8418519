import { formatQuantity, formatRatio, formatUnitPrice } from '../../report/format';
import { tierSiblings } from '../meter-lookup';
import { observedUnitPrice } from '../model-spend';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength } from '../series-math';
import { DAYS_PER_MONTH } from '../spend-window';
import { spikeShape } from '../spike-shape';
import { modelOrService, shortMeter } from '../where';

/** Least rise in price per unit that counts. */
const MIN_PRICE_RATIO = 1.2;

/**
 * The price per unit rose on a spike: calls likely moved to a heavier model
 * or a pricier option. Stronger when a cheaper tier of the family is billed
 * too, since the lighter model is known to be in use.
 */
export const unitPriceRose: Rule = {
  name: 'unit-price-rose',
  mistake: 1,
  needs:
    'A spike whose price per unit is at least 1.2x its baseline (evidence unitPriceRatio, ' +
    'unitPrice and baselineUnitPrice, or cost over usage from the series).',
  match(context: RuleContext): RuleMatch | null {
    const { finding, series, history, completeIndex } = context;
    if (finding.kind !== 'spike' || finding.pattern === 'usage' || series === null) return null;

    const shape = spikeShape(context);
    const ratio = shape?.unitPriceRatio ?? null;
    if (shape === null || ratio === null || ratio < MIN_PRICE_RATIO) return null;
    if (shape.unitPrice === null || shape.baselineUnitPrice === null) return null;

    const cheaper = tierSiblings(history, series.meter).find((sibling) => {
      const price = observedUnitPrice(sibling, completeIndex);
      return price !== null && shape.unitPrice !== null && price < shape.unitPrice;
    });
    const strength = 0.45 + 0.2 * Math.log2(ratio) + (cheaper === undefined ? 0 : 0.15);
    const extra = (shape.unitPrice - shape.baselineUnitPrice) * shape.usage;
    const smaller = cheaper === undefined ? '' : ` or to ${modelOrService(cheaper.meter)}`;

    return {
      mistake: 1,
      strength: clampStrength(strength),
      because:
        `The price per unit of ${shortMeter(series.meter)} rose ${formatRatio(ratio)} ` +
        `(${formatUnitPrice(shape.baselineUnitPrice)} to ${formatUnitPrice(shape.unitPrice)}) on ` +
        `${finding.day}, as it likely does when calls move to a heavier model or a pricier option.`,
      tip: {
        action:
          `Find which model ID or option the callers switched to on ${finding.day}, and send ` +
          `the calls that do not need it back to what they used before${smaller}.`,
        saving:
          extra > 0
            ? {
                usd: extra * DAYS_PER_MONTH,
                basis:
                  `estimate: that day's ${formatQuantity(shape.usage)} units at the baseline ` +
                  `${formatUnitPrice(shape.baselineUnitPrice)} instead of ` +
                  `${formatUnitPrice(shape.unitPrice)} per unit, for 30 days`,
              }
            : null,
      },
    };
  },
};
