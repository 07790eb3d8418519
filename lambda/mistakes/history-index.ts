import { modelOf } from '../detect/model';
import type { MeterSeries, SpendHistory, UsageTypeInfo } from '../series/types';

/**
 * The meters of a history arranged for lookup: by key, by model, by model
 * and charge (the same work in any region), by model family and by
 * service, each group in the history's own order, each meter's model
 * worked out once. Explaining a finding looks past its own
 * meter many times over; with this index each look is a map read instead
 * of a pass over every meter.
 */
export type HistoryIndex = {
  readonly byKey: ReadonlyMap<string, MeterSeries>;
  /** By the model a meter bills for (`modelOf`); meters with no model are left out. */
  readonly byModel: ReadonlyMap<string, readonly MeterSeries[]>;
  /** By model and charge, routed the same way (`chargeOf`): one charge in every region. */
  readonly byModelCharge: ReadonlyMap<string, readonly MeterSeries[]>;
  /** By the parsed model family; meters with no family are left out. */
  readonly byFamily: ReadonlyMap<string, readonly MeterSeries[]>;
  readonly byService: ReadonlyMap<string, readonly MeterSeries[]>;
  /** Work derived from the whole history once, kept by a name its maker chooses. */
  readonly derived: Map<string, unknown>;
};

// A history is never changed once built, so its index can live as long as it does.
const INDEXES = new WeakMap<SpendHistory, HistoryIndex>();

/** The history's index, built on first use and kept for as long as the history lives. */
export function historyIndex(history: SpendHistory): HistoryIndex {
  const known = INDEXES.get(history);
  if (known !== undefined) return known;

  const index = buildIndex(history.meters);
  INDEXES.set(history, index);
  return index;
}

/**
 * A value worked out once per history: `make` runs on the first call with
 * a given name and later calls return what it returned. Callers that hand
 * the value on should copy what a caller could change.
 */
export function derivedOnce<T>(history: SpendHistory, name: string, make: () => T): T {
  const { derived } = historyIndex(history);
  if (derived.has(name)) return derived.get(name) as T;

  const value = make();
  derived.set(name, value);
  return value;
}

function buildIndex(meters: readonly MeterSeries[]): HistoryIndex {
  const byKey = new Map<string, MeterSeries>();
  const byModel = new Map<string, MeterSeries[]>();
  const byModelCharge = new Map<string, MeterSeries[]>();
  const byFamily = new Map<string, MeterSeries[]>();
  const byService = new Map<string, MeterSeries[]>();

  for (const series of meters) {
    const { key, service, info } = series.meter;
    const model = modelOf(series.meter);
    // The first meter of a key wins, as a search from the start would find it.
    if (!byKey.has(key)) byKey.set(key, series);
    if (model !== null) {
      push(byModel, model, series);
      push(byModelCharge, chargeOf(model, info), series);
    }
    if (info.modelFamily !== null) push(byFamily, info.modelFamily, series);
    push(byService, service, series);
  }
  return { byKey, byModel, byModelCharge, byFamily, byService, derived: new Map() };
}

/** The key of one model's charge: what it bills and how calls are routed, not where. */
export function chargeOf(model: string, info: UsageTypeInfo): string {
  return [model, info.chargeKind, info.tokens, info.batch, info.routing].join('|');
}

function push(groups: Map<string, MeterSeries[]>, name: string, series: MeterSeries): void {
  const group = groups.get(name);
  if (group === undefined) groups.set(name, [series]);
  else group.push(series);
}
