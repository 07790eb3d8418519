import { normaliseAnomalies } from '../../lambda/series/anomalies';

const anomaly = (overrides: Record<string, unknown> = {}) => ({
  AnomalyId: 'a-1',
  AnomalyStartDate: '2026-03-01',
  AnomalyEndDate: '2026-03-03',
  RootCauses: [
    {
      Service: 'Amazon Bedrock',
      Region: 'us-east-1',
      UsageType: 'USE1-NovaMicro-input-tokens',
      LinkedAccount: '111122223333',
      Impact: { Contribution: '40.5' },
    },
  ],
  AnomalyScore: { MaxScore: 0.9, CurrentScore: 0.5 },
  Impact: {
    MaxImpact: 40.5,
    TotalImpact: '81',
    TotalActualSpend: 90,
    TotalExpectedSpend: '9',
    TotalImpactPercentage: 900,
  },
  MonitorArn: 'arn:aws:ce::111122223333:anomalymonitor/m',
  Feedback: 'YES',
  ...overrides,
});

describe('normaliseAnomalies', () => {
  it('reads numbers given as numbers or strings', () => {
    const [read] = normaliseAnomalies([{ Anomalies: [anomaly()] }], 'capture');

    expect(read).toEqual({
      id: 'a-1',
      startDate: '2026-03-01',
      endDate: '2026-03-03',
      monitorArn: 'arn:aws:ce::111122223333:anomalymonitor/m',
      feedback: 'YES',
      totalImpactUsd: 81,
      maxImpactUsd: 40.5,
      totalActualUsd: 90,
      totalExpectedUsd: 9,
      impactPercent: 900,
      maxScore: 0.9,
      rootCauses: [
        {
          service: 'Amazon Bedrock',
          region: 'us-east-1',
          usageType: 'USE1-NovaMicro-input-tokens',
          linkedAccount: '111122223333',
          contributionUsd: 40.5,
        },
      ],
    });
  });

  it('reads an absent impact percentage (expected spend of zero) as null', () => {
    const impact = { MaxImpact: 12, TotalImpact: 20, TotalActualSpend: 20, TotalExpectedSpend: 0 };

    const [read] = normaliseAnomalies([{ Anomalies: [anomaly({ Impact: impact })] }], 'capture');

    expect([read?.impactPercent, read?.totalExpectedUsd]).toEqual([null, 0]);
  });

  it('falls back to the largest daily impact when the total is absent', () => {
    const [read] = normaliseAnomalies(
      [{ Anomalies: [anomaly({ Impact: { MaxImpact: '12.5' } })] }],
      'capture',
    );

    expect([read?.totalImpactUsd, read?.totalActualUsd, read?.totalExpectedUsd]).toEqual([
      12.5,
      null,
      null,
    ]);
  });

  it.each([
    [
      'a timestamp as its day',
      { AnomalyStartDate: '2026-03-01T00:00:00Z' },
      '2026-03-01',
      '2026-03-03',
    ],
    ['an ongoing anomaly with no end', { AnomalyEndDate: undefined }, '2026-03-01', null],
    [
      'the end date when the start is absent',
      { AnomalyStartDate: undefined },
      '2026-03-03',
      '2026-03-03',
    ],
  ])('reads %s', (_label, overrides, start, end) => {
    const [read] = normaliseAnomalies([{ Anomalies: [anomaly(overrides)] }], 'capture');

    expect([read?.startDate, read?.endDate]).toEqual([start, end]);
  });

  it.each([
    ['NO', 'NO'],
    ['PLANNED_ACTIVITY', 'PLANNED_ACTIVITY'],
    [undefined, null],
    ['MAYBE', null],
  ])('reads feedback %p as %p', (feedback, expected) => {
    const [read] = normaliseAnomalies(
      [{ Anomalies: [anomaly({ Feedback: feedback })] }],
      'capture',
    );

    expect(read?.feedback).toBe(expected);
  });

  it('reads anomalies from every page, in order', () => {
    const pages = [
      { Anomalies: [anomaly({ AnomalyId: 'a-1' }), anomaly({ AnomalyId: 'a-2' })] },
      { Anomalies: [] },
      { Anomalies: [anomaly({ AnomalyId: 'a-3', RootCauses: undefined })] },
    ];

    const read = normaliseAnomalies(pages, 'capture');

    expect(read.map((entry) => [entry.id, entry.rootCauses.length])).toEqual([
      ['a-1', 1],
      ['a-2', 1],
      ['a-3', 0],
    ]);
  });

  it('names the page and field of an anomaly with neither date', () => {
    const pages = [
      { Anomalies: [anomaly()] },
      { Anomalies: [anomaly({ AnomalyStartDate: undefined, AnomalyEndDate: undefined })] },
    ];

    expect(() => normaliseAnomalies(pages, 'capture')).toThrow(
      'capture: GetAnomalies page 2: Anomalies[0] has neither AnomalyStartDate nor AnomalyEndDate',
    );
  });
});
