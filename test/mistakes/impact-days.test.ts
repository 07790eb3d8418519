import type { Finding, FindingKind } from '../../lambda/detect/finding';
import { impactDays } from '../../lambda/mistakes/impact-days';

const findingOf = (kind: FindingKind, evidence: Finding['evidence'] = {}): Finding => ({
  key: kind,
  kind,
  pattern: null,
  service: 'Amazon Bedrock',
  usageType: null,
  meterKey: null,
  day: '2025-04-27',
  actualUsd: 0,
  expectedUsd: 0,
  impactUsd: 0,
  provisional: false,
  evidence,
});

describe('impactDays', () => {
  it.each([
    ['a spike', findingOf('spike'), 1],
    ['new spend', findingOf('new-spend'), 1],
    ['a trend', findingOf('trend'), 7],
    ['a mix pattern', findingOf('mix'), 30],
    ['always-on capacity', findingOf('always-on'), 30],
    ['a forecast overrun', findingOf('forecast-overrun'), 30],
    [
      'a three-day anomaly',
      findingOf('native-anomaly', { startDate: '2025-04-10', endDate: '2025-04-12' }),
      3,
    ],
    ['an open anomaly', findingOf('native-anomaly', { startDate: '2025-04-20', endDate: null }), 8],
    ['an anomaly with no dates', findingOf('native-anomaly'), 1],
  ])('counts the days the dollars of %s cover', (_name, finding, days) => {
    expect(impactDays(finding)).toBe(days);
  });
});
