import { NEGLIGIBLE_USD } from '../baseline';
import type { Finding } from '../finding';
import { mainService } from '../model-spend';
import { coefficientOfVariation, round } from '../stats';
import { type MixPattern, mixFinding, monthlyOf } from './context';

/** Share of the window's days a model must be billed on demand to count as steady. */
export const STEADY_DAYS_SHARE = 0.9;

/**
 * `no-batch`, per model: material on-demand token spend, billed on at least
 * `STEADY_DAYS_SHARE` of the window's days, and no batch meter for the
 * model anywhere in the history. Exposed spend: the model's on-demand
 * input and output token spend.
 *
 * Evidence: `model`, `family`, `onDemandUsd`, `daysBilled`, `dailyCv`,
 * `batchMeters` (the model's, so 0), `batchMetersInAccount` (every model's).
 */
export const noBatch: MixPattern = (context) => {
  const { window } = context;
  const needed = Math.ceil(STEADY_DAYS_SHARE * window.days);
  const batchInAccount = [...context.models.values()].reduce((sum, s) => sum + s.batchMeters, 0);
  const findings: Finding[] = [];

  for (const spend of context.models.values()) {
    if (spend.batchMeters > 0) continue;

    const exposed = monthlyOf(context, spend.inputUsd + spend.outputUsd);
    const daily = Array.from(spend.onDemandDaily);
    const billed = daily.filter((usd) => usd >= NEGLIGIBLE_USD).length;
    if (exposed < context.materialUsd || billed < needed) continue;

    const cv = coefficientOfVariation(daily, 0, daily.length - 1);
    findings.push(
      mixFinding(context, {
        pattern: 'no-batch',
        scope: spend.model,
        service: mainService(spend),
        exposedUsd: exposed,
        evidence: {
          model: spend.model,
          family: spend.family,
          onDemandUsd: round(exposed),
          daysBilled: billed,
          dailyCv: cv === null ? null : round(cv, 3),
          batchMeters: 0,
          batchMetersInAccount: batchInAccount,
        },
      }),
    );
  }
  return findings;
};
