import {
  formatChange,
  formatQuantity,
  formatRatio,
  formatShare,
  formatUnitPrice,
  formatUsd,
  formatUsdWhole,
} from '../../lambda/report/format';

describe('formatUsd', () => {
  it.each([
    [1234.56, '$1,234.56'],
    [0, '$0.00'],
    [5, '$5.00'],
    [999.999, '$1,000.00'],
    [1_234_567.891, '$1,234,567.89'],
    [-12, '-$12.00'],
    [0.0031234, '$0.00312'],
    [-0.001, '-$0.00100'],
    [Number.NaN, '$?'],
  ])('writes %p as %s', (amount, text) => {
    expect(formatUsd(amount)).toBe(text);
  });
});

describe('formatUsdWhole', () => {
  it.each([
    [1234.56, '$1,235'],
    [-0.4, '$0'],
    [-1500, '-$1,500'],
  ])('writes %p as %s', (amount, text) => {
    expect(formatUsdWhole(amount)).toBe(text);
  });
});

describe('formatUnitPrice', () => {
  it.each([
    [0.000003, '$0.00000300'],
    [0.0000036, '$0.00000360'],
    [15, '$15.0'],
    [1234.5, '$1,235'],
    [0, '$0'],
  ])('keeps three significant digits of %p: %s', (amount, text) => {
    expect(formatUnitPrice(amount)).toBe(text);
  });
});

describe('formatRatio', () => {
  it.each([
    [4.2, '4.2x'],
    [4.25, '4.3x'],
    [1, '1.0x'],
    [123.4, '123x'],
    [1500, '1,500x'],
    [Number.POSITIVE_INFINITY, 'n/a'],
  ])('writes %p as %s', (ratio, text) => {
    expect(formatRatio(ratio)).toBe(text);
  });
});

describe('formatChange', () => {
  it.each([
    [3.12, '+312%'],
    [-0.45, '-45%'],
    [0.001, '0%'],
    [12.5, '+1,250%'],
    [Number.NaN, 'n/a'],
  ])('writes a change of %p as %s', (fraction, text) => {
    expect(formatChange(fraction)).toBe(text);
  });
});

describe('formatShare', () => {
  it.each([
    [0.37, '37%'],
    [0.375, '38%'],
    [1, '100%'],
    [0, '0%'],
    [0.004, '<1%'],
  ])('writes a share of %p as %s', (fraction, text) => {
    expect(formatShare(fraction)).toBe(text);
  });
});

describe('formatQuantity', () => {
  it.each([
    [950, '950'],
    [12_345, '12.3k'],
    [4_500_000, '4.5M'],
    [266_666_666, '267M'],
    [2.5e9, '2.5B'],
    [0.5, '0.5'],
  ])('shortens %p to %s', (quantity, text) => {
    expect(formatQuantity(quantity)).toBe(text);
  });
});
