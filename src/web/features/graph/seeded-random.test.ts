import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../core/random.js';
import { seedOf, withSeededRandom } from './seeded-random';

describe('seeded random', () => {
  it('gives the same sequence for the same seed, and another for another', () => {
    const a = seededRandom(seedOf(['x', 'y']));
    const b = seededRandom(seedOf(['x', 'y']));
    const c = seededRandom(seedOf(['xy']));
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    for (const v of seqA) expect(v >= 0 && v < 1).toBe(true);
  });

  it('swaps Math.random only while the function runs, even when it throws', () => {
    const random = Math.random;
    const drawn = withSeededRandom(42, () => [Math.random(), Math.random()]);
    expect(withSeededRandom(42, () => [Math.random(), Math.random()])).toEqual(drawn);
    expect(Math.random).toBe(random);
    expect(() =>
      withSeededRandom(1, () => {
        throw new Error('layout failed');
      }),
    ).toThrow('layout failed');
    expect(Math.random).toBe(random);
  });
});
