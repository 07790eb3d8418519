import { regionalPriceGap } from '../../../lambda/mistakes/rules/regional-price-gap';
import { history } from '../history-builder';
import { claudeTokens, SONNET } from '../scenarios';
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
    ['a different routing tier', 3.6e-6, 'global'],
  ] as const)('ignores %s', (_name, price, routing) => {
    const west = claudeTokens('sonnet', 'input', 36, { region: 'USW2', unitPrice: price });
    const spend = history({
      meters: [claudeTokens('sonnet', 'input', 30), { ...west, info: { ...west.info, routing } }],
    });

    expect(regionalPriceGap.match(contextOf(spend, multiRegion))).toBeNull();
  });
});
