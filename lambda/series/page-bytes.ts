/**
 * Reads a GetCostAndUsage page straight from its JSON bytes into a spend
 * log, without building the page's objects: parsing a wide account's
 * pages costs more than everything done with them afterwards.
 *
 * It reads the plain form that Cost Explorer, the AWS SDK and the AWS CLI
 * write: keys, metric names and units as ASCII strings without escapes,
 * amounts as plain decimal strings, and the group fields they give. For
 * anything else it adds nothing to the log and returns false, and the
 * page is parsed and read the usual way, which also gives the exact
 * message for a page that is wrong.
 */
import { COST_METRICS } from '../settings/settings';
import { amountOf, plainDecimalBytes } from './amount';
import { checkedResultDay, type ResultRecord, SERVICE_USAGE_SHAPE } from './cost-pages';
import { CaptureError } from './errors';
import { decode, JSON_BYTES, type JsonCursor, NotReadable } from './json-cursor';
import type { KeyBytes } from './meter-keys';
import type { GroupMetrics, SpendLog } from './spend-log';

const { BACKSLASH, CLOSE_LIST, CLOSE_OBJECT, COLON, COMMA, OPEN_LIST, OPEN_OBJECT, QUOTE } =
  JSON_BYTES;

const USAGE_QUANTITY = 'UsageQuantity';
/** The metric names read here; a page with any other is read the usual way. */
const METRICS: readonly string[] = [...COST_METRICS, USAGE_QUANTITY];
const USAGE_METRIC = METRICS.indexOf(USAGE_QUANTITY);
/** Stands for a result's non-empty `Groups` in the checks of `checkedResultDay`. */
const SOME_GROUPS: readonly unknown[] = [true];
const NO_GROUPS: readonly unknown[] = [];
const FIRST_CAPACITY = 8192;

/** The groups of the page as read, before they are added to the log. */
type GroupColumns = {
  /** Per group, `PLACE_FIELDS` entries: see `PLACE`. */
  places: Int32Array;
  usage: Float64Array;
  /** Per group, per metric of `METRICS`: its amount, NaN when absent. */
  amounts: Float64Array;
  /** Per group, per metric: its position in the group, -1 when absent. */
  order: Int8Array;
};

/**
 * Where a group's entries of `places` are: its result, where its service,
 * usage type and usage unit start and end in the bytes (the unit's start
 * -1 when it has none), and its meter when the log knew it already (-1
 * when it is new).
 */
const PLACE = {
  result: 0,
  service: 1,
  serviceEnd: 2,
  usageType: 3,
  usageTypeEnd: 4,
  unit: 5,
  unitEnd: 6,
  meter: 7,
} as const;
const PLACE_FIELDS = 8;

/**
 * Reads the page that comes next at `cursor` into `log` as its next page,
 * leaves the cursor after it and returns true; or returns false, having
 * added nothing, when the page is not in the plain form (or is wrong in
 * any way). The cursor is then anywhere inside the page.
 */
export function readPageBytes(cursor: JsonCursor, log: SpendLog): boolean {
  // The currency is set by the first page read the usual way; until then there is nothing to match.
  if (log.currency.unit === null) return false;
  const reader = new PageBytesReader(cursor, log, log.currency.unit);
  try {
    reader.readPage();
  } catch (error) {
    if (error instanceof NotReadable) return false;
    throw error;
  }
  return reader.addTo();
}

/** One page's reading: first all of it into columns, then, if all went well, into the log. */
class PageBytesReader {
  private groups = 0;
  private columns: GroupColumns = newColumns(FIRST_CAPACITY);
  private readonly results: ResultRecord[] = [];
  private definitions: unknown;
  private readonly currency: Uint8Array;
  /** The key of the member being read, from its start to before its end. */
  private keyStart = 0;
  private keyEnd = 0;
  /** Where the unit read last ends. */
  private unitEnd = -1;
  private readonly key: KeyBytes;

