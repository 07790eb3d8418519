import { inputHeavyPrompts } from '../../../lambda/mistakes/rules/input-heavy-prompts';
import { history } from '../history-builder';
import { claudeTokens, inputHeavyNoCache, keyOf, SONNET } from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

describe('input-heavy-prompts', () => {
  it('sees input tokens costing six times the output, with no cache reads', () => {
    const match = inputHeavyPrompts.match(scenarioContext(inputHeavyNoCache()));

    // 0.45 + 0.1 × log2(6 / 3) + 0.1 for no cache reads.
    expect(match).toMatchObject({ mistake: 3, strength: 0.65 });
    expect(match?.tip.link?.url).toContain('prompt-caching');
  });

  it.each([
    ['input only twice the output', 'input', 40, 20],
    ['the finding is on output tokens', 'output', 90, 15],
  ] as const)('ignores it when %s', (_name, side, input, output) => {
    const inputMeter = claudeTokens('sonnet', 'input', input);
    const outputMeter = claudeTokens('sonnet', 'output', output);
    const spend = history({ meters: [inputMeter, outputMeter] });
    const meterKey = keyOf(side === 'input' ? inputMeter : outputMeter);

    expect(
      inputHeavyPrompts.match(contextOf(spend, { kind: 'trend', meterKey, day: 55 })),
    ).toBeNull();
  });

  it('picks the most input-heavy model of the service for a service-level finding', () => {
    const spend = history({
      meters: [claudeTokens('sonnet', 'input', 90), claudeTokens('sonnet', 'output', 10)],
    });

    const match = inputHeavyPrompts.match(
      contextOf(spend, { kind: 'mix', pattern: 'input-heavy', service: SONNET, day: 55 }),
    );

    expect(match?.because).toContain('cost 9.0x its output tokens');
  });
});
