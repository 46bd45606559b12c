import { describe, expect, it } from 'vitest';
import { itemWeight, weightedSlices } from './weighted-slices';

describe('weightedSlices', () => {
  it('cuts heavy items into more slices than light ones, keeping every item in order', () => {
    const light = Array.from({ length: 100 }, (_, i) => ({ id: i }));
    const heavy = Array.from({ length: 100 }, (_, i) => ({ id: i, hourly: [[i, 1]] }));
    // The item, its id, its list, the pair in it and the pair's two numbers.
    expect(itemWeight(heavy[0])).toBe(6);
    expect(itemWeight(light[0])).toBe(2);
    expect([...weightedSlices(light, 50)]).toHaveLength(4);
    const slices = [...weightedSlices(heavy, 60)];
    expect(slices).toHaveLength(10);
    expect(slices.flat()).toEqual(heavy);
  });

  it('gives a single item heavier than the budget its own slice, and nothing for an empty list', () => {
    const big = { hourly: Array.from({ length: 500 }, () => [0, 1]) };
    expect([...weightedSlices([{ a: 1 }, big, { a: 2 }], 100)]).toEqual([[{ a: 1 }], [big], [{ a: 2 }]]);
    expect([...weightedSlices([], 100)]).toEqual([]);
  });

  it('stops counting at a few levels deep, so a hostile nesting cannot make weighing slow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(itemWeight(deep)).toBeLessThan(10);
  });
});
