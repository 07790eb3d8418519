import type { Capture } from '../collect/capture';
import { spendByAccount } from './accounts';
import { normaliseAnomalies } from './anomalies';
import { type CurrencyTracker, costMetricsHeld } from './cost-pages';
import { CaptureError, RECORD_FIX } from './errors';
import {
  type FieldContext,
  isRecord,
  listAt,
  optionalNumberAt,
  optionalStringAt,
  recordAt,
  stringAt,
} from './fields';
import { normaliseForecast } from './forecast';
import { countMonitors } from './monitors';
import { logSpend, type SpendLog } from './spend-log';
import { splitByTag } from './tag-split';

const EVERY_DAY = { first: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY };

/** Fails for a log of no pages, or of pages with no days. */
function checkSpendLog(log: SpendLog): void {
  const ctx = { source: log.source, operation: 'GetCostAndUsage' };
  if (log.pages === 0) {
    throw new CaptureError({ ...ctx, problem: 'holds no pages', fix: RECORD_FIX });
  }
  if (log.results === 0) {
    throw new CaptureError({ ...ctx, problem: 'holds no days at all', fix: RECORD_FIX });
  }
}

function checkDimensionValues(pages: readonly unknown[], source: string): void {
  const fix = 'Re-record with `aws ce get-dimension-values --dimension SERVICE ... --output json`.';
  pages.forEach((body, page) => {
    const ctx: FieldContext = { source, operation: 'GetDimensionValues', page, fix };
    const values = listAt(isRecord(body) ? body.DimensionValues : body, ctx, 'DimensionValues');
    values.forEach((entry, index) => {
      const field = `DimensionValues[${index}]`;
      stringAt(recordAt(entry, ctx, field).Value, ctx, `${field}.Value`);
    });
  });
}

function checkMeta(meta: unknown, source: string): void {
  const fix = 'Meta is informational; remove it or fix the field.';
  const ctx: FieldContext = { source, operation: 'Meta', page: null, fix };
  const body = recordAt(meta, ctx, 'Meta');
  optionalStringAt(body.recordedAt, ctx, 'recordedAt');
  optionalStringAt(body.metric, ctx, 'metric');
  optionalStringAt(body.tagKey, ctx, 'tagKey');
  optionalNumberAt(body.requests, ctx, 'requests');
}

/**
 * Checks every part of a capture as `buildHistory` will read it, so that a
 * bad capture fails before any of it is used. Throws `CaptureError`.
 */
export function checkCapture(capture: Capture, source: string): void {
  checkCaptureParts(capture, logSpend(capture.GetCostAndUsage, source));
}

/**
 * `checkCapture` for a capture whose main pages are already in `log`
 * (checked as they were added): checks the log holds days, and the rest.
 */
export function checkCaptureParts(capture: Omit<Capture, 'GetCostAndUsage'>, log: SpendLog) {
  const { source } = log;
  const currency: CurrencyTracker = { ...log.currency };
  checkSpendLog(log);

  const byTag = capture.GetCostAndUsageByTag;
  if (byTag !== undefined) {
    const metric = costMetricsHeld(byTag)[0] ?? 'UnblendedCost';
    splitByTag(byTag, source, { metric, window: EVERY_DAY, currency, tagKey: null });
  }
  const byAccount = capture.GetCostAndUsageByAccount;
  if (byAccount !== undefined) {
    const metric = costMetricsHeld(byAccount)[0] ?? 'UnblendedCost';
    spendByAccount(byAccount, source, { metric, window: EVERY_DAY, currency });
  }

  if (capture.GetAnomalies !== undefined) normaliseAnomalies(capture.GetAnomalies, source);
  if (capture.GetAnomalyMonitors !== undefined) countMonitors(capture.GetAnomalyMonitors, source);
  if (capture.GetCostForecast !== undefined) normaliseForecast(capture.GetCostForecast, source);
  if (capture.GetDimensionValues !== undefined)
    checkDimensionValues(capture.GetDimensionValues, source);
  if (capture.Meta !== undefined) checkMeta(capture.Meta, source);
}
