import { closeSync, openSync, writeSync } from 'node:fs';
import type { GetCostAndUsageResponse } from '@aws-sdk/client-cost-explorer';
import { costAndUsagePages, type DailyGroup } from '../samples/cost-explorer-pages';
import { daysEndingOn } from '../samples/dates';
import { createRandom, type Random } from '../samples/prng';

/** How many meters bill every day; the rest bill now and then. */
export type Density = 'long-tail' | 'every-day';

export type SyntheticOptions = {
  readonly meters: number;
  readonly days: number;
  readonly density: Density;
  readonly seed: number;
  readonly lastDay: string;
};

/** Share of meters that bill every day in a long-tail account. */
const DAILY_SHARE = 0.05;
/** Chance that a long-tail meter bills on a given day. */
const TAIL_ACTIVITY = 0.1;
/** Groups per page; Cost Explorer's own page size is not documented. */
const GROUPS_PER_PAGE = 5_000;

const REGIONS = ['USE1', 'USE2', 'USW2', 'EUC1', 'EU', 'APN1', 'APS2', 'CAN1'] as const;
const TOKEN_KINDS = [
  'input-tokens',
  'output-tokens',
  'input-tokens-batch',
  'output-tokens-batch',
  'cache-read-input-token-count',
  'cache-write-input-token-count',
] as const;

/**
 * Writes a seeded capture of `meters` meters over `days` days, in Cost
 * Explorer's page shape, to `path`, one page at a time so the writer itself
 * stays small. In a long-tail account 5% of meters bill every day and the
 * rest on one day in ten; `every-day` bills every meter every day.
 * Returns the number of groups (meter-days) written.
 */
export function writeSyntheticCapture(path: string, options: SyntheticOptions): { groups: number } {
  const file = openSync(path, 'w');
  let groups = 0;
  let pages = 0;
  writeSync(file, '{"GetCostAndUsage":[');
  for (const page of syntheticPages(options)) {
    for (const result of page.ResultsByTime ?? []) groups += result.Groups?.length ?? 0;
    writeSync(file, `${pages > 0 ? ',' : ''}${JSON.stringify(page)}`);
    pages += 1;
  }
  writeSync(
    file,
    `],"GetAnomalies":[{"Anomalies":[]}],"GetAnomalyMonitors":[{"AnomalyMonitors":[]}],`,
  );
  writeSync(file, `"Meta":{"metric":"UnblendedCost","requests":${pages + 2}}}`);
  closeSync(file);
  return { groups };
}

/** The pages of the seeded capture `writeSyntheticCapture` writes, one at a time. */
export function syntheticPages(options: SyntheticOptions): Generator<GetCostAndUsageResponse> {
  const random = createRandom(options.seed);
  const days = daysEndingOn(options.lastDay, options.days);
  const meters = Array.from({ length: options.meters }, (_, index) =>
    syntheticMeter(index, days.length, options.density, random),
  );
  return costAndUsagePages({
    days,
    groups: meters,
    estimatedDays: 2,
    groupsPerPage: GROUPS_PER_PAGE,
  });
}

function syntheticMeter(index: number, days: number, density: Density, random: Random): DailyGroup {
  const region = REGIONS[index % REGIONS.length] ?? 'USE1';
  const kind = TOKEN_KINDS[Math.floor(index / REGIONS.length) % TOKEN_KINDS.length];
  const model = Math.floor(index / (REGIONS.length * TOKEN_KINDS.length));
  const marketplace = model % 5 === 0;

  const everyDay = density === 'every-day' || random.chance(DAILY_SHARE);
  // Steady meters carry the money ($0.10 to $300 a day); the long tail is mostly cents.
  const typical = everyDay ? 10 ** random.between(-1, 2.5) : 10 ** random.between(-2, 0.7);
  const cost = new Float64Array(days);
  const usage = new Float64Array(days);
  for (let day = 0; day < days; day += 1) {
    if (!everyDay && !random.chance(TAIL_ACTIVITY)) continue;
    const spike = random.chance(0.002) ? 6 : 1;
    const dayCost = Math.round(random.jitter(typical, 0.15) * spike * 1e6) / 1e6;
    cost[day] = dayCost;
    usage[day] = Math.round(dayCost * 1e6) / 1e3;
  }

  return {
    keys: marketplace
      ? [`Model ${model} (Amazon Bedrock Edition)`, `${region}-MP:${region}_${kind}-Units`]
      : ['Amazon Bedrock', `${region}-Model${model}-${kind}`],
    unit: 'Units',
    cost,
    usage,
  };
}
