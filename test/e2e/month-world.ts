import { addDays } from '../../lambda/collect/window';
import {
  PLANTED,
  REPLAY_ESTIMATED_DAYS,
  REPLAY_LAST_DAY,
  replayDays,
  replayMeters,
  settledShare,
} from '../../samples/replay-capture';
import type { WorldMeter } from '../fixtures/spend-world';

const DAY_MS = 86_400_000;
const MONTH_RUNS = 30;

/**
 * The run dates of the replayed month: the last 30 mornings of the replay
 * capture, the last one the morning after its newest day.
 */
export function monthRunDates(): string[] {
  const last = addDays(REPLAY_LAST_DAY, 1);
  return Array.from({ length: MONTH_RUNS }, (_, index) => addDays(last, index - MONTH_RUNS + 1));
}

/**
 * The replay account as Cost Explorer shows it on the morning of
 * `runDate`: nothing from that day on, the two days before it estimated
 * and still short of their final cost, every older day settled.
 */
export function worldOn(runDate: string): {
  readonly meters: WorldMeter[];
  readonly estimatedFrom: string;
} {
  const days = replayDays();
  const meters = replayMeters().map((meter) => ({
    service: meter.service,
    usageType: meter.usageType,
    costOn: (day: string) => {
      const index = days.indexOf(day);
      if (index < 0 || day >= runDate) return 0;
      return (meter.cost[index] ?? 0) * settledShare(daysBetween(day, runDate));
    },
  }));
  return { meters, estimatedFrom: addDays(runDate, -REPLAY_ESTIMATED_DAYS) };
}

function daysBetween(day: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY_MS);
}

/** What the function should say about one finding over the month. */
export type ExpectedFinding = {
  readonly key: string;
  /** The planted problem it comes from. */
  readonly planted: string;
  readonly alertOn: string;
  readonly updatesOn: readonly string[];
  readonly endedOn: string | null;
};

const [spikeDay = ''] = PLANTED.oneDaySpike.days;
const [runawayStart = '', runawayPeak = '', runawayEnd = ''] = PLANTED.runaway.days;
const [newModelStart = ''] = PLANTED.newModel.days;
const [firstRun = ''] = monthRunDates();

/** A day is first seen the morning after: estimated, and short of its final cost. */
const SEEN = 1;
/** Three mornings after, it is the newest complete day; the next morning it is judged no more. */
const COMPLETE = 3;
const WEEK = 7;

/** Every finding of the month, when it is first posted, updated and ended. */
export const MONTH_FINDINGS: readonly ExpectedFinding[] = [
  {
    key: `always-on:${PLANTED.alwaysOn.meterKey}`,
    planted: PLANTED.alwaysOn.name,
    alertOn: firstRun,
    updatesOn: [],
    endedOn: null,
  },
  {
    key: `spike:${PLANTED.oneDaySpike.meterKey}`,
    planted: PLANTED.oneDaySpike.name,
    alertOn: addDays(spikeDay, SEEN),
    updatesOn: [],
    endedOn: addDays(spikeDay, COMPLETE + 1),
  },
  {
    key: `spike:${PLANTED.runaway.meterKey}`,
    planted: PLANTED.runaway.name,
    alertOn: addDays(runawayStart, SEEN),
    // Past 1.5x the impact posted when its doubled day is first seen,
    // and when its last is complete.
    updatesOn: [addDays(runawayPeak, SEEN), addDays(runawayEnd, COMPLETE)],
    endedOn: addDays(runawayEnd, COMPLETE + 1),
  },
  {
    key: `trend:${PLANTED.runaway.meterKey}`,
    planted: PLANTED.runaway.name,
    // A trend while the newest complete week holds two of its days: a week's largest day
    // does not count, so that one day alone is a spike and no trend.
    alertOn: addDays(runawayPeak, COMPLETE),
    updatesOn: [addDays(runawayEnd, COMPLETE)],
    endedOn: addDays(runawayPeak, WEEK + COMPLETE),
  },
  {
    key: `new-spend:${PLANTED.newModel.meterKey}`,
    planted: PLANTED.newModel.name,
    alertOn: addDays(newModelStart, SEEN),
    updatesOn: [],
    // New while its first day is among the newest seven complete days.
    endedOn: addDays(newModelStart, WEEK + COMPLETE),
  },
];
