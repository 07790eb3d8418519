import { detectNativeAnomalies } from '../../lambda/detect/native-anomaly';
import type { NativeAnomaly } from '../../lambda/series/types';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import { buildTestHistory } from '../helpers/history';

type Cause = NativeAnomaly['rootCauses'][number];

const cause = (service: string, contributionUsd: number): Cause => ({
  service,
  region: 'us-east-1',
  usageType: `USE1-${service.length}`,
  linkedAccount: '111122223333',
  contributionUsd,
});

function anomaly(parts: Partial<NativeAnomaly>): NativeAnomaly {
  return {
    id: 'a1b2c3',
    startDate: '2025-03-20',
    endDate: '2025-03-22',
    monitorArn: 'arn:aws:ce::111122223333:anomalymonitor/m1',
    feedback: null,
    totalImpactUsd: 240,
    maxImpactUsd: 120,
    totalActualUsd: 300,
    totalExpectedUsd: 60,
    impactPercent: 400,
    maxScore: 42.5,
    rootCauses: [cause('Amazon Bedrock', 240)],
    ...parts,
  };
}

function findingsOf(anomalies: NativeAnomaly[], settings = DEFAULT_SETTINGS) {
  const history = buildTestHistory({ days: 28, anomalies });
  return detectNativeAnomalies(history, settings);
}

describe('detectNativeAnomalies', () => {
  it('turns an anomaly on a watched service into a finding with its numbers', () => {
    // Act
    const findings = findingsOf([anomaly({})]);

    // Assess
    expect(findings).toEqual([
      {
        key: 'native-anomaly:a1b2c3',
        kind: 'native-anomaly',
        pattern: 'unreviewed',
        service: 'Amazon Bedrock',
        usageType: 'USE1-14',
        meterKey: 'Amazon Bedrock|USE1-14',
        day: '2025-03-22',
        actualUsd: 300,
        expectedUsd: 60,
        impactUsd: 240,
        provisional: false,
        evidence: {
          anomalyId: 'a1b2c3',
          startDate: '2025-03-20',
          endDate: '2025-03-22',
          open: false,
          monitorArn: 'arn:aws:ce::111122223333:anomalymonitor/m1',
          feedback: null,
          maxScore: 42.5,
          totalImpactUsd: 240,
          maxImpactUsd: 120,
          totalActualUsd: 300,
          totalExpectedUsd: 60,
          impactPercent: 400,
          dimensionValue: null,
          rootCauseCount: 1,
          rootCauses: 'Amazon Bedrock / us-east-1 / USE1-14 / 111122223333: $240.00',
          topService: 'Amazon Bedrock',
          topRegion: 'us-east-1',
          topUsageType: 'USE1-14',
          topLinkedAccount: '111122223333',
          topContributionUsd: 240,
        },
      },
    ]);
  });

  it.each([
    {
      name: 'a Bedrock Edition listing',
      causes: [cause('Claude 3 Haiku (Amazon Bedrock Edition)', 90)],
      service: 'Claude 3 Haiku (Amazon Bedrock Edition)',
    },
    {
      name: 'the largest watched cause among others',
      causes: [
        cause('Amazon EC2', 500),
        cause('Amazon SageMaker', 40),
        cause('Amazon Bedrock', 100),
      ],
      service: 'Amazon Bedrock',
    },
  ])('names the service of $name', ({ causes, service }) => {
    // Act
    const [finding] = findingsOf([anomaly({ rootCauses: causes })]);

    // Assess
    expect(finding?.service).toBe(service);
  });

  it('falls back to a watched dimension value when no root cause is given', () => {
    // Act
    const [finding] = findingsOf([anomaly({ rootCauses: [], dimensionValue: 'Amazon SageMaker' })]);

    // Assess
    expect(finding).toMatchObject({ service: 'Amazon SageMaker', usageType: null, meterKey: null });
    expect(finding?.evidence).toMatchObject({
      dimensionValue: 'Amazon SageMaker',
      topService: null,
    });
  });

  it.each([
    { name: 'its root cause is not watched', parts: { rootCauses: [cause('Amazon EC2', 240)] } },
    {
      name: 'its dimension value is not watched',
      parts: { rootCauses: [], dimensionValue: 'Amazon EC2' },
    },
    { name: 'it has neither root cause nor dimension value', parts: { rootCauses: [] } },
    { name: 'its impact is under the dollar minimum', parts: { totalImpactUsd: 4 } },
  ])('ignores an anomaly when $name', ({ parts }) => {
    // Act
    const findings = findingsOf([anomaly(parts)]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('ignores an anomaly on a service the settings exclude', () => {
    // Prepare
    const settings = { ...DEFAULT_SETTINGS, excludedServices: ['Amazon Bedrock'] };

    // Act
    const findings = findingsOf([anomaly({})], settings);

    // Assess
    expect(findings).toEqual([]);
  });

  // The history runs from 2025-03-03 to 2025-03-30; its last 7 days start on 2025-03-24.
  it.each([
    { feedback: null, endDate: '2025-03-05', kept: true, pattern: 'unreviewed' },
    { feedback: null, endDate: null, kept: true, pattern: 'unreviewed' },
    { feedback: 'YES' as const, endDate: null, kept: true, pattern: 'confirmed' },
    { feedback: 'YES' as const, endDate: '2025-03-24', kept: true, pattern: 'confirmed' },
    { feedback: 'YES' as const, endDate: '2025-03-23', kept: false, pattern: null },
    { feedback: 'YES' as const, endDate: '2025-03-05', kept: false, pattern: null },
    { feedback: 'NO' as const, endDate: null, kept: false, pattern: null },
    { feedback: 'NO' as const, endDate: '2025-03-28', kept: false, pattern: null },
    { feedback: 'PLANNED_ACTIVITY' as const, endDate: null, kept: false, pattern: null },
    { feedback: 'PLANNED_ACTIVITY' as const, endDate: '2025-03-28', kept: false, pattern: null },
  ])(
    'with feedback $feedback, ending $endDate: kept $kept, as $pattern',
    ({ feedback, endDate, kept, pattern }) => {
      // Act
      const findings = findingsOf([anomaly({ feedback, startDate: '2025-03-04', endDate })]);

      // Assess
      expect(findings.map((finding) => finding.pattern)).toEqual(kept ? [pattern] : []);
    },
  );

  it('counts the last 7 days back from the newest complete day, not an estimated one', () => {
    // Prepare: the newest 3 days are estimated, so the last 7 complete days start on 2025-03-21.
    const history = buildTestHistory({
      days: 28,
      estimatedDays: 3,
      anomalies: [anomaly({ feedback: 'YES', endDate: '2025-03-21' })],
    });

    // Act
    const findings = detectNativeAnomalies(history, DEFAULT_SETTINGS);

    // Assess
    expect(findings).toHaveLength(1);
  });

  it('dates an open anomaly on the newest day of the window', () => {
    // Act
    const [finding] = findingsOf([anomaly({ endDate: null })]);

    // Assess
    expect(finding?.day).toBe('2025-03-30');
    expect(finding?.evidence.open).toBe(true);
  });

  it('derives the expected spend from the impact when the API leaves it out', () => {
    // Act
    const [finding] = findingsOf([anomaly({ totalExpectedUsd: null, impactPercent: null })]);

    // Assess
    expect(finding).toMatchObject({ actualUsd: 300, expectedUsd: 60 });
    expect(finding?.evidence).toMatchObject({ totalExpectedUsd: null, impactPercent: null });
  });
});
