import type { GetCostAndUsageResponse, ResultByTime } from '@aws-sdk/client-cost-explorer';
import type { Capture } from '../../lambda/collect/capture';
import { addDays } from '../../lambda/collect/window';

/** How one replayed run sees a capture recorded later. */
export type CaptureView = {
  /** The run's date: it sees only the days before it. */
  readonly asOf: string;
  /** Days of history the run reads, as `lookback-days` makes the function read. */
  readonly lookbackDays: number;
  /** The newest days before `asOf` that Cost Explorer would still mark estimated. */
  readonly estimatedDays: number;
  /**
   * Keep the recorded forecast. A forecast is of the day it was asked for,
   * so only the run on the capture's own date may use it.
   */
  readonly keepForecast: boolean;
};

/**
 * The capture as a run on `view.asOf` would have collected it: the days of
 * its look-back window only, the newest of them marked estimated as Cost
 * Explorer marks them, and no forecast unless asked for. Anomalies and
 * monitors stay as recorded; the series module keeps only the anomalies
 * that started before the run.
 */
export function captureAsOf(capture: Capture, view: CaptureView): Capture {
  const start = addDays(view.asOf, -view.lookbackDays);
  const firstEstimated = addDays(view.asOf, -view.estimatedDays);
  const slice = (pages: readonly GetCostAndUsageResponse[]) =>
    pages.map((page) => slicePage(page, start, view.asOf, firstEstimated));

  const { GetCostForecast: forecast, ...rest } = capture;
  return {
    ...rest,
    GetCostAndUsage: slice(capture.GetCostAndUsage),
    ...(capture.GetCostAndUsageByAccount
      ? { GetCostAndUsageByAccount: slice(capture.GetCostAndUsageByAccount) }
      : {}),
    ...(capture.GetCostAndUsageByTag
      ? { GetCostAndUsageByTag: slice(capture.GetCostAndUsageByTag) }
      : {}),
    ...(view.keepForecast && forecast ? { GetCostForecast: forecast } : {}),
  };
}

/**
 * How many of the capture's newest days are estimated: each replayed run
 * treats its own newest days the same way.
 */
export function trailingEstimatedDays(capture: Capture): number {
  const estimatedByDay = new Map<string, boolean>();
  for (const result of capture.GetCostAndUsage.flatMap((page) => page.ResultsByTime ?? [])) {
    const day = dayOf(result);
    if (day === null) continue;
    estimatedByDay.set(day, (estimatedByDay.get(day) ?? false) || result.Estimated === true);
  }

  const newestFirst = [...estimatedByDay.entries()].sort(([a], [b]) => b.localeCompare(a));
  const settled = newestFirst.findIndex(([, estimated]) => !estimated);
  return settled === -1 ? newestFirst.length : settled;
}

function slicePage(
  page: GetCostAndUsageResponse,
  start: string,
  end: string,
  firstEstimated: string,
): GetCostAndUsageResponse {
  const results = (page.ResultsByTime ?? []).flatMap((result): ResultByTime[] => {
    const day = dayOf(result);
    if (day === null || day < start || day >= end) return [];
    return [{ ...result, Estimated: result.Estimated === true || day >= firstEstimated }];
  });
  return { ...page, ResultsByTime: results };
}

function dayOf(result: ResultByTime): string | null {
  const start = result.TimePeriod?.Start;
  return start === undefined ? null : start.slice(0, 10);
}
