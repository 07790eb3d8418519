import {
  addDays,
  firstOfNextMonth,
  isDay,
  lookbackWindow,
  oldestDailyDay,
} from '../../lambda/collect/window';

describe('collection window', () => {
  it.each([
    ['2026-03-10', 60, '2026-01-09'],
    ['2026-03-01', 1, '2026-02-28'],
    ['2024-03-01', 1, '2024-02-29'],
  ])('looks back from %p over %p days to %p', (asOf, days, start) => {
    expect(lookbackWindow(asOf, days)).toEqual({ start, end: asOf });
  });

  it.each([
    ['2026-01-31', '2026-02-01'],
    ['2026-02-01', '2026-03-01'],
    ['2026-12-31', '2027-01-01'],
  ])('finds the first of the month after %p: %p', (day, first) => {
    expect(firstOfNextMonth(day)).toBe(first);
  });

  it.each([
    ['2026-03-10', '2025-02-01'],
    ['2026-01-31', '2024-12-01'],
  ])('keeps daily data from %p back to %p', (today, oldest) => {
    expect(oldestDailyDay(today)).toBe(oldest);
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['20260301', false],
  ])('reads %p as a day: %p', (text, valid) => {
    expect(isDay(text)).toBe(valid);
  });

  it('adds days across a year end', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
