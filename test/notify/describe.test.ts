import {
  amountAtStake,
  countsLine,
  findingAmounts,
  monthlyImpact,
  spendLine,
  totalImpact,
} from '../../lambda/notify/describe';
import { newRecord } from '../../lambda/state/finding-record';
import { anAlert } from '../fixtures/alert';
import { aFinding, aReport } from '../fixtures/report';

describe('findingAmounts', () => {
  it.each([
    {
      kind: 'spike',
      numbers: { actualUsd: 400, expectedUsd: 100, impactUsd: 300, shareOfSpend: 0.5 },
      says:
        '$400.00 on 2026-03-14 vs $100.00 expected (+300%), impact $300.00, ' +
        "50% of the day's spend",
    },
    {
      kind: 'new-spend',
      numbers: { actualUsd: 25, expectedUsd: 0, impactUsd: 25, shareOfSpend: 0 },
      says: '$25.00 a day on 2026-03-14, none before in the window',
    },
    {
      kind: 'trend',
      numbers: { actualUsd: 1_400, expectedUsd: 1_000, impactUsd: 400, shareOfSpend: 0 },
      says:
        '$1,400.00 in the 7 days to 2026-03-14 vs $1,000.00 the 7 days before (+40%), ' +
        'impact $400.00 a week',
    },
    {
      kind: 'always-on',
      numbers: { actualUsd: 5_104.8, expectedUsd: 0, impactUsd: 5_104.8, shareOfSpend: 0.16 },
      says: '$5,104.80 a month at its current rate, billed every day through 2026-03-14',
    },
    {
      kind: 'forecast-overrun',
      numbers: { actualUsd: 12_000, expectedUsd: 10_000, impactUsd: 2_000, shareOfSpend: 0 },
      says: 'Month forecast $12,000.00 vs a budget of $10,000.00: $2,000.00 over',
    },
    {
      kind: 'mix',
      numbers: { actualUsd: 5_196.47, expectedUsd: 0, impactUsd: 5_196.47, shareOfSpend: 0.32 },
      says: "$5,196.47 a month concerned (the window's spend scaled to 30 days) as of 2026-03-14",
    },
  ] as const)('counts a $kind in its own unit', ({ kind, numbers, says }) => {
    expect(findingAmounts(aFinding({ kind, ...numbers }))).toBe(says);
  });
});

describe('countsLine', () => {
  const ended = newRecord(aFinding(), '2026-03-10');
  const grown = { finding: aFinding(), before: ended };

  it.each([
    { alert: anAlert([aFinding(), aFinding({ key: 'b' })]), says: '2 new findings' },
    {
      alert: anAlert([aFinding()], { grown: [grown], ended: [ended] }),
      says: '1 new finding, 1 grown, 1 ended',
    },
    { alert: anAlert([], { grown: [grown] }), says: '1 finding grown' },
    { alert: anAlert([], { ended: [ended, ended] }), says: '2 findings ended' },
    { alert: anAlert([]), says: 'no findings' },
  ])('says "$says"', ({ alert, says }) => {
    expect(countsLine(alert)).toBe(says);
  });
});

describe('spendLine', () => {
  it('adds the budget and the forecast when a budget is set', () => {
    const { headline } = aReport([]);

    const line = spendLine({ ...headline, monthlyBudgetUsd: 20_000, monthForecastUsd: 25_500 });

    expect(line).toBe(
      'LLM spend on 2026-03-14: $2,345.67 vs $1,100.00 expected (+113%); ' +
        'month to date: $12,345.00 vs $9,800.00 expected (+26%); ' +
        'budget: $20,000.00, forecast $25,500.00',
    );
  });
});

describe('amountAtStake', () => {
  const tip = aFinding().tips[0];
  const withSavings = (...savings: (number | null)[]) =>
    savings.map((savingUsd) => ({ ...(tip as NonNullable<typeof tip>), savingUsd }));

  it.each([
    { kind: 'spike', impactUsd: 100, savings: [null], atStake: 3_000 },
    { kind: 'mix', impactUsd: 16_000, savings: [2_400, 900], atStake: 2_400 },
    { kind: 'mix', impactUsd: 16_000, savings: [null], atStake: 0 },
    { kind: 'always-on', impactUsd: 5_000, savings: [1_250], atStake: 1_250 },
  ] as const)('counts a $kind of $impactUsd with savings $savings as $atStake', (row) => {
    const finding = aFinding({
      kind: row.kind,
      impactUsd: row.impactUsd,
      tips: withSavings(...row.savings),
    });

    expect(amountAtStake(finding)).toBeCloseTo(row.atStake);
  });

  it('never counts the spend a pattern covers in the alert total', () => {
    const spike = aFinding({ kind: 'spike', impactUsd: 100 });
    const pattern = aFinding({ kind: 'mix', impactUsd: 50_000, tips: withSavings(null) });

    expect(totalImpact(anAlert([spike, pattern]))).toBeCloseTo(3_000);
  });
});

describe('monthlyImpact', () => {
  it.each([
    { kind: 'spike', impactUsd: 100, monthly: 3_000 },
    { kind: 'new-spend', impactUsd: 10, monthly: 300 },
    { kind: 'trend', impactUsd: 700, monthly: 3_000 },
    { kind: 'always-on', impactUsd: 5_000, monthly: 5_000 },
    { kind: 'mix', impactUsd: 1_200, monthly: 1_200 },
    { kind: 'forecast-overrun', impactUsd: 2_000, monthly: 2_000 },
    { kind: 'native-anomaly', impactUsd: 450, monthly: 450 },
  ] as const)('puts a $kind impact of $impactUsd at $monthly a month', (row) => {
    expect(monthlyImpact(aFinding({ kind: row.kind, impactUsd: row.impactUsd }))).toBeCloseTo(
      row.monthly,
    );
  });
});
