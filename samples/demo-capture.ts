import type {
  Anomaly,
  GetAnomaliesResponse,
  GetAnomalyMonitorsResponse,
  GetCostAndUsageResponse,
  GetCostForecastResponse,
  GetDimensionValuesResponse,
} from '@aws-sdk/client-cost-explorer';
import type { Capture } from '../lambda/collect/capture';
import { amount, costAndUsagePages, type DailyGroup } from './cost-explorer-pages';
import { daysEndingOn, nextDay, weekday } from './dates';
import {
  CLAUDE_SONNET,
  DEMO_DAYS,
  DEMO_ESTIMATED_DAYS,
  DEMO_EVENTS,
  DEMO_LAST_DAY,
  DEMO_METERS,
  dayContext,
  type MeterPlan,
  SAGEMAKER,
} from './demo-meters';
import { createRandom } from './prng';

const SEED = 20260320;
/** Small pages, so the demo shows pagination and a day split across pages. */
const GROUPS_PER_PAGE = 250;
const TAG_KEY = 'team';
const ACCOUNT = '123456789012';
const MONITOR_ARN = `arn:aws:ce::${ACCOUNT}:anomalymonitor/6c1f0d2e-3b4a-4e6f-9a8b-0c1d2e3f4a5b`;

type BilledMeter = DailyGroup & { readonly plan: MeterPlan };

/**
 * The bundled demo: 60 days of one account's LLM and AI spend, as the raw
 * Cost Explorer responses a collection would record, with problems planted
 * in it (see `DEMO_EVENTS`). The same every time it is generated.
 */
export function generateDemoCapture(): Capture {
  const days = daysEndingOn(DEMO_LAST_DAY, DEMO_DAYS);
  const meters = DEMO_METERS.map((plan, index) => billMeter(plan, days, SEED + index * 7919));

  const costAndUsage = [
    ...costAndUsagePages({
      days,
      groups: meters,
      estimatedDays: DEMO_ESTIMATED_DAYS,
      groupsPerPage: GROUPS_PER_PAGE,
    }),
  ];
  const byTag = [...tagPages(days, meters)];
  const parts = {
    GetCostAndUsage: costAndUsage,
    GetAnomalies: [anomalies(days, meters)],
    GetAnomalyMonitors: [monitors()],
    GetCostForecast: forecast(days, meters),
    GetDimensionValues: [dimensionValues(meters)],
    GetCostAndUsageByTag: byTag,
  };

  return {
    ...parts,
    Meta: {
      recordedAt: `${nextDay(DEMO_LAST_DAY)}T07:00:00.000Z`,
      metric: 'UnblendedCost',
      tagKey: TAG_KEY,
      requests: costAndUsage.length + byTag.length + 4,
    },
  };
}

/** The demo capture as the text of `samples/demo-capture.json`. */
export function demoCaptureText(): string {
  return `${JSON.stringify(generateDemoCapture(), null, 2)}\n`;
}

function billMeter(plan: MeterPlan, days: readonly string[], seed: number): BilledMeter {
  const random = createRandom(seed);
  const usage = days.map((_, index) => round(plan.usage(dayContext(days, index, random)), 6));
  const cost = usage.map((quantity, index) =>
    round(quantity * plan.unitPrice(dayContext(days, index, random)), 8),
  );
  return { keys: [plan.service, plan.usageType], unit: plan.unit, cost, usage, plan };
}

function tagPages(
  days: readonly string[],
  meters: readonly BilledMeter[],
): Generator<GetCostAndUsageResponse> {
  const teams = [...new Set(meters.map((meter) => meter.plan.team))];
  const groups: DailyGroup[] = teams.map((team) => {
    const members = meters.filter((meter) => meter.plan.team === team);
    const total = (index: number) =>
      round(
        members.reduce((sum, meter) => sum + (meter.cost[index] ?? 0), 0),
        8,
      );
    return {
      keys: [`${TAG_KEY}$${team ?? ''}`],
      unit: 'N/A',
      cost: days.map((_, index) => total(index)),
      usage: days.map(() => 0),
    };
  });

  return costAndUsagePages({
    days,
    groups,
    estimatedDays: DEMO_ESTIMATED_DAYS,
    groupsPerPage: 1_000,
    groupDefinitions: [{ Type: 'TAG', Key: TAG_KEY }],
  });
}

function anomalies(days: readonly string[], meters: readonly BilledMeter[]): GetAnomaliesResponse {
  const storm = meterOf(meters, CLAUDE_SONNET, 'USE1-MP:USE1_OutputTokenCount-Units');
  const training = meterOf(meters, SAGEMAKER, 'USE1-Train:ml.p3.2xlarge');

  return {
    Anomalies: [
      anomaly({
        id: '0d9c5e4a-7f3b-4c2d-8e1a-5b6c7d8e9f01',
        day: DEMO_EVENTS.trainingBurst,
        days,
        meter: training,
        score: 0.81,
        feedback: 'YES',
      }),
      anomaly({
        id: '4b8e2f1c-9a7d-4e3b-b6c5-1d2e3f4a5b6c',
        day: DEMO_EVENTS.retryStorm,
        days,
        meter: storm,
        score: 0.94,
        feedback: null,
      }),
    ],
  };
}

