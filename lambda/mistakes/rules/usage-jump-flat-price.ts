import { formatChange, formatQuantity, formatRatio } from '../../report/format';
import type { Link } from '../../report/report';
import type { Meter } from '../../series/types';
import { DOC_LINKS } from '../catalogue';
import { isRequestBilled } from '../meter-lookup';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength } from '../series-math';
import { usageJumpOf } from '../spike-shape';
import { shortMeter } from '../where';

/** Least usage multiple that counts as a jump. */
const MIN_USAGE_RATIO = 1.5;
/** How far the price per unit may move and still count as flat. */
const FLAT_PRICE_BAND = 0.25;

/**
 * A spike made of more usage at the same price per unit: the signature of
 * retry storms, loops and unbounded output rather than a pricier model.
 */
export const usageJumpFlatPrice: Rule = {
  name: 'usage-jump-flat-price',
  mistake: 4,
  needs:
    'A spike on one request- or token-billed meter (tokens, guardrails, per-request AI ' +
    'services; never storage, capacity or data) whose usage is at least 1.5x its baseline ' +
    '(evidence usageRatio, or the series against the median of the 28 days before), ideally ' +
    'at a flat price per unit.',
  match(context: RuleContext): RuleMatch | null {
    const { series } = context;
    if (series === null || !isRequestBilled(series.meter)) return null;

    const shape = usageJumpOf(context, MIN_USAGE_RATIO);
    if (shape === null) return null;

    const priceChange = shape.unitPriceRatio === null ? null : shape.unitPriceRatio - 1;
    const flat = priceChange === null || Math.abs(priceChange) <= FLAT_PRICE_BAND;
    const output = series.meter.info.tokens === 'output';
    const strength =
      0.4 + 0.15 * Math.log2(shape.usageRatio) + (output ? 0.1 : 0) - (flat ? 0 : 0.2);

    const unit = series.usageUnit ?? 'units';
    const price =
      priceChange === null
        ? 'with no price per unit to compare'
        : flat
          ? `while the price per unit held (${formatChange(priceChange)})`
          : `and the price per unit moved too (${formatChange(priceChange)})`;
    return {
      mistake: 4,
      strength: clampStrength(strength),
      because:
        `Usage of ${shortMeter(series.meter)} rose ${formatRatio(shape.usageRatio)} ` +
        `(${formatQuantity(shape.baselineUsage)} to ${formatQuantity(shape.usage)} ${unit} ` +
        `a day) ${price}, which likely means more calls, not a different model.`,
      tip: { ...adviceFor(series.meter, output), saving: null },
    };
  },
};

/** Bedrock's invocation logs show its callers; other services' callers are in CloudTrail. */
function adviceFor(meter: Meter, output: boolean): { action: string; link: Link } {
  const bedrock = meter.serviceKind === 'bedrock' || meter.serviceKind === 'bedrock-marketplace';
  if (!bedrock) {
    return {
      action:
        'Find the caller whose requests jumped that day in CloudTrail (a retry loop, a job sent ' +
        'twice) and bound its retries with backoff and a limit.',
      link: DOC_LINKS.retryBehavior,
    };
  }
  return {
    action: output
      ? 'Check the invocation logs for callers that repeat a prompt or generate to the ' +
        'limit, then cap the output tokens per call and bound retries with backoff.'
      : 'Check the invocation logs for the caller whose requests jumped that day (a retry ' +
        'loop, a job sent twice) and bound its retries with backoff and a limit.',
    link: DOC_LINKS.invocationLogging,
  };
}
