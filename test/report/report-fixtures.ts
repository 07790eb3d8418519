import type { ExplainedFinding } from '../../lambda/report/report';
import type { MeterSeries, SpendHistory, UsageTypeInfo } from '../../lambda/series/types';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import type { Settings } from '../../lambda/settings/settings';

const DAY_MS = 86_400_000;

/** `count` days ending with `last`, oldest first. */
export function daysTo(last: string, count: number): string[] {
  const lastMs = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    new Date(lastMs - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10),
  );
}

export function usageInfo(usageType: string): UsageTypeInfo {
  return {
    raw: usageType,
    regionCode: 'USE1',
    region: 'us-east-1',
    model: null,
    modelFamily: null,
    modelTier: null,
    chargeKind: 'other',
    tokens: null,
    batch: false,
    routing: 'standard',
  };
}

export function meterSeries(service: string, usageType: string, cost: number[]): MeterSeries {
  return {
    meter: {
      key: `${service}|${usageType}`,
      service,
      usageType,
      serviceKind: 'bedrock',
      info: usageInfo(usageType),
    },
    cost,
    usage: cost.map((value) => value * 100),
    usageUnit: 'Units',
  };
}

/** A history of `meters` over days ending with `lastDay`; the newest `estimatedDays` estimated. */
export function historyOf(input: {
  lastDay: string;
  meters: MeterSeries[];
  estimatedDays?: number;
  forecast?: SpendHistory['forecast'];
}): SpendHistory {
  const length = input.meters[0]?.cost.length ?? 0;
  const days = daysTo(input.lastDay, length);
  const estimatedDays = input.estimatedDays ?? 0;
  return {
    asOf: new Date(Date.parse(`${input.lastDay}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10),
    days,
    estimated: days.map((_, index) => index >= length - estimatedDays),
    metric: 'UnblendedCost',
    currency: 'USD',
    meters: input.meters,
    anomalies: [],
    monitorCount: 1,
    forecast: input.forecast ?? null,
    tags: null,
    accounts: null,
  };
}

export function settingsWith(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

/** An explained spike on Claude output tokens; override what a test is about. */
export function explainedFinding(overrides: Partial<ExplainedFinding> = {}): ExplainedFinding {
  return {
    key: 'spike|Claude 3.5 Sonnet (Amazon Bedrock Edition)|USE1-MP:USE1_OutputTokenCount-Units',
    kind: 'spike',
    pattern: 'usage',
    service: 'Claude 3.5 Sonnet (Amazon Bedrock Edition)',
    usageType: 'USE1-MP:USE1_OutputTokenCount-Units',
    meterKey: 'Claude 3.5 Sonnet (Amazon Bedrock Edition)|USE1-MP:USE1_OutputTokenCount-Units',
    day: '2026-03-17',
    actualUsd: 206.12,
    expectedUsd: 34.5,
    impactUsd: 171.62,
    provisional: false,
    evidence: { usageRatio: 5.9, unitPriceRatio: 1, score: 12.4 },
    severity: 'high',
    mistakes: [
      {
        mistake: 4,
        title: 'Misconfiguring API usage',
        strength: 0.8,
        because: 'Usage rose 5.9x while the price per unit stayed flat.',
      },
    ],
    tips: [
      {
        mistake: 4,
        text:
          'Output tokens of Claude 3.5 Sonnet cost $206.12 on 2026-03-17, ' +
          '5.9x usual: cap retries.',
        action: 'Cap client retries with exponential backoff and a retry budget.',
        link: {
          title: 'Retry behavior',
          url: 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html',
        },
        savingUsd: null,
        savingBasis: null,
      },
    ],
    shareOfSpend: 0.19,
    recentCost: [33, 34, 35, 12, 13, 34, 33, 36, 35, 33, 13, 12, 34, 206],
    where: 'Claude 3.5 Sonnet output tokens, us-east-1',
    ...overrides,
  };
}
