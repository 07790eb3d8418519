import { formatChange, formatUnitPrice } from '../../report/format';
import type { MeterSeries } from '../../series/types';
import { evidenceList, evidenceText } from '../evidence';
import { meterOfModel, serviceMeters } from '../meter-lookup';
import { gapSaving, largestRegionalGap } from '../price-gap';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength } from '../series-math';
import { isAllServices, shortMeter } from '../where';

/** Least relative gap in price per unit between two regions that counts. */
const MIN_GAP = 0.05;

/**
 * The same model and charge costs more per unit in one region than in
 * another, both prices observed in the history over the last 28 days.
 */
export const regionalPriceGap: Rule = {
  name: 'regional-price-gap',
  mistake: 5,
  needs:
    "A mix finding 'multi-region' (its evidence model), or a spike or trend on a meter, where " +
    'the same model and charge (same routing) has a price per unit at least 5% lower in another ' +
    'region over the last 28 days; a mix finding within 5% still matches, weakly.',
  match(context: RuleContext): RuleMatch | null {
    const candidates = candidatesOf(context);
    if (candidates.length === 0) return null;

    const gap = largestRegionalGap(context.history, candidates, context.completeIndex);
    if (gap === null || gap.gap < MIN_GAP) return spreadOnly(context, candidates);

    const region = gap.pricey.meter.info.region;
    const cheapRegion = gap.cheap.meter.info.region;
    return {
      mistake: 5,
      strength: clampStrength(0.4 + Math.min(0.4, gap.gap)),
      because:
        `${shortMeter(gap.pricey.meter)} cost ${formatUnitPrice(gap.priceyUnitPrice)} per unit ` +
        `over the last 28 days against ${formatUnitPrice(gap.cheapUnitPrice)} in ${cheapRegion} ` +
        `(${formatChange(gap.gap)}), so the same work likely pays a higher regional rate.`,
      tip: {
        action: `Move the ${region} callers to ${cheapRegion} where data residency allows.`,
        saving: gapSaving(
          gap,
          context.completeIndex,
          `if the ${region} calls ran in ${cheapRegion} instead`,
        ),
      },
    };
  },
};

/**
 * A model billed in several regions at about the same price: still the
 * symptom, but weak, and with no saving to show.
 */
function spreadOnly(context: RuleContext, candidates: readonly MeterSeries[]): RuleMatch | null {
  if (context.finding.kind !== 'mix') return null;
  const regions = evidenceList(context.finding, 'regions');
  const seen =
    regions.length > 0 ? regions : [...new Set(candidates.map((s) => s.meter.info.region))];
  if (seen.length < 2) return null;

  const model = evidenceText(context.finding, 'model') ?? context.finding.service;
  return {
    mistake: 5,
    strength: 0.35,
    because:
      `${model} is billed in ${seen.length} regions (${seen.join(', ')}) with no like-for-like ` +
      'price gap of 5% or more, so one region likely could serve it all.',
    tip: {
      action:
        `Check why ${model} runs in ${seen.join(' and ')}, and consolidate where data ` +
        'residency allows.',
      saving: null,
    },
  };
}

function candidatesOf({ finding, series, history }: RuleContext): readonly MeterSeries[] {
  if (finding.kind === 'mix') {
    if (finding.pattern !== 'multi-region') return [];
    if (series !== null) return [series];
    const model = evidenceText(finding, 'model');
    if (model !== null) return meterOfModel(history, model);
    return isAllServices(finding.service)
      ? history.meters
      : serviceMeters(history, finding.service);
  }
  if (!['spike', 'trend'].includes(finding.kind) || series === null) return [];
  return [series];
}
