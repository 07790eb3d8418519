import {
  type CostExplorerClient,
  GetAnomaliesCommand,
  type GetAnomaliesResponse,
  GetAnomalyMonitorsCommand,
  type GetAnomalyMonitorsResponse,
  GetCostAndUsageCommand,
  type GetCostAndUsageRequest,
  type GetCostAndUsageResponse,
  GetCostForecastCommand,
  type GetCostForecastResponse,
  GetDimensionValuesCommand,
  type GetDimensionValuesResponse,
} from '@aws-sdk/client-cost-explorer';
import type { LoggedCapture } from '../series/history';
import { watchedServiceNames } from '../series/services';
import { SpendLog } from '../series/spend-log';
import type { Settings } from '../settings/settings';
import type { Capture, CaptureMeta } from './capture';
import { CollectError } from './errors';
import { fetchAllPages, type PageProgress, RequestCounter } from './pages';
import {
  anomaliesRequest,
  dailySpendRequest,
  forecastRequest,
  serviceNamesRequest,
  splitSpendRequest,
} from './queries';
import { addDays, type CollectWindow, isDay, lookbackWindow, oldestDailyDay } from './window';

/** What Cost Explorer charges per request; each page is one request. */
export const COST_EXPLORER_REQUEST_USD = 0.01;

export type CollectOptions = {
  /** The run's day, `YYYY-MM-DD`: the window ends the day before. */
  readonly asOf: string;
  /** Called after each page that came in. */
  readonly onPage?: (progress: PageProgress) => void;
  /** The clock, for `recordedAt` and for what counts as today. @default the system clock */
  readonly now?: () => Date;
};

export type Collected<C = Capture> = {
  /** The raw responses, replayable as they are; or, for the daily run, with the spend logged. */
  readonly capture: C;
  /** Cost Explorer requests made (successful pages, the ones charged). */
  readonly requests: number;
  /** What was left out and why (an optional query that failed, a clipped window). */
  readonly warnings: string[];
};

/**
 * Collects one run's Cost Explorer data with as few requests as it can:
 * the SERVICE names of the window (to find the model listings), one daily
 * query per meter for the watched services, the anomalies and monitors, and,
 * when configured, a forecast against the budget and the spend per account
 * or per tag value. Only the daily query is essential: when an optional one
 * fails, the capture goes without it and a warning says why.
 */
export async function collectCapture(
  client: CostExplorerClient,
  settings: Settings,
  options: CollectOptions,
): Promise<Collected> {
  const spend: GetCostAndUsageResponse[] = [];
  const { parts, ...collected } = await collect(client, settings, options, (page) => {
    spend.push(page);
  });
  return { capture: { GetCostAndUsage: spend, ...parts }, ...collected };
}

/**
 * `collectCapture` for the daily run: each daily spend page is checked and
 * logged as it comes in, then let go, so that a wide account's pages are
 * never all held at once. A page that is not DAILY spend per meter throws
 * `CaptureError`.
 */
export async function collectLoggedCapture(
  client: CostExplorerClient,
  settings: Settings,
  options: CollectOptions,
): Promise<Collected<LoggedCapture>> {
  const log = new SpendLog('capture');
  const { parts, ...collected } = await collect(client, settings, options, (page) => {
    log.addPage(page);
  });
  return { capture: { ...parts, spendLog: log }, ...collected };
}

type CollectedParts = Collected<Omit<Capture, 'GetCostAndUsage'>>['capture'];

