import { detectAll } from '../../lambda/detect/index';
import { DEFAULT_SETTINGS } from '../../lambda/settings/defaults';
import { buildTestHistory, flat, noisy, then } from '../helpers/history';

describe('detectAll', () => {
  it('runs every detector and lists findings largest impact first', () => {
    // Prepare
    const history = buildTestHistory({
      meters: [
        { usageType: 'USE1-NovaLite-output-tokens', cost: then(noisy(56, 100, 5), 300) },
        { usageType: 'USE1-NovaMicro-input-tokens', cost: then(flat(56, 0), 20) },
        {
          usageType: 'USE1-NovaPro-ProvisionedThroughput-NoCommit-ModelUnits',
          cost: flat(57, 480),
        },
      ],
      monitorCount: 0,
    });

    // Act
    const findings = detectAll(history, DEFAULT_SETTINGS);

    // Assess
    expect(findings.map((finding) => finding.key)).toEqual([
      'mix:no-monitor:account',
      'always-on:Amazon Bedrock|USE1-NovaPro-ProvisionedThroughput-NoCommit-ModelUnits',
      'mix:no-batch:NovaLite',
      'spike:Amazon Bedrock|USE1-NovaLite-output-tokens',
      'new-spend:Amazon Bedrock|USE1-NovaMicro-input-tokens',
    ]);
  });

  it('orders findings of equal impact by key', () => {
    // Prepare
    const history = buildTestHistory({
      meters: [
        { usageType: 'USE1-NovaPro-input-tokens', cost: then(flat(56, 0), 20) },
        { usageType: 'USE1-NovaLite-input-tokens', cost: then(flat(56, 0), 20) },
      ],
    });

    // Act
    const findings = detectAll(history, DEFAULT_SETTINGS);

    // Assess
    expect(findings.map((finding) => finding.key)).toEqual([
      'new-spend:Amazon Bedrock|USE1-NovaLite-input-tokens',
      'new-spend:Amazon Bedrock|USE1-NovaPro-input-tokens',
    ]);
  });

  it('finds nothing in an empty history', () => {
    // Prepare
    const history = buildTestHistory({ days: 0 });

    // Act
    const findings = detectAll(history, DEFAULT_SETTINGS);

    // Assess
    expect(findings).toEqual([]);
  });
});
