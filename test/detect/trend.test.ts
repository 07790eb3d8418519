import { detectTrends } from '../../lambda/detect/trend';
import type { ServiceKind, UsageTypeInfo } from '../../lambda/series/types';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import {
  addDays,
  buildTestHistory,
  flat,
  MONDAY,
  then,
  weekly,
  withDays,
} from '../helpers/history';

/** Daily values that hold for a week each. */
function weeks(...daily: number[]): number[] {
  return daily.flatMap((value) => flat(7, value));
}

type Row = {
  readonly cost: number[];
  readonly chargeKind?: UsageTypeInfo['chargeKind'];
  readonly serviceKind?: ServiceKind;
  readonly estimatedDays?: number;
};

function trendsOf(row: Row) {
  const history = buildTestHistory({
    meters: [
      {
        usageType: 'USE1-Meter',
        cost: row.cost,
        info: { chargeKind: row.chargeKind ?? 'input-tokens' },
        serviceKind: row.serviceKind ?? 'bedrock',
      },
    ],
    estimatedDays: row.estimatedDays ?? 0,
  });
  return detectTrends(history, DEFAULT_SETTINGS);
}

describe('detectTrends', () => {
  it.each([
    { name: 'a week grows 50% by $70', cost: weeks(20, 20, 20, 30), actual: 210, expected: 140 },
    { name: 'a week grows 25% by $35', cost: weeks(20, 20, 20, 25), actual: 175, expected: 140 },
  ])('flags week-over-week growth when $name', ({ cost, actual, expected }) => {
    // Act
    const findings = trendsOf({ cost });

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: 'trend:Amazon Bedrock|USE1-Meter',
      kind: 'trend',
      pattern: 'week-over-week',
      day: addDays(MONDAY, cost.length - 1),
      actualUsd: actual,
      expectedUsd: expected,
      impactUsd: actual - expected,
    });
    expect(findings[0]?.evidence).toMatchObject({
      weekStart: addDays(MONDAY, cost.length - 7),
      priorEnd: addDays(MONDAY, cost.length - 8),
      lastWeekUsd: actual,
      priorWeekUsd: expected,
      growthPct: Math.round((actual / expected - 1) * 1000) / 10,
    });
  });

  it.each([
    { name: 'growth stays under 25%', row: { cost: weeks(20, 20, 20, 24) } },
    { name: 'the weekly delta stays under $35', row: { cost: weeks(2, 2, 2, 4) } },
    { name: 'the history holds under two weeks', row: { cost: flat(13, 50) } },
    { name: 'a weekly rhythm repeats', row: { cost: weekly(56, 100, 10) } },
    {
      name: 'only estimated days grow',
      row: { cost: then(weeks(20, 20, 20), 90, 90), estimatedDays: 2 },
    },
    {
      name: 'a credit sat in the week before',
      row: { cost: withDays(weeks(20, 20, 20, 20), { 20: -100 }) },
    },
    { name: 'a credit line shrinks', row: { cost: weeks(-40, -40, -40, -10) } },
    { name: 'the week before had no spend', row: { cost: weeks(0, 0, 0, 30) } },
    {
      name: 'one day of the week spikes',
      row: { cost: then(weeks(20, 20, 20), 20, 20, 20, 20, 20, 20, 90) },
    },
  ])('does not flag a trend when $name', ({ row }) => {
    // Act
    const findings = trendsOf(row);

    // Assess
    expect(findings).toEqual([]);
  });

  it.each([
    {
      name: 'a vector store',
      row: {
        cost: weeks(15, 16, 17, 18),
        chargeKind: 'search-capacity' as const,
        serviceKind: 'vector-store' as const,
      },
    },
    {
      name: 'custom-model storage',
      row: { cost: weeks(15, 16, 17, 18), chargeKind: 'custom-model-storage' as const },
    },
    { name: 'storage', row: { cost: weeks(18, 15, 16, 17, 18), chargeKind: 'storage' as const } },
  ])('flags steady growth of $name for three weeks', ({ row }) => {
    // Act
    const findings = trendsOf(row);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      pattern: 'steady-growth',
      actualUsd: 126,
      expectedUsd: 105,
      impactUsd: 21,
    });
    expect(findings[0]?.evidence).toMatchObject({ weeksGrowing: 3, growthPct: 5.9 });
  });

  it('lists the weekly totals it judged, oldest first', () => {
    // Act
    const [finding] = trendsOf({ cost: weeks(15, 16, 17, 18), chargeKind: 'storage' });

    // Assess
    expect(finding?.evidence.weeklyUsd).toBe('105.00,112.00,119.00,126.00');
  });

  it.each([
    { name: 'a token meter grows the same way', row: { cost: weeks(15, 16, 17, 18) } },
    {
      name: 'storage grows for two weeks only',
      row: { cost: weeks(18, 18, 16, 17, 18), chargeKind: 'storage' as const },
    },
    {
      name: 'tiny storage grows',
      row: { cost: weeks(1, 1.1, 1.2, 1.3), chargeKind: 'storage' as const },
    },
    {
      name: 'storage grows under 1% a week',
      row: { cost: weeks(100, 100.5, 101, 101.5), chargeKind: 'storage' as const },
    },
  ])('does not flag steady growth when $name', ({ row }) => {
    // Act
    const findings = trendsOf(row);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports a storage meter that also jumps as week-over-week, with its weeks of growth', () => {
    // Act
    const [finding] = trendsOf({ cost: weeks(15, 16, 17, 30), chargeKind: 'storage' });

    // Assess
    expect(finding).toMatchObject({ pattern: 'week-over-week', expectedUsd: 119, impactUsd: 91 });
    expect(finding?.evidence.weeksGrowing).toBe(3);
  });
});
