import { idleCapacity } from '../../../lambda/mistakes/rules/idle-capacity';
import { history } from '../history-builder';
import {
  claudeTokens,
  keyOf,
  provisionedBesideFlatOnDemand,
  provisionedIdleOnWeekends,
  SONNET,
  sagemakerEndpointAlwaysOn,
} from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

describe('idle-capacity', () => {
  it.each([
    ['on-demand use that kept its level', provisionedBesideFlatOnDemand(), 0.85, 14_400],
    ['on-demand use quiet on weekends', provisionedIdleOnWeekends(), 0.69, (8 / 28) * 14_400],
    ['an endpoint with no on-demand use to compare', sagemakerEndpointAlwaysOn(), 0.5, null],
  ])('sees capacity billed every day beside %s', (_name, scenario, strength, saving) => {
    const match = idleCapacity.match(scenarioContext(scenario));

    expect(match).toMatchObject({ mistake: 8, strength });
    expect(match?.because).toContain('weekends included');
    if (saving === null) expect(match?.tip.saving).toBeNull();
    else expect(match?.tip.saving?.usd).toBeCloseTo(saving, 1);
  });

  it.each([
    [
      'Amazon OpenSearch Service',
      'USE1-ES:ServerlessSearchOCU',
      /maximum OCU/,
      'serverless-scaling',
    ],
    [
      'Amazon OpenSearch Service',
      'USE1-ES:ServerlessIndexingOCU',
      /maximum OCU/,
      'serverless-scaling',
    ],
    ['Amazon OpenSearch Service', 'USE1-ESInstance:r6g.xlarge.search', /UltraWarm/, '/ri.html'],
    ['Amazon Kendra', 'USE1-KendraEnterpriseEdition-Index', /GenAI Enterprise/, 'index-types'],
  ])('fits the tip for always-on %s %s to the meter', (service, usageType, action, page) => {
    // Prepare
    const capacity = { service, usageType, cost: 24 };
    const spend = history({ meters: [capacity] });

    // Act
    const match = idleCapacity.match(
      contextOf(spend, { kind: 'always-on', meterKey: keyOf(capacity), day: 55 }),
    );

    // Assess
    expect(match?.tip.action).toMatch(action);
    expect(match?.tip.action.includes('OCU')).toBe(usageType.endsWith('OCU'));
    expect(match?.tip.link?.url).toContain(page);
  });

  it('ignores a finding on a meter that is not capacity', () => {
    const input = claudeTokens('sonnet', 'input', 30);
    const spend = history({ meters: [input] });

    expect(
      idleCapacity.match(contextOf(spend, { kind: 'always-on', meterKey: keyOf(input), day: 55 })),
    ).toBeNull();
  });

  it('ignores capacity that billed nothing in the last four weeks', () => {
    const capacity = {
      service: SONNET,
      usageType: 'USE1-MP:USE1_ProvisionedThroughput_NoCommit_ModelUnits_Usage-Units',
      info: { chargeKind: 'provisioned-throughput' as const },
      cost: (day: number) => (day < 20 ? 480 : 0),
    };
    const spend = history({ meters: [capacity] });

    expect(
      idleCapacity.match(
        contextOf(spend, { kind: 'always-on', meterKey: keyOf(capacity), day: 55 }),
      ),
    ).toBeNull();
  });
});
