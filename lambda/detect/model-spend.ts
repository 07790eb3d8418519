import { TOKEN_CHARGE_KINDS } from '../series/charge-kinds';
import type { MeterSeries, ModelTier, SpendHistory } from '../series/types';
import { modelOf } from './model';

/** Token spend and usage of one model in one region, over a window. */
export type RegionSpend = {
  readonly region: string;
  tokenUsd: number;
  inputUsd: number;
  inputUsage: number;
  outputUsd: number;
  outputUsage: number;
};

/** What one model cost over a window, split the ways the mix patterns need. */
export type ModelSpend = {
  readonly model: string;
  readonly family: string | null;
  readonly tier: ModelTier | null;
  /** Token spend per SERVICE, to name the service a finding is about. */
  readonly services: Map<string, number>;
  /** All token meters: on demand, batch and cache. */
  tokenUsd: number;
  /** On-demand (not batch) input and output token meters. */
  inputUsd: number;
  inputUsage: number;
  outputUsd: number;
  outputUsage: number;
  /** On-demand input plus output spend per day of the window. */
  readonly onDemandDaily: Float64Array;
  batchUsd: number;
  /** Meters of the kind anywhere in the history, spent in the window or not. */
  batchMeters: number;
  cacheReadMeters: number;
  cacheWriteMeters: number;
  readonly regions: Map<string, RegionSpend>;
};

/** The days `[start, end]` of `SpendHistory.days` the mix patterns look at. */
export type MixWindow = { readonly start: number; readonly end: number; readonly days: number };

/** Sums every token meter with a known model over the window, per model. */
export function modelSpend(history: SpendHistory, window: MixWindow): Map<string, ModelSpend> {
  const models = new Map<string, ModelSpend>();
  for (const series of history.meters) {
    const model = modelOf(series.meter);
    if (model === null || !TOKEN_CHARGE_KINDS.has(series.meter.info.chargeKind)) continue;

    const spend = models.get(model) ?? emptySpend(model, series, window);
    models.set(model, spend);
    addMeter(spend, series, window);
  }
  return models;
}

function emptySpend(model: string, series: MeterSeries, window: MixWindow): ModelSpend {
  return {
    model,
    family: series.meter.info.modelFamily,
    tier: series.meter.info.modelTier,
    services: new Map(),
    tokenUsd: 0,
    inputUsd: 0,
    inputUsage: 0,
    outputUsd: 0,
    outputUsage: 0,
    onDemandDaily: new Float64Array(window.days),
    batchUsd: 0,
    batchMeters: 0,
    cacheReadMeters: 0,
    cacheWriteMeters: 0,
    regions: new Map(),
  };
}

function addMeter(spend: ModelSpend, series: MeterSeries, window: MixWindow): void {
  const { info, service } = series.meter;
  const onDemand = !info.batch && info.chargeKind !== 'batch';
  const input = onDemand && info.chargeKind === 'input-tokens';
  const output = onDemand && info.chargeKind === 'output-tokens';

  let cost = 0;
  let usage = 0;
  for (let index = window.start; index <= window.end; index++) {
    const day = series.cost[index] ?? 0;
    cost += day;
    usage += series.usage[index] ?? 0;
    if (input || output) {
      const slot = index - window.start;
      spend.onDemandDaily[slot] = (spend.onDemandDaily[slot] ?? 0) + day;
    }
  }

  spend.tokenUsd += cost;
  spend.services.set(service, (spend.services.get(service) ?? 0) + cost);
  if (!onDemand) {
    spend.batchUsd += cost;
    spend.batchMeters++;
  }
  if (info.chargeKind === 'cache-read') spend.cacheReadMeters++;
  if (info.chargeKind === 'cache-write') spend.cacheWriteMeters++;

  const region = regionOf(spend, info.region);
  region.tokenUsd += cost;
  if (input) {
    spend.inputUsd += cost;
    spend.inputUsage += usage;
    region.inputUsd += cost;
    region.inputUsage += usage;
  }
  if (output) {
    spend.outputUsd += cost;
    spend.outputUsage += usage;
    region.outputUsd += cost;
    region.outputUsage += usage;
  }
}

function regionOf(spend: ModelSpend, name: string): RegionSpend {
  const existing = spend.regions.get(name);
  if (existing !== undefined) return existing;

  const created: RegionSpend = {
    region: name,
    tokenUsd: 0,
    inputUsd: 0,
    inputUsage: 0,
    outputUsd: 0,
    outputUsage: 0,
  };
  spend.regions.set(name, created);
  return created;
}

/** The SERVICE carrying most of the model's token spend. */
export function mainService(spend: ModelSpend): string {
  let best = '';
  let bestUsd = Number.NEGATIVE_INFINITY;
  for (const [service, usd] of spend.services) {
    if (usd > bestUsd) {
      best = service;
      bestUsd = usd;
    }
  }
  return best;
}
