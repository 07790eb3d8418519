import { modelInNewRegion } from '../../../lambda/mistakes/rules/model-in-new-region';
import { history, stepAt } from '../history-builder';
import { claudeTokens, keyOf, newRegionForModel } from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

describe('model-in-new-region', () => {
  it('sees a model starting in a second, dearer region, with the gap as the saving', () => {
    const match = modelInNewRegion.match(scenarioContext(newRegionForModel()));

    expect(match).toMatchObject({ mistake: 5, strength: 0.8 });
    expect(match?.because).toContain('already billed in us-east-1');
    expect(match?.because).toContain('$0.00000360 per unit against $0.00000300');
    // 5M tokens a day for 30 days, $0.0000006 a token dearer than us-east-1.
    expect(match?.tip.saving?.usd).toBeCloseTo(90, 0);
  });

  it('trusts the detector’s modelAlsoIn when the other region is outside the history', () => {
    const west = claudeTokens('sonnet', 'input', stepAt(50, 0, 18), { region: 'USW2' });
    const spend = history({ meters: [west] });
    const evidence = { modelAlsoIn: 'eu-central-1' };

    const match = modelInNewRegion.match(
      contextOf(spend, { kind: 'new-spend', meterKey: keyOf(west), day: 50, evidence }),
    );

    expect(match?.strength).toBe(0.6);
    expect(match?.because).toContain('already billed in eu-central-1');
    expect(match?.tip.saving).toBeNull();
  });

  it('ignores a model billed nowhere else', () => {
    const west = claudeTokens('sonnet', 'input', stepAt(50, 0, 18), { region: 'USW2' });
    const spend = history({ meters: [west, claudeTokens('haiku', 'input', 10)] });

    const match = modelInNewRegion.match(
      contextOf(spend, { kind: 'new-spend', meterKey: keyOf(west), day: 50 }),
    );

    expect(match).toBeNull();
  });
});
