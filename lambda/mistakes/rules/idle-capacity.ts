import { formatShare, formatUsd } from '../../report/format';
import type { Link } from '../../report/report';
import type { MeterSeries } from '../../series/types';
import { DOC_LINKS } from '../catalogue';
import { isCapacity, isOnDemandTokens, sameModel } from '../meter-lookup';
import type { Rule, RuleContext, RuleMatch, Saving } from '../rule';
import { searchCapacityAdvice } from '../search-advice';
import { clampStrength, mean, median, variation, windowEnding } from '../series-math';
import { addUsage, MONTH_BASIS_DAYS, monthlyFrom } from '../spend-window';
import { modelOrService, shortMeter } from '../where';

/** On-demand use kept at least this share of its level once capacity started: it carries little. */
const UNMOVED_SHARE = 0.8;
/** A day is quiet when on-demand use is under this share of its median. */
const QUIET_SHARE = 0.5;
/** Days of on-demand use needed before the capacity started to compare against. */
const MIN_DAYS_BEFORE = 7;

type Idle = {
  readonly share: number;
  readonly strength: number;
  readonly because: string;
  readonly basis: string;
};

/**
 * Capacity billed by the hour every day, weekends included, while on-demand
 * use of the same model carries on as before or goes quiet on some days.
 * The saving is the idle share of the capacity's monthly cost.
 */
export const idleCapacity: Rule = {
  name: 'idle-capacity',
  mistake: 8,
  needs:
    'An always-on finding, or a spike or new spend, on a provisioned-throughput, endpoint-hours ' +
    'or search-capacity meter; on-demand token use of the same model in the same region, when ' +
    'billed, tells how much of the capacity is likely idle.',
  match(context: RuleContext): RuleMatch | null {
    const { finding, series, history, completeIndex } = context;
    if (!['always-on', 'spike', 'new-spend'].includes(finding.kind) || series === null) return null;
    if (!isCapacity(series.meter.info)) return null;

    const window = windowEnding(series.cost, completeIndex, MONTH_BASIS_DAYS);
    const billedDays = window.filter((cost) => cost > 0).length;
    const monthly = monthlyFrom(series.cost, completeIndex);
    if (monthly <= 0) return null;

    const beside = sameModel(history, series.meter).filter(
      (other) =>
        isOnDemandTokens(other.meter.info) && other.meter.info.region === series.meter.info.region,
    );
    const demand = addUsage(beside, history.days.length);
    const idle = unmovedDemand(series, demand, completeIndex) ?? quietDays(demand, completeIndex);
    const daily = monthly / 30;
    const billed =
      `${shortMeter(series.meter)} billed ${formatUsd(daily)} a day on ${billedDays} of the last ` +
      `${window.length} days, weekends included`;
    const demandClause = idle === null ? '' : `, ${idle.because}`;
    return {
      mistake: 8,
      strength: clampStrength(idle?.strength ?? 0.5),
      because: `${billed}${demandClause}, so it likely sits idle part of the time.`,
      tip: {
        ...adviceFor(series),
        saving: idle === null ? null : idleSaving(idle, monthly),
      },
    };
  },
};

/** On-demand use that did not fall once the capacity started: the capacity carries little of it. */
function unmovedDemand(capacity: MeterSeries, demand: readonly number[], end: number): Idle | null {
  const start = capacity.cost.findIndex((cost) => cost > 0);
  if (start < MIN_DAYS_BEFORE || start > end) return null;

  const before = mean(windowEnding(demand, start - 1, MONTH_BASIS_DAYS));
  const after = mean(demand.slice(start, end + 1));
  if (before <= 0 || after / before < UNMOVED_SHARE) return null;

  const kept = after / before;
  const flat = variation(demand.slice(start, end + 1)) <= 0.25 ? 'flat ' : '';
  return {
    share: 1,
    strength: 0.85,
    because:
      `while ${flat}on-demand use of ${modelOrService(capacity.meter)} kept ${formatShare(kept)} ` +
      'of its level from before the capacity started',
    basis:
      `estimate, at most the whole cost: on-demand use kept ${formatShare(kept)} of its level ` +
      'after the capacity started, so the capacity likely carries little of the traffic',
  };
}

/** Days the model's on-demand use went quiet while the capacity billed the same. */
function quietDays(demand: readonly number[], end: number): Idle | null {
  const window = windowEnding(demand, end, MONTH_BASIS_DAYS);
  const typical = median(window);
  if (typical <= 0) return null;

  const quiet = window.filter((use) => use < typical * QUIET_SHARE).length;
  const share = quiet / window.length;
  if (quiet === 0) {
    return {
      share: 0,
      strength: 0.55,
      because: 'while on-demand use of the same model stays flat beside it',
      basis: '',
    };
  }
  return {
    share,
    strength: 0.6 + 0.3 * share,
    because: `while on-demand use of the same model fell below half its median on ${quiet} days`,
    basis:
      `estimate: the idle share, ${formatShare(share)}: on ${quiet} of ${window.length} days the ` +
      "model's on-demand use fell below half its median while the capacity billed the same",
  };
}

function idleSaving(idle: Idle, monthly: number): Saving | null {
  if (idle.share <= 0) return null;
  return {
    usd: idle.share * monthly,
    basis: `${idle.basis}; of ${formatUsd(monthly)} a month (30 × the last 28 days' average)`,
  };
}

function adviceFor(series: MeterSeries): { action: string; link: Link } {
  const search = searchCapacityAdvice(series.meter);
  if (search !== null) return search;
  if (series.meter.serviceKind === 'sagemaker') {
    return {
      action:
        'Give the endpoint an auto scaling policy with a low minimum, or move it to serverless ' +
        'inference if it can tolerate cold starts.',
      link: DOC_LINKS.endpointAutoScaling,
    };
  }
  return {
    action:
      'Check whether callers invoke the provisioned model ARN at all; if the on-demand quota ' +
      'carries the load, delete the no-commitment Provisioned Throughput or let the term lapse.',
    link: DOC_LINKS.provisionedThroughput,
  };
}
