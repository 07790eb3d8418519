import type { GetAnomalyMonitorsResponse } from '@aws-sdk/client-cost-explorer';
import { type FieldContext, isRecord, listAt } from './fields';

const FIX = 'Re-record the monitors with `aws ce get-anomaly-monitors --output json`.';

/** How many anomaly monitors the `GetAnomalyMonitors` pages list. */
export function countMonitors(
  pages: readonly (GetAnomalyMonitorsResponse | unknown)[],
  source: string,
): number {
  let count = 0;
  pages.forEach((body, page) => {
    const ctx: FieldContext = { source, operation: 'GetAnomalyMonitors', page, fix: FIX };
    count += listAt(isRecord(body) ? body.AnomalyMonitors : body, ctx, 'AnomalyMonitors').length;
  });
  return count;
}
