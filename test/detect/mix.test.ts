import { ALL_WATCHED_SERVICES } from '../../lambda/detect/finding';
import { detectMix } from '../../lambda/detect/mix';
import type { TagSplit } from '../../lambda/series/types';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import {
  addDays,
  buildTestHistory,
  flat,
  type MeterSpec,
  MONDAY,
  weekly,
} from '../helpers/history';

const OPUS = 'Claude Opus 4 (Amazon Bedrock Edition)';
const HAIKU = 'Claude 3 Haiku (Amazon Bedrock Edition)';
const SONNET = 'Claude 3.5 Sonnet (Amazon Bedrock Edition)';
const MP_INPUT = 'USE1-MP:USE1_InputTokenCount-Units';

const days = 56;
const daily = (service: string, usageType: string, usd: number, unitPrice = 0.01): MeterSpec => ({
  service,
  usageType,
  cost: flat(days, usd),
  unitPrice,
});
const nova = (usageType: string, usd: number, unitPrice = 0.01) =>
  daily('Amazon Bedrock', usageType, usd, unitPrice);

type Scenario = {
  readonly meters?: MeterSpec[];
  readonly tags?: TagSplit | null;
  readonly monitorCount?: number | null;
};

function patternOf(pattern: string, scenario: Scenario) {
  const history = buildTestHistory({
    days,
    meters: scenario.meters ?? [],
    tags: scenario.tags ?? null,
    monitorCount: scenario.monitorCount === undefined ? 1 : scenario.monitorCount,
  });
  return detectMix(history, DEFAULT_SETTINGS).filter((finding) => finding.pattern === pattern);
}

