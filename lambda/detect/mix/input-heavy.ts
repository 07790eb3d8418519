import { NEGLIGIBLE_USD } from '../baseline';
import type { Finding } from '../finding';
import { mainService } from '../model-spend';
import { round, significant } from '../stats';
import { type MixPattern, mixFinding, monthlyOf } from './context';

/** Input-token cost at least this many times output-token cost is input-heavy. */
export const INPUT_HEAVY_RATIO = 3;

/**
 * `input-heavy`, per model: on-demand input-token cost at least
 * `INPUT_HEAVY_RATIO` times its output-token cost, material input spend,
 * and no cache-read meter for the model anywhere in the history. Models
 * with no output cost (embeddings) are left out. Exposed spend: the
 * model's on-demand input-token spend.
 *
 * Evidence: `model`, `family`, `inputUsd`, `outputUsd`,
 * `inputOutputRatio`, `inputUsage`, `outputUsage`, `cacheReadMeters`,
 * `cacheWriteMeters`.
 */
export const inputHeavy: MixPattern = (context) => {
  const findings: Finding[] = [];
  for (const spend of context.models.values()) {
    if (spend.cacheReadMeters > 0 || spend.outputUsd < NEGLIGIBLE_USD) continue;

    const ratio = spend.inputUsd / spend.outputUsd;
    const exposed = monthlyOf(context, spend.inputUsd);
    if (ratio < INPUT_HEAVY_RATIO || exposed < context.materialUsd) continue;

    findings.push(
      mixFinding(context, {
        pattern: 'input-heavy',
        scope: spend.model,
        service: mainService(spend),
        exposedUsd: exposed,
        evidence: {
          model: spend.model,
          family: spend.family,
          inputUsd: round(exposed),
          outputUsd: round(monthlyOf(context, spend.outputUsd)),
          inputOutputRatio: round(ratio, 2),
          inputUsage: significant(spend.inputUsage, 6),
          outputUsage: significant(spend.outputUsage, 6),
          cacheReadMeters: spend.cacheReadMeters,
          cacheWriteMeters: spend.cacheWriteMeters,
        },
      }),
    );
  }
  return findings;
};
