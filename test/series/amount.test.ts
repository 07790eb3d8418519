import fc from 'fast-check';
import { amountOf } from '../../lambda/series/amount';

describe('amountOf', () => {
  it.each([
    ['12.34', 12.34],
    ['4.1200000000', 4.12],
    ['-0.0000300172', -0.0000300172],
    ['0', 0],
    ['007', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['2.5E-7', 2.5e-7],
    ['1e3', 1000],
    [' 3 ', 3],
    ['123456789012345678901234', 1.2345678901234569e23],
    ['0.1234567890123456789012345', 0.12345678901234568],
    [42, 42],
  ])('reads %p as %p', (text, expected) => {
    expect(amountOf(text)).toBe(expected);
  });

  it('reads -0 as negative zero, as Number does', () => {
    expect(Object.is(amountOf('-0'), -0)).toBe(true);
  });

  it.each([
    ['', 'an empty string'],
    ['  ', 'a blank string'],
    ['.', 'a lone point'],
    ['-', 'a lone minus'],
    ['1.2.3', 'two points'],
    ['1,000', 'a thousands separator'],
    ['abc', 'words'],
    ['Infinity', 'infinity'],
    [Number.NaN, 'NaN'],
    [null, 'null'],
    [undefined, 'nothing'],
    [{ Amount: '1' }, 'an object'],
  ])('reads %p (%s) as not a number', (value: unknown, _label: string) => {
    expect(amountOf(value)).toBeNaN();
  });

  it('gives exactly the double Number gives for any decimal text', () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^\d{1,20}$/),
        fc.option(fc.stringMatching(/^\d{0,25}$/), { nil: undefined }),
      )
      .map(
        ([minus, whole, fraction]) =>
          `${minus ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
      );

    fc.assert(
      fc.property(decimal, (text) => Object.is(amountOf(text), Number(text))),
      { numRuns: 20_000 },
    );
  });

  it('gives exactly the double Number gives for amounts printed from doubles', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 15 }),
        (value, places) => {
          const text = value.toFixed(places);
          return Object.is(amountOf(text), Number(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
