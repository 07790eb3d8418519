import { topTierShare } from '../../../lambda/mistakes/rules/top-tier-share';
import { history } from '../history-builder';
import { claudeTokens, flagshipShare } from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

const mix = { kind: 'mix', pattern: 'premium-share', service: '', day: 55 } as const;

describe('top-tier-share', () => {
  it('sees most of a family’s spend on its top tier, with the saving if calls moved down', () => {
    const spend = history({
      meters: [claudeTokens('sonnet', 'output', 90), claudeTokens('haiku', 'output', 10)],
    });

    const match = topTierShare.match(contextOf(spend, mix));

    // 0.3 + 0.6 × 90% of claude token spend on Sonnet.
    expect(match).toMatchObject({ mistake: 1, strength: 0.84 });
    expect(match?.because).toContain('took 90% of the claude family');
    // Sonnet output: 6M tokens a day at $0.000015, against $0.00000125 on Haiku.
    expect(match?.tip.saving?.usd).toBeCloseTo(6e6 * 30 * (15e-6 - 1.25e-6), 0);
    expect(match?.tip.saving?.basis).toContain('at most, if every call moved to Claude 3 Haiku');
  });

  it('is weaker, with no saving, when no smaller tier is billed', () => {
    const spend = history({ meters: [claudeTokens('sonnet', 'output', 90)] });

    const match = topTierShare.match(contextOf(spend, mix));

    expect(match?.strength).toBe(0.6);
    expect(match?.tip.saving).toBeNull();
  });

  it.each([
    ['the top tier takes only half', 50, 50, mix],
    ['the finding is a usage spike', 90, 10, { ...mix, kind: 'spike', pattern: 'usage' }],
  ] as const)('ignores it when %s', (_name, sonnet, haiku, spec) => {
    const spend = history({
      meters: [claudeTokens('sonnet', 'output', sonnet), claudeTokens('haiku', 'output', haiku)],
    });

    expect(topTierShare.match(contextOf(spend, spec))).toBeNull();
  });
});

describe('top-tier-share on a detected flagship share', () => {
  it('sums the gap of every token charge the small model also bills', () => {
    const match = topTierShare.match(scenarioContext(flagshipShare()));

    // Opus input $60 and output $30 a day against Haiku's prices per token:
    // 4M input tokens at $0.00001475 less, 0.4M output tokens at $0.00007375 less.
    const monthly = 30 * (4e6 * (15e-6 - 2.5e-7) + 0.4e6 * (75e-6 - 1.25e-6));
    expect(match?.tip.saving?.usd).toBeCloseTo(monthly, 0);
    expect(match?.tip.saving?.basis).toContain('input tokens, 120M units a month');
    expect(match?.tip.saving?.basis).toContain('output tokens, 12M units a month');
  });
});
