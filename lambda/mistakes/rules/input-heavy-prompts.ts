import { formatRatio, formatUsd } from '../../report/format';
import type { MeterSeries, SpendHistory } from '../../series/types';
import { DOC_LINKS } from '../catalogue';
import { evidenceText } from '../evidence';
import { hasCacheReads, isOnDemandTokens, meterOfModel, sameModel } from '../meter-lookup';
import { type ModelSpend, tokenSpendByModel, windowCost } from '../model-spend';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength, sum } from '../series-math';
import { isAllServices } from '../where';

/** Least ratio of input-token cost to output-token cost that counts as input-heavy. */
const MIN_INPUT_RATIO = 3;

type Sides = { readonly model: string; readonly inputUsd: number; readonly outputUsd: number };

/**
 * Input tokens cost far more than output tokens for one model, steadily:
 * long prompts are paid for on every call. Stronger when the model bills no
 * cache reads at all.
 */
export const inputHeavyPrompts: Rule = {
  name: 'input-heavy-prompts',
  mistake: 3,
  needs:
    "A mix finding 'input-heavy' (its evidence model), or a spike, trend or new spend on an " +
    'input-token meter, where ' +
    "the model's on-demand input tokens cost at least 3x its output tokens over the last 28 " +
    'days; the model having no cache-read meter makes it stronger.',
  match(context: RuleContext): RuleMatch | null {
    const meters = modelMetersOf(context);
    if (meters.length === 0) return null;

    const sides = sidesOf(meters, context.completeIndex);
    if (sides.outputUsd <= 0 || sides.inputUsd / sides.outputUsd < MIN_INPUT_RATIO) return null;

    const ratio = sides.inputUsd / sides.outputUsd;
    const cached = hasCacheReads(context.history, (meters[0] as MeterSeries).meter);
    const strength = 0.45 + 0.1 * Math.log2(ratio / MIN_INPUT_RATIO) + (cached ? -0.15 : 0.1);
    return {
      mistake: 3,
      strength: clampStrength(strength),
      because:
        `${sides.model} input tokens cost ${formatRatio(ratio)} its output tokens in the last 28 ` +
        `days (${formatUsd(sides.inputUsd)} against ${formatUsd(sides.outputUsd)}) ` +
        `${cached ? 'even with cache reads' : 'and the model bills no cache reads'}, so long ` +
        'prompts are likely paid for on every call.',
      tip: cached
        ? {
            action:
              `Cache more of the fixed ${sides.model} prompt prefix and trim what every call ` +
              'repeats; for long, stable instructions, fine-tune a smaller model instead.',
            link: DOC_LINKS.customModels,
            saving: null,
          }
        : {
            action:
              `Turn on prompt caching for the fixed part of the ${sides.model} prompts (system ` +
              'prompt, documents, tool definitions) and trim what every call repeats; for long, ' +
              'stable instructions, fine-tune a smaller model instead.',
            link: DOC_LINKS.promptCaching,
            saving: null,
          },
    };
  },
};

function modelMetersOf({ finding, series, history, completeIndex }: RuleContext): MeterSeries[] {
  if (finding.kind === 'mix') {
    if (finding.pattern !== 'input-heavy') return [];
    if (series !== null) return sameModel(history, series.meter);
    const model = evidenceText(finding, 'model');
    if (model !== null) return meterOfModel(history, model);
    return mostInputHeavy(history, finding.service, completeIndex);
  }

  if (!['spike', 'trend', 'new-spend'].includes(finding.kind) || series === null) return [];
  if (series.meter.info.tokens !== 'input') return [];
  return sameModel(history, series.meter);
}

/** For a service-level finding: the model whose input side outweighs its output most. */
function mostInputHeavy(history: SpendHistory, service: string, end: number): MeterSeries[] {
  const inScope = tokenSpendByModel(history, end).filter(
    (spend) => isAllServices(service) || spend.meters[0]?.meter.service === service,
  );

  let best: { spend: ModelSpend; ratio: number } | null = null;
  for (const spend of inScope) {
    const sides = sidesOf(spend.meters, end);
    const ratio = sides.outputUsd > 0 ? sides.inputUsd / sides.outputUsd : 0;
    if (best === null || ratio > best.ratio) best = { spend, ratio };
  }
  return best === null ? [] : [...best.spend.meters];
}

function sidesOf(meters: readonly MeterSeries[], end: number): Sides {
  const onDemand = meters.filter((series) => isOnDemandTokens(series.meter.info));
  const side = (tokens: 'input' | 'output') =>
    sum(onDemand.filter((s) => s.meter.info.tokens === tokens).map((s) => windowCost(s, end)));
  const first = meters[0];
  return {
    model: first?.meter.info.model ?? first?.meter.service ?? 'This model',
    inputUsd: side('input'),
    outputUsd: side('output'),
  };
}