  /**
   * `log` is only read until `addTo`: the meters it knows are looked up
   * while their bytes are at hand.
   */
  constructor(
    private readonly cursor: JsonCursor,
    private readonly log: SpendLog,
    currency: string,
  ) {
    this.currency = Buffer.from(currency, 'latin1');
    this.key = { bytes: cursor.bytes, service: 0, serviceEnd: 0, usageType: 0, usageTypeEnd: 0 };
  }

  /** The page object: its results, its grouping, and other fields, parsed and left unread. */
  readPage(): void {
    const seen = new Set<string>();
    this.firstKey();
    do {
      const key = this.onceEach(seen);
      if (key === 'ResultsByTime') this.eachOfList(() => this.readResult());
      else if (key === 'GroupDefinitions') this.definitions = this.cursor.value();
      else this.cursor.value();
    } while (this.moreMembers());
    if (!seen.has('ResultsByTime')) throw new NotReadable();
  }

  /** Adds what was read to the log, after the checks of the usual walk; false if one fails. */
  addTo(): boolean {
    const { log } = this;
    const days = this.checkedDays(log);
    if (days === null) return false;
    this.results.forEach((result, index) => {
      log.noteResult(days[index] as number, result.Estimated === true);
    });

    const { bytes } = this.cursor;
    const { places, usage } = this.columns;
    const metrics: GroupMetrics = { count: 0, names: [], amounts: [] };
    const row = { day: 0, usage: 0, unit: -1 };
    let group = 0;
    for (let at = 0; at < this.groups; at++) {
      const base = at * PLACE_FIELDS;
      const result = places[base + PLACE.result] as number;
      group = at > 0 && places[base - PLACE_FIELDS + PLACE.result] === result ? group + 1 : 0;
      const known = places[base + PLACE.meter] as number;
      const meter = known >= 0 ? known : log.meterKeys.ofBytes(this.keyAt(base));
      const unit = places[base + PLACE.unit] as number;
      const unitEnd = places[base + PLACE.unitEnd] as number;
      row.day = days[result] as number;
      row.usage = usage[at] as number;
      row.unit = unit < 0 ? -1 : log.unitOfBytes(bytes, unit, unitEnd);
      this.metricsOf(at, metrics);
      log.append(meter, row, result, group, metrics);
    }
    log.endPage();
    return true;
  }

  /** Each result's day, checked as the usual walk checks it; null when a check fails. */
  private checkedDays(log: SpendLog): number[] | null {
    const page = log.pages;
    const body = this.definitions === undefined ? {} : { GroupDefinitions: this.definitions };
    const ctx = { source: log.source, operation: 'GetCostAndUsage' };
    const walk = { ctx, shape: SERVICE_USAGE_SHAPE };
    try {
      return this.results.map((result, index) => checkedResultDay(body, page, index, result, walk));
    } catch (error) {
      if (error instanceof CaptureError) return null;
      throw error;
    }
  }

  /** A result: its period and other fields parsed, its groups read. */
  private readResult(): void {
    const result: Record<string, unknown> = {};
    const index = this.results.length;
    const seen = new Set<string>();
    this.firstKey();
    do {
      const key = this.onceEach(seen);
      if (key !== 'Groups') {
        result[key] = this.cursor.value();
        continue;
      }
      const before = this.groups;
      this.eachOfList(() => this.readGroup(index));
      result.Groups = this.groups > before ? SOME_GROUPS : NO_GROUPS;
    } while (this.moreMembers());
    this.results.push(result);
  }

