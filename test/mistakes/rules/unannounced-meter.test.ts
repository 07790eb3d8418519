import { unannouncedMeter } from '../../../lambda/mistakes/rules/unannounced-meter';
import { newRegionForModel, unannouncedMeter as scenario } from '../scenarios';
import { scenarioContext } from './rule-context';

describe('unannounced-meter', () => {
  it.each([
    // 0.55 for a new model, 0.3 for a new region, plus 0.3 × its share of the day.
    ['a model the account never used', scenario(), 0.55 + 0.3 * (64 / 94)],
    ['a model billed in another region', newRegionForModel(), 0.3 + 0.3 * (18 / 68)],
  ])('points new spend on %s to usage tracking', (_name, example, strength) => {
    const match = unannouncedMeter.match(scenarioContext(example));

    expect(match?.mistake).toBe(2);
    expect(match?.strength).toBeCloseTo(strength, 2);
    expect(match?.because).toContain('first billed on');
    expect(match?.because).toContain('with no spend before in the window');
  });

  it('ignores findings that are not new spend', () => {
    const example = scenario();
    const finding = { ...example.finding, kind: 'trend' as const };

    expect(unannouncedMeter.match(scenarioContext({ ...example, finding }))).toBeNull();
  });
});
