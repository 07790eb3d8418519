import { impactBasis, judgeSeverity } from '../../lambda/mistakes/severity';
import type { Severity } from '../../lambda/settings/settings';

describe('judgeSeverity', () => {
  it.each<[string, number, 'daily' | 'monthly', number, boolean, Severity]>([
    // name, impact, basis, spend the share is of, urgent, severity
    ['$1,000 a day', 1000, 'daily', 100_000, false, 'critical'],
    ['$999 a day', 999, 'daily', 100_000, false, 'high'],
    ['half the day’s spend', 60, 'daily', 120, false, 'critical'],
    ['$250 a day', 250, 'daily', 100_000, false, 'high'],
    ['a quarter of spend', 30, 'daily', 120, false, 'high'],
    ['$50 a day', 50, 'daily', 100_000, false, 'medium'],
    ['a tenth of spend', 12, 'daily', 120, false, 'medium'],
    ['$49 a day, a small share', 49, 'daily', 100_000, false, 'low'],
    ['just the minimum', 5, 'daily', 100_000, false, 'low'],
    ['below the minimum, all the spend', 4.99, 'daily', 4.99, false, 'info'],
    ['nothing at stake', 0, 'daily', 0, true, 'info'],
    ['$30,000 a month', 30_000, 'monthly', 3_000_000, false, 'critical'],
    ['$29,999 a month', 29_999, 'monthly', 3_000_000, false, 'high'],
    ['$1,500 a month', 1500, 'monthly', 3_000_000, false, 'medium'],
    ['$149 a month, under $5 a day', 149, 'monthly', 200, false, 'info'],
    ['half a month of spend', 1500, 'monthly', 3000, false, 'critical'],
    ['low raised by an urgent mistake', 10, 'daily', 100_000, true, 'medium'],
    ['medium raised by an urgent mistake', 50, 'daily', 100_000, true, 'high'],
    ['high raised by an urgent mistake', 250, 'daily', 100_000, true, 'critical'],
    ['critical stays critical', 5000, 'daily', 100_000, true, 'critical'],
  ])('judges %s as the table says', (_name, impactUsd, basis, spendUsd, urgent, expected) => {
    const severity = judgeSeverity({ impactUsd, basis, spendUsd, minImpactUsd: 5, urgent });
    expect(severity).toBe(expected);
  });

  it('follows the minimum impact it is given', () => {
    const input = { impactUsd: 20, basis: 'daily', spendUsd: 100_000, urgent: false } as const;
    expect(judgeSeverity({ ...input, minImpactUsd: 25 })).toBe('info');
    expect(judgeSeverity({ ...input, minImpactUsd: 10 })).toBe('low');
  });
});

describe('impactBasis', () => {
  it.each([
    ['spike', 'daily'],
    ['new-spend', 'daily'],
    ['trend', 'daily'],
    ['native-anomaly', 'daily'],
    ['always-on', 'monthly'],
    ['forecast-overrun', 'monthly'],
    ['mix', 'monthly'],
  ] as const)('judges a %s finding on its %s impact', (kind, basis) => {
    expect(impactBasis(kind)).toBe(basis);
  });
});
