import { formatQuantity, formatShare, formatUnitPrice, formatUsd } from '../../report/format';
import type { MeterSeries } from '../../series/types';
import { evidenceList, evidenceText } from '../evidence';
import { isPremium, isTokenMeter } from '../meter-lookup';
import { type ModelSpend, recentDailyUsage, tokenSpendByModel } from '../model-spend';
import { cheapestGap, monthlyGapUsd } from '../price-gap';
import type { Rule, RuleContext, RuleMatch, Saving } from '../rule';
import { clampStrength, sum } from '../series-math';
import { DAYS_PER_MONTH } from '../spend-window';
import { isPriceSpike } from '../spike-shape';
import { chargeLabel } from '../where';

/** Least share of a family's token spend on its top tiers that counts. */
const MIN_SHARE = 0.6;

/**
 * Most of a model family's token spend goes to its top tiers. Stronger when a
 * smaller tier of the family is billed too: the light model is at hand.
 */
export const topTierShare: Rule = {
  name: 'top-tier-share',
  mistake: 1,
  needs:
    "A mix finding 'premium-share', or a price spike or a trend on a flagship or mid-tier token " +
    "meter, where the top tiers (the finding's premiumModels, else flagship and mid) take at " +
    "least 60% of the family's token spend over the last 28 days; a smaller tier of the family " +
    'billed too makes it stronger.',
  match(context: RuleContext): RuleMatch | null {
    if (!applies(context)) return null;

    const family = familyOf(context);
    const spends = tokenSpendByModel(context.history, context.completeIndex).filter(
      (spend) => family !== null && spend.family === family,
    );
    const named = evidenceList(context.finding, 'premiumModels');
    const isTop = (spend: ModelSpend) =>
      named.length > 0 ? named.includes(spend.model) : spend.premium;
    const premium = spends.filter(isTop);
    const light = spends.filter((spend) => !isTop(spend) && !spend.premium);
    const premiumUsd = sum(premium.map((spend) => spend.costUsd));
    const totalUsd = sum(spends.map((spend) => spend.costUsd));
    if (premium.length === 0 || totalUsd <= 0 || premiumUsd / totalUsd < MIN_SHARE) return null;

    const share = premiumUsd / totalUsd;
    const top = premium[0] as ModelSpend;
    const small = light[0];
    const smallClause =
      small === undefined
        ? `and no smaller ${family} model is billed`
        : `while ${small.model} is billed too (${formatUsd(small.costUsd)})`;
    const base = small === undefined ? 0.2 + 0.4 * share : 0.3 + 0.6 * share;
    return {
      mistake: 1,
      strength: clampStrength(context.finding.kind === 'mix' ? base : base * 0.85),
      because:
        `${names(premium)} took ${formatShare(share)} of the ${family} family's token spend in ` +
        `the last 28 days (${formatUsd(premiumUsd)} of ${formatUsd(totalUsd)}) ${smallClause}, ` +
        'so heavier models likely do work a lighter one could.',
      tip: {
        action:
          `Evaluate ${small?.model ?? `a smaller ${family} model`} on a sample of the ` +
          `${top.model} prompts and move the calls that pass, or put an intelligent prompt ` +
          'router in front of both.',
        saving: small === undefined ? null : tierSaving(top, small, context.completeIndex),
      },
    };
  },
};

function applies({ finding, series }: RuleContext): boolean {
  if (finding.kind === 'mix') return finding.pattern === 'premium-share';
  if (series === null || !isPremium(series.meter.info) || !isTokenMeter(series.meter.info)) {
    return false;
  }
  return finding.kind === 'trend' || isPriceSpike(finding);
}

function familyOf({ finding, series, history, completeIndex }: RuleContext): string | null {
  if (series?.meter.info.modelFamily) return series.meter.info.modelFamily;
  const named = evidenceText(finding, 'modelFamily') ?? evidenceText(finding, 'family');
  if (named !== null) return named.toLowerCase();
  const top = tokenSpendByModel(history, completeIndex).find((spend) => spend.premium);
  return top?.family ?? null;
}

/**
 * The saving if every call of the top model moved to the small one: each of
 * its token charges at the gap the history shows against the same charge of
 * the small model.
 */
function tierSaving(top: ModelSpend, small: ModelSpend, end: number): Saving | null {
  const parts: string[] = [];
  let usd = 0;
  for (const heavy of top.meters) {
    const same = small.meters.filter((light) => sameTokenCharge(light, heavy));
    const gap = cheapestGap(heavy, same, end);
    if (gap === null) continue;

    usd += monthlyGapUsd(gap, end);
    const units = formatQuantity(recentDailyUsage(heavy, end) * DAYS_PER_MONTH);
    const perUnit = formatUnitPrice(gap.priceyUnitPrice - gap.cheapUnitPrice);
    parts.push(`${chargeLabel(heavy.meter.info)}, ${units} units a month at ${perUnit} less each`);
  }
  if (usd <= 0) return null;
  return {
    usd,
    basis:
      `estimate, at most, if every call moved to ${small.model}: ${parts.join('; ')} ` +
      '(prices observed as cost over usage in the last 28 days)',
  };
}

function sameTokenCharge(light: MeterSeries, heavy: MeterSeries): boolean {
  const a = light.meter.info;
  const b = heavy.meter.info;
  return (
    isTokenMeter(a) && a.chargeKind === b.chargeKind && a.tokens === b.tokens && a.batch === b.batch
  );
}

function names(spends: readonly ModelSpend[]): string {
  const shown = spends.slice(0, 2).map((spend) => spend.model);
  return spends.length > 2 ? `${shown.join(', ')} and others` : shown.join(' and ');
}