async function collect(
  client: CostExplorerClient,
  settings: Settings,
  options: CollectOptions,
  keepSpend: (page: GetCostAndUsageResponse) => void,
): Promise<{ parts: CollectedParts; requests: number; warnings: string[] }> {
  const now = options.now ?? (() => new Date());
  const today = now().toISOString().slice(0, 10);
  const run = startRun(client, settings, options, today);

  const servicePages = await run.optional('the model listings billed through Bedrock', () =>
    fetchServiceNames(run),
  );
  const services = watchedServices(settings, serviceNamesIn(servicePages ?? []));

  const daily = dailySpendRequest(run.window, settings, services);
  await fetchSpend(run, daily, 'daily spend per meter', keepSpend);
  const anomalies = await run.optional('the anomalies of Cost Anomaly Detection', () =>
    fetchAnomalies(run, options.asOf),
  );
  const monitors = await run.optional('the anomaly monitors', () => fetchMonitors(run));
  const forecast = await forecastIfBudgeted(run, services, options.asOf, today);
  const { byAccount, byTag } = await fetchSplits(run, services);

  const parts: CollectedParts = {
    ...(servicePages ? { GetDimensionValues: servicePages } : {}),
    ...(anomalies ? { GetAnomalies: anomalies } : {}),
    ...(monitors ? { GetAnomalyMonitors: monitors } : {}),
    ...(forecast ? { GetCostForecast: forecast } : {}),
    ...(byAccount ? { GetCostAndUsageByAccount: byAccount } : {}),
    ...(byTag ? { GetCostAndUsageByTag: byTag } : {}),
    Meta: captureMeta(settings, run.counter.requests, now()),
  };
  return { parts, requests: run.counter.requests, warnings: run.warnings };
}

/** What every step of one collection shares. */
type Run = {
  readonly client: CostExplorerClient;
  readonly settings: Settings;
  readonly window: CollectWindow;
  readonly counter: RequestCounter;
  readonly warnings: string[];
  /** Runs an optional query; on failure, notes a warning and gives undefined. */
  readonly optional: <T>(what: string, query: () => Promise<T>) => Promise<T | undefined>;
};

function startRun(
  client: CostExplorerClient,
  settings: Settings,
  options: CollectOptions,
  today: string,
): Run {
  const warnings: string[] = [];
  const asOf = checkedAsOf(options.asOf, today);
  return {
    client,
    settings,
    window: clippedWindow(asOf, settings.lookbackDays, today, warnings),
    counter: new RequestCounter(options.onPage),
    warnings,
    optional: async (what, query) => {
      try {
        return await query();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        warnings.push(`Left out ${what}: ${reason}`);
        return undefined;
      }
    },
  };
}

function captureMeta(settings: Settings, requests: number, recordedAt: Date): CaptureMeta {
  return {
    recordedAt: recordedAt.toISOString(),
    metric: settings.costMetric,
    requests,
    ...(settings.tagKey === null ? {} : { tagKey: settings.tagKey }),
  };
}

/** The price of `requests` Cost Explorer requests in dollars. */
export function requestCostUsd(requests: number): number {
  return Math.round(requests * COST_EXPLORER_REQUEST_USD * 100) / 100;
}

function checkedAsOf(asOf: string, today: string): string {
  if (!isDay(asOf)) {
    throw new CollectError(
      `The as-of date "${asOf}" is not a day written YYYY-MM-DD; use one like 2026-03-10.`,
    );
  }
  // One day of slack: the caller's local date may be a day ahead of UTC.
  if (asOf > addDays(today, 1)) {
    throw new CollectError(
      `The as-of date ${asOf} is after today (${today}, UTC); use today or an earlier day.`,
    );
  }
  return asOf;
}

/** The look-back window, moved up to the oldest day Cost Explorer still serves daily. */
function clippedWindow(
  asOf: string,
  lookbackDays: number,
  today: string,
  warnings: string[],
): CollectWindow {
  const window = lookbackWindow(asOf, lookbackDays);
  const oldest = oldestDailyDay(today);
  if (window.start >= oldest) return window;

  warnings.push(
    `lookback-days ${lookbackDays} reaches back to ${window.start}, before ${oldest}, the ` +
      `oldest day Cost Explorer keeps at daily granularity; reading from ${oldest} instead.`,
  );
  return { start: oldest, end: window.end };
}

/** Every SERVICE name listed; matched here, as SearchString's matching is not documented. */
function serviceNamesIn(pages: readonly GetDimensionValuesResponse[]): string[] {
  return pages
    .flatMap((page) => page.DimensionValues ?? [])
    .flatMap((value) => (value.Value ? [value.Value] : []));
}

