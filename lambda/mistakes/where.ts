import { ALL_WATCHED_SERVICES, type Finding } from '../detect/finding';
import type { ChargeKind, Meter, UsageTypeInfo } from '../series/types';
import { evidenceText } from './evidence';

/** How people read each charge kind. */
const CHARGE_LABELS: Readonly<Record<ChargeKind, string>> = {
  'input-tokens': 'input tokens',
  'output-tokens': 'output tokens',
  'cache-read': 'cache reads',
  'cache-write': 'cache writes',
  batch: 'batch tokens',
  'provisioned-throughput': 'provisioned throughput',
  'custom-model-training': 'custom-model training',
  'custom-model-storage': 'custom-model storage',
  'custom-model-inference': 'custom-model inference',
  guardrail: 'guardrails',
  'endpoint-hours': 'endpoint hours',
  notebook: 'notebooks',
  training: 'training',
  storage: 'storage',
  'search-capacity': 'search capacity',
  'data-transfer': 'data transfer',
  other: 'other usage',
};

/** The charge of a usage type in words: `batch input tokens`, `output tokens (global)`. */
export function chargeLabel(info: UsageTypeInfo): string {
  const base =
    info.batch && info.tokens !== null
      ? `batch ${info.tokens} tokens`
      : CHARGE_LABELS[info.chargeKind];
  if (info.routing === 'global') return `${base} (global)`;
  if (info.routing === 'cross-region') return `${base} (cross-region)`;
  return base;
}

/** The model as people name it, or the service when the meter has none. */
export function modelOrService(meter: Meter): string {
  return meter.info.model ?? meter.service;
}

/**
 * Full description of a meter for people:
 * `Claude 3.5 Sonnet · us-east-1 · output tokens (USE1-MP:USE1_OutputTokenCount-Units)`.
 */
export function describeMeter(meter: Meter): string {
  const parts = [modelOrService(meter), meter.info.region, chargeLabel(meter.info)];
  return `${parts.join(' · ')} (${meter.usageType})`;
}

/** Short form for sentences: `Claude 3.5 Sonnet output tokens in us-east-1`. */
export function shortMeter(meter: Meter): string {
  return `${modelOrService(meter)} ${chargeLabel(meter.info)} in ${meter.info.region}`;
}

/** Where a finding is, for a finding whose meter may not be in the history. */
export function describeFinding(finding: Finding, meter: Meter | null): string {
  if (meter !== null) return describeMeter(meter);
  if (finding.usageType !== null) return `${finding.service} · ${finding.usageType}`;

  const model = evidenceText(finding, 'model');
  const family = evidenceText(finding, 'family');
  const scope = isAllServices(finding.service)
    ? 'All watched LLM and AI services'
    : finding.service;
  if (model !== null && !finding.service.includes(model))
    return `${model} · all its meters (${scope})`;
  if (model === null && family !== null) return `${scope} · the ${family} family`;
  return isAllServices(finding.service) ? scope : `${scope} · all meters`;
}

/** True for a finding about all watched spend rather than one service. */
export function isAllServices(service: string): boolean {
  return service === ALL_WATCHED_SERVICES || service.trim() === '';
}
