import { MODEL_FAMILIES } from '../../series/models';
import type { ModelTier } from '../../series/types';
import { ALL_WATCHED_SERVICES, type Finding } from '../finding';
import { type ModelSpend, mainService } from '../model-spend';
import { round } from '../stats';
import { type MixContext, type MixPattern, mixFinding, monthlyOf } from './context';

/** Tiers whose token spend counts as premium. */
export const PREMIUM_TIERS: ReadonlySet<ModelTier> = new Set<ModelTier>(['flagship']);

/** Share of a family's token spend on premium tiers that is worth a finding. */
export const PREMIUM_SHARE_MIN = 0.5;

/**
 * `premium-share`, per model family: at least `PREMIUM_SHARE_MIN` of the
 * family's token spend on flagship-tier models, when the family has a
 * smaller tier (one is used here, or the family's price ladder has one),
 * and the flagship spend is material. Exposed spend: the flagship spend.
 *
 * Evidence: `family`, `premiumShare`, `premiumUsd`, `familyTokenUsd`,
 * `flagshipUsd`, `midUsd`, `smallUsd`, `premiumModels`,
 * `smallerModelsUsed` (comma-separated, or null), `smallerTierUsed`.
 */
export const premiumShare: MixPattern = (context) => {
  const findings: Finding[] = [];
  for (const [family, models] of byFamily(context.models)) {
    const finding = judgeFamily(context, family, models);
    if (finding !== null) findings.push(finding);
  }
  return findings;
};

function byFamily(models: ReadonlyMap<string, ModelSpend>): Map<string, ModelSpend[]> {
  const families = new Map<string, ModelSpend[]>();
  for (const spend of models.values()) {
    if (spend.family === null) continue;
    families.set(spend.family, [...(families.get(spend.family) ?? []), spend]);
  }
  return families;
}

function tierUsd(models: readonly ModelSpend[], tier: ModelTier): number {
  return models.filter((spend) => spend.tier === tier).reduce((sum, s) => sum + s.tokenUsd, 0);
}

/** Whether the family's price ladder has a tier below the premium ones. */
function ladderHasSmallerTier(family: string): boolean {
  const rule = MODEL_FAMILIES.find((entry) => entry.family === family);
  if (rule === undefined) return false;
  return rule.bySize || rule.tiers.some((entry) => !PREMIUM_TIERS.has(entry.tier));
}

function judgeFamily(
  context: MixContext,
  family: string,
  models: readonly ModelSpend[],
): Finding | null {
  const premium = models.filter((spend) => spend.tier !== null && PREMIUM_TIERS.has(spend.tier));
  const smaller = models.filter(
    (spend) => spend.tier !== null && !PREMIUM_TIERS.has(spend.tier) && spend.tokenUsd > 0,
  );
  const familyUsd = models.reduce((sum, spend) => sum + spend.tokenUsd, 0);
  const premiumUsd = premium.reduce((sum, spend) => sum + spend.tokenUsd, 0);
  if (!(familyUsd > 0) || premium.length === 0) return null;
  if (smaller.length === 0 && !ladderHasSmallerTier(family)) return null;

  const share = premiumUsd / familyUsd;
  const exposed = monthlyOf(context, premiumUsd);
  if (share < PREMIUM_SHARE_MIN || exposed < context.materialUsd) return null;

  const services = new Set(premium.map(mainService));
  return mixFinding(context, {
    pattern: 'premium-share',
    scope: family,
    service: services.size === 1 ? ([...services][0] as string) : ALL_WATCHED_SERVICES,
    exposedUsd: exposed,
    evidence: {
      family,
      premiumShare: round(share, 3),
      premiumUsd: round(exposed),
      familyTokenUsd: round(monthlyOf(context, familyUsd)),
      flagshipUsd: round(monthlyOf(context, tierUsd(models, 'flagship'))),
      midUsd: round(monthlyOf(context, tierUsd(models, 'mid'))),
      smallUsd: round(monthlyOf(context, tierUsd(models, 'small'))),
      premiumModels: premium
        .map((spend) => spend.model)
        .sort()
        .join(','),
      smallerModelsUsed:
        smaller.length > 0
          ? smaller
              .map((spend) => spend.model)
              .sort()
              .join(',')
          : null,
      smallerTierUsed: smaller.length > 0,
    },
  });
}
