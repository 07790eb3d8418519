import {
  coefficientOfVariation,
  median,
  medianAbsoluteDeviation,
  medianInPlace,
  significant,
  sumRange,
} from '../../lambda/detect/stats';

describe('median', () => {
  it.each([
    { values: [], result: Number.NaN },
    { values: [7], result: 7 },
    { values: [3, 1, 2], result: 2 },
    { values: [4, 1, 3, 2], result: 2.5 },
    { values: [-5, 10, -1], result: -1 },
    { values: Array.from({ length: 41 }, (_, index) => 40 - index), result: 20 },
  ])('of $values is $result', ({ values, result }) => {
    // Act
    const found = median(values);

    // Assess
    expect(found).toBe(result);
  });

  it('sorts only the first values of a buffer', () => {
    // Prepare
    const buffer = Float64Array.from([9, 1, 5, 100, -100]);

    // Act
    const found = medianInPlace(buffer, 3);

    // Assess
    expect(found).toBe(5);
    expect(Array.from(buffer)).toEqual([1, 5, 9, 100, -100]);
  });
});

describe('statistics', () => {
  it.each([
    { values: [1, 2, 3, 4, 100], center: 3, mad: 1 },
    { values: [5, 5, 5], center: 5, mad: 0 },
  ])('median absolute deviation of $values around $center is $mad', ({ values, center, mad }) => {
    // Act
    const found = medianAbsoluteDeviation(values, center);

    // Assess
    expect(found).toBe(mad);
  });

  it.each([
    { values: [10, 10, 10], cv: 0 },
    { values: [5, 15], cv: 0.5 },
    { values: [0, 0], cv: null },
    { values: [-5, 3], cv: null },
  ])('coefficient of variation of $values is $cv', ({ values, cv }) => {
    // Act
    const found = coefficientOfVariation(values, 0, values.length - 1);

    // Assess
    expect(found).toBe(cv);
  });

  it('sums a range with both ends included', () => {
    // Act
    const sum = sumRange([1, 2, 3, 4, 5], 1, 3);

    // Assess
    expect(sum).toBe(9);
  });

  it.each([
    { value: 0.000_012_345_67, digits: 4, result: 0.000_012_35 },
    { value: 1234.567, digits: 2, result: 1200 },
    { value: 0, digits: 4, result: 0 },
  ])('rounds $value to $digits significant digits', ({ value, digits, result }) => {
    // Act
    const found = significant(value, digits);

    // Assess
    expect(found).toBe(result);
  });
});
