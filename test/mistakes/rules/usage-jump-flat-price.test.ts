import { usageJumpFlatPrice } from '../../../lambda/mistakes/rules/usage-jump-flat-price';
import { history, jumpOn } from '../history-builder';
import { claudeTokens, keyOf, outputTokenSpike } from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

describe('usage-jump-flat-price', () => {
  it('points a usage spike at a flat price to API usage, strongest on output tokens', () => {
    const match = usageJumpFlatPrice.match(scenarioContext(outputTokenSpike()));

    // 0.4 + 0.15 × log2(10) + 0.1 for output tokens, held to the 0.95 a rule may claim.
    expect(match).toMatchObject({ mistake: 4, strength: 0.95 });
    expect(match?.because).toContain('rose 10.0x (2.7M to 26.7M Units a day)');
    expect(match?.because).toContain('price per unit held (0%)');
  });

  it('is weaker when the price per unit moved too', () => {
    const input = claudeTokens('sonnet', 'input', jumpOn(50, 30, 120), {
      unitPrice: jumpOn(50, 3e-6, 6e-6),
    });
    const spend = history({ meters: [input] });

    const match = usageJumpFlatPrice.match(
      contextOf(spend, {
        kind: 'spike',
        pattern: 'usage-and-price',
        meterKey: keyOf(input),
        day: 50,
      }),
    );

    // Usage 2x: 0.4 + 0.15 = 0.55, less 0.2 for a price that moved +100%.
    expect(match?.strength).toBeCloseTo(0.35, 2);
    expect(match?.because).toContain('moved too (+100%)');
  });

  it('prefers the detector’s evidence to its own reading of the series', () => {
    const input = claudeTokens('sonnet', 'input', 30);
    const spend = history({ meters: [input] });
    const evidence = { usageRatio: 3, unitPriceRatio: 1 };

    const match = usageJumpFlatPrice.match(
      contextOf(spend, {
        kind: 'spike',
        pattern: 'usage',
        meterKey: keyOf(input),
        day: 50,
        evidence,
      }),
    );

    expect(match?.because).toContain('rose 3.0x');
  });

  it.each([
    ['Amazon Bedrock', 'USE1-Guardrail-ContentPolicyUnitsConsumed', true, 'invocation-logging'],
    ['Amazon Textract', 'USE1-AsyncAnalyzeDocument-Forms', true, 'retry-behavior'],
    ['Amazon OpenSearch Service', 'USE1-ES:GP3-Storage', false, null],
    ['Amazon OpenSearch Service', 'USE1-ESInstance:r6g.xlarge.search', false, null],
    ['Amazon Kendra', 'USE1-KendraEnterpriseEdition-Index', false, null],
    ['Amazon Bedrock', 'USE1-NovaMicro-Customization-Storage', false, null],
    ['Amazon SageMaker', 'USE1-Host:ml.g5.12xlarge', false, null],
    ['Amazon Bedrock', 'USE1-DataTransfer-Out-Bytes', false, null],
  ])('on a 2x usage spike of %s %s, matches: %s', (service, usageType, matches, page) => {
    // Prepare
    const meter = { service, usageType, cost: jumpOn(50, 50, 100) };
    const spend = history({ meters: [meter] });

    // Act
    const match = usageJumpFlatPrice.match(
      contextOf(spend, { kind: 'spike', pattern: 'usage', meterKey: keyOf(meter), day: 50 }),
    );

    // Assess
    expect(match !== null).toBe(matches);
    if (page !== null) expect(match?.tip.link?.url).toContain(page);
  });

  const output = claudeTokens('sonnet', 'output', jumpOn(50, 40, 52));
  const spend = history({ meters: [output] });
  it.each([
    ['a spike put down to price', { kind: 'spike', pattern: 'price', meterKey: keyOf(output) }],
    ['usage up only 1.3x', { kind: 'spike', pattern: 'usage', meterKey: keyOf(output) }],
    ['a trend', { kind: 'trend', meterKey: keyOf(output) }],
    ['a service-level spike', { kind: 'spike', pattern: 'usage', service: 'Amazon Bedrock' }],
  ] as const)('ignores %s', (_name, spec) => {
    expect(usageJumpFlatPrice.match(contextOf(spend, { ...spec, day: 50 }))).toBeNull();
  });
});
