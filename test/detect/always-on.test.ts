import { detectAlwaysOn } from '../../lambda/detect/always-on';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import {
  addDays,
  buildTestHistory,
  flat,
  type MeterSpec,
  MONDAY,
  noisy,
  then,
  weekly,
  withDays,
} from '../helpers/history';

const PROVISIONED = 'USE1-NovaPro-ProvisionedThroughput-NoCommit-ModelUnits';

function alwaysOnOf(meters: MeterSpec[], estimatedDays = 0) {
  return detectAlwaysOn(buildTestHistory({ meters, estimatedDays }), DEFAULT_SETTINGS);
}

describe('detectAlwaysOn', () => {
  it.each([
    {
      name: 'provisioned throughput',
      service: 'Amazon Bedrock',
      usageType: PROVISIONED,
      pattern: 'provisioned-throughput',
    },
    {
      name: 'a SageMaker endpoint',
      service: 'Amazon SageMaker',
      usageType: 'USE1-Host:ml.g5.12xlarge',
      pattern: 'endpoint-hours',
    },
    {
      name: 'OpenSearch instances',
      service: 'Amazon OpenSearch Service',
      usageType: 'USE1-ESInstance:r6g.large.search',
      pattern: 'search-capacity',
    },
  ])('flags $name billed flat every day, weekends included', ({ service, usageType, pattern }) => {
    // Act
    const findings = alwaysOnOf([{ service, usageType, cost: noisy(56, 480, 2) }]);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: `always-on:${service}|${usageType}`,
      kind: 'always-on',
      pattern,
      day: addDays(MONDAY, 55),
      actualUsd: 14_400,
      expectedUsd: 0,
      impactUsd: 14_400,
    });
    expect(findings[0]?.evidence).toMatchObject({
      windowStart: addDays(MONDAY, 42),
      windowEnd: addDays(MONDAY, 55),
      windowDays: 14,
      daysBilled: 56,
      weekendDaysBilled: 4,
      dailyCostUsd: 480,
      monthlyCostUsd: 14_400,
      cv: 0.004,
    });
  });

  it.each([
    { name: 'it is off at weekends', cost: weekly(56, 480, 0) },
    { name: 'its cost varies day to day', cost: noisy(56, 480, 100) },
    { name: 'it costs under the dollar minimum a day', cost: flat(56, 4) },
    { name: 'it skipped a day in the last two weeks', cost: withDays(flat(56, 480), { 50: 0 }) },
    { name: 'the history holds under two weeks', cost: flat(13, 480) },
    { name: 'it was switched off on the judged day', cost: then(flat(55, 480), 0) },
  ])('does not flag capacity when $name', ({ cost }) => {
    // Act
    const findings = alwaysOnOf([{ usageType: PROVISIONED, cost }]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('does not flag a token meter billed flat every day', () => {
    // Act
    const findings = alwaysOnOf([{ usageType: 'USE1-NovaPro-input-tokens', cost: flat(56, 480) }]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('judges complete days only', () => {
    // Prepare
    const cost = then(flat(56, 480), 12, 0);

    // Act
    const [finding] = alwaysOnOf([{ usageType: PROVISIONED, cost }], 2);

    // Assess
    expect(finding?.day).toBe(addDays(MONDAY, 55));
    expect(finding?.provisional).toBe(false);
  });

  it.each([
    {
      name: 'on-demand tokens of the same model and region',
      others: [
        { usageType: 'USE1-NovaPro-input-tokens', cost: flat(56, 8), usage: flat(56, 1000) },
        { usageType: 'USE1-NovaPro-output-tokens', cost: flat(56, 4), usage: flat(56, 250) },
      ],
      evidence: {
        onDemandMeters: 2,
        onDemandUsdPerDay: 12,
        onDemandUsagePerDay: 1250,
        onDemandUsageCv: 0,
        onDemandDaysBilled: 14,
      },
    },
    {
      name: 'no on-demand tokens',
      others: [],
      evidence: {
        onDemandMeters: 0,
        onDemandUsdPerDay: null,
        onDemandUsagePerDay: null,
        onDemandUsageCv: null,
        onDemandDaysBilled: 0,
      },
    },
    {
      name: 'on-demand tokens in another region or batch only',
      others: [
        { usageType: 'EU-NovaPro-input-tokens', cost: flat(56, 8) },
        { usageType: 'USE1-NovaPro-input-tokens-batch', cost: flat(56, 8) },
      ],
      evidence: { onDemandMeters: 0, onDemandUsdPerDay: null, onDemandDaysBilled: 0 },
    },
  ])('reports $name beside the capacity', ({ others, evidence }) => {
    // Act
    const [finding] = alwaysOnOf([{ usageType: PROVISIONED, cost: flat(56, 480) }, ...others]);

    // Assess
    expect(finding?.evidence).toMatchObject({ model: 'NovaPro', region: 'us-east-1', ...evidence });
  });
});
