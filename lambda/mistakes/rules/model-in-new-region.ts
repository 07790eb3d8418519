import { formatUnitPrice, formatUsd } from '../../report/format';
import { evidenceList, evidenceText } from '../evidence';
import { regionTwins } from '../meter-lookup';
import { cheapestGap, gapSaving } from '../price-gap';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength, sum, windowEnding } from '../series-math';
import { BASELINE_DAYS } from '../spike-shape';
import { modelOrService } from '../where';

/**
 * New spend for a model in a region while the same model and charge was
 * already billed elsewhere: the same work likely moved to, or was added in,
 * another region, where its price per unit may be higher.
 */
export const modelInNewRegion: Rule = {
  name: 'model-in-new-region',
  mistake: 5,
  needs:
    'A new-spend finding whose model was billed in another region before this meter started ' +
    '(evidence modelAlsoIn, or the same charge in another region in the 28 days before).',
  match(context: RuleContext): RuleMatch | null {
    const { finding, series, history, dayIndex, completeIndex } = context;
    if (finding.kind !== 'new-spend' || series === null) return null;

    const start = series.cost.findIndex((cost) => cost > 0);
    const before = Math.max(0, (start < 0 ? dayIndex : start) - 1);
    const twins = regionTwins(history, series.meter).filter(
      (twin) => before > 0 && sum(windowEnding(twin.cost, before, BASELINE_DAYS)) > 0,
    );
    const regions = new Set([
      ...evidenceList(finding, 'modelAlsoIn'),
      ...twins.map((twin) => twin.meter.info.region),
    ]);
    regions.delete(series.meter.info.region);
    if (regions.size === 0) return null;

    const gap = cheapestGap(series, twins, completeIndex);
    const model = modelOrService(series.meter);
    const region = series.meter.info.region;
    const priceClause =
      gap === null
        ? ''
        : `, at ${formatUnitPrice(gap.priceyUnitPrice)} per unit against ` +
          `${formatUnitPrice(gap.cheapUnitPrice)} in ${gap.cheap.meter.info.region}`;
    const target = gap?.cheap.meter.info.region ?? [...regions][0];
    const firstDay = evidenceText(finding, 'firstDay') ?? finding.day;
    return {
      mistake: 5,
      strength: clampStrength(0.6 + (gap !== null && gap.gap >= 0.05 ? 0.2 : 0)),
      because:
        `${model} started billing in ${region} on ${firstDay} ` +
        `(${formatUsd(finding.actualUsd)}) while it is already billed in ` +
        `${[...regions].join(', ')}${priceClause}, so the same work likely runs in one more ` +
        'region.',
      tip: {
        action:
          `Ask who added ${model} callers in ${region}; where data residency allows, send them ` +
          `to ${target}, or use a cross-Region inference profile for throughput instead.`,
        saving:
          gap === null
            ? null
            : gapSaving(gap, completeIndex, `if the ${region} calls ran in ${target} instead`),
      },
    };
  },
};
