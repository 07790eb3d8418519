import type { Settings, SpikeThresholds } from '../settings/settings';

/** Spike thresholds of one service, with whether a service override changed them. */
export type ServiceThresholds = SpikeThresholds & { readonly overridden: boolean };

/**
 * Resolves the spike thresholds per SERVICE name, applying
 * `settings.serviceOverrides` field by field over the global values.
 * Results are cached, since a run asks once per meter.
 */
export function serviceThresholds(settings: Settings): (service: string) => ServiceThresholds {
  const cache = new Map<string, ServiceThresholds>();

  return (service) => {
    const cached = cache.get(service);
    if (cached !== undefined) return cached;

    const override = settings.serviceOverrides[service];
    const resolved: ServiceThresholds = {
      spikeScore: override?.spikeScore ?? settings.spikeScore,
      minImpactUsd: override?.minImpactUsd ?? settings.minImpactUsd,
      minIncreasePct: override?.minIncreasePct ?? settings.minIncreasePct,
      overridden: override !== undefined && Object.keys(override).length > 0,
    };
    cache.set(service, resolved);
    return resolved;
  };
}
