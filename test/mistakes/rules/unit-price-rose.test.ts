import { unitPriceRose } from '../../../lambda/mistakes/rules/unit-price-rose';
import { history, jumpOn } from '../history-builder';
import { claudeTokens, keyOf, unitPriceRise } from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

describe('unit-price-rose', () => {
  it('points a doubled price per unit to model complexity, with the day at the old price', () => {
    const match = unitPriceRose.match(scenarioContext(unitPriceRise()));

    // 0.45 + 0.2 × log2(2) + 0.15 for Haiku billed at a lower price.
    expect(match).toMatchObject({ mistake: 1, strength: 0.8 });
    expect(match?.because).toContain('rose 2.0x ($0.0000150 to $0.0000300)');
    expect(match?.tip.action).toContain('or to Claude 3 Haiku');
    expect(match?.tip.saving?.usd).toBeCloseTo(2_666_667 * 15e-6 * 30, -1);
  });

  it('is weaker when no cheaper tier of the family is billed', () => {
    const output = claudeTokens('sonnet', 'output', jumpOn(50, 40, 80), {
      unitPrice: jumpOn(50, 15e-6, 30e-6),
    });
    const spend = history({ meters: [output] });

    const match = unitPriceRose.match(
      contextOf(spend, { kind: 'spike', pattern: 'price', meterKey: keyOf(output), day: 50 }),
    );

    expect(match?.strength).toBe(0.65);
  });

  it.each([
    ['a 10% rise', 16.5e-6, 'price'],
    ['a spike put down to usage', 30e-6, 'usage'],
  ])('ignores %s', (_name, price, pattern) => {
    const output = claudeTokens('sonnet', 'output', jumpOn(50, 40, 80), {
      unitPrice: jumpOn(50, 15e-6, price),
    });
    const spend = history({ meters: [output] });

    const context = contextOf(spend, { kind: 'spike', pattern, meterKey: keyOf(output), day: 50 });

    expect(unitPriceRose.match(context)).toBeNull();
  });
});