  /** A group: its two keys and its metrics, nothing else. */
  private readGroup(result: number): void {
    if (this.groups === this.columns.usage.length) this.columns = grownColumns(this.columns);
    const at = this.groups;
    const { places, amounts, order } = this.columns;
    const base = at * PLACE_FIELDS;
    places[base + PLACE.result] = result;
    places[base + PLACE.unit] = -1;
    amounts.fill(Number.NaN, at * METRICS.length, (at + 1) * METRICS.length);
    order.fill(-1, at * METRICS.length, (at + 1) * METRICS.length);
    let sawKeys = false;
    let sawMetrics = false;

    this.firstKey();
    do {
      if (this.isKey('Keys') && !sawKeys) {
        sawKeys = true;
        this.readKeys(base);
      } else if (this.isKey('Metrics') && !sawMetrics) {
        sawMetrics = true;
        this.readMetrics(at);
      } else {
        throw new NotReadable();
      }
    } while (this.moreMembers());
    if (!sawKeys || !sawMetrics) throw new NotReadable();
    this.groups = at + 1;
  }

  /** `["service", "usage type"]`, as the places of the two strings. */
  private readKeys(base: number): void {
    const { cursor } = this;
    const { places } = this.columns;
    cursor.expect(OPEN_LIST);
    places[base + PLACE.service] = this.stringStart();
    places[base + PLACE.serviceEnd] = cursor.at - 1;
    cursor.expect(COMMA);
    places[base + PLACE.usageType] = this.stringStart();
    places[base + PLACE.usageTypeEnd] = cursor.at - 1;
    cursor.expect(CLOSE_LIST);
    places[base + PLACE.meter] = this.log.meterKeys.findBytes(this.keyAt(base));
  }

  /** The keys of the group whose places start at `base`, in the one `KeyBytes` reused. */
  private keyAt(base: number): KeyBytes {
    const { places } = this.columns;
    const { key } = this;
    key.service = places[base + PLACE.service] as number;
    key.serviceEnd = places[base + PLACE.serviceEnd] as number;
    key.usageType = places[base + PLACE.usageType] as number;
    key.usageTypeEnd = places[base + PLACE.usageTypeEnd] as number;
    return key;
  }

  /** `{"UnblendedCost": {"Amount": "1.5", "Unit": "USD"}, ...}`: known metrics, each once. */
  private readMetrics(at: number): void {
    const { places, order } = this.columns;
    let count = 0;
    let cost = false;
    this.firstKey();
    do {
      const metric = this.metricOfKey();
      const slot = at * METRICS.length + metric;
      if (metric < 0 || order[slot] !== -1) throw new NotReadable();
      order[slot] = count++;
      const unit = this.readAmount(slot);
      if (metric === USAGE_METRIC) {
        places[at * PLACE_FIELDS + PLACE.unit] = unit;
        places[at * PLACE_FIELDS + PLACE.unitEnd] = unit < 0 ? -1 : this.unitEnd;
        this.columns.usage[at] = this.columns.amounts[slot] as number;
      } else {
        cost = true;
        if (unit >= 0 && !this.isCurrency(unit, this.unitEnd)) throw new NotReadable();
      }
    } while (this.moreMembers());
    if (!cost) throw new NotReadable();
  }

  /**
   * `{"Amount": "1.5", "Unit": "USD"}`, the amount into `slot`. Returns
   * where the unit starts (its end in `unitEnd`), or -1 when there is none.
   */
  private readAmount(slot: number): number {
    const { cursor } = this;
    let unit = -1;
    let amount: number | null = null;
    this.firstKey();
    do {
      if (this.isKey('Amount') && amount === null) {
        const start = this.stringStart();
        amount = plainDecimalBytes(cursor.bytes, start, cursor.at - 1) ?? this.amountAt(start);
        if (Number.isNaN(amount)) throw new NotReadable();
      } else if (this.isKey('Unit') && unit < 0) {
        unit = this.stringStart();
        this.unitEnd = cursor.at - 1;
      } else {
        throw new NotReadable();
      }
    } while (this.moreMembers());
    if (amount === null) throw new NotReadable();
    this.columns.amounts[slot] = amount;
    return unit;
  }

  /** The index in `METRICS` of the key being read; -1 when it is none of them. */
  private metricOfKey(): number {
    for (let metric = 0; metric < METRICS.length; metric++) {
      if (this.isKey(METRICS[metric] as string)) return metric;
    }
    return -1;
  }

