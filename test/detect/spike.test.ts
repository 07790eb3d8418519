import { detectSpikes } from '../../lambda/detect/spike';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import type { Settings } from '../../lambda/settings/settings';
import {
  addDays,
  buildTestHistory,
  flat,
  MONDAY,
  noisy,
  then,
  weekly,
  withDays,
} from '../helpers/history';

/** Only Mondays are busy: a weekly batch job. */
function mondays(count: number, monday: number, other: number): number[] {
  return Array.from({ length: count }, (_, index) => (index % 7 === 0 ? monday : other));
}

function spikesOf(cost: number[], options: { estimatedDays?: number; settings?: Settings } = {}) {
  const history = buildTestHistory({
    meters: [{ usageType: 'USE1-NovaLite-input-tokens', cost }],
    estimatedDays: options.estimatedDays ?? 0,
  });
  return detectSpikes(history, options.settings ?? DEFAULT_SETTINGS);
}

describe('detectSpikes', () => {
  it.each([
    { name: 'a steady meter triples', cost: then(noisy(56, 100, 5), 300), impact: 200 },
    { name: 'a flat meter doubles', cost: then(flat(56, 20), 40), impact: 20 },
    { name: 'a Saturday bills a weekday level', cost: then(weekly(61, 100, 10), 100), impact: 90 },
    { name: 'a meter bills more than its credits', cost: then(flat(56, -20), 30), impact: 30 },
  ])('flags a spike when $name', ({ cost, impact }) => {
    // Act
    const findings = spikesOf(cost);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.impactUsd).toBeCloseTo(impact, 6);
    expect(findings[0]?.evidence.score as number).toBeGreaterThanOrEqual(4);
    expect(findings[0]?.provisional).toBe(false);
  });

  it.each([
    { name: 'a Monday is at its usual level after a quiet weekend', cost: weekly(57, 100, 10) },
    { name: 'a weekly Monday batch job runs as usual', cost: mondays(57, 100, 10) },
    { name: 'a Sunday is quiet as usual', cost: weekly(56, 100, 10) },
    { name: 'a Sunday drops to nothing', cost: then(weekly(55, 100, 10), 0) },
    { name: 'a tiny meter jumps six-fold', cost: then(flat(56, 0.5), 3) },
    { name: 'the increase is under the minimum percentage', cost: then(noisy(56, 1000, 1), 1200) },
    { name: 'the score is under the minimum', cost: then(noisy(56, 100, 30), 160) },
    {
      name: 'a credit sits in the baseline',
      cost: then(withDays(noisy(56, 100, 5), { 30: -300 }), 104),
    },
    { name: 'the judged day is a credit', cost: then(noisy(56, 100, 5), -50) },
    { name: 'a credit line shrinks to nothing', cost: then(flat(56, -20), 0) },
    { name: 'the meter had no spend before', cost: then(flat(56, 0), 500) },
    { name: 'the meter is only days old', cost: then(flat(52, 0), 100, 100, 100, 100, 300) },
    {
      name: 'the meter began within the window',
      cost: then([...flat(36, 0), ...noisy(20, 100, 5)], 104),
    },
  ])('does not flag a spike when $name', ({ cost }) => {
    // Act
    const findings = spikesOf(cost);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports the baseline it judged against in the evidence', () => {
    // Prepare
    const cost = then(noisy(56, 100, 5), 300);

    // Act
    const [finding] = spikesOf(cost);

    // Assess
    expect(finding).toMatchObject({
      key: 'spike:Amazon Bedrock|USE1-NovaLite-input-tokens',
      kind: 'spike',
      meterKey: 'Amazon Bedrock|USE1-NovaLite-input-tokens',
      day: addDays(MONDAY, 56),
      actualUsd: 300,
      expectedUsd: 100,
    });
    expect(finding?.evidence).toMatchObject({
      baselineStart: MONDAY,
      baselineEnd: addDays(MONDAY, 55),
      baselineDays: 56,
      basis: 'weekday',
      weekday: 'Mon',
      weekdayDays: 8,
      medianUsd: 100,
      madUsd: 5,
      scaleUsd: 7.41,
      score: 26.98,
      increasePct: 200,
      spikeScore: 4,
      minImpactUsd: 5,
      minIncreasePct: 30,
    });
  });

  it.each([
    { name: 'the judged day has too few weekday peers', days: 14, basis: 'all', weekdayDays: 2 },
    { name: 'the judged day has enough weekday peers', days: 21, basis: 'weekday', weekdayDays: 3 },
  ])('compares with all days when $name', ({ days, basis, weekdayDays }) => {
    // Prepare
    const cost = then(flat(days, 10), 50);

    // Act
    const [finding] = spikesOf(cost);

    // Assess
    expect(finding?.evidence).toMatchObject({ basis, weekdayDays });
  });

  it.each([
    { name: 'usage triples at the same unit price', usage: 3, cost: 300, pattern: 'usage' },
    { name: 'the unit price triples at the same usage', usage: 1, cost: 300, pattern: 'price' },
    { name: 'usage and unit price both double', usage: 2, cost: 400, pattern: 'usage-and-price' },
    { name: 'usage doubles and the price rises 10%', usage: 2, cost: 220, pattern: 'usage' },
  ])('names the cause $pattern when $name', ({ usage, cost, pattern }) => {
    // Prepare
    const history = buildTestHistory({
      meters: [
        {
          usageType: 'USE1-NovaPro-output-tokens',
          cost: then(flat(56, 100), cost),
          usage: then(flat(56, 1000), 1000 * usage),
        },
      ],
    });

    // Act
    const [finding] = detectSpikes(history, DEFAULT_SETTINGS);

    // Assess
    expect(finding?.pattern).toBe(pattern);
    expect(finding?.evidence).toMatchObject({
      actualUsage: 1000 * usage,
      expectedUsage: 1000,
      usageRatio: usage,
      baselineUnitPrice: 0.1,
      actualUnitPrice: cost / (1000 * usage),
      unitPriceRatio: Number((cost / 100 / usage).toFixed(3)),
    });
  });

  it('leaves the cause unnamed when the meter reports no usage', () => {
    // Prepare
    const history = buildTestHistory({
      meters: [{ usageType: 'USE1-Other', cost: then(flat(56, 100), 300), usage: flat(57, 0) }],
    });

    // Act
    const [finding] = detectSpikes(history, DEFAULT_SETTINGS);

    // Assess
    expect(finding?.pattern).toBeNull();
    expect(finding?.evidence.usageRatio).toBeNull();
  });

  describe('late data', () => {
    it.each([
      {
        name: 'reports an estimated-day spike as provisional',
        cost: then(noisy(56, 100, 5), 100, 400),
        day: 57,
        provisional: true,
      },
      {
        name: 'prefers a complete-day spike to an estimated one',
        cost: then(noisy(56, 100, 5), 300, 400),
        day: 56,
        provisional: false,
      },
      {
        name: 'judges the newest complete day, not the estimated day after it',
        cost: then(noisy(56, 100, 5), 300, 20),
        day: 56,
        provisional: false,
      },
    ])('$name', ({ cost, day, provisional }) => {
      // Act
      const findings = spikesOf(cost, { estimatedDays: 1 });

      // Assess
      expect(findings).toHaveLength(1);
      expect(findings[0]?.day).toBe(addDays(MONDAY, day));
      expect(findings[0]?.provisional).toBe(provisional);
      expect(findings[0]?.evidence.estimatedDay).toBe(provisional);
    });

    it.each([
      { name: 'an estimated day drops', cost: then(noisy(56, 100, 5), 100, 5), estimatedDays: 1 },
      { name: 'two estimated days drop', cost: then(noisy(56, 100, 5), 2, 1), estimatedDays: 2 },
      { name: 'every day is estimated', cost: then(flat(6, 100), 400), estimatedDays: 7 },
    ])('reports nothing when $name', ({ cost, estimatedDays }) => {
      // Act
      const findings = spikesOf(cost, { estimatedDays });

      // Assess
      expect(findings).toEqual([]);
    });
  });

  describe('service overrides', () => {
    const cost = then(noisy(56, 100, 5), 160);

    it.each([
      { service: 'Amazon SageMaker', override: {}, spikes: 1 },
      { service: 'Amazon SageMaker', override: { spikeScore: 10 }, spikes: 0 },
      { service: 'Amazon SageMaker', override: { minImpactUsd: 100 }, spikes: 0 },
      { service: 'Amazon SageMaker', override: { minIncreasePct: 80 }, spikes: 0 },
      { service: 'Amazon Bedrock', override: { spikeScore: 10 }, spikes: 1 },
    ])('finds $spikes spike for $service when SageMaker has $override', (row) => {
      // Prepare
      const history = buildTestHistory({
        meters: [{ service: row.service, usageType: 'USE1-Host', cost }],
      });
      const settings = {
        ...DEFAULT_SETTINGS,
        serviceOverrides: { 'Amazon SageMaker': row.override },
      };

      // Act
      const findings = detectSpikes(history, settings);

      // Assess
      expect(findings).toHaveLength(row.spikes);
    });

    it('lets an override lower the dollar minimum for a small meter', () => {
      // Prepare
      const history = buildTestHistory({
        meters: [
          { service: 'Amazon Polly', usageType: 'USE1-Chars', cost: then(flat(56, 0.5), 3) },
        ],
      });
      const settings = {
        ...DEFAULT_SETTINGS,
        serviceOverrides: { 'Amazon Polly': { minImpactUsd: 1 } },
      };

      // Act
      const findings = detectSpikes(history, settings);

      // Assess
      expect(findings).toHaveLength(1);
      expect(findings[0]?.evidence).toMatchObject({ minImpactUsd: 1, thresholdsOverridden: true });
    });
  });
});
