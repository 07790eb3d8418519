import { spendMovedUpTier } from '../../../lambda/mistakes/rules/spend-moved-up-tier';
import { history, stepAt } from '../history-builder';
import { claudeTokens, keyOf, spendMovedToLargerModel } from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

describe('spend-moved-up-tier', () => {
  it('sees Haiku falling while Sonnet rises as work moving up a tier', () => {
    const match = spendMovedUpTier.match(scenarioContext(spendMovedToLargerModel()));

    expect(match?.mistake).toBe(1);
    // 0.55 + 0.3 × the 70% fall of Haiku output.
    expect(match?.strength).toBe(0.76);
    expect(match?.because).toContain('Claude 3 Haiku fell 70% week on week');
    expect(match?.because).toContain('Claude 3.5 Sonnet rose by 500%');
  });

  it.each([
    ['the smaller tier held steady', stepAt(42, 10, 60), stepAt(42, 20, 19), 'sonnet'],
    ['the finding is on the smaller tier', stepAt(42, 10, 60), stepAt(42, 20, 6), 'haiku'],
    ['the heavy tier did not rise', 10, stepAt(42, 20, 6), 'sonnet'],
  ] as const)('ignores it when %s', (_name, sonnetCost, haikuCost, on) => {
    const sonnet = claudeTokens('sonnet', 'output', sonnetCost);
    const haiku = claudeTokens('haiku', 'output', haikuCost);
    const spend = history({ meters: [sonnet, haiku] });
    const meterKey = keyOf(on === 'sonnet' ? sonnet : haiku);

    expect(
      spendMovedUpTier.match(contextOf(spend, { kind: 'trend', meterKey, day: 48 })),
    ).toBeNull();
  });
});
