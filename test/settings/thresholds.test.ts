import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import type { Settings } from '../../lambda/settings/settings';
import { thresholdsFor } from '../../lambda/settings/thresholds';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  spikeScore: 4,
  minImpactUsd: 5,
  minIncreasePct: 30,
  serviceOverrides: {
    'Amazon SageMaker': { spikeScore: 6 },
    'Claude 3.5 Sonnet (Amazon Bedrock Edition)': { minImpactUsd: 50, minIncreasePct: 80 },
  },
};

describe('thresholdsFor', () => {
  it.each([
    ['Amazon Bedrock', 4, 5, 30],
    ['Amazon SageMaker', 6, 5, 30],
    ['amazon sagemaker ', 6, 5, 30],
    ['Claude 3.5 Sonnet (Amazon Bedrock Edition)', 4, 50, 80],
  ])('uses for %p a spike score of %p, $%p and %p%%', (service, spikeScore, usd, pct) => {
    expect(thresholdsFor(settings, service)).toEqual({
      spikeScore,
      minImpactUsd: usd,
      minIncreasePct: pct,
    });
  });
});
