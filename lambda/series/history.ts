import type { Capture } from '../collect/capture';
import type { Settings } from '../settings/settings';
import { spendByAccount } from './accounts';
import { normaliseAnomalies } from './anomalies';
import { type Calendar, readCalendar } from './calendar';
import type { PageContext } from './cost-pages';
import { dayText } from './days';
import { CaptureError, RECORD_FIX } from './errors';
import { normaliseForecast } from './forecast';
import { collectMeters, type MeterCollection } from './meter-series';
import { countMonitors } from './monitors';
import { isWatchedService } from './services';
import { logSpend, type SpendLog } from './spend-log';
import { splitByTag } from './tag-split';
import type { NativeAnomaly, SpendHistory } from './types';

/** What `buildHistory` needs besides the capture. */
export type BuildHistoryOptions = {
  readonly settings: Settings;
  /**
   * The run's date, `YYYY-MM-DD`; days on or after it are left out.
   * @default the day after the newest day in the capture
   */
  readonly asOf?: string;
  /**
   * Only the days from this one on, `YYYY-MM-DD`, as a run with a shorter
   * look-back would have read them.
   * @default every day the capture holds
   */
  readonly from?: string;
  /**
   * Days from this one on, `YYYY-MM-DD`, count as estimated, as Cost
   * Explorer marks a run's newest days.
   * @default only the days the capture marks estimated
   */
  readonly estimatedFrom?: string;
  /** Names the capture in error messages. @default 'capture' */
  readonly source?: string;
};

/**
 * A capture whose main pages have been read into a log as they came, the
 * other parts as recorded: what a large capture is kept as.
 */
export type LoggedCapture = Omit<Capture, 'GetCostAndUsage'> & { readonly spendLog: SpendLog };

export type BuiltHistory = {
  readonly history: SpendHistory;
  /** Plain sentences for the run's report: what was read differently from what was asked. */
  readonly warnings: string[];
};

const CREDITS_FILTER =
  '{"Not": {"Dimensions": {"Key": "RECORD_TYPE", "Values": ["Credit", "Refund"]}}}';
const LISTED_DAYS = 5;

/**
 * The capture with its main pages in a log, read now unless they already
 * are. Throws `CaptureError` for a page that is not daily spend per meter.
 */
export function loggedCapture(capture: Capture | LoggedCapture, source = 'capture'): LoggedCapture {
  if ('spendLog' in capture) return capture;
  const { GetCostAndUsage: _pages, ...rest } = capture;
  return { ...rest, spendLog: spendLogOf(capture, { source, operation: 'GetCostAndUsage' }) };
}

/** The capture's main pages as a log, read now unless they already are. */
function spendLogOf(capture: Capture | LoggedCapture, ctx: PageContext): SpendLog {
  if ('spendLog' in capture) return capture.spendLog;
  const pages: unknown = capture.GetCostAndUsage;
  if (Array.isArray(pages)) return logSpend(pages, ctx.source);
  throw new CaptureError({ ...ctx, problem: 'is not a list of pages', fix: RECORD_FIX });
}

/** The settings' cost metric when the capture holds it, else the first one it holds. */
function chooseMetric(held: readonly string[], wanted: string, warnings: string[]): string {
  const metric = held.length === 0 || held.includes(wanted) ? wanted : (held[0] as string);
  if (metric !== wanted) {
    warnings.push(
      `cost-metric is ${wanted}, but the capture holds ${held.join(', ')}; spend is read as ` +
        `${metric}. Record it with --metrics ${wanted} UsageQuantity to measure ${wanted}.`,
    );
  }
  return metric;
}

function listDays(days: readonly string[]): string {
  const listed = days.slice(0, LISTED_DAYS).join(', ');
  return days.length > LISTED_DAYS ? `${listed} and ${days.length - LISTED_DAYS} more` : listed;
}

function gapWarning(calendar: Calendar): string | null {
  const { missing } = calendar;
  if (missing.length === 0) return null;
  return (
    `GetCostAndUsage has no result for ${missing.length} day(s) (${listDays(missing)}); ` +
    'they count as no spend. Record the whole window in one capture to fill them.'
  );
}

