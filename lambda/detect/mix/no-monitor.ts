import { ALL_WATCHED_SERVICES } from '../finding';
import { round, sumRange } from '../stats';
import { type MixPattern, mixFinding, monthlyOf } from './context';

/**
 * `no-monitor`: the account has no Cost Anomaly Detection monitor at all
 * (`monitorCount === 0`; nothing is said when monitors were not read) while
 * its watched spend is material. Exposed spend: all watched spend.
 *
 * Evidence: `monitorCount`, `watchedUsd` (monthly-equivalent), `meters`.
 */
export const noMonitor: MixPattern = (context) => {
  const { history, window } = context;
  if (history.monitorCount !== 0) return [];

  let watched = 0;
  for (const series of history.meters) watched += sumRange(series.cost, window.start, window.end);
  const exposed = monthlyOf(context, watched);
  if (exposed < context.materialUsd) return [];

  return [
    mixFinding(context, {
      pattern: 'no-monitor',
      scope: 'account',
      service: ALL_WATCHED_SERVICES,
      exposedUsd: exposed,
      evidence: { monitorCount: 0, watchedUsd: round(exposed), meters: history.meters.length },
    }),
  ];
};
