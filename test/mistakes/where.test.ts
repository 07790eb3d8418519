import { ALL_WATCHED_SERVICES, type Finding } from '../../lambda/detect/finding';
import { chargeLabel, describeFinding, describeMeter } from '../../lambda/mistakes/where';
import { history } from './history-builder';
import { BEDROCK, SONNET } from './scenarios';

const meterOf = (service: string, usageType: string) => {
  const spend = history({ days: 1, meters: [{ service, usageType, cost: 1 }] });
  return (spend.meters[0] as (typeof spend.meters)[number]).meter;
};

const serviceFinding = (service: string, evidence: Finding['evidence'] = {}): Finding => ({
  key: 'mix',
  kind: 'mix',
  pattern: 'no-batch',
  service,
  usageType: null,
  meterKey: null,
  day: '2025-04-27',
  actualUsd: 0,
  expectedUsd: 0,
  impactUsd: 0,
  provisional: false,
  evidence,
});

describe('where a finding is', () => {
  it.each([
    [SONNET, 'USE1-MP:USE1_OutputTokenCount-Units', 'output tokens'],
    [BEDROCK, 'USE1-NovaPro-input-tokens-batch', 'batch input tokens'],
    [
      BEDROCK,
      'USE1-Claude4Sonnet-cache-read-input-token-count-cross-region-global',
      'cache reads (global)',
    ],
    [BEDROCK, 'USE1-NovaMicro-Customization-Storage', 'custom-model storage'],
    ['Amazon SageMaker', 'USE1-Host:ml.g5.12xlarge', 'endpoint hours'],
  ])('names the charge of %s %s as %s', (service, usageType, label) => {
    expect(chargeLabel(meterOf(service, usageType).info)).toBe(label);
  });

  it('describes a meter by model, region, charge and raw usage type', () => {
    expect(describeMeter(meterOf(BEDROCK, 'USW2-NovaLite-output-tokens'))).toBe(
      'NovaLite · us-west-2 · output tokens (USW2-NovaLite-output-tokens)',
    );
  });

  it.each([
    ['all watched spend', serviceFinding(ALL_WATCHED_SERVICES), 'All watched LLM and AI services'],
    ['a service', serviceFinding(BEDROCK), 'Amazon Bedrock · all meters'],
    [
      'a model of a service',
      serviceFinding(BEDROCK, { model: 'NovaPro' }),
      'NovaPro · all its meters (Amazon Bedrock)',
    ],
    [
      'a model named by its listing',
      serviceFinding(SONNET, { model: 'Claude 3.5 Sonnet' }),
      `${SONNET} · all meters`,
    ],
    ['a family', serviceFinding(SONNET, { family: 'claude' }), `${SONNET} · the claude family`],
  ])('describes a finding about %s', (_name, finding, text) => {
    expect(describeFinding(finding, null)).toBe(text);
  });
});
