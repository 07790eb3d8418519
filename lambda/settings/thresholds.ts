import type { Settings, SpikeThresholds } from './settings';

/**
 * The spike thresholds in force for one service: the global settings, with
 * that service's entry of `serviceOverrides` on top. The override is found
 * by exact SERVICE name first, then ignoring case and surrounding spaces.
 */
export function thresholdsFor(settings: Settings, service: string): SpikeThresholds {
  const override = findOverride(settings.serviceOverrides, service) ?? {};
  return {
    spikeScore: override.spikeScore ?? settings.spikeScore,
    minImpactUsd: override.minImpactUsd ?? settings.minImpactUsd,
    minIncreasePct: override.minIncreasePct ?? settings.minIncreasePct,
  };
}

/** The override entry of one service: exact name first, then ignoring case and spaces. */
export function findOverride(
  overrides: Settings['serviceOverrides'],
  service: string,
): Partial<SpikeThresholds> | undefined {
  const exact = overrides[service];
  if (exact) return exact;

  const wanted = service.trim().toLowerCase();
  const match = Object.keys(overrides).find((name) => name.trim().toLowerCase() === wanted);
  return match === undefined ? undefined : overrides[match];
}
