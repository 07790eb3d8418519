import type { Evidence, Finding } from '../finding';
import { type ModelSpend, mainService, type RegionSpend } from '../model-spend';
import { round, significant } from '../stats';
import { type MixContext, type MixPattern, mixFinding, monthlyOf } from './context';

/**
 * `multi-region`, per model: token spend in two or more regions (each at
 * least `minImpactUsd` a month) and material in all. The unit prices per
 * region are observed ones, cost over usage of the on-demand input and
 * output meters. Exposed spend: the spend outside the region with the
 * lowest observed unit price (outside the largest region when no price can
 * be observed).
 *
 * Evidence: `model`, `family`, `regions` (comma-separated, most spend
 * first), `regionCount`, per region `usd:<region>`,
 * `inputUnitPrice:<region>` and `outputUnitPrice:<region>` (null without
 * usage), `cheapestRegion`, `priciestRegion`, `unitPriceGapPct` (null when
 * under two regions have a price), `savingAtCheapestUsd` (the same usage at
 * the cheapest observed prices), `spendOutsideCheapestUsd`.
 */
export const multiRegion: MixPattern = (context) => {
  const findings: Finding[] = [];
  for (const spend of context.models.values()) {
    const finding = judgeModel(context, spend);
    if (finding !== null) findings.push(finding);
  }
  return findings;
};

type Priced = RegionSpend & {
  readonly inputPrice: number | null;
  readonly outputPrice: number | null;
};

const priceOf = (usd: number, usage: number): number | null => (usage > 0 ? usd / usage : null);

function judgeModel(context: MixContext, spend: ModelSpend): Finding | null {
  if (monthlyOf(context, spend.tokenUsd) < context.materialUsd) return null;

  const regions: Priced[] = [...spend.regions.values()]
    .filter((region) => monthlyOf(context, region.tokenUsd) >= context.settings.minImpactUsd)
    .sort((a, b) => b.tokenUsd - a.tokenUsd)
    .map((region) => ({
      ...region,
      inputPrice: priceOf(region.inputUsd, region.inputUsage),
      outputPrice: priceOf(region.outputUsd, region.outputUsage),
    }));
  if (regions.length < 2) return null;

  const side = regions.filter((r) => r.inputPrice !== null).length >= 2 ? 'input' : 'output';
  const priced = regions
    .filter((region) => priceAt(region, side) !== null)
    .sort((a, b) => (priceAt(a, side) as number) - (priceAt(b, side) as number));
  const cheapest = priced[0] ?? (regions[0] as Priced);
  const priciest = priced[priced.length - 1] ?? null;
  const outside = regions.filter((r) => r !== cheapest).reduce((sum, r) => sum + r.tokenUsd, 0);
  const exposed = monthlyOf(context, outside);

  return mixFinding(context, {
    pattern: 'multi-region',
    scope: spend.model,
    service: mainService(spend),
    exposedUsd: exposed,
    evidence: {
      model: spend.model,
      family: spend.family,
      regions: regions.map((region) => region.region).join(','),
      regionCount: regions.length,
      ...perRegion(context, regions),
      cheapestRegion: cheapest.region,
      priciestRegion: priced.length >= 2 && priciest !== null ? priciest.region : null,
      unitPriceGapPct: gapPct(priced, side),
      savingAtCheapestUsd: round(monthlyOf(context, savingAtCheapest(regions))),
      spendOutsideCheapestUsd: round(exposed),
    },
  });
}

function priceAt(region: Priced, side: 'input' | 'output'): number | null {
  return side === 'input' ? region.inputPrice : region.outputPrice;
}

function perRegion(context: MixContext, regions: readonly Priced[]): Evidence {
  const evidence: Record<string, number | null> = {};
  for (const region of regions) {
    evidence[`usd:${region.region}`] = round(monthlyOf(context, region.tokenUsd));
    evidence[`inputUnitPrice:${region.region}`] =
      region.inputPrice === null ? null : significant(region.inputPrice);
    evidence[`outputUnitPrice:${region.region}`] =
      region.outputPrice === null ? null : significant(region.outputPrice);
  }
  return evidence;
}

function gapPct(priced: readonly Priced[], side: 'input' | 'output'): number | null {
  if (priced.length < 2) return null;
  const low = priceAt(priced[0] as Priced, side) as number;
  const high = priceAt(priced[priced.length - 1] as Priced, side) as number;
  return low > 0 ? round((high / low - 1) * 100, 1) : null;
}

/** What the same input and output usage would save at the lowest observed prices. */
function savingAtCheapest(regions: readonly Priced[]): number {
  const lowest = (side: 'input' | 'output') =>
    Math.min(...regions.map((region) => priceAt(region, side) ?? Number.POSITIVE_INFINITY));
  const lowInput = lowest('input');
  const lowOutput = lowest('output');

  let saving = 0;
  for (const region of regions) {
    if (region.inputPrice !== null) saving += region.inputUsage * (region.inputPrice - lowInput);
    if (region.outputPrice !== null) {
      saving += region.outputUsage * (region.outputPrice - lowOutput);
    }
  }
  return saving;
}
