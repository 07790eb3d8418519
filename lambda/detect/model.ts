import { modelFromServiceName } from '../series/services';
import type { Meter } from '../series/types';

/**
 * The model a meter bills for, or null. Marketplace listings name the model
 * in SERVICE rather than in the usage type, so the service name stands in
 * when the parsed usage type has none.
 */
export function modelOf(meter: Meter): string | null {
  return meter.info.model ?? modelFromServiceName(meter.service);
}