  /** The amount of the string just taken, which starts at `start`, read as `amountOf` reads it. */
  private amountAt(start: number): number {
    return amountOf(decode(this.cursor.bytes, start, this.cursor.at - 1));
  }

  /** A group's metrics, in their order in the group, as the log takes them. */
  private metricsOf(at: number, metrics: GroupMetrics): void {
    const { amounts, order } = this.columns;
    metrics.count = 0;
    for (let metric = 0; metric < METRICS.length; metric++) {
      const position = order[at * METRICS.length + metric] as number;
      if (position < 0) continue;
      metrics.names[position] = METRICS[metric] as string;
      metrics.amounts[position] = amounts[at * METRICS.length + metric] as number;
      metrics.count++;
    }
  }

  /**
   * Takes the opening of an object and its first key: objects are read as
   * `firstKey(); do { ...take the value... } while (moreMembers())`, the
   * key being read in `keyStart` and `keyEnd`. An empty object is not read.
   */
  private firstKey(): void {
    this.cursor.expect(OPEN_OBJECT);
    this.nextKey();
  }

  /** After a member's value: takes the next key and returns true, or the object's end. */
  private moreMembers(): boolean {
    if (this.cursor.take(COMMA)) {
      this.nextKey();
      return true;
    }
    this.cursor.expect(CLOSE_OBJECT);
    return false;
  }

  private nextKey(): void {
    this.keyStart = this.stringStart();
    this.keyEnd = this.cursor.at - 1;
    this.cursor.expect(COLON);
  }

  /** Calls `each` for each value of the list that comes next. */
  private eachOfList(each: () => void): void {
    const { cursor } = this;
    cursor.expect(OPEN_LIST);
    if (cursor.take(CLOSE_LIST)) return;
    do each();
    while (cursor.take(COMMA));
    cursor.expect(CLOSE_LIST);
  }

  /** The key being read, as text, which must not have come before in this object. */
  private onceEach(seen: Set<string>): string {
    const key = Buffer.from(this.cursor.bytes.subarray(this.keyStart, this.keyEnd)).toString();
    if (seen.has(key)) throw new NotReadable();
    seen.add(key);
    return key;
  }

  private isKey(name: string): boolean {
    return spells(this.cursor.bytes, this.keyStart, this.keyEnd, name);
  }

  private isCurrency(start: number, end: number): boolean {
    const { bytes } = this.cursor;
    if (end - start !== this.currency.length) return false;
    for (let index = 0; index < this.currency.length; index++) {
      if (bytes[start + index] !== this.currency[index]) return false;
    }
    return true;
  }

  /**
   * Takes a string of printable ASCII with no escapes and returns where its
   * text starts; the cursor is left after the closing quote.
   */
  private stringStart(): number {
    const { cursor } = this;
    cursor.expect(QUOTE);
    const start = cursor.at;
    const { bytes, end } = cursor;
    for (let at = start; at < end; at++) {
      const code = bytes[at] as number;
      if (code === QUOTE) {
        cursor.at = at + 1;
        return start;
      }
      if (code === BACKSLASH || code < 0x20 || code > 0x7e) break;
    }
    throw new NotReadable();
  }
}

/** True when the ASCII bytes from `start` to before `end` spell `name`. */
function spells(bytes: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let index = 0; index < name.length; index++) {
    if (bytes[start + index] !== name.charCodeAt(index)) return false;
  }
  return true;
}

function newColumns(capacity: number): GroupColumns {
  return {
    places: new Int32Array(capacity * PLACE_FIELDS),
    usage: new Float64Array(capacity),
    amounts: new Float64Array(capacity * METRICS.length),
    order: new Int8Array(capacity * METRICS.length),
  };
}

function grownColumns(columns: GroupColumns): GroupColumns {
  const bigger = newColumns(columns.usage.length * 2);
  bigger.places.set(columns.places);
  bigger.usage.set(columns.usage);
  bigger.amounts.set(columns.amounts);
  bigger.order.set(columns.order);
  return bigger;
}
