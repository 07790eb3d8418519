import { modelOf } from '../detect/model';
import type { ChargeKind, Meter, MeterSeries, SpendHistory, UsageTypeInfo } from '../series/types';
import { chargeOf, historyIndex } from './history-index';

/**
 * Finding a meter's relatives in the history: the other meters of the same
 * model, the same model in other regions, other tiers of the same family.
 * The rules use these to look past the one meter a finding is about. Each
 * lookup reads the history's index, built once per history, so it costs
 * the size of the group it returns, not the number of meters.
 */

const ON_DEMAND_TOKENS: readonly ChargeKind[] = ['input-tokens', 'output-tokens'];
const CAPACITY: readonly ChargeKind[] = [
  'provisioned-throughput',
  'endpoint-hours',
  'search-capacity',
];
const DATA: readonly ChargeKind[] = [
  'storage',
  'search-capacity',
  'custom-model-storage',
  'data-transfer',
];

export function findSeries(history: SpendHistory, meterKey: string | null): MeterSeries | null {
  if (meterKey === null) return null;
  return historyIndex(history).byKey.get(meterKey) ?? null;
}

/** Billed per token at on-demand rates: not batch, not cache, not capacity. */
export function isOnDemandTokens(info: UsageTypeInfo): boolean {
  return ON_DEMAND_TOKENS.includes(info.chargeKind) && !info.batch;
}

/** Any token meter: on demand, batch or cache. */
export function isTokenMeter(info: UsageTypeInfo): boolean {
  return info.tokens !== null || info.batch || info.chargeKind === 'cache-read';
}

/**
 * Billed per request or per token, so that more usage means more calls:
 * token meters, guardrails, and the per-request AI services (Textract,
 * Comprehend...). Never storage, capacity or data transfer.
 */
export function isRequestBilled(meter: Meter): boolean {
  const { info } = meter;
  if (isTokenMeter(info) || info.chargeKind === 'guardrail') return true;
  return meter.serviceKind === 'ai-service' && !isCapacity(info) && !isDataMeter(meter);
}

/** Capacity billed by the hour whether used or not (search capacity included). */
export function isCapacity(info: UsageTypeInfo): boolean {
  return CAPACITY.includes(info.chargeKind);
}

/** Storage, indexing and transfer: what retrieval and customisation keep paying for. */
export function isDataMeter(meter: Meter): boolean {
  return DATA.includes(meter.info.chargeKind) || meter.serviceKind === 'vector-store';
}

/** A flagship or mid-tier model: the top of its family's price ladder. */
export function isPremium(info: UsageTypeInfo): boolean {
  return info.modelTier === 'flagship' || info.modelTier === 'mid';
}

/**
 * The model a meter bills for, across regions and charge kinds, or null for
 * a meter with no model; the same model the detectors group by.
 */
export function modelIdentity(meter: Meter): string | null {
  return modelOf(meter);
}

/** Every meter of the same model (the meter itself included). */
export function sameModel(history: SpendHistory, meter: Meter): MeterSeries[] {
  const identity = modelIdentity(meter);
  if (identity === null) return [];
  return [...(historyIndex(history).byModel.get(identity) ?? [])];
}

/** The same model and charge, routed the same way, billed in other regions. */
export function regionTwins(history: SpendHistory, meter: Meter): MeterSeries[] {
  const identity = modelIdentity(meter);
  if (identity === null) return [];
  const twins = historyIndex(history).byModelCharge.get(chargeOf(identity, meter.info)) ?? [];
  return twins.filter((series) => series.meter.info.region !== meter.info.region);
}

/** Other tiers of the same model family billing the same charge (any region). */
export function tierSiblings(history: SpendHistory, meter: Meter): MeterSeries[] {
  const { modelFamily, modelTier } = meter.info;
  if (modelFamily === null || modelTier === null) return [];
  const family = historyIndex(history).byFamily.get(modelFamily) ?? [];
  return family.filter(
    (series) =>
      series.meter.info.modelTier !== null &&
      series.meter.info.modelTier !== modelTier &&
      sameCharge(series.meter.info, meter.info),
  );
}

/** True when the model has cache-read usage anywhere in the window. */
export function hasCacheReads(history: SpendHistory, meter: Meter): boolean {
  return sameModel(history, meter).some(
    (series) => series.meter.info.chargeKind === 'cache-read' && billed(series),
  );
}

/** True when any of these meters bills batch inference in the window. */
export function hasBatch(meters: readonly MeterSeries[]): boolean {
  return meters.some(
    (series) =>
      (series.meter.info.batch || series.meter.info.chargeKind === 'batch') && billed(series),
  );
}

/** The meters of one model, by the name the detectors give it (evidence `model`). */
export function meterOfModel(history: SpendHistory, model: string): MeterSeries[] {
  return [...(historyIndex(history).byModel.get(model) ?? [])];
}

/** The meters of one service. */
export function serviceMeters(history: SpendHistory, service: string): MeterSeries[] {
  return [...(historyIndex(history).byService.get(service) ?? [])];
}

/** True when the series has any cost in the window. */
export function billed(series: MeterSeries): boolean {
  return series.cost.some((cost) => cost > 0);
}

function sameCharge(a: UsageTypeInfo, b: UsageTypeInfo): boolean {
  return a.chargeKind === b.chargeKind && a.tokens === b.tokens && a.batch === b.batch;
}
