import type { Finding } from '../detect/finding';
import { evidenceNumber } from './evidence';
import type { RuleContext } from './rule';
import { median, sum, unitPrice, windowEnding } from './series-math';

/** Days before a finding's day that make its baseline when the evidence has none. */
export const BASELINE_DAYS = 28;

/**
 * How a day compares with its baseline, split into usage and price per unit.
 * Ratios are day over baseline; null where the data cannot say.
 */
export type SpikeShape = {
  readonly usage: number;
  readonly baselineUsage: number;
  readonly usageRatio: number | null;
  readonly unitPrice: number | null;
  readonly baselineUnitPrice: number | null;
  readonly unitPriceRatio: number | null;
};

/**
 * The shape of the finding's day: the detector's evidence where it gave
 * it (`usageRatio`, `unitPriceRatio`, `actualUnitPrice`, `baselineUnitPrice`,
 * `expectedUsage`),
 * otherwise worked out from the meter's series against the median of the
 * 28 days before. Null for a finding without a meter series.
 */
export function spikeShape(context: RuleContext): SpikeShape | null {
  const { series, dayIndex, finding } = context;
  if (series === null) return null;

  const usage = evidenceNumber(finding, 'actualUsage') ?? series.usage[dayIndex] ?? 0;
  const cost = series.cost[dayIndex] ?? 0;
  const before = Math.max(0, dayIndex - 1);
  const baseUsage = dayIndex > 0 ? windowEnding(series.usage, before, BASELINE_DAYS) : [];
  const baseCost = dayIndex > 0 ? windowEnding(series.cost, before, BASELINE_DAYS) : [];
  const baselineUsage = evidenceNumber(finding, 'expectedUsage') ?? median(baseUsage);

  const computedPrice = unitPrice(cost, usage);
  const computedBaselinePrice = unitPrice(sum(baseCost), sum(baseUsage));
  const price = evidenceNumber(finding, 'actualUnitPrice') ?? computedPrice;
  const basePrice = evidenceNumber(finding, 'baselineUnitPrice') ?? computedBaselinePrice;

  return {
    usage,
    baselineUsage,
    usageRatio: evidenceNumber(finding, 'usageRatio') ?? ratio(usage, baselineUsage),
    unitPrice: price,
    baselineUnitPrice: basePrice,
    unitPriceRatio:
      evidenceNumber(finding, 'unitPriceRatio') ??
      (price !== null && basePrice !== null ? ratio(price, basePrice) : null),
  };
}

/** A spike's shape when its usage rose; `usageRatio` is known. */
export type UsageJump = SpikeShape & { readonly usageRatio: number };

/**
 * The shape of a spike on one meter that was not put down to price alone
 * and whose usage rose at least `minRatio` times its baseline; null for any
 * other finding.
 */
export function usageJumpOf(context: RuleContext, minRatio: number): UsageJump | null {
  const { finding, series } = context;
  if (finding.kind !== 'spike' || finding.pattern === 'price' || series === null) return null;

  const shape = spikeShape(context);
  if (shape?.usageRatio == null || shape.usageRatio < minRatio) return null;
  return { ...shape, usageRatio: shape.usageRatio };
}

/** A spike the detector put down, at least in part, to a higher price per unit. */
export function isPriceSpike(finding: Finding): boolean {
  return (
    finding.kind === 'spike' &&
    (finding.pattern === 'price' || finding.pattern === 'usage-and-price')
  );
}

function ratio(value: number, base: number): number | null {
  return base > 0 ? value / base : null;
}
