import { describe, expect, it } from 'vitest';
import { itemWeight, weightedSlices } from './weighted-slices';

describe('weightedSlices', () => {
  it('cuts heavy items into more slices than light ones, keeping every item in order', () => {
    const light = Array.from({ length: 100 }, (_, i) => ({ id: i, hourly: [] as number[][] }));
    const heavy = Array.from({ length: 100 }, (_, i) => ({
      id: i,
      hourly: Array.from({ length: 9 }, () => [i, 1]),
    }));
    expect(itemWeight(heavy[0])).toBe(10);
    expect(weightedSlices(light, 50)).toHaveLength(2);
    const slices = weightedSlices(heavy, 50);
    expect(slices).toHaveLength(20);
    expect(slices.flat()).toEqual(heavy);
  });

  it('gives a single item heavier than the budget its own slice, and nothing for an empty list', () => {
    const big = { hourly: Array.from({ length: 500 }, () => [0, 1]) };
    expect(weightedSlices([{ a: 1 }, big, { a: 2 }], 100)).toEqual([[{ a: 1 }], [big], [{ a: 2 }]]);
    expect(weightedSlices([], 100)).toEqual([]);
  });
});
