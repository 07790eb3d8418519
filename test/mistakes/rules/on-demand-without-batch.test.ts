import { onDemandWithoutBatch } from '../../../lambda/mistakes/rules/on-demand-without-batch';
import { DEFAULT_SETTINGS } from '../../../lambda/settings/defaults';
import { history, type MeterSpec } from '../history-builder';
import { BEDROCK, steadyOnDemandNoBatch } from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

const nova = (usageType: string, cost: MeterSpec['cost'], batch = false): MeterSpec => ({
  service: BEDROCK,
  usageType,
  serviceKind: 'bedrock',
  info: { model: 'NovaPro', chargeKind: 'input-tokens', tokens: 'input', batch },
  cost,
});
const noBatch = { kind: 'mix', pattern: 'no-batch', service: BEDROCK, day: 55 } as const;

describe('on-demand-without-batch', () => {
  it('offers the batch discount on steady on-demand spend with no batch meter', () => {
    const match = onDemandWithoutBatch.match(scenarioContext(steadyOnDemandNoBatch()));

    expect(match?.mistake).toBe(6);
    expect(match?.because).toContain('and bills no batch inference');
    expect(match?.tip.saving?.basis).toContain('50% batch discount');
  });

  it.each([
    [
      'a batch meter is billed',
      [nova('USE1-NovaPro-input-tokens', 100), nova('USE1-NovaPro-input-tokens-batch', 5, true)],
    ],
    [
      'the spend swings day to day',
      [nova('USE1-NovaPro-input-tokens', (day) => (day % 3 === 0 ? 300 : 5))],
    ],
    ['the spend is under 30 × min-impact-usd a month', [nova('USE1-NovaPro-input-tokens', 4)]],
  ])('ignores it when %s', (_name, meters) => {
    const spend = history({ meters });

    expect(onDemandWithoutBatch.match(contextOf(spend, noBatch, DEFAULT_SETTINGS))).toBeNull();
  });
});
