import { dataKeepsGrowing } from '../../../lambda/mistakes/rules/data-keeps-growing';
import { history, type MeterSpec, weeklyGrowth } from '../history-builder';
import { claudeTokens, keyOf, OPENSEARCH, vectorStoreGrowing } from '../scenarios';
import { contextOf, scenarioContext } from './rule-context';

const collection = (cost: MeterSpec['cost']): MeterSpec => ({
  service: OPENSEARCH,
  usageType: 'USE1-ES:ServerlessSearchOCU',
  serviceKind: 'vector-store',
  info: { chargeKind: 'search-capacity' },
  cost,
});

describe('data-keeps-growing', () => {
  it('sees a vector store growing seven weeks in a row, as the trend detector counted', () => {
    const match = dataKeepsGrowing.match(scenarioContext(vectorStoreGrowing()));

    // 0.45 + 0.1 × 7 weeks, held to 0.95.
    expect(match).toMatchObject({ mistake: 9, strength: 0.95 });
    expect(match?.because).toContain('grew 7 weeks in a row');
    expect(match?.tip.link?.url).toContain('serverless-scaling');
  });

  it.each([
    [
      OPENSEARCH,
      'USE1-ES:ServerlessIndexingOCU',
      /Cap the OpenSearch Serverless/,
      'serverless-scaling',
    ],
    [OPENSEARCH, 'USE1-ES:GP3-Storage', /Index State Management/, '/ism.html'],
    [OPENSEARCH, 'USE1-ESInstance:r6g.xlarge.search', /UltraWarm/, '/ultrawarm.html'],
    ['Amazon Kendra', 'USE1-KendraEnterpriseEdition-Index', /GenAI Enterprise/, 'index-types'],
  ])('fits the tip for growing %s %s to the meter', (service, usageType, action, page) => {
    // Prepare
    const meter: MeterSpec = { service, usageType, cost: weeklyGrowth(10, 1.2) };
    const spend = history({ meters: [meter] });

    // Act
    const match = dataKeepsGrowing.match(
      contextOf(spend, { kind: 'trend', meterKey: keyOf(meter), day: 55 }),
    );

    // Assess
    expect(match?.tip.action).toMatch(action);
    expect(match?.tip.action.includes('OCU')).toBe(usageType.endsWith('OCU'));
    expect(match?.tip.link?.url).toContain(page);
  });

  it('judges a service-level trend on the service’s data meters', () => {
    const spend = history({ meters: [collection(weeklyGrowth(10, 1.2))] });

    const match = dataKeepsGrowing.match(
      contextOf(spend, { kind: 'trend', service: OPENSEARCH, day: 55 }),
    );

    expect(match?.because).toMatch(
      /^Amazon OpenSearch Service grew 7 weeks in a row, from \$70.00 to \$250.82 a week/,
    );
  });

  it.each([
    [
      'storage that stopped growing',
      collection((day) => (day < 35 ? 10 * 1.2 ** Math.floor(day / 7) : 20)),
    ],
    ['token spend that grows', claudeTokens('sonnet', 'input', weeklyGrowth(10, 1.2))],
  ])('ignores %s', (_name, meter) => {
    const spend = history({ meters: [meter] });

    expect(
      dataKeepsGrowing.match(contextOf(spend, { kind: 'trend', meterKey: keyOf(meter), day: 55 })),
    ).toBeNull();
  });
});
