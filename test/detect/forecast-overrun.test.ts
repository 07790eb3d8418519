import { ALL_WATCHED_SERVICES } from '../../lambda/detect/finding';
import { detectForecastOverrun } from '../../lambda/detect/forecast-overrun';
import type { Forecast } from '../../lambda/series/types';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import { buildTestHistory, flat } from '../helpers/history';

const forecastOf = (meanUsd: number): Forecast => ({
  start: '2025-05-21',
  end: '2025-06-01',
  meanUsd,
  lowerUsd: meanUsd * 0.8,
  upperUsd: meanUsd * 1.2,
});

type Row = {
  readonly budget: number | null;
  readonly forecast: number | null;
  readonly start?: string;
  readonly days?: number;
  readonly asOf?: string;
  readonly estimatedDays?: number;
};

/** Two meters of $10 a day each: $20 a day of watched spend. */
function overrunOf(row: Row) {
  const days = row.days ?? 20;
  const history = buildTestHistory({
    start: row.start ?? '2025-05-01',
    asOf: row.asOf ?? '2025-05-21',
    estimatedDays: row.estimatedDays ?? 0,
    meters: [
      { usageType: 'USE1-NovaPro-input-tokens', cost: flat(days, 10) },
      { usageType: 'USE1-NovaPro-output-tokens', cost: flat(days, 10) },
    ],
    forecast: row.forecast === null ? null : forecastOf(row.forecast),
  });
  return detectForecastOverrun(history, { ...DEFAULT_SETTINGS, monthlyBudgetUsd: row.budget });
}

describe('detectForecastOverrun', () => {
  it.each([
    {
      name: 'the forecast takes the month over',
      row: { budget: 600, forecast: 300 },
      pattern: 'projected',
      impact: 100,
      actual: 700,
    },
    {
      name: 'month to date is over with a forecast',
      row: { budget: 350, forecast: 300 },
      pattern: 'exceeded',
      impact: 350,
      actual: 700,
    },
    {
      name: 'month to date is over without a forecast',
      row: { budget: 350, forecast: null },
      pattern: 'exceeded',
      impact: 50,
      actual: 400,
    },
    {
      name: 'the window began last month',
      row: { budget: 600, forecast: 300, start: '2025-04-10', days: 41 },
      pattern: 'projected',
      impact: 100,
      actual: 700,
    },
  ])('flags an overrun when $name', ({ row, pattern, impact, actual }) => {
    // Act
    const findings = overrunOf(row);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: 'forecast-overrun:2025-05',
      kind: 'forecast-overrun',
      pattern,
      service: ALL_WATCHED_SERVICES,
      meterKey: null,
      day: '2025-05-20',
      actualUsd: actual,
      expectedUsd: row.budget,
      impactUsd: impact,
    });
    expect(findings[0]?.evidence).toMatchObject({
      month: '2025-05',
      budgetUsd: row.budget,
      monthToDateUsd: 400,
      monthToDateStart: '2025-05-01',
      monthToDateEnd: '2025-05-20',
      monthToDateDays: 20,
      monthToDateComplete: true,
      forecastUsd: row.forecast,
      projectedUsd: actual,
      overrunUsd: impact,
    });
  });

  it.each([
    { name: 'no budget is set', row: { budget: null, forecast: 900 } },
    { name: 'the month stays under the budget', row: { budget: 800, forecast: 300 } },
    {
      name: 'there is no forecast and month to date is under',
      row: { budget: 401, forecast: null },
    },
    { name: 'the overrun is under the dollar minimum', row: { budget: 698, forecast: 300 } },
  ])('reports nothing when $name', ({ row }) => {
    // Act
    const findings = overrunOf(row);

    // Assess
    expect(findings).toEqual([]);
  });

  it.each([
    {
      name: 'the window starts after the 1st',
      row: { budget: 600, forecast: 300, start: '2025-05-05', days: 16 },
      days: 16,
      usd: 320,
      complete: false,
    },
    {
      name: 'the run is on the 1st',
      row: { budget: 600, forecast: 700, start: '2025-04-11', days: 20, asOf: '2025-05-01' },
      days: 0,
      usd: 0,
      complete: true,
    },
    {
      name: 'estimated days are included',
      row: { budget: 600, forecast: 300, estimatedDays: 2 },
      days: 20,
      usd: 400,
      complete: true,
    },
  ])('says what month to date covers when $name', ({ row, days, usd, complete }) => {
    // Act
    const [finding] = overrunOf(row);

    // Assess
    expect(finding?.evidence).toMatchObject({
      monthToDateDays: days,
      monthToDateUsd: usd,
      monthToDateComplete: complete,
      estimatedDaysIncluded: row.estimatedDays ?? 0,
    });
  });

  it.each([
    { budget: 600, forecast: 300, lowerOver: true },
    { budget: 680, forecast: 300, lowerOver: false },
  ])(
    'tells whether the forecast lower bound alone is over $budget',
    ({ budget, forecast, lowerOver }) => {
      // Act
      const [finding] = overrunOf({ budget, forecast });

      // Assess
      expect(finding?.evidence).toMatchObject({
        forecastLowerUsd: forecast * 0.8,
        forecastUpperUsd: forecast * 1.2,
        lowerBoundOverBudget: lowerOver,
      });
    },
  );
});
