import { buildReport } from '../../lambda/report/build-report';
import { renderJson } from '../../lambda/report/render-json';
import { explainedFinding, historyOf, meterSeries, settingsWith } from './report-fixtures';

function reportWith(findings = [explainedFinding()]) {
  const history = historyOf({
    lastDay: '2026-03-19',
    meters: [meterSeries('Amazon Bedrock', 'USE1-NovaPro-input-tokens', Array(21).fill(12.5))],
  });
  return buildReport({
    history,
    findings,
    settings: settingsWith(),
    warnings: ['Parameter min-impact-usd has the value "ten", which is not valid.'],
    costExplorerRequests: 9,
    mutedCount: 1,
  });
}

/** The contract: these names and types never change; fields may only be added. */
const CONTRACT_FIELDS: readonly [string, (value: unknown) => boolean][] = [
  ['key', (value) => typeof value === 'string'],
  ['kind', (value) => typeof value === 'string'],
  ['severity', (value) => typeof value === 'string'],
  ['service', (value) => typeof value === 'string'],
  ['usageType', (value) => value === null || typeof value === 'string'],
  ['day', (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)],
  ['actualUsd', (value) => typeof value === 'number'],
  ['expectedUsd', (value) => typeof value === 'number'],
  ['impactUsd', (value) => typeof value === 'number'],
  ['provisional', (value) => typeof value === 'boolean'],
  ['mistakes', (value) => Array.isArray(value) && value.every(Number.isInteger)],
  ['tips', (value) => Array.isArray(value) && value.every((tip) => typeof tip === 'string')],
  ['evidence', (value) => typeof value === 'object' && value !== null && !Array.isArray(value)],
];

describe('renderJson', () => {
  it('keeps the top-level contract: asOf, findings, warnings, costExplorerRequests', () => {
    // Act: through JSON text, as a consumer reads it.
    const json = JSON.parse(JSON.stringify(renderJson(reportWith())));

    // Assess
    expect(json.asOf).toBe('2026-03-20');
    expect(Array.isArray(json.findings)).toBe(true);
    expect(json.warnings).toEqual([
      'Parameter min-impact-usd has the value "ten", which is not valid.',
    ]);
    expect(json.costExplorerRequests).toBe(9);
  });

  it.each(CONTRACT_FIELDS)(
    'gives every finding the field %s with its contract type',
    (name, ok) => {
      const json = JSON.parse(JSON.stringify(renderJson(reportWith())));

      const [finding] = json.findings;

      expect(Object.hasOwn(finding, name)).toBe(true);
      expect({ name, ok: ok(finding[name]) }).toEqual({ name, ok: true });
    },
  );

  it('writes the finding itself into the contract fields', () => {
    const json = renderJson(reportWith());

    expect(json.findings[0]).toMatchObject({
      key: 'spike|Claude 3.5 Sonnet (Amazon Bedrock Edition)|USE1-MP:USE1_OutputTokenCount-Units',
      kind: 'spike',
      severity: 'high',
      service: 'Claude 3.5 Sonnet (Amazon Bedrock Edition)',
      usageType: 'USE1-MP:USE1_OutputTokenCount-Units',
      day: '2026-03-17',
      actualUsd: 206.12,
      expectedUsd: 34.5,
      impactUsd: 171.62,
      provisional: false,
      mistakes: [4],
      tips: [
        'Output tokens of Claude 3.5 Sonnet cost $206.12 on 2026-03-17, 5.9x usual: cap retries.',
      ],
      evidence: { usageRatio: 5.9, unitPriceRatio: 1, score: 12.4 },
    });
  });

  it('writes null as the usage type of a finding about a whole service', () => {
    const finding = explainedFinding({ usageType: null, meterKey: null, kind: 'native-anomaly' });

    const json = JSON.parse(JSON.stringify(renderJson(reportWith([finding]))));

    expect(json.findings[0].usageType).toBeNull();
  });

  it('rounds away floating-point noise in amounts', () => {
    const finding = explainedFinding({ actualUsd: 0.1 + 0.2, impactUsd: 171.620000000004 });

    const json = renderJson(reportWith([finding]));

    expect(json.findings[0]?.actualUsd).toBe(0.3);
    expect(json.findings[0]?.impactUsd).toBe(171.62);
  });

  it('adds the headline, window, footer and muted count beside the contract', () => {
    const json = renderJson(reportWith());

    expect(json.mutedCount).toBe(1);
    expect(json.window).toEqual({ start: '2026-02-27', end: '2026-03-19', days: 21 });
    expect(json.footer).toMatchObject({ costExplorerRequests: 9, costExplorerCostUsd: 0.09 });
    expect(json.headline).toMatchObject({ lastCompleteDay: '2026-03-19', lastDayUsd: 12.5 });
  });
});