function anomaly(input: {
  id: string;
  day: string;
  days: readonly string[];
  meter: BilledMeter;
  score: number;
  feedback: 'YES' | null;
}): Anomaly {
  const index = input.days.indexOf(input.day);
  const actual = input.meter.cost[index] ?? 0;
  const expected = sameWeekdayMean(input.meter, input.days, index);
  const impact = round(actual - expected, 2);

  return {
    AnomalyId: input.id,
    AnomalyStartDate: input.day,
    AnomalyEndDate: input.day,
    DimensionValue: input.meter.plan.service,
    RootCauses: [
      {
        Service: input.meter.plan.service,
        Region: 'us-east-1',
        LinkedAccount: ACCOUNT,
        LinkedAccountName: 'ml-production',
        UsageType: input.meter.plan.usageType,
        Impact: { Contribution: impact },
      },
    ],
    AnomalyScore: { MaxScore: input.score, CurrentScore: input.score },
    Impact: {
      MaxImpact: impact,
      TotalImpact: impact,
      TotalActualSpend: round(actual, 2),
      TotalExpectedSpend: round(expected, 2),
      // Cost Explorer leaves the percentage out when nothing was expected.
      ...(expected > 0 ? { TotalImpactPercentage: round((impact / expected) * 100, 2) } : {}),
    },
    MonitorArn: MONITOR_ARN,
    ...(input.feedback === null ? {} : { Feedback: input.feedback }),
  };
}

function monitors(): GetAnomalyMonitorsResponse {
  return {
    AnomalyMonitors: [
      {
        MonitorArn: MONITOR_ARN,
        MonitorName: 'AWS services',
        CreationDate: '2025-06-02',
        LastUpdatedDate: '2025-06-02',
        LastEvaluatedDate: DEMO_LAST_DAY,
        MonitorType: 'DIMENSIONAL',
        MonitorDimension: 'SERVICE',
        DimensionalValueCount: 31,
      },
    ],
  };
}

/** Cost Explorer's forecast from the run's date to the month's end: the recent daily pace. */
function forecast(
  days: readonly string[],
  meters: readonly BilledMeter[],
): GetCostForecastResponse {
  const complete = days.length - DEMO_ESTIMATED_DAYS;
  const recent = Array.from({ length: 7 }, (_, back) => dayTotal(meters, complete - 1 - back));
  const pace = recent.reduce((sum, total) => sum + total, 0) / recent.length;

  const start = nextDay(DEMO_LAST_DAY);
  const end = firstOfNextMonth(start);
  const daysLeft = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
  const mean = pace * daysLeft;

  return {
    Total: { Amount: amount(round(mean, 4)), Unit: 'USD' },
    ForecastResultsByTime: [
      {
        TimePeriod: { Start: start, End: end },
        MeanValue: amount(round(mean, 4)),
        PredictionIntervalLowerBound: amount(round(mean * 0.88, 4)),
        PredictionIntervalUpperBound: amount(round(mean * 1.12, 4)),
      },
    ],
  };
}

function dimensionValues(meters: readonly BilledMeter[]): GetDimensionValuesResponse {
  const services = [...new Set(meters.map((meter) => meter.plan.service))].sort();
  return {
    DimensionValues: services.map((service) => ({ Value: service, Attributes: {} })),
    ReturnSize: services.length,
    TotalSize: services.length,
  };
}

function meterOf(meters: readonly BilledMeter[], service: string, usageType: string): BilledMeter {
  const meter = meters.find(
    (candidate) => candidate.plan.service === service && candidate.plan.usageType === usageType,
  );
  if (meter === undefined) throw new Error(`The demo has no meter ${service} ${usageType}.`);
  return meter;
}

function sameWeekdayMean(meter: BilledMeter, days: readonly string[], index: number): number {
  const earlier = days
    .map((day, position) => ({ day, position }))
    .filter(({ day, position }) => position < index && weekday(day) === weekday(days[index] ?? ''))
    .slice(-4)
    .map(({ position }) => meter.cost[position] ?? 0);
  return earlier.reduce((sum, cost) => sum + cost, 0) / Math.max(1, earlier.length);
}

function dayTotal(meters: readonly BilledMeter[], index: number): number {
  return meters.reduce((sum, meter) => sum + (meter.cost[index] ?? 0), 0);
}

function firstOfNextMonth(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))
    .toISOString()
    .slice(0, 10);
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