describe('detectMix', () => {
  it('dates mix findings on the newest complete day with monthly dollars', () => {
    // Act
    const [finding] = patternOf('no-monitor', {
      meters: [nova('USE1-NovaPro-input-tokens', 10)],
      monitorCount: 0,
    });

    // Assess
    expect(finding).toMatchObject({
      key: 'mix:no-monitor:account',
      kind: 'mix',
      service: ALL_WATCHED_SERVICES,
      day: addDays(MONDAY, days - 1),
      actualUsd: 300,
      expectedUsd: 0,
      impactUsd: 300,
      provisional: false,
    });
    expect(finding?.evidence).toMatchObject({
      windowStart: addDays(MONDAY, days - 28),
      windowEnd: addDays(MONDAY, days - 1),
      windowDays: 28,
      materialUsd: 150,
    });
  });

  describe('premium-share', () => {
    it.each([
      {
        name: 'Opus carries most Claude spend beside Haiku',
        meters: [daily(OPUS, MP_INPUT, 30), daily(HAIKU, MP_INPUT, 5)],
        share: 0.857,
        premium: 900,
        smaller: 'Claude 3 Haiku',
      },
      {
        name: 'Opus carries all Claude spend',
        meters: [daily(OPUS, MP_INPUT, 30)],
        share: 1,
        premium: 900,
        smaller: null,
      },
    ])('flags premium share when $name', ({ meters, share, premium, smaller }) => {
      // Act
      const findings = patternOf('premium-share', { meters });

      // Assess
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        key: 'mix:premium-share:claude',
        service: OPUS,
        impactUsd: premium,
      });
      expect(findings[0]?.evidence).toMatchObject({
        family: 'claude',
        premiumShare: share,
        premiumUsd: premium,
        flagshipUsd: premium,
        premiumModels: 'Claude Opus 4',
        smallerModelsUsed: smaller,
        smallerTierUsed: smaller !== null,
      });
    });

    it.each([
      {
        name: 'Opus carries a third of Claude spend',
        meters: [daily(OPUS, MP_INPUT, 10), daily(HAIKU, MP_INPUT, 20)],
      },
      { name: 'Opus spend is not material', meters: [daily(OPUS, MP_INPUT, 4)] },
      { name: 'Sonnet carries all Claude spend', meters: [daily(SONNET, MP_INPUT, 30)] },
      {
        name: 'the family has no known smaller tier',
        meters: [
          {
            ...nova('USE1-AcmeUltra-input-tokens', 30),
            info: { model: 'AcmeUltra', modelFamily: 'acme', modelTier: 'flagship' as const },
          },
        ],
      },
    ])('does not flag premium share when $name', ({ meters }) => {
      // Act
      const findings = patternOf('premium-share', { meters });

      // Assess
      expect(findings).toEqual([]);
    });
  });

  describe('input-heavy', () => {
    it('flags a model whose input tokens cost four times its output tokens', () => {
      // Act
      const findings = patternOf('input-heavy', {
        meters: [nova('USE1-NovaPro-input-tokens', 40), nova('USE1-NovaPro-output-tokens', 10)],
      });

      // Assess
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        key: 'mix:input-heavy:NovaPro',
        service: 'Amazon Bedrock',
        impactUsd: 1200,
      });
      expect(findings[0]?.evidence).toMatchObject({
        model: 'NovaPro',
        inputUsd: 1200,
        outputUsd: 300,
        inputOutputRatio: 4,
        inputUsage: 112_000,
        outputUsage: 28_000,
        cacheReadMeters: 0,
      });
    });

    it.each([
      {
        name: 'input costs twice output',
        meters: [nova('USE1-NovaPro-input-tokens', 20), nova('USE1-NovaPro-output-tokens', 10)],
      },
      {
        name: 'the model already reads from the prompt cache',
        meters: [
          nova('USE1-NovaPro-input-tokens', 40),
          nova('USE1-NovaPro-output-tokens', 10),
          nova('USE1-NovaPro-cache-read-input-token-count', 1),
        ],
      },
      {
        name: 'the model bills input only, like an embedding model',
        meters: [nova('USE1-TitanEmbedTextV2-input-tokens', 40)],
      },
      {
        name: 'the input spend is not material',
        meters: [nova('USE1-NovaPro-input-tokens', 4), nova('USE1-NovaPro-output-tokens', 0.5)],
      },
    ])('does not flag input-heavy use when $name', ({ meters }) => {
      // Act
      const findings = patternOf('input-heavy', { meters });

      // Assess
      expect(findings).toEqual([]);
    });
  });

  describe('no-batch', () => {
    it('flags steady on-demand spend on a model with no batch meter', () => {
      // Act
      const findings = patternOf('no-batch', {
        meters: [
          nova('USE1-NovaPro-input-tokens', 20),
          nova('USE1-NovaPro-output-tokens', 10),
          nova('USE1-NovaLite-input-tokens-batch', 1),
        ],
      });

      // Assess
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ key: 'mix:no-batch:NovaPro', impactUsd: 900 });
      expect(findings[0]?.evidence).toMatchObject({
        model: 'NovaPro',
        onDemandUsd: 900,
        daysBilled: 28,
        dailyCv: 0,
        batchMeters: 0,
        batchMetersInAccount: 1,
      });
    });

    it.each([
      {
        name: 'the model already has a batch meter',
        meters: [nova('USE1-NovaPro-input-tokens', 30), nova('USE1-NovaPro-input-tokens-batch', 1)],
      },
      {
        name: 'it runs on weekdays only',
        meters: [{ ...nova('USE1-NovaPro-input-tokens', 0), cost: weekly(days, 40, 0) }],
      },
      { name: 'its spend is not material', meters: [nova('USE1-NovaPro-input-tokens', 4)] },
    ])('does not flag no-batch when $name', ({ meters }) => {
      // Act
      const findings = patternOf('no-batch', { meters });

      // Assess
      expect(findings).toEqual([]);
    });
  });

  describe('multi-region', () => {
    it('flags a model billed in two regions with the observed unit price of each', () => {
      // Act
      const findings = patternOf('multi-region', {
        meters: [
          nova('USE1-NovaPro-input-tokens', 20, 0.01),
          nova('EU-NovaPro-input-tokens', 10, 0.012),
        ],
      });

      // Assess
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ key: 'mix:multi-region:NovaPro', impactUsd: 300 });
      expect(findings[0]?.evidence).toMatchObject({
        regions: 'us-east-1,eu-west-1',
        regionCount: 2,
        'usd:us-east-1': 600,
        'usd:eu-west-1': 300,
        'inputUnitPrice:us-east-1': 0.01,
        'inputUnitPrice:eu-west-1': 0.012,
        'outputUnitPrice:eu-west-1': null,
        cheapestRegion: 'us-east-1',
        priciestRegion: 'eu-west-1',
        unitPriceGapPct: 20,
        savingAtCheapestUsd: 50,
        spendOutsideCheapestUsd: 300,
      });
    });

    it.each([
      {
        name: 'the model is billed in one region',
        meters: [nova('USE1-NovaPro-input-tokens', 20), nova('USE1-NovaPro-output-tokens', 10)],
      },
      {
        name: 'the second region is not material',
        meters: [nova('USE1-NovaPro-input-tokens', 20), nova('EU-NovaPro-input-tokens', 0.1)],
      },
      {
        name: 'two regions bill different models',
        meters: [nova('USE1-NovaPro-input-tokens', 20), nova('EU-NovaLite-input-tokens', 20)],
      },
    ])('does not flag multi-region when $name', ({ meters }) => {
      // Act
      const findings = patternOf('multi-region', { meters });

      // Assess
      expect(findings).toEqual([]);
    });
  });

  describe('untagged', () => {
    it('flags a tag key that most spend lacks', () => {
      // Act
      const findings = patternOf('untagged', {
        tags: { tagKey: 'team', taggedUsd: 400, untaggedUsd: 600 },
      });

      // Assess
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ key: 'mix:untagged:team', impactUsd: 600 * (30 / 56) });
      expect(findings[0]?.evidence).toMatchObject({
        tagKey: 'team',
        untaggedShare: 0.6,
        untaggedUsd: 321.43,
        taggedUsd: 214.29,
        windowStart: MONDAY,
        windowDays: 56,
      });
    });

    it.each([
      { name: 'most spend is tagged', tags: { tagKey: 'team', taggedUsd: 600, untaggedUsd: 400 } },
      {
        name: 'the untagged spend is not material',
        tags: { tagKey: 'team', taggedUsd: 10, untaggedUsd: 100 },
      },
      { name: 'spend was not split by tag', tags: null },
    ])('does not flag untagged spend when $name', ({ tags }) => {
      // Act
      const findings = patternOf('untagged', { tags });

      // Assess
      expect(findings).toEqual([]);
    });
  });

  describe('no-monitor', () => {
    it.each([
      { name: 'monitors exist', monitorCount: 1, usd: 10 },
      { name: 'monitors were not read', monitorCount: null, usd: 10 },
      { name: 'watched spend is not material', monitorCount: 0, usd: 4 },
    ])('does not flag a missing monitor when $name', ({ monitorCount, usd }) => {
      // Act
      const findings = patternOf('no-monitor', {
        meters: [nova('USE1-NovaPro-input-tokens', usd)],
        monitorCount,
      });

      // Assess
      expect(findings).toEqual([]);
    });
  });

  it('finds nothing in a history without a week of complete days', () => {
    // Prepare
    const history = buildTestHistory({
      meters: [nova('USE1-NovaPro-input-tokens', 40)],
      days: 6,
      monitorCount: 0,
    });

    // Act
    const findings = detectMix(history, DEFAULT_SETTINGS);

    // Assess
    expect(findings).toEqual([]);
  });
});
