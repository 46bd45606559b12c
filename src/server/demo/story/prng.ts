import { seededRandom } from '../../../core/random.js';

/**
 * The demo story's draws, from the one seeded generator (src/core/random.ts): the same seed gives the
 * same week on every machine and Node version, which Math.random cannot promise.
 */
export class Prng {
  /** A float in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items, in a shuffled order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, count);
  }

  /** A hex string of `digits` digits (logon ids, GUID parts). */
  hex(digits: number): string {
    let s = '';
    while (s.length < digits) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
}
