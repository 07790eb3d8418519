import { regionalPriceGap } from '../../../lambda/mistakes/rules/regional-price-gap';
import { history } from '../history-builder';
import { claudeTokens, keyOf, SONNET } from '../scenarios';
import { contextOf } from './rule-context';

const multiRegion = { kind: 'mix', pattern: 'multi-region', service: SONNET, day: 55 } as const;

describe('regional-price-gap', () => {
  it('finds the region that pays more per unit for the same model and charge', () => {
    const spend = history({
      meters: [
        claudeTokens('sonnet', 'input', 30),
        claudeTokens('sonnet', 'input', 36, { region: 'USW2', unitPrice: 3.6e-6 }),
      ],
    });

    const match = regionalPriceGap.match(contextOf(spend, multiRegion));

    // A 20% gap: 0.4 + 0.2.
    expect(match).toMatchObject({ mistake: 5, strength: 0.6 });
    expect(match?.because).toContain('in us-west-2 cost $0.00000360 per unit');
    expect(match?.tip.action).toBe(
      'Move the us-west-2 callers to us-east-1 where data residency allows.',
    );
    // 10M tokens a day in us-west-2, $0.0000006 dearer each, for 30 days.
    expect(match?.tip.saving?.usd).toBeCloseTo(180, 0);
  });

  it.each([
    ['a 2% gap', 3.06e-6, 'standard'],
    ['a different routing tier, so no like-for-like price', 3.6e-6, 'global'],
  ] as const)('only notes the spread for %s', (_name, price, routing) => {
    const west = claudeTokens('sonnet', 'input', 36, { region: 'USW2', unitPrice: price });
    const spend = history({
      meters: [claudeTokens('sonnet', 'input', 30), { ...west, info: { routing } }],
    });

    const match = regionalPriceGap.match(contextOf(spend, multiRegion));

    expect(match).toMatchObject({ mistake: 5, strength: 0.35, tip: { saving: null } });
    expect(match?.because).toContain('billed in 2 regions (us-east-1, us-west-2)');
  });

  it('ignores a trend on a meter with no dearer twin in another region', () => {
    const east = claudeTokens('sonnet', 'input', 30);
    const spend = history({
      meters: [east, claudeTokens('sonnet', 'input', 36, { region: 'USW2', unitPrice: 3.06e-6 })],
    });

    expect(
      regionalPriceGap.match(contextOf(spend, { kind: 'trend', meterKey: keyOf(east), day: 55 })),
    ).toBeNull();
  });
});
