import { expectedDailySpend } from '../../lambda/report/headline';
import { historyOf, meterSeries } from './report-fixtures';

describe('expectedDailySpend', () => {
  it.each([
    ['takes the median of the same weekday in earlier weeks', 21, [5, 7, 3], 5],
    ['skips estimated days among them', 21, [5, 7, null], 6],
    ['falls back to the median of the days before when no weekday repeats', 4, [], 2],
    ['expects nothing of the first day', 0, [], 0],
  ])('%s', (_name, index, sameWeekday, expected) => {
    // Prepare: every day costs 2 except the same weekdays 7, 14 and 21 days before day 21.
    const cost = Array.from({ length: 22 }, () => 2);
    const estimated = cost.map(() => false);
    sameWeekday.forEach((value, weeksBack) => {
      const day = 21 - 7 * (weeksBack + 1);
      cost[day] = value ?? 100;
      estimated[day] = value === null;
    });
    const history = {
      ...historyOf({ lastDay: '2026-03-19', meters: [meterSeries('Amazon Bedrock', 'x', cost)] }),
      estimated,
    };

    // Act
    const expectedUsd = expectedDailySpend(cost, history, index);

    // Assess
    expect(expectedUsd).toBe(expected);
  });
});
