import { detectNewSpend } from '../../lambda/detect/new-spend';
import type { UsageTypeInfo } from '../../lambda/series/types';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import { addDays, buildTestHistory, flat, type MeterSpec, MONDAY, then } from '../helpers/history';

const nova = (region: string, chargeKind: UsageTypeInfo['chargeKind']): Partial<UsageTypeInfo> => ({
  model: 'NovaPro',
  modelFamily: 'nova',
  region,
  chargeKind,
});

function newSpendOf(cost: number[], estimatedDays = 0) {
  const history = buildTestHistory({
    meters: [{ usageType: 'USE1-NovaPro-input-tokens', cost }],
    estimatedDays,
  });
  return detectNewSpend(history, DEFAULT_SETTINGS);
}

describe('detectNewSpend', () => {
  it.each([
    { name: 'it spends on the judged day', cost: then(flat(56, 0), 20), impact: 20, billed: 1 },
    { name: 'it began three days ago', cost: then(flat(54, 0), 10, 10, 10), impact: 10, billed: 3 },
    {
      name: 'its judged day is small but its days since it began are not',
      cost: then(flat(53, 0), 10, 10, 12, 2),
      impact: 8.5,
      billed: 4,
    },
  ])('flags a meter with no baseline spend when $name', ({ cost, impact, billed }) => {
    // Act
    const findings = newSpendOf(cost);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: 'new-spend:Amazon Bedrock|USE1-NovaPro-input-tokens',
      kind: 'new-spend',
      day: addDays(MONDAY, cost.length - 1),
      expectedUsd: 0,
      provisional: false,
    });
    expect(findings[0]?.impactUsd).toBeCloseTo(impact, 6);
    expect(findings[0]?.evidence).toMatchObject({
      daysBilled: billed,
      baselineStart: MONDAY,
      baselineDays: cost.length - 7,
    });
  });

  it.each([
    { name: 'it stays under the dollar minimum', cost: then(flat(56, 0), 3) },
    { name: 'it spent a dollar in the baseline', cost: then([1, ...flat(55, 0)], 20) },
    { name: 'it began before the newest seven days', cost: then(flat(48, 0), ...flat(9, 20)) },
    { name: 'the history is too short for a baseline', cost: then(flat(12, 0), 20) },
    { name: 'it is a new credit', cost: then(flat(56, 0), -30) },
    { name: 'a credit sat in its baseline', cost: then([-30, ...flat(55, 0)], 20) },
  ])('does not flag a meter when $name', ({ cost }) => {
    // Act
    const findings = newSpendOf(cost);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports spend first seen on an estimated day as provisional', () => {
    // Prepare
    const cost = then(flat(56, 0), 0, 9, 4);

    // Act
    const findings = newSpendOf(cost, 2);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      day: addDays(MONDAY, 57),
      impactUsd: 9,
      provisional: true,
    });
    expect(findings[0]?.evidence.estimatedDay).toBe(true);
  });

  it.each([
    {
      name: 'new-model when no meter of the model spent before',
      others: [] as MeterSpec[],
      region: 'eu-west-1',
      pattern: 'new-model',
      alsoIn: null,
      newModel: true,
    },
    {
      name: 'new-region when the model spent before in another region',
      others: [
        {
          usageType: 'USE1-NovaPro-input-tokens',
          cost: flat(63, 40),
          info: nova('us-east-1', 'input-tokens'),
        },
      ],
      region: 'eu-west-1',
      pattern: 'new-region',
      alsoIn: 'us-east-1',
      newModel: false,
    },
    {
      name: 'new-meter when the model spent before in the same region',
      others: [
        {
          usageType: 'EU-NovaPro-input-tokens',
          cost: flat(63, 40),
          info: nova('eu-west-1', 'input-tokens'),
        },
      ],
      region: 'eu-west-1',
      pattern: 'new-meter',
      alsoIn: null,
      newModel: false,
    },
    {
      name: 'new-model with the other region when two regions began together',
      others: [
        {
          usageType: 'USW2-NovaPro-output-tokens',
          cost: then(flat(60, 0), 30, 30, 30),
          info: nova('us-west-2', 'output-tokens'),
        },
      ],
      region: 'eu-west-1',
      pattern: 'new-model',
      alsoIn: 'us-west-2',
      newModel: true,
    },
  ])('names the pattern $name', ({ others, region, pattern, alsoIn, newModel }) => {
    // Prepare
    const history = buildTestHistory({
      meters: [
        ...others,
        {
          usageType: 'EU-NovaPro-cache-write',
          cost: then(flat(62, 0), 25),
          info: nova(region, 'cache-write'),
        },
      ],
    });

    // Act
    const findings = detectNewSpend(history, DEFAULT_SETTINGS);

    // Assess
    const finding = findings.find((item) => item.usageType === 'EU-NovaPro-cache-write');
    expect(finding?.pattern).toBe(pattern);
    expect(finding?.evidence).toMatchObject({
      model: 'NovaPro',
      region,
      modelAlsoIn: alsoIn,
      newModel,
    });
  });

  it('takes the model of a Marketplace meter from its service name', () => {
    // Prepare
    const history = buildTestHistory({
      meters: [
        {
          service: 'Claude Opus 4 (Amazon Bedrock Edition)',
          usageType: 'USE1-MP:USE1_InputTokenCount-Units',
          cost: then(flat(56, 0), 50),
        },
      ],
    });

    // Act
    const [finding] = detectNewSpend(history, DEFAULT_SETTINGS);

    // Assess
    expect(finding?.evidence).toMatchObject({ model: 'Claude Opus 4', newModel: true });
  });
});
