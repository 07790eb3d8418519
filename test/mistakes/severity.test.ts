import { impactHorizon, judgeSeverity } from '../../lambda/mistakes/severity';
import type { Severity } from '../../lambda/settings/settings';

describe('judgeSeverity', () => {
  it.each<[string, number, number | null, boolean, Severity]>([
    // name, daily impact, daily spend the share is of (null: dollars only), urgent, severity
    ['$1,000 a day', 1000, 100_000, false, 'critical'],
    ['$999 a day', 999, 100_000, false, 'high'],
    ['half the day’s spend', 60, 120, false, 'critical'],
    ['$250 a day', 250, 100_000, false, 'high'],
    ['a quarter of spend', 30, 120, false, 'high'],
    ['$50 a day', 50, 100_000, false, 'medium'],
    ['a tenth of spend', 12, 120, false, 'medium'],
    ['$49 a day, a small share', 49, 100_000, false, 'low'],
    ['just the minimum', 5, 100_000, false, 'low'],
    ['below the minimum, all the spend', 4.99, 4.99, false, 'info'],
    ['nothing at stake', 0, 0, true, 'info'],
    ['half the spend, share not counted', 40, null, false, 'low'],
    ['$1,000 a day, share not counted', 1000, null, false, 'critical'],
    ['low raised by an urgent mistake', 10, 100_000, true, 'medium'],
    ['medium raised by an urgent mistake', 50, 100_000, true, 'high'],
    ['high raised by an urgent mistake', 250, 100_000, true, 'critical'],
    ['critical stays critical', 5000, 100_000, true, 'critical'],
  ])('judges %s as the table says', (_name, dailyImpactUsd, dailySpendUsd, urgent, expected) => {
    const severity = judgeSeverity({ dailyImpactUsd, dailySpendUsd, minImpactUsd: 5, urgent });
    expect(severity).toBe(expected);
  });

  it('follows the minimum impact it is given', () => {
    const input = { dailyImpactUsd: 20, dailySpendUsd: 100_000, urgent: false } as const;
    expect(judgeSeverity({ ...input, minImpactUsd: 25 })).toBe('info');
    expect(judgeSeverity({ ...input, minImpactUsd: 10 })).toBe('low');
  });
});

describe('impactHorizon', () => {
  it.each([
    ['spike', 'day'],
    ['new-spend', 'day'],
    ['trend', 'week'],
    ['native-anomaly', 'anomaly'],
    ['always-on', 'month'],
    ['forecast-overrun', 'month'],
    ['mix', 'month'],
  ] as const)('reads the dollars of a %s finding as a %s’s', (kind, horizon) => {
    expect(impactHorizon(kind)).toBe(horizon);
  });
});
