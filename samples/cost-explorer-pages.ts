import type {
  GetCostAndUsageResponse,
  Group,
  GroupDefinition,
  ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { nextDay } from './dates';

/** One group's daily cost and usage (a meter, a tag value), aligned with the paged days. */
export type DailyGroup = {
  /** The group's `Keys`: `[service, usageType]` for a meter, `['team$search']` for a tag. */
  readonly keys: readonly string[];
  /** The usage quantity's unit as Cost Explorer names it (`Hrs`, `GB-Mo`...). */
  readonly unit: string;
  readonly cost: ArrayLike<number>;
  readonly usage: ArrayLike<number>;
};

export type PagingOptions = {
  readonly days: readonly string[];
  readonly groups: readonly DailyGroup[];
  /** Defaults to SERVICE and USAGE_TYPE. */
  readonly groupDefinitions?: readonly GroupDefinition[];
  /** The newest days Cost Explorer still marks `Estimated`. */
  readonly estimatedDays: number;
  /** Groups per page before Cost Explorer hands out a `NextPageToken`. */
  readonly groupsPerPage: number;
  readonly metric?: string;
};

/**
 * Yields `GetCostAndUsage` pages exactly as Cost Explorer shapes them for a
 * grouped DAILY query: amounts as strings, `Total` empty, a group left out on
 * days it has no charge, and a day's groups split across two pages whenever
 * a page fills up in the middle of that day.
 */
export function* costAndUsagePages(options: PagingOptions): Generator<GetCostAndUsageResponse> {
  const metric = options.metric ?? 'UnblendedCost';
  const definitions = options.groupDefinitions ?? METER_GROUPS;
  let results: ResultByTime[] = [];
  let groupsInPage = 0;
  let pageNumber = 0;

  for (const [index, day] of options.days.entries()) {
    let result = dayResult(day, index >= options.days.length - options.estimatedDays);
    results.push(result);

    for (const entry of options.groups) {
      const cost = entry.cost[index] ?? 0;
      const usage = entry.usage[index] ?? 0;
      if (cost === 0 && usage === 0) continue;

      if (groupsInPage === options.groupsPerPage) {
        const splitsDay = (result.Groups?.length ?? 0) > 0;
        if (!splitsDay) results.pop();
        pageNumber += 1;
        yield page(definitions, results, pageToken(pageNumber));
        if (splitsDay) result = dayResult(day, result.Estimated === true);
        results = [result];
        groupsInPage = 0;
      }
      result.Groups?.push(group(entry, metric, cost, usage));
      groupsInPage += 1;
    }
  }
  yield page(definitions, results, undefined);
}

/** A Cost Explorer amount: a decimal string with no exponent and no trailing zeros. */
export function amount(value: number): string {
  if (value === 0) return '0';
  return value.toFixed(10).replace(/\.?0+$/, '');
}

function dayResult(day: string, estimated: boolean): ResultByTime {
  return {
    TimePeriod: { Start: day, End: nextDay(day) },
    Total: {},
    Groups: [],
    Estimated: estimated,
  };
}

function group(entry: DailyGroup, metric: string, cost: number, usage: number): Group {
  return {
    Keys: [...entry.keys],
    Metrics: {
      [metric]: { Amount: amount(cost), Unit: 'USD' },
      UsageQuantity: { Amount: amount(usage), Unit: entry.unit },
    },
  };
}

const METER_GROUPS: readonly GroupDefinition[] = [
  { Type: 'DIMENSION', Key: 'SERVICE' },
  { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
];

function page(
  definitions: readonly GroupDefinition[],
  results: ResultByTime[],
  nextPageToken: string | undefined,
): GetCostAndUsageResponse {
  return {
    GroupDefinitions: definitions.map((definition) => ({ ...definition })),
    ResultsByTime: results,
    DimensionValueAttributes: [],
    ...(nextPageToken === undefined ? {} : { NextPageToken: nextPageToken }),
  };
}

/** An opaque token, like Cost Explorer's. */
function pageToken(pageNumber: number): string {
  return Buffer.from(`next-page:${pageNumber}`).toString('base64');
}
