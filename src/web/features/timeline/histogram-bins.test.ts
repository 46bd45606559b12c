import { describe, expect, it } from 'vitest';
import { binHours } from './histogram-bins';

describe('binHours', () => {
  it('one bar per hour when few hours', () => {
    expect(
      binHours(
        [
          [10, 2],
          [12, 3],
        ],
        10,
        12,
        100,
      ),
    ).toEqual([
      { fromHour: 10, hours: 1, count: 2 },
      { fromHour: 11, hours: 1, count: 0 },
      { fromHour: 12, hours: 1, count: 3 },
    ]);
  });
  it('groups hours when the range is long, keeping the total', () => {
    const hist: Array<[number, number]> = Array.from({ length: 1000 }, (_, i) => [i, 1]);
    const bins = binHours(hist, 0, 999, 100);
    expect(bins).toHaveLength(100);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(1000);
  });
});
