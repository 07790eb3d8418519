import { formatChange, formatUsd } from '../../report/format';
import type { Meter, MeterSeries } from '../../series/types';
import { dataAdvice } from '../data-advice';
import { evidenceNumber } from '../evidence';
import { isDataMeter, serviceMeters } from '../meter-lookup';
import type { Rule, RuleContext, RuleMatch } from '../rule';
import { clampStrength, growingSteps, sum, weeklySums } from '../series-math';
import { addSeries } from '../spend-window';
import { shortMeter } from '../where';

/** Whole weeks looked at, the newest last: as many as the trend detector shows. */
const WEEKS = 8;
/** Least number of weeks in a row that grew. */
const MIN_WEEKS_GROWING = 3;

type Scope = { readonly name: string; readonly cost: readonly number[]; readonly meter: Meter };

/**
 * Storage, indexing or transfer charges that grow week after week: data
 * kept and indexed without a retention rule.
 */
export const dataKeepsGrowing: Rule = {
  name: 'data-keeps-growing',
  mistake: 9,
  needs:
    'A trend, spike or new spend on a storage, search-capacity, custom-model-storage or ' +
    'data-transfer meter (or a vector-store service) whose weekly cost grew at least 3 weeks ' +
    'in a row (evidence weeksGrowing, or the last 8 whole weeks of the series).',
  match(context: RuleContext): RuleMatch | null {
    const { finding, completeIndex } = context;
    if (!['trend', 'spike', 'new-spend'].includes(finding.kind)) return null;

    const scope = scopeOf(context);
    if (scope === null) return null;

    const weeks = weeklySums(scope.cost, completeIndex, WEEKS);
    const steps = Math.max(growingSteps(weeks), evidenceNumber(finding, 'weeksGrowing') ?? 0);
    if (steps < MIN_WEEKS_GROWING || weeks.length < 2) return null;

    const first = weeks[weeks.length - 1 - Math.min(steps, weeks.length - 1)] ?? 0;
    const last = weeks[weeks.length - 1] ?? 0;
    const growth = first > 0 ? formatChange(last / first - 1) : 'from nothing';
    const advice = dataAdvice(scope.meter);
    return {
      mistake: 9,
      strength: clampStrength(0.45 + 0.1 * steps),
      because:
        `${scope.name} grew ${steps} weeks in a row, from ${formatUsd(first)} to ` +
        `${formatUsd(last)} a week (${growth}), as data that is kept and indexed without a ` +
        'retention rule likely does.',
      tip: { action: advice.action, link: advice.link, saving: null },
    };
  },
};

/** What grows: the meter, or the data meters of a service that is mostly data. */
function scopeOf({ finding, series, history }: RuleContext): Scope | null {
  if (series !== null) {
    if (!isDataMeter(series.meter)) return null;
    return { name: shortMeter(series.meter), cost: series.cost, meter: series.meter };
  }

  const meters = serviceMeters(history, finding.service);
  const data = meters.filter((other) => isDataMeter(other.meter));
  if (data.length === 0 || data.length < meters.length / 2) return null;
  const largest = [...data].sort((a, b) => sum(b.cost) - sum(a.cost))[0] as MeterSeries;
  return {
    name: finding.service,
    cost: addSeries(data, history.days.length),
    meter: largest.meter,
  };
}
