import { untaggedSpend } from '../../../lambda/mistakes/rules/untagged-spend';
import { history } from '../history-builder';
import { claudeTokens, largeUntaggedShare } from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

const untagged = { kind: 'mix', pattern: 'untagged', service: '', day: 55 } as const;
const meters = [claudeTokens('sonnet', 'input', 30)];

describe('untagged-spend', () => {
  it('points a large untagged share to usage tracking', () => {
    const match = untaggedSpend.match(scenarioContext(largeUntaggedShare()));

    // 0.4 + 0.5 × 69% untagged.
    expect(match).toMatchObject({ mistake: 2, strength: 0.75 });
    expect(match?.because).toContain('69% of watched spend in the window ($1,932.00 of $2,800.00)');
    expect(match?.tip.action).toContain('activate team as a cost-allocation tag');
  });

  it('reads the share from the evidence when the history has no tag split', () => {
    const spend = history({ meters });

    const match = untaggedSpend.match(
      contextOf(spend, { ...untagged, evidence: { untaggedShare: 0.5 } }),
    );

    expect(match?.because).toMatch(/^50% of watched spend/);
  });

  it('ignores a small untagged share', () => {
    const spend = history({ meters, tags: { tagKey: 'team', taggedUsd: 800, untaggedUsd: 200 } });

    expect(untaggedSpend.match(contextOf(spend, untagged))).toBeNull();
  });
});
