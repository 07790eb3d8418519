import type { Settings } from '../settings/settings';
import type { Calendar } from './calendar';
import {
  type CostRow,
  type CurrencyTracker,
  type PageContext,
  SERVICE_USAGE_SHAPE,
  walkCostPages,
} from './cost-pages';
import { DayGrid } from './day-grid';
import { dayNumber } from './days';
import { duplicateRow, rowPlace } from './duplicates';
import { isRecord } from './fields';
import { isWatchedService, serviceKind } from './services';
import type { MeterSeries, ServiceKind } from './types';
import { parseUsageType } from './usage-type';

/** A meter while the pages are read; its numbers are in the grid's column `index`. */
type MeterBuilder = {
  /** `service|usageType`. */
  readonly key: string;
  readonly service: string;
  readonly usageType: string;
  readonly index: number;
  usageUnit: string | null;
  /** The meter that came after this one last time: pages list groups in the same order each day. */
  next: MeterBuilder | null;
};

/** The most negative day seen, as an example for the credits warning. */
export type CreditExample = {
  readonly meterKey: string;
  readonly day: number;
  readonly cost: number;
};

export type MeterCollection = {
  /** Watched meters, sorted by key. */
  readonly meters: MeterSeries[];
  /** Watched meter-days with a negative cost (credits or refunds). */
  readonly negativeDays: number;
  readonly lowest: CreditExample | null;
  /** Services in the pages that are not watched, sorted. */
  readonly unwatched: readonly string[];
};

function newBuilder(service: string, usageType: string, index: number): MeterBuilder {
  return { key: `${service}|${usageType}`, service, usageType, index, usageUnit: null, next: null };
}

/** Where a (day, service, usage type) first appears; only called once a repeat is found. */
function firstPlace(pages: readonly unknown[], row: CostRow): string {
  const [service, usageType] = row.keys;
  for (let page = 0; page < pages.length; page++) {
    const body = pages[page];
    const results = isRecord(body) && Array.isArray(body.ResultsByTime) ? body.ResultsByTime : [];
    for (let result = 0; result < results.length; result++) {
      const entry: unknown = results[result];
      if (!isRecord(entry) || !isRecord(entry.TimePeriod)) continue;
      if (dayNumber(entry.TimePeriod.Start) !== row.day || !Array.isArray(entry.Groups)) continue;
      const group = entry.Groups.findIndex(
        (candidate: { Keys?: unknown[] }) =>
          candidate.Keys?.[0] === service && candidate.Keys?.[1] === usageType,
      );
      if (group >= 0) return rowPlace({ page, result, group });
    }
  }
  return 'an earlier page';
}

function toSeries(builder: MeterBuilder, grid: DayGrid, kinds: Map<string, ServiceKind>) {
  const { service, usageType } = builder;
  const { cost, usage } = grid.columnOf(builder.index);
  const series: MeterSeries = {
    meter: {
      key: builder.key,
      service,
      usageType,
      serviceKind: kinds.get(service) ?? serviceKind(service),
      info: parseUsageType(service, usageType),
    },
    cost,
    usage,
    usageUnit: builder.usageUnit,
  };
  return series;
}

/** Plain code-unit order: stable across locales. */
function byKey(a: MeterBuilder, b: MeterBuilder): number {
  if (a.key === b.key) return 0;
  return a.key < b.key ? -1 : 1;
}

/** Options of one collection. */
type CollectOptions = {
  readonly metric: string;
  readonly calendar: Calendar;
  readonly settings: Settings;
  readonly currency: CurrencyTracker;
};

/** Gathers rows into meters and the grid, one row at a time. */
class MeterCollector {
  private readonly byService = new Map<string, Map<string, MeterBuilder> | null>();
  private readonly builders: MeterBuilder[] = [];
  private readonly grid: DayGrid;
  private readonly days: number;
  private previous: MeterBuilder | null = null;
  private negativeDays = 0;
  private lowest: CreditExample | null = null;

  constructor(
    private readonly pages: readonly unknown[],
    private readonly ctx: PageContext,
    private readonly options: CollectOptions,
  ) {
    this.days = options.calendar.days.length;
    this.grid = new DayGrid(this.days);
  }

  add(row: CostRow): void {
    const index = row.day - this.options.calendar.first;
    if (index < 0 || index >= this.days) return;
    const meter = this.meterAt(row.keys[0] as string, row.keys[1] as string);
    if (meter === null) return;

    if (!this.grid.set(meter.index, index, row.cost, row.usage)) {
      const what = `${meter.service} / ${meter.usageType}`;
      throw duplicateRow(this.ctx, row, what, firstPlace(this.pages, row));
    }
    if (meter.usageUnit === null) meter.usageUnit = row.usageUnit;
    if (row.cost < 0) this.noteCredit(meter, row);
  }

  finish(): MeterCollection {
    const kinds = new Map<string, ServiceKind>();
    for (const service of this.byService.keys()) kinds.set(service, serviceKind(service));
    const unwatched = [...this.byService].filter(([, meters]) => meters === null);

    return {
      meters: this.builders.sort(byKey).map((builder) => toSeries(builder, this.grid, kinds)),
      negativeDays: this.negativeDays,
      lowest: this.lowest,
      unwatched: unwatched.map(([name]) => name).sort(),
    };
  }

  /** The meter of a row: most often the one that followed the previous meter last time. */
  private meterAt(service: string, usageType: string): MeterBuilder | null {
    // Comparing with the predicted meter is much cheaper than hashing a fresh key string.
    const predicted = this.previous === null ? null : this.previous.next;
    if (predicted !== null && predicted.usageType === usageType && predicted.service === service) {
      this.previous = predicted;
      return predicted;
    }
    const meter = this.meterOf(service, usageType);
    if (meter === null) return null;
    if (this.previous !== null) this.previous.next = meter;
    this.previous = meter;
    return meter;
  }

  /** The watched meter of a (service, usage type), created on first sight; null if unwatched. */
  private meterOf(service: string, usageType: string): MeterBuilder | null {
    let byUsage = this.byService.get(service);
    if (byUsage === undefined) {
      byUsage = isWatchedService(service, this.options.settings) ? new Map() : null;
      this.byService.set(service, byUsage);
    }
    if (byUsage === null) return null;

    let meter = byUsage.get(usageType);
    if (meter === undefined) {
      meter = newBuilder(service, usageType, this.builders.length);
      this.grid.reserve(this.builders.length + 1);
      byUsage.set(usageType, meter);
      this.builders.push(meter);
    }
    return meter;
  }

  private noteCredit(meter: MeterBuilder, row: CostRow): void {
    this.negativeDays++;
    if (this.lowest !== null && row.cost >= this.lowest.cost) return;
    this.lowest = {
      meterKey: `${meter.service} / ${meter.usageType}`,
      day: row.day,
      cost: row.cost,
    };
  }
}

/**
 * Reads the watched meters' daily cost and usage from the main pages into
 * arrays aligned with the calendar's days. Days outside the calendar are
 * left out; a (day, service, usage type) that comes twice throws.
 */
export function collectMeters(
  pages: readonly unknown[],
  ctx: PageContext,
  options: CollectOptions,
): MeterCollection {
  const collector = new MeterCollector(pages, ctx, options);
  const shape = SERVICE_USAGE_SHAPE;
  walkCostPages(pages, ctx, shape, options.metric, options.currency, (row) => collector.add(row));
  return collector.finish();
}
