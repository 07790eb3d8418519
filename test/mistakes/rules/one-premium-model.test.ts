import { onePremiumModel } from '../../../lambda/mistakes/rules/one-premium-model';
import { history } from '../history-builder';
import { claudeTokens, keyOf } from '../scenarios';
import { contextOf } from './rule-context';

describe('one-premium-model', () => {
  it('sees one premium model carrying most token spend as one model for every task', () => {
    const spend = history({
      meters: [
        claudeTokens('sonnet', 'input', 60),
        claudeTokens('sonnet', 'output', 20),
        claudeTokens('haiku', 'input', 20),
      ],
    });

    const match = onePremiumModel.match(
      contextOf(spend, { kind: 'mix', pattern: 'premium-share', service: '', day: 55 }),
    );

    // 0.3 + 0.6 × 80% of all token spend on Sonnet.
    expect(match).toMatchObject({ mistake: 10, strength: 0.78 });
    expect(match?.because).toContain('carries 80% of all watched token spend');
    expect(match?.because).toContain('over 2 kinds of charge');
  });

  it.each([
    ['the premium model carries under half', 'sonnet', 40, 60, 'trend'],
    ['the model is the small one', 'haiku', 40, 60, 'trend'],
    ['the finding is new spend', 'sonnet', 90, 10, 'new-spend'],
  ] as const)('ignores it when %s', (_name, on, sonnet, haiku, kind) => {
    const sonnetMeter = claudeTokens('sonnet', 'input', sonnet);
    const haikuMeter = claudeTokens('haiku', 'input', haiku);
    const spend = history({ meters: [sonnetMeter, haikuMeter] });
    const meterKey = keyOf(on === 'sonnet' ? sonnetMeter : haikuMeter);

    expect(onePremiumModel.match(contextOf(spend, { kind, meterKey, day: 55 }))).toBeNull();
  });
});
