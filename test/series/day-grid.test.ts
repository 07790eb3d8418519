import { DayGrid } from '../../lambda/series/day-grid';

describe('DayGrid', () => {
  it('gives each meter its own column of days, zero where nothing was set', () => {
    const grid = new DayGrid(3);
    grid.reserve(2);

    grid.set(0, 0, 1.5, 10);
    grid.set(1, 2, 4, 40);
    grid.set(0, 2, -2, 0);

    expect(grid.columnOf(0)).toEqual({ cost: [1.5, 0, -2], usage: [10, 0, 0] });
    expect(grid.columnOf(1)).toEqual({ cost: [0, 0, 4], usage: [0, 0, 40] });
  });

  it('refuses a meter-day set twice and keeps the first value', () => {
    const grid = new DayGrid(1);
    grid.reserve(1);

    expect(grid.set(0, 0, 5, 1)).toBe(true);
    expect(grid.set(0, 0, 7, 2)).toBe(false);
    expect(grid.columnOf(0).cost).toEqual([5]);
  });

  it('keeps values set before it grows to hold more meters', () => {
    const grid = new DayGrid(2);
    grid.reserve(1);
    grid.set(0, 1, 3, 3);

    grid.reserve(10_000);
    grid.set(9_999, 0, 8, 8);

    expect(grid.columnOf(0).cost).toEqual([0, 3]);
    expect(grid.columnOf(9_999).cost).toEqual([8, 0]);
  });
});
