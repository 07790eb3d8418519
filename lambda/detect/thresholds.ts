import type { Settings, SpikeThresholds } from '../settings/settings';
import { findOverride, thresholdsFor } from '../settings/thresholds';

/** Spike thresholds of one service, with whether a service override changed them. */
export type ServiceThresholds = SpikeThresholds & { readonly overridden: boolean };

/**
 * Resolves the spike thresholds per SERVICE name through `thresholdsFor`,
 * cached, since a run asks once per meter.
 */
export function serviceThresholds(settings: Settings): (service: string) => ServiceThresholds {
  const cache = new Map<string, ServiceThresholds>();

  return (service) => {
    const cached = cache.get(service);
    if (cached !== undefined) return cached;

    const override = findOverride(settings.serviceOverrides, service);
    const resolved: ServiceThresholds = {
      ...thresholdsFor(settings, service),
      overridden: override !== undefined && Object.keys(override).length > 0,
    };
    cache.set(service, resolved);
    return resolved;
  };
}