function watchedServices(settings: Settings, discovered: readonly string[]): string[] {
  const services = watchedServiceNames(settings, discovered);
  if (services.length > 0) return services;
  throw new CollectError(
    'No service is left to watch: excluded-services removes every watched service. ' +
      'Fix: shorten excluded-services, or add names to extra-services.',
  );
}

function fetchServiceNames(run: Run): Promise<GetDimensionValuesResponse[]> {
  const request = serviceNamesRequest(run.window);
  return fetchAllPages(
    'GetDimensionValues',
    'service names',
    run.counter,
    (token) => run.client.send(new GetDimensionValuesCommand({ ...request, ...nextPage(token) })),
    (page) => page.NextPageToken,
  );
}

function fetchSpend(
  run: Run,
  request: GetCostAndUsageRequest,
  query: string,
  keep?: (page: GetCostAndUsageResponse) => void,
): Promise<GetCostAndUsageResponse[]> {
  // There is no paginator for this call; one day's groups may span pages.
  return fetchAllPages(
    'GetCostAndUsage',
    query,
    run.counter,
    (token) => run.client.send(new GetCostAndUsageCommand({ ...request, ...nextPage(token) })),
    (page) => page.NextPageToken,
    keep,
  );
}

function fetchAnomalies(run: Run, asOf: string): Promise<GetAnomaliesResponse[]> {
  const request = anomaliesRequest(run.window, asOf);
  return fetchAllPages(
    'GetAnomalies',
    'anomalies',
    run.counter,
    (token) => run.client.send(new GetAnomaliesCommand({ ...request, ...nextPage(token) })),
    (page) => page.NextPageToken,
  );
}

function fetchMonitors(run: Run): Promise<GetAnomalyMonitorsResponse[]> {
  return fetchAllPages(
    'GetAnomalyMonitors',
    'anomaly monitors',
    run.counter,
    (token) => run.client.send(new GetAnomalyMonitorsCommand(nextPage(token))),
    (page) => page.NextPageToken,
  );
}

/** The spend per linked account and per tag value, each only when the settings ask. */
async function fetchSplits(
  run: Run,
  services: readonly string[],
): Promise<{
  byAccount: GetCostAndUsageResponse[] | undefined;
  byTag: GetCostAndUsageResponse[] | undefined;
}> {
  const { settings, window } = run;
  const byAccount = settings.groupByLinkedAccount
    ? await run.optional('the spend per linked account', () =>
        fetchSpend(
          run,
          splitSpendRequest(window, settings, services, {
            Type: 'DIMENSION',
            Key: 'LINKED_ACCOUNT',
          }),
          'spend per linked account',
        ),
      )
    : undefined;

  const tagKey = settings.tagKey;
  const byTag =
    tagKey === null
      ? undefined
      : await run.optional(`the spend per value of tag ${tagKey}`, () =>
          fetchSpend(
            run,
            splitSpendRequest(window, settings, services, { Type: 'TAG', Key: tagKey }),
            `spend per ${tagKey} tag`,
          ),
        );
  return { byAccount, byTag };
}

/**
 * The forecast to the end of the month, only when a budget is set. Cost
 * Explorer forecasts from today on, so a capture as of a past day has none.
 */
async function forecastIfBudgeted(
  run: Run,
  services: readonly string[],
  asOf: string,
  today: string,
): Promise<GetCostForecastResponse | undefined> {
  if (run.settings.monthlyBudgetUsd === null) return undefined;
  if (asOf < today) {
    run.warnings.push(
      'Left out the forecast against the monthly budget: Cost Explorer forecasts from today ' +
        `(${today}) on, and this collection is as of ${asOf}.`,
    );
    return undefined;
  }

  const request = forecastRequest(asOf, run.settings, services);
  const pages = await run.optional('the forecast against the monthly budget', () =>
    fetchAllPages(
      'GetCostForecast',
      'forecast to month end',
      run.counter,
      () => run.client.send(new GetCostForecastCommand(request)),
      () => undefined,
    ),
  );
  return pages?.[0];
}

function nextPage(token: string | undefined): { NextPageToken?: string } {
  return token ? { NextPageToken: token } : {};
}
