import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Capture } from '../lambda/collect/capture';
import { costAndUsagePages, type DailyGroup } from './cost-explorer-pages';
import { daysEndingOn, nextDay } from './dates';
import { createRandom } from './prng';

/** The newest day of the replay capture; it is recorded the morning after. */
export const REPLAY_LAST_DAY = '2026-03-21';
export const REPLAY_DAYS = 90;
/** How many of the newest days Cost Explorer still estimates on a run's morning. */
export const REPLAY_ESTIMATED_DAYS = 2;
/** Where `npx tsx samples/replay-capture.ts` writes the capture. */
export const REPLAY_CAPTURE_PATH = join(__dirname, 'replay-capture.json');

const SEED = 20260322;
const MONITOR_ARN = 'arn:aws:ce::123456789012:anomalymonitor/replay-services';

/** One meter of the replay account, with its settled cost per day. */
export type ReplayMeter = {
  readonly service: string;
  readonly usageType: string;
  /** The usage quantity's unit, as Cost Explorer names it. */
  readonly unit: string;
  readonly unitPrice: number;
  /** Settled cost per day, aligned with {@link replayDays}. */
  readonly cost: readonly number[];
};

/** A problem planted in the replay account, and the days it happens on. */
export type PlantedProblem = {
  readonly name: string;
  readonly meterKey: string;
  readonly days: readonly string[];
};

/** The 90 days of the capture, oldest first. */
export function replayDays(): string[] {
  return daysEndingOn(REPLAY_LAST_DAY, REPLAY_DAYS);
}

const day = (index: number) => replayDays()[index] ?? REPLAY_LAST_DAY;

/**
 * The problems planted in the last 30 days, the ones a month of daily runs
 * replays. Days before the first of them are quiet, apart from the
 * SageMaker endpoint that bills every hour from the first day.
 */
export const PLANTED = {
  /** Textract pages: one day at eleven times the usual spend. */
  oneDaySpike: {
    name: 'one-day spike',
    meterKey: 'Amazon Textract|USE1-PagesforTables',
    days: [day(65)],
  },
  /** Nova Lite output tokens: a retry loop that doubles three days running, then is fixed. */
  runaway: {
    name: 'runaway loop',
    meterKey: 'Amazon Bedrock|USE1-NovaLite-output-tokens',
    days: [day(72), day(73), day(74)],
  },
  /** Nova Pro input tokens in us-west-2, from nothing, and kept on. */
  newModel: {
    name: 'new model in a new region',
    meterKey: 'Amazon Bedrock|USW2-NovaPro-input-tokens',
    days: [day(80)],
  },
  /** A SageMaker endpoint billed every hour of every day. */
  alwaysOn: {
    name: 'always-on endpoint',
    meterKey: 'Amazon SageMaker|USE1-Host:ml.g5.12xlarge',
    days: replayDays(),
  },
} as const satisfies Record<string, PlantedProblem>;

type MeterPlan = Omit<ReplayMeter, 'cost'> & {
  /** Settled cost on a day, before the day-to-day jitter. */
  readonly costOn: (index: number) => number;
  /** Relative day-to-day variation, e.g. 0.04 for ±4%. */
  readonly jitter: number;
};

const RUNAWAY: Readonly<Record<number, number>> = { 72: 300, 73: 700, 74: 1_500 };

const PLANS: readonly MeterPlan[] = [
  {
    service: 'Amazon Textract',
    usageType: 'USE1-PagesforTables',
    unit: 'Pages',
    unitPrice: 0.015,
    costOn: (index) => (index === 65 ? 1_100 : 100),
    jitter: 0.04,
  },
  {
    service: 'Amazon Bedrock',
    usageType: 'USE1-NovaLite-input-tokens',
    unit: 'Units',
    unitPrice: 0.00006,
    costOn: () => 45,
    jitter: 0.04,
  },
  {
    service: 'Amazon Bedrock',
    usageType: 'USE1-NovaLite-output-tokens',
    unit: 'Units',
    unitPrice: 0.00024,
    costOn: (index) => RUNAWAY[index] ?? 60,
    jitter: 0.04,
  },
  {
    service: 'Amazon Bedrock',
    usageType: 'USE1-NovaLite-input-tokens-batch',
    unit: 'Units',
    unitPrice: 0.00003,
    costOn: () => 20,
    jitter: 0.04,
  },
  {
    service: 'Amazon Bedrock',
    usageType: 'USW2-NovaPro-input-tokens',
    unit: 'Units',
    unitPrice: 0.0008,
    costOn: (index) => (index >= 80 ? 80 : 0),
    jitter: 0.04,
  },
  {
    service: 'Amazon SageMaker',
    usageType: 'USE1-Host:ml.g5.12xlarge',
    unit: 'Hrs',
    unitPrice: 7.09,
    costOn: () => 170.16,
    jitter: 0,
  },
  {
    service: 'Amazon Translate',
    usageType: 'USE1-TranslateText',
    unit: 'Characters',
    unitPrice: 0.000015,
    costOn: () => 40,
    jitter: 0.04,
  },
];

/** Every meter of the replay account with its settled daily cost; the same every time. */
export function replayMeters(): ReplayMeter[] {
  return PLANS.map((plan, planIndex) => {
    const random = createRandom(SEED + planIndex * 7919);
    const cost = replayDays().map((_, index) =>
      round(random.jitter(plan.costOn(index), plan.jitter), 4),
    );
    const { costOn: _costOn, jitter: _jitter, ...meter } = plan;
    return { ...meter, cost };
  });
}

/**
 * The share of a day's final cost that Cost Explorer shows `daysBefore`
 * days later (1 for the run the morning after): late records keep coming
 * in for two days, then the day settles.
 */
export function settledShare(daysBefore: number): number {
  if (daysBefore <= 1) return 0.8;
  if (daysBefore === 2) return 0.95;
  return 1;
}

/**
 * The capture a run recorded on the morning after the last day: 90 days of
 * the meters, its newest two days estimated and not complete yet, the
 * anomaly monitor, and no anomalies.
 */
export function generateReplayCapture(): Capture {
  const days = replayDays();
  const groups: DailyGroup[] = replayMeters().map((meter) => {
    const cost = meter.cost.map((amount, index) =>
      round(amount * settledShare(days.length - index), 4),
    );
    return {
      keys: [meter.service, meter.usageType],
      unit: meter.unit,
      cost,
      usage: cost.map((amount) => round(amount / meter.unitPrice, 2)),
    };
  });

  const pages = [
    ...costAndUsagePages({
      days,
      groups,
      estimatedDays: REPLAY_ESTIMATED_DAYS,
      groupsPerPage: 200,
    }),
  ];
  return {
    GetCostAndUsage: pages,
    GetAnomalies: [{ Anomalies: [] }],
    GetAnomalyMonitors: [
      {
        AnomalyMonitors: [
          {
            MonitorArn: MONITOR_ARN,
            MonitorName: 'AWS services',
            MonitorType: 'DIMENSIONAL',
            MonitorDimension: 'SERVICE',
          },
        ],
      },
    ],
    Meta: {
      recordedAt: `${nextDay(REPLAY_LAST_DAY)}T07:00:00.000Z`,
      metric: 'UnblendedCost',
      requests: pages.length + 3,
    },
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function main(): void {
  const text = `${JSON.stringify(generateReplayCapture(), null, 2)}\n`;
  writeFileSync(REPLAY_CAPTURE_PATH, text);
  process.stdout.write(`Wrote ${REPLAY_CAPTURE_PATH} (${Math.round(text.length / 1024)} KiB).\n`);
}

if (require.main === module) main();
