import { formatShare, formatUsd } from '../../report/format';
import { evidenceList } from '../evidence';
import { isPremium, isTokenMeter, modelIdentity } from '../meter-lookup';
import { type ModelSpend, tokenSpendByModel } from '../model-spend';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength, sum } from '../series-math';
import { isPriceSpike } from '../spike-shape';
import { chargeLabel } from '../where';

/** Least share of all watched token spend one premium model must carry. */
const MIN_SHARE = 0.5;

/**
 * One premium model carries most of all token spend, across its meters:
 * likely every task, simple ones included, goes to the flagship.
 */
export const onePremiumModel: Rule = {
  name: 'one-premium-model',
  mistake: 10,
  needs:
    "A mix finding 'premium-share', or a price spike or a trend on a flagship or mid-tier " +
    'token meter, whose model carries at least 50% of all watched token spend over the last ' +
    '28 days.',
  match(context: RuleContext): RuleMatch | null {
    const model = premiumModelOf(context);
    if (model === null) return null;

    const all = tokenSpendByModel(context.history, context.completeIndex);
    const totalUsd = sum(all.map((spend) => spend.costUsd));
    const share = totalUsd > 0 ? model.costUsd / totalUsd : 0;
    if (share < MIN_SHARE) return null;

    const charges = new Set(model.meters.map((series) => chargeLabel(series.meter.info)));
    return {
      mistake: 10,
      strength: clampStrength(0.3 + 0.6 * share),
      because:
        `One premium model, ${model.model}, carries ${formatShare(share)} of all watched token ` +
        `spend in the last 28 days (${formatUsd(model.costUsd)} of ${formatUsd(totalUsd)}) over ` +
        `${charges.size} kinds of charge, so it likely serves simple tasks too.`,
      tip: {
        action:
          `List the tasks that call ${model.model} (chat, summaries, extraction, classification, ` +
          'embeddings), evaluate a small model for each, and move every task that passes.',
        saving: null,
      },
    };
  },
};

function premiumModelOf({
  finding,
  series,
  history,
  completeIndex,
}: RuleContext): ModelSpend | null {
  const spends = tokenSpendByModel(history, completeIndex);
  if (finding.kind === 'mix') {
    if (finding.pattern !== 'premium-share') return null;
    const named = evidenceList(finding, 'premiumModels');
    return (
      spends.find((spend) => (named.length > 0 ? named.includes(spend.model) : spend.premium)) ??
      null
    );
  }

  if (series === null || !isPremium(series.meter.info) || !isTokenMeter(series.meter.info)) {
    return null;
  }
  if (finding.kind !== 'trend' && !isPriceSpike(finding)) return null;
  const identity = modelIdentity(series.meter);
  return spends.find((spend) => spend.identity === identity) ?? null;
}
