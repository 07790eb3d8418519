import { formatShare, formatUsd } from '../../report/format';
import type { MeterSeries } from '../../series/types';
import { evidenceText } from '../evidence';
import {
  hasBatch,
  isOnDemandTokens,
  meterOfModel,
  sameModel,
  serviceMeters,
} from '../meter-lookup';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength, variation, windowEnding } from '../series-math';
import { addSeries, MONTH_BASIS_DAYS, monthlyFrom } from '../spend-window';
import { isAllServices, modelOrService } from '../where';

/** The discount batch inference gives on supported models, as a fraction of on-demand price. */
export const BATCH_DISCOUNT = 0.5;
/** Most day-to-day variation of on-demand spend that still counts as steady. */
const MAX_VARIATION = 0.6;

type Scope = { readonly name: string; readonly meters: readonly MeterSeries[] };

/**
 * Large, steady on-demand token spend with no batch meter at all. The
 * saving is an estimate: the batch discount on the eligible on-demand spend.
 */
export const onDemandWithoutBatch: Rule = {
  name: 'on-demand-without-batch',
  mistake: 6,
  needs:
    "A mix finding 'no-batch' (its evidence model), or a trend on an on-demand token meter, " +
    'where the model (or service) bills no batch meter and its on-demand token spend is at ' +
    'least 30 × min-impact-usd a month; for a trend, also steady (day-to-day variation at most ' +
    '60% over the last 28 days).',
  match(context: RuleContext): RuleMatch | null {
    const scope = scopeOf(context);
    if (scope === null || hasBatch(scope.meters)) return null;

    const eligible = scope.meters.filter((series) => isOnDemandTokens(series.meter.info));
    const daily = addSeries(eligible, context.history.days.length);
    const monthly = monthlyFrom(daily, context.completeIndex);
    const minimum = context.settings.minImpactUsd * 30;
    if (eligible.length === 0 || monthly <= 0 || monthly < minimum) return null;

    // The no-batch detector judged steadiness by days billed; a trend is judged here.
    const spread = variation(windowEnding(daily, context.completeIndex, MONTH_BASIS_DAYS));
    if (context.finding.kind === 'trend' && spread > MAX_VARIATION) return null;

    const saving = monthly * BATCH_DISCOUNT;
    return {
      mistake: 6,
      strength: clampStrength(0.5 + 0.35 * Math.max(0, 1 - spread)),
      because:
        `${scope.name} spends ${formatUsd(monthly)} a month on on-demand tokens (30 × the last ` +
        `28 days' average, day-to-day variation ${formatShare(spread)}) and bills no batch ` +
        'inference, so work that could wait likely pays full rate.',
      tip: {
        action:
          'Move the work whose answers can wait (reports, enrichment, evaluations, back-fills) ' +
          'to batch inference jobs.',
        saving: {
          usd: saving,
          basis:
            `estimate: the 50% batch discount on ${formatUsd(monthly)} a month of eligible ` +
            'on-demand token spend; only work that can wait for a batch job qualifies, and not ' +
            'every model offers batch',
        },
      },
    };
  },
};

function scopeOf({ finding, series, history }: RuleContext): Scope | null {
  if (finding.kind === 'mix' ? finding.pattern !== 'no-batch' : finding.kind !== 'trend') {
    return null;
  }
  if (finding.kind === 'trend' && (series === null || !isOnDemandTokens(series.meter.info))) {
    return null;
  }
  if (series !== null && series.meter.info.model !== null) {
    return { name: modelOrService(series.meter), meters: sameModel(history, series.meter) };
  }
  const model = evidenceText(finding, 'model');
  if (model !== null) return { name: model, meters: meterOfModel(history, model) };
  if (isAllServices(finding.service)) return { name: 'Watched LLM spend', meters: history.meters };
  return { name: finding.service, meters: serviceMeters(history, finding.service) };
}
