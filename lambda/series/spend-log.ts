import { amountOf } from './amount';
import {
  COST_METRIC_NAMES,
  type CostRow,
  type CurrencyTracker,
  SERVICE_USAGE_SHAPE,
  type WalkOptions,
  walkCostPage,
} from './cost-pages';

/** A (service, usage type) pair, as the log first saw it. */
export type LoggedMeter = { readonly service: string; readonly usageType: string };

/** Where a row came from, for messages: 0-based page, result and group. */
export type RowPlace = { readonly page: number; readonly result: number; readonly group: number };

/** The first row that lacks a cost metric other rows have, and the metrics it holds instead. */
export type MissingMetric = { readonly row: number; readonly held: readonly string[] };

const FIRST_CAPACITY = 1024;

/**
 * The main pages of a capture (DAILY spend grouped by SERVICE and
 * USAGE_TYPE), checked and read into compact columns one page at a time,
 * so that each page can be let go as soon as it is read. A history for
 * any run date is built from the log.
 *
 * Rows keep page order, every service and every cost metric the pages
 * hold: which of them count is the history's choice. A bad page throws
 * `CaptureError` naming its page and field; the log is not used after that.
 */
export class SpendLog {
  /** Meters in order of first sight; rows name them by index. */
  readonly meters: LoggedMeter[] = [];
  /** Usage units in order of first sight; rows name them by index, -1 for none. */
  readonly units: string[] = [];
  /** Each day some result is for, and whether any page marks it estimated. */
  readonly days = new Map<number, boolean>();
  /** The metric names of the first group, in their order there. */
  firstHeld: readonly string[] = [];
  readonly currency: CurrencyTracker = { unit: null, where: null };

  pages = 0;
  results = 0;
  rows = 0;

  /** Columns, one entry a row (`places`: page, result and group, three a row). */
  meterOf = new Int32Array(FIRST_CAPACITY);
  day = new Int32Array(FIRST_CAPACITY);
  usage = new Float64Array(FIRST_CAPACITY);
  unitOf = new Int32Array(FIRST_CAPACITY);
  places = new Int32Array(FIRST_CAPACITY * 3);
  /** Cost per row, by metric; NaN where a group lacks the metric. */
  readonly costs = new Map<string, Float64Array>();
  /** Per cost metric, the first row without it, when there is one. */
  readonly missing = new Map<string, MissingMetric>();

  private readonly byService = new Map<string, Map<string, number>>();
  /** The meter that followed each meter last time: pages list groups in the same order each day. */
  private next = new Int32Array(FIRST_CAPACITY).fill(-1);
  private previous = -1;
  private lastService: string | null = null;
  private lastByUsage: Map<string, number> | undefined;
  private readonly walk: WalkOptions;

  constructor(readonly source: string) {
    this.walk = {
      ctx: { source, operation: 'GetCostAndUsage' },
      shape: SERVICE_USAGE_SHAPE,
      metric: null,
      currency: this.currency,
      onResult: (day, estimated) => {
        this.results += 1;
        this.days.set(day, (this.days.get(day) ?? false) || estimated);
      },
    };
  }

  /** The cost metrics of the first group, in their order there. */
  get firstMetrics(): string[] {
    return this.firstHeld.filter((name) => COST_METRIC_NAMES.has(name));
  }

  /** Checks one page and appends its rows. */
  addPage(body: unknown): void {
    walkCostPage(body, this.pages, this.walk, (row) => this.addRow(row));
    this.pages += 1;
  }

  /** Where row `row` came from. */
  placeOf(row: number): RowPlace {
    const at = row * 3;
    return {
      page: this.places[at] as number,
      result: this.places[at + 1] as number,
      group: this.places[at + 2] as number,
    };
  }

  private addRow(row: CostRow): void {
    if (this.rows === this.meterOf.length) this.grow();
    const at = this.rows;
    if (at === 0) this.firstHeld = Object.keys(row.metrics);

    this.meterOf[at] = this.meterAt(row.keys[0] as string, row.keys[1] as string);
    this.day[at] = row.day;
    this.usage[at] = row.usage;
    this.unitOf[at] = row.usageUnit === null ? -1 : this.unitIndex(row.usageUnit);
    this.places[at * 3] = row.page;
    this.places[at * 3 + 1] = row.result;
    this.places[at * 3 + 2] = row.group;
    this.addCosts(at, row.metrics);
    this.rows = at + 1;
  }

  /** Each cost metric of a group into its column; a metric new to the log starts one. */
  private addCosts(at: number, metrics: CostRow['metrics']): void {
    let held = 0;
    for (const name in metrics) {
      if (!COST_METRIC_NAMES.has(name)) continue;
      let column = this.costs.get(name);
      if (column === undefined) {
        column = new Float64Array(this.meterOf.length).fill(Number.NaN);
        this.costs.set(name, column);
        if (at > 0) this.missing.set(name, { row: 0, held: this.firstHeld });
      }
      column[at] = amountOf((metrics[name] as { Amount?: unknown }).Amount);
      held++;
    }
    if (held === this.costs.size) return;
    for (const name of this.costs.keys()) {
      if (name in metrics || this.missing.has(name)) continue;
      this.missing.set(name, { row: at, held: Object.keys(metrics) });
    }
  }

  /** The meter of a row: most often the one that followed the previous row's meter last time. */
  private meterAt(service: string, usageType: string): number {
    // Comparing with the predicted meter is much cheaper than looking up two strings.
    const predicted = this.previous < 0 ? -1 : (this.next[this.previous] as number);
    const guess = predicted < 0 ? undefined : this.meters[predicted];
    if (guess !== undefined && guess.usageType === usageType && guess.service === service) {
      this.previous = predicted;
      return predicted;
    }
    const meter = this.meterIndex(service, usageType);
    if (this.previous >= 0) this.next[this.previous] = meter;
    this.previous = meter;
    return meter;
  }

  private meterIndex(service: string, usageType: string): number {
    // Pages list one service's meters together: most rows are of the last row's service.
    let byUsage = service === this.lastService ? this.lastByUsage : this.byService.get(service);
    if (byUsage === undefined) {
      byUsage = new Map();
      this.byService.set(service, byUsage);
    }
    this.lastService = service;
    this.lastByUsage = byUsage;
    let meter = byUsage.get(usageType);
    if (meter === undefined) {
      meter = this.meters.length;
      this.meters.push({ service, usageType });
      byUsage.set(usageType, meter);
      if (meter === this.next.length) this.next = grown(this.next, -1);
    }
    return meter;
  }

  private unitIndex(unit: string): number {
    const known = this.units.indexOf(unit);
    if (known >= 0) return known;
    this.units.push(unit);
    return this.units.length - 1;
  }

  private grow(): void {
    this.meterOf = grown(this.meterOf, 0);
    this.day = grown(this.day, 0);
    this.usage = grown(this.usage, 0);
    this.unitOf = grown(this.unitOf, 0);
    this.places = grown(this.places, 0);
    for (const [name, column] of this.costs) this.costs.set(name, grown(column, Number.NaN));
  }
}

/** Reads all the pages of an operation into a new log. */
export function logSpend(pages: readonly unknown[], source: string): SpendLog {
  const log = new SpendLog(source);
  for (const page of pages) log.addPage(page);
  return log;
}

/** Twice the room, the contents kept and the new room set to `fill`. */
function grown<T extends Int32Array | Float64Array>(column: T, fill: number): T {
  const bigger = new (column.constructor as new (length: number) => T)(column.length * 2);
  bigger.set(column);
  bigger.fill(fill, column.length);
  return bigger;
}
