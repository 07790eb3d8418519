import type { ReportInput } from '../../lambda/report/build-report';
import { buildReport } from '../../lambda/report/build-report';
import { daysTo, explainedFinding, historyOf, meterSeries, settingsWith } from './report-fixtures';

const LAST_DAY = '2026-03-19';
const DAYS = daysTo(LAST_DAY, 22);

/** Daily cost by day: `special` wins, then weekends, then weekdays. */
function costs(weekday: number, weekend: number, special: Record<string, number> = {}): number[] {
  return DAYS.map((day) => {
    const dayOfWeek = new Date(`${day}T00:00:00Z`).getUTCDay();
    return special[day] ?? (dayOfWeek === 0 || dayOfWeek === 6 ? weekend : weekday);
  });
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    history: historyOf({
      lastDay: LAST_DAY,
      estimatedDays: 1,
      meters: [meterSeries('Amazon Bedrock', 'USE1-NovaPro-input-tokens', costs(10, 10))],
    }),
    findings: [],
    settings: settingsWith(),
    warnings: [],
    costExplorerRequests: 7,
    mutedCount: 0,
    ...overrides,
  };
}

describe('buildReport', () => {
  it('expects the last complete day to cost the median of the same weekdays before it', () => {
    // Prepare: 2026-03-18 is the last complete day (a Wednesday); 03-11 and 03-04 came before.
    const spiky = costs(70, 30, { '2026-03-04': 60, '2026-03-11': 90, '2026-03-18': 220 });
    const history = historyOf({
      lastDay: LAST_DAY,
      estimatedDays: 1,
      meters: [
        meterSeries('Amazon Bedrock', 'USE1-NovaPro-input-tokens', spiky),
        meterSeries('Amazon SageMaker', 'USE1-Host:ml.g5.12xlarge', costs(30, 30)),
      ],
    });

    // Act
    const report = buildReport(input({ history }));

    // Assess: (60 + 30) and (90 + 30) have the median 105.
    expect(report.headline).toMatchObject({
      lastCompleteDay: '2026-03-18',
      lastDayUsd: 250,
      lastDayExpectedUsd: 105,
      currency: 'USD',
    });
  });

  it('counts the month to date over the newest month, estimated days included', () => {
    const history = historyOf({
      lastDay: LAST_DAY,
      estimatedDays: 1,
      meters: [meterSeries('Amazon Bedrock', 'x', costs(10, 10, { '2026-03-19': 30 }))],
    });

    const report = buildReport(input({ history }));

    // 19 March days at $10 expected; the estimated 19th cost $30.
    expect(report.headline.monthToDateUsd).toBeCloseTo(210, 6);
    expect(report.headline.monthToDateExpectedUsd).toBeCloseTo(190, 6);
  });

  it.each([
    ['adds a forecast for the same month to the month to date', '2026-03-20', 400, 590],
    ['ignores a forecast for another month', '2026-04-01', 400, null],
  ])('%s', (_name, start, meanUsd, expected) => {
    const history = historyOf({
      lastDay: LAST_DAY,
      meters: [meterSeries('Amazon Bedrock', 'x', costs(10, 10))],
      forecast: { start, end: '2026-04-01', meanUsd, lowerUsd: null, upperUsd: null },
    });

    const report = buildReport(
      input({ history, settings: settingsWith({ monthlyBudgetUsd: 500 }) }),
    );

    expect(report.headline.monthForecastUsd).toBe(expected);
    expect(report.headline.monthlyBudgetUsd).toBe(500);
  });

  it('has no last complete day when every day is estimated', () => {
    const history = historyOf({
      lastDay: LAST_DAY,
      estimatedDays: 22,
      meters: [meterSeries('Amazon Bedrock', 'x', costs(10, 10))],
    });

    const report = buildReport(input({ history }));

    expect(report.headline).toMatchObject({
      lastCompleteDay: null,
      lastDayUsd: 0,
      lastDayExpectedUsd: 0,
    });
  });

  it('orders findings by severity, then by impact', () => {
    const findings = [
      explainedFinding({ key: 'a', severity: 'medium', impactUsd: 900 }),
      explainedFinding({ key: 'b', severity: 'critical', impactUsd: 20 }),
      explainedFinding({ key: 'c', severity: 'medium', impactUsd: 1200 }),
      explainedFinding({ key: 'd', severity: 'low', impactUsd: 5000 }),
      explainedFinding({ key: 'e', severity: 'critical', impactUsd: 75 }),
    ];

    const report = buildReport(input({ findings }));

    expect(report.findings.map((finding) => finding.key)).toEqual(['e', 'b', 'c', 'a', 'd']);
  });

  it('weighs impacts per day, whether a finding counts a day or a month', () => {
    const findings = [
      explainedFinding({ key: 'monthly', kind: 'always-on', severity: 'high', impactUsd: 2000 }),
      explainedFinding({ key: 'daily', kind: 'spike', severity: 'high', impactUsd: 100 }),
    ];

    const report = buildReport(input({ findings }));

    // $100 a day is $3,000 a month, more than $2,000 a month.
    expect(report.findings.map((finding) => finding.key)).toEqual(['daily', 'monthly']);
  });

  it('reports the window, what was watched and what the Cost Explorer requests cost', () => {
    const history = historyOf({
      lastDay: LAST_DAY,
      meters: [
        meterSeries('Amazon Bedrock', 'USE1-NovaPro-input-tokens', costs(1, 1)),
        meterSeries('Amazon Bedrock', 'USE1-NovaPro-output-tokens', costs(1, 1)),
        meterSeries('Amazon SageMaker', 'USE1-Host:ml.g5.12xlarge', costs(1, 1)),
      ],
    });

    const report = buildReport(
      input({ history, costExplorerRequests: 13, mutedCount: 2, warnings: ['w'] }),
    );

    expect(report.window).toEqual({ start: '2026-02-26', end: LAST_DAY, days: 22 });
    expect(report.asOf).toBe('2026-03-20');
    expect(report.footer).toEqual({
      metersWatched: 3,
      servicesWatched: 2,
      costExplorerRequests: 13,
      costExplorerCostUsd: 0.13,
    });
    expect(report.mutedCount).toBe(2);
    expect(report.warnings).toEqual(['w']);
  });
});
