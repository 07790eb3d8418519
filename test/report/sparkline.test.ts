import { sparkline } from '../../lambda/report/sparkline';

describe('sparkline', () => {
  it.each([
    ['draws one bar per level from zero up', [0, 1, 2, 3, 4, 5, 6, 7], '▁▂▃▄▅▆▇█'],
    ['draws a series of zeros as low bars', [0, 0, 0], '▁▁▁'],
    ['draws equal non-zero values as full bars, since bars start at zero', [5, 5, 5], '███'],
    ['makes a spike stand out over a flat series', [10, 10, 10, 20], '▅▅▅█'],
    ['puts negative values below zero on the same scale', [-4, 0, 4], '▁▅█'],
    ['draws only negative values against zero as the top', [-8, -4, 0], '▁▅█'],
    ['draws a value that is not a number as a gap', [1, Number.NaN, 1], '█ █'],
    ['draws nothing for no values', [], ''],
  ])('%s', (_name, values, expected) => {
    expect(sparkline(values)).toBe(expected);
  });

  it('keeps one character per value for any series', () => {
    const values = Array.from({ length: 90 }, (_, day) => Math.sin(day) * 100);

    const line = sparkline(values);

    expect([...line]).toHaveLength(90);
  });
});
