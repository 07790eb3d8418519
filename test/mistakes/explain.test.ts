import { detectAll } from '../../lambda/detect';
import { explainFindings } from '../../lambda/mistakes/explain';
import type { Rule } from '../../lambda/mistakes/rule';
import type { ExplainedFinding } from '../../lambda/report/report';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import { finding, history } from './history-builder';
import {
  allScenarios,
  claudeTokens,
  customModelStorageGrowing,
  inputHeavyNoCache,
  keyOf,
  newRegionForModel,
  outputTokenSpike,
  provisionedBesideFlatOnDemand,
  provisionedIdleOnWeekends,
  type Scenario,
  sagemakerEndpointAlwaysOn,
  spendMovedToLargerModel,
  steadyOnDemandNoBatch,
  unitPriceRise,
} from './scenarios';

function explainOne(scenario: Scenario): ExplainedFinding {
  const [explained] = explainFindings([scenario.finding], scenario.history, DEFAULT_SETTINGS);
  if (explained === undefined) throw new Error(`no explanation for ${scenario.name}`);
  return explained;
}

function tipFor(explained: ExplainedFinding, mistake: number) {
  const tip = explained.tips.find((one) => one.mistake === mistake);
  if (tip === undefined) throw new Error(`no tip for mistake ${mistake}`);
  return tip;
}

describe('explainFindings: the examples', () => {
  it.each(allScenarios().map((scenario) => [scenario.name, scenario] as const))(
    'explains a %s by its likely mistakes',
    (_name, scenario) => {
      const explained = explainOne(scenario);

      const mistakes = explained.mistakes.map((match) => match.mistake);
      expect(mistakes[0]).toBe(scenario.leading);
      expect(mistakes).toEqual(expect.arrayContaining([...scenario.expected]));
      expect(explained.tips.map((tip) => tip.mistake)).toEqual(mistakes);
    },
  );

  it('blames a usage-driven output spike on API usage alone, not on the model', () => {
    const explained = explainOne(outputTokenSpike());

    expect(explained.mistakes.map((match) => match.mistake)).toEqual([4]);
    expect(explained.mistakes[0]?.because).toContain('rose 10.0x');
    expect(tipFor(explained, 4).action).toMatch(/cap the output tokens/);
  });

  it('prices a unit-price rise from the history: the day at the baseline price', () => {
    const explained = explainOne(unitPriceRise());

    const tip = tipFor(explained, 1);
    // 2.67M tokens that day at $0.000015 instead of $0.00003, for 30 days.
    expect(tip.savingUsd).toBeCloseTo(1200, 0);
    expect(explained.mistakes[0]?.because).toContain('$0.0000150 to $0.0000300');
  });

  it('prices work that moved up a tier at the gap between the two tiers', () => {
    const explained = explainOne(spendMovedToLargerModel());

    const tip = tipFor(explained, 1);
    // Haiku output fell from $20 to $6 a day: 78.4M tokens a week moved, at
    // $0.000015 (Sonnet) - $0.00000125 (Haiku) per token, for 30 days.
    expect(tip.savingUsd).toBeCloseTo((78.4e6 / 7) * 30 * (15e-6 - 1.25e-6), 0);
    expect(tip.savingBasis).toContain('left Claude 3 Haiku');
  });

  it('prices a new region at the gap the two regions show per unit', () => {
    const explained = explainOne(newRegionForModel());

    const tip = tipFor(explained, 5);
    // $18 a day at $0.0000036 is 5M tokens a day; $0.0000006 more each than us-east-1.
    expect(tip.savingUsd).toBeCloseTo(5e6 * 30 * 0.6e-6, 0);
    expect(tip.action).toContain('us-east-1');
  });

  it('estimates the batch saving as half the eligible on-demand token spend', () => {
    const explained = explainOne(steadyOnDemandNoBatch());

    const tip = tipFor(explained, 6);
    // Four weeks of Nova Pro: 20 weekdays at $175 and 8 weekend days at $135.
    const monthly = ((20 * 175 + 8 * 135) / 28) * 30;
    expect(tip.savingUsd).toBeCloseTo(monthly / 2, 1);
    expect(tip.savingBasis).toMatch(/^estimate: the 50% batch discount/);
    expect(tip.link.url).toContain('batch-inference');
  });

  it('points input-heavy prompts to caching, shorter prompts and fine-tuning', () => {
    const explained = explainOne(inputHeavyNoCache());

    const tip = tipFor(explained, 3);
    expect(tip.action).toMatch(/prompt caching/);
    expect(tip.action).toMatch(/trim what every call repeats/);
    expect(tip.action).toMatch(/fine-tune/);
    expect(tip.link.url).toContain('prompt-caching');
    expect(explained.mistakes[0]?.because).toContain('6.0x');
  });

  it('asks to cache more, linking fine-tuning, when the model already reads from cache', () => {
    const cache = {
      ...claudeTokens('sonnet', 'input', 5),
      usageType: 'USE1-MP:USE1_CacheReadInputTokenCount-Units',
      info: { ...claudeTokens('sonnet', 'input', 5).info, chargeKind: 'cache-read' as const },
    };
    const input = claudeTokens('sonnet', 'input', 90);
    const spend = history({ meters: [input, claudeTokens('sonnet', 'output', 15), cache] });
    const scenario = {
      ...inputHeavyNoCache(),
      history: spend,
      finding: finding(spend, { kind: 'trend', meterKey: keyOf(input), day: 55 }),
    };

    const explained = explainOne(scenario);

    const match = explained.mistakes.find((one) => one.mistake === 3);
    expect(match?.because).toContain('even with cache reads');
    expect(tipFor(explained, 3).link.url).toContain('custom-models');
  });

  it('counts the whole capacity as likely idle when on-demand use did not move', () => {
    const explained = explainOne(provisionedBesideFlatOnDemand());

    const tip = tipFor(explained, 8);
    expect(tip.savingUsd).toBeCloseTo(480 * 30, 0);
    expect(tip.savingBasis).toContain('at most');
  });

  it('counts the quiet days as the idle share of capacity billed every day', () => {
    const explained = explainOne(provisionedIdleOnWeekends());

    const tip = tipFor(explained, 8);
    // Eight weekend days of the last 28 at $480 a day, over a $14,400 month.
    expect(tip.savingUsd).toBeCloseTo((8 / 28) * 14_400, 1);
    expect(explained.mistakes[0]?.because).toContain('weekends included');
  });

  it('links SageMaker auto scaling for an endpoint, with no saving it cannot measure', () => {
    const explained = explainOne(sagemakerEndpointAlwaysOn());

    const tip = tipFor(explained, 8);
    expect(tip.link.url).toContain('endpoint-auto-scaling');
    expect(tip.savingUsd).toBeNull();
  });

  it('tells custom-model storage to drop unused models', () => {
    const explained = explainOne(customModelStorageGrowing());

    expect(tipFor(explained, 9).action).toMatch(/custom models/);
    expect(explained.mistakes[0]?.because).toContain('7 weeks in a row');
  });
});