function creditWarning(collection: MeterCollection, settings: Settings, currency: string) {
  const { lowest } = collection;
  if (lowest === null) return null;
  const amount = `${lowest.cost.toFixed(2)} ${currency}`;
  const example = `${lowest.meterKey} on ${dayText(lowest.day)}: ${amount}`;
  const why = settings.includeCredits
    ? 'include-credits is true, so credits and refunds count'
    : 'include-credits is false, but the capture was recorded with them';
  return (
    `${collection.negativeDays} meter-day(s) have negative cost (credits or refunds), the ` +
    `lowest ${example}. Spend is counted as recorded: ${why}. To judge usage alone, set ` +
    `include-credits to false, or record with the filter ${CREDITS_FILTER}.`
  );
}

function unwatchedWarning(collection: MeterCollection): string | null {
  if (collection.meters.length > 0 || collection.unwatched.length === 0) return null;
  const names = collection.unwatched.slice(0, 3).join(', ');
  return (
    `None of the ${collection.unwatched.length} service(s) in the capture is watched ` +
    `(${names}...), so the history holds no meters. Add a service with the extra-services ` +
    'parameter, or record spend of the watched services.'
  );
}

function watchedAnomalies(
  anomalies: readonly NativeAnomaly[],
  settings: Settings,
  asOf: string,
): NativeAnomaly[] {
  return anomalies.filter(
    (anomaly) =>
      anomaly.startDate < asOf &&
      anomaly.rootCauses.some(
        (cause) => cause.service !== null && isWatchedService(cause.service, settings),
      ),
  );
}

/**
 * Normalises a capture into the run's spend history: a daily cost and
 * usage series per watched meter, over contiguous days before asOf, plus
 * the anomalies, monitor count, forecast, tag split and account spend the
 * capture holds.
 *
 * Pages may come in any order and split a day's groups between them. A
 * (day, service, usage type) given twice is an error: joined, overlapping
 * captures would count it twice. Anything read differently from what the
 * settings ask (another cost metric, credits left in, days missing) comes
 * back as a warning.
 *
 * Anomalies are kept when a root cause is a watched service and they start
 * before asOf.
 *
 * @throws CaptureError for a malformed or duplicated part of the capture.
 * @throws RangeError when asOf, from or estimatedFrom is not a `YYYY-MM-DD` day.
 */
export function buildHistory(
  capture: Capture | LoggedCapture,
  options: BuildHistoryOptions,
): BuiltHistory {
  const { settings } = options;
  const source = options.source ?? ('spendLog' in capture ? capture.spendLog.source : 'capture');
  const ctx: PageContext = { source, operation: 'GetCostAndUsage' };
  const warnings: string[] = [];
  const log = spendLogOf(capture, ctx);

  const metric = chooseMetric(log.firstMetrics, settings.costMetric, warnings);
  const calendar = readCalendar(log.days, ctx, options);
  const asOf = dayText(calendar.end);
  const currency = { ...log.currency };
  const collection = collectMeters(log, ctx, { metric, calendar, settings });

  const window = { first: calendar.first, end: calendar.end };
  const byTag = capture.GetCostAndUsageByTag;
  const tagKey = capture.Meta?.tagKey ?? settings.tagKey;
  const tags =
    byTag === undefined ? null : splitByTag(byTag, source, { metric, window, currency, tagKey });
  const byAccount = capture.GetCostAndUsageByAccount;
  const accounts =
    byAccount === undefined
      ? null
      : spendByAccount(byAccount, source, { metric, window, currency });

  const unit = currency.unit ?? 'USD';
  for (const warning of [
    gapWarning(calendar),
    creditWarning(collection, settings, unit),
    unwatchedWarning(collection),
  ]) {
    if (warning !== null) warnings.push(warning);
  }

  const anomalies =
    capture.GetAnomalies === undefined ? [] : normaliseAnomalies(capture.GetAnomalies, source);
  const monitors = capture.GetAnomalyMonitors;
  const forecast = capture.GetCostForecast;

  const history: SpendHistory = {
    asOf,
    days: calendar.days,
    estimated: calendar.estimated,
    metric,
    currency: unit,
    meters: collection.meters,
    anomalies: watchedAnomalies(anomalies, settings, asOf),
    monitorCount: monitors === undefined ? null : countMonitors(monitors, source),
    forecast: forecast === undefined ? null : normaliseForecast(forecast, source),
    tags,
    accounts,
  };
  return { history, warnings };
}
