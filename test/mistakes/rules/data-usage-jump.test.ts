import { dataUsageJump } from '../../../lambda/mistakes/rules/data-usage-jump';
import { history, jumpOn } from '../history-builder';
import { claudeTokens, keyOf, OPENSEARCH } from '../scenarios';
import { contextOf } from './rule-context';

describe('data-usage-jump', () => {
  it.each([
    [OPENSEARCH, 'USE1-ES:GP3-Storage', 2, 0.6, '/ism.html'],
    [OPENSEARCH, 'USE1-ES:ServerlessIndexingOCU', 4, 0.75, 'serverless-scaling'],
    ['Amazon Bedrock', 'USE1-NovaMicro-Customization-Storage', 2, 0.6, 'custom-models'],
  ])(
    'points a usage spike on %s %s (%sx) to data management',
    (service, usageType, times, strength, page) => {
      // Prepare
      const meter = { service, usageType, cost: jumpOn(50, 50, 50 * times), unit: 'GB-Mo' };
      const spend = history({ meters: [meter] });

      // Act
      const match = dataUsageJump.match(
        contextOf(spend, { kind: 'spike', pattern: 'usage', meterKey: keyOf(meter), day: 50 }),
      );

      // Assess: 0.45 + 0.15 × log2 of the usage ratio.
      expect(match).toMatchObject({ mistake: 9 });
      expect(match?.strength).toBeCloseTo(strength, 2);
      expect(match?.because).toContain(`rose ${times}.0x`);
      expect(match?.because).toContain('GB-Mo a day');
      expect(match?.tip.link?.url).toContain(page);
    },
  );

  const storage = {
    service: OPENSEARCH,
    usageType: 'USE1-ES:GP3-Storage',
    cost: jumpOn(50, 50, 60),
  };
  const tokens = claudeTokens('sonnet', 'output', jumpOn(50, 40, 120));
  const spend = history({ meters: [storage, tokens] });
  it.each([
    ['a token meter', { kind: 'spike', pattern: 'usage', meterKey: keyOf(tokens) }],
    ['usage up only 1.2x', { kind: 'spike', pattern: 'usage', meterKey: keyOf(storage) }],
    ['a spike put down to price', { kind: 'spike', pattern: 'price', meterKey: keyOf(storage) }],
    ['a trend', { kind: 'trend', meterKey: keyOf(storage) }],
  ] as const)('ignores %s', (_name, spec) => {
    expect(dataUsageJump.match(contextOf(spend, { ...spec, day: 50 }))).toBeNull();
  });
});
