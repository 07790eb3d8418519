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
import { watchedServiceNames } from '../series/services';
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
import {
  addDays,
  type CollectWindow,
  isDay,
  laterDay,
  lookbackWindow,
  oldestDailyDay,
} from './window';

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

export type Collected = {
  /** The raw responses, replayable as they are. */
  readonly capture: Capture;
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
  const now = options.now ?? (() => new Date());
  const today = now().toISOString().slice(0, 10);
  const counter = new RequestCounter(options.onPage);
  const warnings: string[] = [];
  const window = clippedWindow(
    checkedAsOf(options.asOf, today),
    settings.lookbackDays,
    today,
    warnings,
  );
  const optional = optionalRunner(warnings);

  const servicePages = await optional('the model listings billed through Bedrock', () =>
    fetchServiceNames(client, window, counter),
  );
  // Matched here rather than by SearchString, whose matching rules are not documented.
  const discovered = (servicePages ?? [])
    .flatMap((page) => page.DimensionValues ?? [])
    .flatMap((value) => (value.Value ? [value.Value] : []));
  const services = watchedServices(settings, discovered);

  const spend = await fetchSpend(client, dailySpendRequest(window, settings, services), {
    counter,
    query: 'daily spend per meter',
  });
  const anomalies = await optional('the anomalies of Cost Anomaly Detection', () =>
    fetchAnomalies(client, window, options.asOf, counter),
  );
  const monitors = await optional('the anomaly monitors', () => fetchMonitors(client, counter));
  const forecast = await forecastIfBudgeted(client, settings, services, {
    asOf: options.asOf,
    today,
    counter,
    warnings,
  });
  const byAccount = settings.groupByLinkedAccount
    ? await optional('the spend per linked account', () =>
        fetchSpend(
          client,
          splitSpendRequest(window, settings, services, {
            Type: 'DIMENSION',
            Key: 'LINKED_ACCOUNT',
          }),
          { counter, query: 'spend per linked account' },
        ),
      )
    : undefined;
  const byTag =
    settings.tagKey === null
      ? undefined
      : await optional(`the spend per value of tag ${settings.tagKey}`, () =>
          fetchSpend(
            client,
            splitSpendRequest(window, settings, services, {
              Type: 'TAG',
              Key: settings.tagKey ?? '',
            }),
            { counter, query: `spend per ${settings.tagKey} tag` },
          ),
        );

  const meta: CaptureMeta = {
    recordedAt: now().toISOString(),
    metric: settings.costMetric,
    requests: counter.requests,
    ...(settings.tagKey === null ? {} : { tagKey: settings.tagKey }),
  };
  const capture: Capture = {
    GetCostAndUsage: spend,
    ...(servicePages ? { GetDimensionValues: servicePages } : {}),
    ...(anomalies ? { GetAnomalies: anomalies } : {}),
    ...(monitors ? { GetAnomalyMonitors: monitors } : {}),
    ...(forecast ? { GetCostForecast: forecast } : {}),
    ...(byAccount ? { GetCostAndUsageByAccount: byAccount } : {}),
    ...(byTag ? { GetCostAndUsageByTag: byTag } : {}),
    Meta: meta,
  };
  return { capture, requests: counter.requests, warnings };
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
  return { start: laterDay(window.start, oldest), end: window.end };
}

function watchedServices(settings: Settings, discovered: readonly string[]): string[] {
  const services = watchedServiceNames(settings, [...discovered]);
  if (services.length > 0) return [...services];
  throw new CollectError(
    'No service is left to watch: excluded-services removes every watched service. ' +
      'Fix: shorten excluded-services, or add names to extra-services.',
  );
}

/** Runs an optional query; on failure, notes a warning and gives undefined. */
function optionalRunner(warnings: string[]) {
  return async <T>(what: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push(`Left out ${what}: ${reason}`);
      return undefined;
    }
  };
}

function fetchServiceNames(
  client: CostExplorerClient,
  window: CollectWindow,
  counter: RequestCounter,
): Promise<GetDimensionValuesResponse[]> {
  const request = serviceNamesRequest(window);
  return fetchAllPages(
    'GetDimensionValues',
    'service names',
    counter,
    (token) =>
      client.send(
        new GetDimensionValuesCommand({ ...request, ...(token ? { NextPageToken: token } : {}) }),
      ),
    (page) => page.NextPageToken,
  );
}

function fetchSpend(
  client: CostExplorerClient,
  request: GetCostAndUsageRequest,
  context: { readonly counter: RequestCounter; readonly query: string },
): Promise<GetCostAndUsageResponse[]> {
  // There is no paginator for this call; one day's groups may span pages.
  return fetchAllPages(
    'GetCostAndUsage',
    context.query,
    context.counter,
    (token) =>
      client.send(
        new GetCostAndUsageCommand({ ...request, ...(token ? { NextPageToken: token } : {}) }),
      ),
    (page) => page.NextPageToken,
  );
}

function fetchAnomalies(
  client: CostExplorerClient,
  window: CollectWindow,
  asOf: string,
  counter: RequestCounter,
): Promise<GetAnomaliesResponse[]> {
  const request = anomaliesRequest(window, asOf);
  return fetchAllPages(
    'GetAnomalies',
    'anomalies',
    counter,
    (token) =>
      client.send(
        new GetAnomaliesCommand({ ...request, ...(token ? { NextPageToken: token } : {}) }),
      ),
    (page) => page.NextPageToken,
  );
}

function fetchMonitors(
  client: CostExplorerClient,
  counter: RequestCounter,
): Promise<GetAnomalyMonitorsResponse[]> {
  return fetchAllPages(
    'GetAnomalyMonitors',
    'anomaly monitors',
    counter,
    (token) => client.send(new GetAnomalyMonitorsCommand(token ? { NextPageToken: token } : {})),
    (page) => page.NextPageToken,
  );
}

/**
 * The forecast to the end of the month, only when a budget is set. Cost
 * Explorer forecasts from today on, so a capture as of a past day has none.
 */
async function forecastIfBudgeted(
  client: CostExplorerClient,
  settings: Settings,
  services: readonly string[],
  context: {
    readonly asOf: string;
    readonly today: string;
    readonly counter: RequestCounter;
    readonly warnings: string[];
  },
): Promise<GetCostForecastResponse | undefined> {
  if (settings.monthlyBudgetUsd === null) return undefined;
  if (context.asOf < context.today) {
    context.warnings.push(
      `Left out the forecast against the monthly budget: Cost Explorer forecasts from today ` +
        `(${context.today}) on, and this collection is as of ${context.asOf}.`,
    );
    return undefined;
  }

  const request = forecastRequest(context.asOf, settings, services);
  return optionalRunner(context.warnings)('the forecast against the monthly budget', async () => {
    const [page] = await fetchAllPages(
      'GetCostForecast',
      'forecast to month end',
      context.counter,
      () => client.send(new GetCostForecastCommand(request)),
      () => undefined,
    );
    return page;
  });
}
