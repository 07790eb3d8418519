import {
  createBaselineContext,
  firstActiveIndex,
  robustScore,
  weekdayBaseline,
} from '../../lambda/detect/baseline';
import { buildTestHistory, flat, noisy, weekly } from '../helpers/history';

function baselineOf(values: number[], options: { from?: number; estimatedDays?: number } = {}) {
  const history = buildTestHistory({ days: values.length, estimatedDays: options.estimatedDays });
  const judged = values.length - 1;
  return weekdayBaseline(values, options.from ?? 0, judged, createBaselineContext(history));
}

describe('weekdayBaseline', () => {
  it.each([
    { name: 'a weekday after quiet weekends', values: weekly(57, 100, 10), expected: 100, mad: 0 },
    { name: 'a Sunday after busy weekdays', values: weekly(56, 100, 10), expected: 10, mad: 0 },
    { name: 'a noisy weekday', values: [...noisy(56, 100, 5), 0], expected: 100, mad: 5 },
  ])('expects the weekday level for $name', ({ values, expected, mad }) => {
    // Act
    const baseline = baselineOf(values);

    // Assess
    expect(baseline).toMatchObject({ basis: 'weekday', expected, mad, points: values.length - 1 });
  });

  it('measures the spread around each weekday level, not around the overall median', () => {
    // Prepare: weekdays 100 +/- 5, weekends 10 +/- 1, judged on a Monday.
    const values = Array.from({ length: 57 }, (_, index) => {
      const weekend = index % 7 >= 5;
      const sign = index % 2 === 0 ? 1 : -1;
      return weekend ? 10 + sign : 100 + 5 * sign;
    });

    // Act
    const baseline = baselineOf(values);

    // Assess
    expect(baseline?.expected).toBe(100);
    expect(baseline?.mad).toBe(5);
  });

  it.each([
    {
      name: 'two weeks of history',
      values: [...flat(14, 20), 0],
      points: 14,
      weekdayPoints: 2,
      basis: 'all',
    },
    {
      name: 'three weeks of history',
      values: [...flat(21, 20), 0],
      points: 21,
      weekdayPoints: 3,
      basis: 'weekday',
    },
  ])(
    'chooses its basis by the same-weekday days for $name',
    ({ values, points, weekdayPoints, basis }) => {
      // Act
      const baseline = baselineOf(values);

      // Assess
      expect(baseline).toMatchObject({
        basis,
        points,
        weekdayPoints,
      });
    },
  );

  it.each([
    { name: '$20 a day', level: 20, scale: 1.01 },
    { name: '$0 a day', level: 0, scale: 0.01 },
    { name: '$1,000 a day', level: 1000, scale: 50.01 },
  ])('floors the scale of a flat series at $name', ({ level, scale }) => {
    // Act
    const baseline = baselineOf(flat(57, level));

    // Assess
    expect(baseline?.mad).toBe(0);
    expect(baseline?.scale).toBeCloseTo(scale, 10);
  });

  it('leaves out estimated days and the days before the meter began', () => {
    // Prepare: 10 days before the meter, 40 days of it, 3 estimated days, judged last.
    const values = [...flat(10, 0), ...flat(40, 30), 900, 900, 900];

    // Act
    const baseline = baselineOf(values, { from: 10, estimatedDays: 3 });

    // Assess
    expect(baseline).toMatchObject({ expected: 30, points: 40, firstIndex: 10, lastIndex: 49 });
  });

  it('has no baseline with fewer than seven complete days', () => {
    // Act
    const baseline = baselineOf([...flat(6, 30), 90]);

    // Assess
    expect(baseline).toBeNull();
  });
});

describe('robustScore', () => {
  it.each([
    { name: 'above a positive level', values: flat(57, 20), actual: 40, score: 20 / 1.01 },
    {
      name: 'above a negative level, counted as zero',
      values: flat(57, -20),
      actual: 1,
      score: 1 / 1.01,
    },
  ])('scores a day $name', ({ values, actual, score }) => {
    // Prepare
    const baseline = baselineOf(values);

    // Act
    const result = robustScore(actual, baseline as NonNullable<typeof baseline>);

    // Assess
    expect(result).toBeCloseTo(score, 10);
  });
});

describe('firstActiveIndex', () => {
  it.each([
    { values: [0, 0, 0.004, 0.02, 5], before: 5, index: 3 },
    { values: [0, -3, 5], before: 3, index: 1 },
    { values: [0, 0, 5], before: 2, index: -1 },
  ])('finds day $index in $values', ({ values, before, index }) => {
    // Act
    const found = firstActiveIndex(values, before);

    // Assess
    expect(found).toBe(index);
  });
});