describe('explainFindings: what every explanation carries', () => {
  // Every finding the detectors raise on every example, not only the one each is about.
  const explained = allScenarios().flatMap((scenario) =>
    explainFindings(
      detectAll(scenario.history, scenario.settings),
      scenario.history,
      scenario.settings,
    ),
  );
  const tips = explained.flatMap((one) => one.tips);

  it('explains every finding the detectors raise on the examples with a tip', () => {
    expect(explained.length).toBeGreaterThan(allScenarios().length);
    for (const one of explained) {
      expect({ key: one.key, tips: one.tips.length > 0 }).toEqual({ key: one.key, tips: true });
    }
  });

  it('puts a dollar figure, the day, the share and an action in every tip, with a link', () => {
    for (const tip of tips) {
      expect(tip.text).toMatch(/\$\d/);
      expect(tip.text).toMatch(/ (on|to|of) \d{4}-\d{2}-\d{2}: /);
      expect(tip.text).toMatch(/\d+% of LLM spend/);
      expect(tip.text).toContain(tip.action);
      expect(tip.action).toMatch(/^[A-Z].{20,}\.$/);
      expect(tip.text.endsWith(tip.action)).toBe(true);
      expect(tip.text).toMatch(/^Likely mistake \d+ \(/);
      expect(tip.link.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(tip.text).not.toContain(tip.link.url);
    }
  });

  it('says how every saving was estimated, and gives none without a basis', () => {
    for (const tip of tips) {
      expect(tip.savingUsd === null).toBe(tip.savingBasis === null);
      if (tip.savingUsd !== null) {
        expect(tip.savingUsd).toBeGreaterThan(0);
        expect(tip.savingBasis).toMatch(/^estimate/);
      }
    }
  });

  it('never claims certainty: every reason says "likely" and has a number', () => {
    for (const match of explained.flatMap((one) => one.mistakes)) {
      expect(match.because).toMatch(/likely/);
      expect(match.because).toMatch(/\d/);
      expect(match.because).not.toMatch(/certain|definitely|always because/i);
      expect(match.strength).toBeGreaterThan(0);
      expect(match.strength).toBeLessThanOrEqual(1);
    }
  });

  it('describes where the finding is, with the raw usage type', () => {
    const spike = explainOne(outputTokenSpike());
    expect(spike.where).toBe(
      'Claude 3.5 Sonnet · us-east-1 · output tokens (USE1-MP:USE1_OutputTokenCount-Units)',
    );
  });

  it('carries the meter’s share of the day and its last 14 days of cost', () => {
    const spike = explainOne(outputTokenSpike());

    // $400 of Sonnet output out of $400 + $30 input + $12 Haiku that day.
    expect(spike.shareOfSpend).toBeCloseTo(400 / 442, 5);
    expect(spike.recentCost).toHaveLength(14);
    expect(spike.recentCost.at(-1)).toBe(400);
    expect(spike.recentCost.at(0)).toBe(40);
  });

  it('keeps the finding itself as the detector made it', () => {
    const scenario = outputTokenSpike();
    const spike = explainOne(scenario);
    expect(spike).toMatchObject(scenario.finding);
  });
});

describe('explainFindings: ordering', () => {
  const spend = history({
    meters: [
      claudeTokens('sonnet', 'input', (day) => (day === 50 ? 3000 : 30)),
      claudeTokens('sonnet', 'output', (day) => (day === 50 ? 400 : 40)),
      claudeTokens('haiku', 'input', (day) => (day === 50 ? 90 : 10)),
    ],
  });
  const spikeOn = (model: 'sonnet' | 'haiku', side: 'input' | 'output') =>
    finding(spend, {
      kind: 'spike',
      pattern: 'usage',
      meterKey: keyOf(claudeTokens(model, side, 0)),
      day: 50,
    });

  it('sorts by severity, then by impact', () => {
    const findings = [
      spikeOn('haiku', 'input'),
      spikeOn('sonnet', 'output'),
      spikeOn('sonnet', 'input'),
    ];

    const explained = explainFindings(findings, spend, DEFAULT_SETTINGS);

    expect(explained.map((one) => [one.severity, one.impactUsd])).toEqual([
      ['critical', 2970],
      ['critical', 360],
      ['high', 80],
    ]);
  });

  it.each([
    ['a daily $80 after a monthly $2,500', 80, ['mix', 'spike']],
    ['a daily $90 before a monthly $2,500', 90, ['spike', 'mix']],
  ])(
    'compares monthly and daily findings on monthly-equivalent impact: %s',
    (_name, daily, keys) => {
      const large = history({ meters: [claudeTokens('sonnet', 'input', 10_000)] });
      const meterKey = keyOf(claudeTokens('sonnet', 'input', 0));
      const base = { meterKey, day: 50, actualUsd: 10_000, expectedUsd: 10_000 };
      const findings = [
        { ...finding(large, { ...base, kind: 'mix', impactUsd: 2500 }), key: 'mix' },
        { ...finding(large, { ...base, kind: 'spike', impactUsd: daily }), key: 'spike' },
      ];

      const explained = explainFindings(findings, large, DEFAULT_SETTINGS, []);

      expect(explained.map((one) => [one.key, one.severity])).toEqual([
        [keys[0], 'medium'],
        [keys[1], 'medium'],
      ]);
    },
  );

  it('orders a finding’s mistakes by strength, then by priority', () => {
    const rule = (name: string, mistake: 3 | 4 | 9, strength: number): Rule => ({
      name,
      mistake,
      needs: 'a test rule that always matches with a fixed strength',
      match: () => ({
        mistake,
        strength,
        because: `likely mistake ${mistake} at ${strength}`,
        tip: { action: `Act on mistake ${mistake}.` },
      }),
    });
    const rules = [rule('nine', 9, 0.9), rule('three', 3, 0.52), rule('four', 4, 0.48)];

    const [explained] = explainFindings(
      [spikeOn('sonnet', 'output')],
      spend,
      DEFAULT_SETTINGS,
      rules,
    );

    // 0.52 and 0.48 are a near tie: urgent 4 goes before worth-doing 3.
    expect(explained?.mistakes.map((match) => match.mistake)).toEqual([9, 4, 3]);
  });

  it('raises severity one step when the leading mistake is urgent', () => {
    const leadingWith = (mistake: 4 | 9): Rule[] => [
      {
        name: `lead-${mistake}`,
        mistake,
        needs: 'a test rule that always matches',
        match: () => ({ mistake, strength: 0.9, because: 'likely, 1', tip: { action: 'Act.' } }),
      },
    ];
    const haiku = spikeOn('haiku', 'input');

    const [plain] = explainFindings([haiku], spend, DEFAULT_SETTINGS, leadingWith(9));
    const [urgent] = explainFindings([haiku], spend, DEFAULT_SETTINGS, leadingWith(4));

    expect([plain?.severity, urgent?.severity]).toEqual(['medium', 'high']);
  });
});

describe('explainFindings: thin data', () => {
  it('still explains a finding whose meter and day the history does not hold', () => {
    const empty = history({ days: 0, meters: [] });
    const lone = { ...outputTokenSpike().finding, day: '2030-01-01' };

    const [explained] = explainFindings([lone], empty, DEFAULT_SETTINGS);

    expect(explained).toMatchObject({ key: lone.key, shareOfSpend: 0, recentCost: [] });
    expect(explained?.where).toBe(`${lone.service} · ${lone.usageType}`);
  });

  it('returns nothing for no findings', () => {
    expect(explainFindings([], outputTokenSpike().history, DEFAULT_SETTINGS)).toEqual([]);
  });
});
