import { amountOf } from './amount';
import {
  COST_METRIC_NAMES,
  type CostRow,
  type CurrencyTracker,
  SERVICE_USAGE_SHAPE,
  type WalkOptions,
  walkCostPage,
} from './cost-pages';
import { type LoggedMeter, MeterKeys } from './meter-keys';

export type { LoggedMeter };

/** Where a row came from, for messages: 0-based page, result and group. */
export type RowPlace = { readonly page: number; readonly result: number; readonly group: number };

/** The first row that lacks a cost metric other rows have, and the metrics it holds instead. */
export type MissingMetric = { readonly row: number; readonly held: readonly string[] };

/**
 * A group's metrics as a reader hands them over, reused from group to
 * group: the first `count` names in their order in the group, and each
 * one's amount (read only for cost metrics).
 */
export type GroupMetrics = { count: number; readonly names: string[]; readonly amounts: number[] };

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
  /** Meters by their keys, numbered in order of first sight; rows name them by number. */
  readonly meterKeys = new MeterKeys();
  /** The meters, by number. */
  readonly meters: readonly LoggedMeter[];
  /** Usage units in order of first sight; rows name them by index, -1 for none. */
  readonly units: string[] = [];
  /** Each day some result is for, and whether any page marks it estimated. */
  readonly days = new Map<number, boolean>();
  /** The metric names of the first group, in their order there. */
  firstHeld: readonly string[] = [];
  readonly currency: CurrencyTracker = { unit: null, where: null };

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

  private pageCount = 0;
  private readonly walk: WalkOptions;
  private readonly scratch: GroupMetrics = { count: 0, names: [], amounts: [] };

  constructor(readonly source: string) {
    this.meters = this.meterKeys.meters;
    this.walk = {
      ctx: { source, operation: 'GetCostAndUsage' },
      shape: SERVICE_USAGE_SHAPE,
      metric: null,
      currency: this.currency,
      onResult: (day, estimated) => this.noteResult(day, estimated),
    };
  }

  /** Pages read so far. */
  get pages(): number {
    return this.pageCount;
  }

  /** The cost metrics of the first group, in their order there. */
  get firstMetrics(): string[] {
    return this.firstHeld.filter((name) => COST_METRIC_NAMES.has(name));
  }

  /** Checks one parsed page and appends its rows. */
  addPage(body: unknown): void {
    walkCostPage(body, this.pageCount, this.walk, (row) => this.addRow(row));
    this.endPage();
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

  /*
   * What a page reader calls, for each result, for each group of it, and
   * once at the end of the page. `addPage` reads parsed pages with them;
   * the byte reader reads pages straight from JSON.
   */

  noteResult(day: number, estimated: boolean): void {
    this.results += 1;
    this.days.set(day, (this.days.get(day) ?? false) || estimated);
  }

  /** Appends a checked group of page `page`, the current one. */
  append(
    meter: number,
    row: { readonly day: number; readonly usage: number; readonly unit: number },
    result: number,
    group: number,
    metrics: GroupMetrics,
  ): void {
    if (this.rows === this.meterOf.length) this.grow();
    const at = this.rows;
    if (at === 0) this.firstHeld = metrics.names.slice(0, metrics.count);

    this.meterOf[at] = meter;
    this.day[at] = row.day;
    this.usage[at] = row.usage;
    this.unitOf[at] = row.unit;
    this.places[at * 3] = this.pageCount;
    this.places[at * 3 + 1] = result;
    this.places[at * 3 + 2] = group;
    this.addCosts(at, metrics);
    this.rows = at + 1;
  }

  endPage(): void {
    this.pageCount += 1;
  }

  /** The index of a usage unit, added on first sight. */
  unitOfText(unit: string): number {
    const known = this.units.indexOf(unit);
    if (known >= 0) return known;
    this.units.push(unit);
    return this.units.length - 1;
  }

  /** `unitOfText` for ASCII bytes with no escapes. */
  unitOfBytes(bytes: Uint8Array, start: number, end: number): number {
    for (let unit = 0; unit < this.units.length; unit++) {
      if (isText(this.units[unit] as string, bytes, start, end)) return unit;
    }
    return this.unitOfText(latin1(bytes, start, end));
  }

  private addRow(row: CostRow): void {
    const metrics = this.scratch;
    let count = 0;
    for (const name in row.metrics) {
      metrics.names[count] = name;
      metrics.amounts[count] = COST_METRIC_NAMES.has(name)
        ? amountOf((row.metrics[name] as { Amount?: unknown }).Amount)
        : Number.NaN;
      count++;
    }
    metrics.count = count;
    const meter = this.meterKeys.ofText(row.keys[0] as string, row.keys[1] as string);
    const unit = row.usageUnit === null ? -1 : this.unitOfText(row.usageUnit);
    this.append(meter, { day: row.day, usage: row.usage, unit }, row.result, row.group, metrics);
  }

  /** Each cost metric of a group into its column; a metric new to the log starts one. */
  private addCosts(at: number, metrics: GroupMetrics): void {
    let held = 0;
    for (let index = 0; index < metrics.count; index++) {
      const name = metrics.names[index] as string;
      if (!COST_METRIC_NAMES.has(name)) continue;
      let column = this.costs.get(name);
      if (column === undefined) {
        column = new Float64Array(this.meterOf.length).fill(Number.NaN);
        this.costs.set(name, column);
        if (at > 0) this.missing.set(name, { row: 0, held: this.firstHeld });
      }
      column[at] = metrics.amounts[index] as number;
      held++;
    }
    if (held === this.costs.size) return;
    const names = metrics.names.slice(0, metrics.count);
    for (const name of this.costs.keys()) {
      if (names.includes(name) || this.missing.has(name)) continue;
      this.missing.set(name, { row: at, held: names });
    }
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

/** True when the ASCII bytes spell `text`. */
function isText(text: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) !== bytes[start + index]) return false;
  }
  return true;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

/** Twice the room, the contents kept and the new room set to `fill`. */
function grown<T extends Int32Array | Float64Array>(column: T, fill: number): T {
  const bigger = new (column.constructor as new (length: number) => T)(column.length * 2);
  bigger.set(column);
  bigger.fill(fill, column.length);
  return bigger;
}
