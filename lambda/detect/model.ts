import type { Meter } from '../series/types';

const MARKETPLACE_SUFFIX = ' (Amazon Bedrock Edition)';

/**
 * The model a meter bills for, or null. Marketplace listings name the model
 * in SERVICE rather than in the usage type, so the service name stands in
 * when the usage type did not yield one.
 */
export function modelOf(meter: Meter): string | null {
  if (meter.info.model !== null) return meter.info.model;
  if (meter.serviceKind !== 'bedrock-marketplace') return null;
  return meter.service.endsWith(MARKETPLACE_SUFFIX)
    ? meter.service.slice(0, -MARKETPLACE_SUFFIX.length)
    : meter.service;
}
