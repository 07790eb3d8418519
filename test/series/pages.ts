import type { GetCostAndUsageResponse } from '@aws-sdk/client-cost-explorer';
import type { Capture } from '../../lambda/collect/capture';

/**
 * Builds Cost Explorer pages in code, shaped as `aws ce get-cost-and-usage
 * --output json` writes them: amounts as strings, `Total` empty when grouped.
 */

export type GroupSpec = {
  readonly service: string;
  readonly usageType: string;
  readonly cost: number | string;
  readonly usage?: number | string;
  readonly unit?: string;
  readonly metric?: string;
};

export type DaySpec = {
  readonly day: string;
  readonly groups: readonly GroupSpec[];
  readonly estimated?: boolean;
};

export const BEDROCK = 'Amazon Bedrock';
export const NOVA_INPUT = 'USE1-NovaMicro-input-tokens';
export const NOVA_OUTPUT = 'USE1-NovaMicro-output-tokens';

export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function group(spec: GroupSpec) {
  return {
    Keys: [spec.service, spec.usageType],
    Metrics: {
      [spec.metric ?? 'UnblendedCost']: { Amount: String(spec.cost), Unit: spec.unit ?? 'USD' },
      UsageQuantity: { Amount: String(spec.usage ?? 0), Unit: 'Units' },
    },
  };
}

export function result(spec: DaySpec) {
  return {
    TimePeriod: { Start: spec.day, End: nextDay(spec.day) },
    Total: {},
    Groups: spec.groups.map(group),
    Estimated: spec.estimated ?? false,
  };
}

export function page(days: readonly DaySpec[]): GetCostAndUsageResponse {
  return {
    GroupDefinitions: [
      { Type: 'DIMENSION', Key: 'SERVICE' },
      { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
    ],
    ResultsByTime: days.map(result),
    DimensionValueAttributes: [],
  } as GetCostAndUsageResponse;
}

/** One Bedrock meter's spend on consecutive days from `start`. */
export function meterDays(
  start: string,
  costs: readonly number[],
  usageType = NOVA_INPUT,
): DaySpec[] {
  const days: DaySpec[] = [];
  let day = start;
  for (const cost of costs) {
    days.push({ day, groups: [{ service: BEDROCK, usageType, cost, usage: cost * 1000 }] });
    day = nextDay(day);
  }
  return days;
}

export function captureOf(pages: readonly GetCostAndUsageResponse[], rest: Partial<Capture> = {}) {
  return { GetCostAndUsage: pages, ...rest } as Capture;
}

/** A deep copy of a JSON value, to break one field of it. */
export function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Sets (or, with `undefined`, deletes) the field at a dotted path such as
 * `ResultsByTime.0.Groups.1.Metrics`, in place.
 */
export function setPath(root: unknown, path: string, value: unknown): void {
  const steps = path.split('.');
  const last = steps.pop() as string;
  let node = root as Record<string, unknown>;
  for (const step of steps) node = node[step] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
}
