import { onDemandWithoutBatch } from '../../../lambda/mistakes/rules/on-demand-without-batch';
import type { FindingSpec } from '../history-builder';
import { history, type MeterSpec } from '../history-builder';
import { BEDROCK, keyOf, steadyOnDemandNoBatch } from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

const input = (cost: MeterSpec['cost']): MeterSpec => ({
  service: BEDROCK,
  usageType: 'USE1-NovaPro-input-tokens',
  cost,
});
const batch: MeterSpec = {
  service: BEDROCK,
  usageType: 'USE1-NovaPro-input-tokens-batch',
  cost: 5,
};
const noBatch: FindingSpec = {
  kind: 'mix',
  pattern: 'no-batch',
  service: BEDROCK,
  day: 55,
  evidence: { model: 'NovaPro' },
};
const swinging = input((day) => (day % 3 === 0 ? 300 : 5));

describe('on-demand-without-batch', () => {
  it('offers the batch discount on steady on-demand spend with no batch meter', () => {
    const match = onDemandWithoutBatch.match(scenarioContext(steadyOnDemandNoBatch()));

    expect(match?.mistake).toBe(6);
    expect(match?.because).toMatch(/^NovaPro spends \$4,907.14 a month on on-demand tokens/);
    expect(match?.tip.saving?.usd).toBeCloseTo(4907.14 / 2, 1);
  });

  it('trusts the no-batch detector on steadiness, and is weaker for spend that swings', () => {
    const spend = history({ meters: [swinging] });

    const match = onDemandWithoutBatch.match(contextOf(spend, noBatch));

    expect(match?.strength).toBe(0.5);
  });

  it.each([
    ['a batch meter is billed', [input(100), batch], noBatch],
    ['the spend is under 30 × min-impact-usd a month', [input(4)], noBatch],
    [
      'a trend swings day to day',
      [swinging],
      { kind: 'trend', meterKey: keyOf(swinging), day: 55 } as FindingSpec,
    ],
  ])('ignores it when %s', (_name, meters, spec) => {
    const spend = history({ meters });

    expect(onDemandWithoutBatch.match(contextOf(spend, spec))).toBeNull();
  });
});
