import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChangeFinder, changeFinderScores, roundHalfEven, type ChangeFinderOptions } from './changefinder.js';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../test/fixtures/changefinder',
);

interface Vector {
  name: string;
  params: { r: number; order: number; smooth: number };
  init: { mu1: number; sigma1: number; mu2: number; sigma2: number };
  warmup: number[];
  warmupScores: number[];
  series: number[];
  scores: number[];
}

const vectors: Vector[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as Vector);

describe('ChangeFinder against the Python package (recorded vectors)', () => {
  it('has vectors to check', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(5);
  });
  for (const v of vectors) {
    it(`${v.name}: every score within 1e-9`, () => {
      const options: ChangeFinderOptions = { r: v.params.r, order: 1, smooth: v.params.smooth, init: v.init };
      const cf = new ChangeFinder(options);
      const warm = v.warmup.map((x) => cf.update(x));
      const got = v.series.map((x) => cf.update(x));
      warm.forEach((s, i) => expect(Math.abs(s - v.warmupScores[i]!)).toBeLessThan(1e-9));
      got.forEach((s, i) => expect(Math.abs(s - v.scores[i]!), `hour ${i}`).toBeLessThan(1e-9));
      // The shared-warm-up path gives the same numbers.
      const again = changeFinderScores(v.warmup, v.series, options);
      expect([...again]).toEqual(got);
    });
  }
});

describe('ChangeFinder', () => {
  it('rounds the second window like Python (5 → 2, 7 → 4)', () => {
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(2.4)).toBe(2);
    expect(roundHalfEven(2.6)).toBe(3);
  });

  it('stays finite where the reference’s exp underflows', () => {
    const cf = new ChangeFinder({
      r: 0.04,
      order: 1,
      smooth: 5,
      init: { mu1: 0, sigma1: 1e-6, mu2: 0, sigma2: 1e-6 },
    });
    const scores = [...Array<number>(20).fill(0), 1e6, 0, 0].map((x) => cf.update(x));
    for (const s of scores) expect(Number.isFinite(s)).toBe(true);
    expect(Math.max(...scores)).toBeGreaterThan(10);
  });

  it('is deterministic without a seed', () => {
    const a = changeFinderScores([1, 2, 3], [4, 5, 6, 7, 8, 9, 10, 0]);
    const b = changeFinderScores([1, 2, 3], [4, 5, 6, 7, 8, 9, 10, 0]);
    expect([...a]).toEqual([...b]);
  });

  it('refuses orders it does not implement', () => {
    expect(() => new ChangeFinder({ r: 0.04, order: 2 as 1, smooth: 5 })).toThrow(/order/);
  });
});
