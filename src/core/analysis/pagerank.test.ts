import { describe, expect, it } from 'vitest';
import { buildSparseGraph, minMaxNormalize, pagerank } from './pagerank.js';

describe('buildSparseGraph', () => {
  it('keeps distinct undirected links only', () => {
    const g = buildSparseGraph(3, [
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 2],
      [2, 2],
    ]);
    expect([...g.offsets]).toEqual([0, 1, 3, 4]);
    expect([...g.adj.slice(g.offsets[1], g.offsets[2])].sort()).toEqual([0, 2]);
  });
});

describe('pagerank', () => {
  it('matches the hand-computed fixed point of a path a–h–b (d = 0.85)', () => {
    // x = 0.15/3 + 0.85·y/2, y = 0.15/3 + 0.85·2x  ⇒  x = 19/74, y = 36/74.
    const g = buildSparseGraph(3, [
      [0, 2],
      [1, 2],
    ]);
    const r = pagerank(g, { damping: 0.85, iterations: 200, tolerance: 1e-14 });
    expect(r[0]).toBeCloseTo(19 / 74, 12);
    expect(r[1]).toBeCloseTo(19 / 74, 12);
    expect(r[2]).toBeCloseTo(36 / 74, 12);
  });

  it('runs LogonTracer’s loop: per-node damping, 30 iterations from 1/N', () => {
    // Expected values: LogonTracer's own pagerank() loop run in Python on this graph
    // (a privileged 0.6, b 0.85, c 0.85 − 20/200, hosts 0.8).
    const ids = ['a', 'b', 'c', 'h1', 'h2'];
    const g = buildSparseGraph(5, [
      [0, 3],
      [1, 3],
      [1, 4],
      [2, 4],
    ]);
    const d = new Float64Array([0.6, 0.85, 0.75, 0.8, 0.8]);
    const r = pagerank(g, { damping: d, iterations: 30, tolerance: 0 });
    const expected = [
      0.17689119680306598, 0.22608799772509533, 0.14919680092202936, 0.24218644059550037, 0.24794247603645075,
    ];
    ids.forEach((_, i) => expect(r[i]).toBeCloseTo(expected[i]!, 14));
    const n = minMaxNormalize(r);
    expect(n[0]).toBeCloseTo(0.28046186173668647, 12);
    expect(n[2]).toBe(0);
    expect(n[4]).toBe(1);
  });

  it('handles an empty graph and all-equal ranks', () => {
    expect(pagerank(buildSparseGraph(0, []), { damping: 0.85, iterations: 5, tolerance: 0 }).length).toBe(0);
    expect([...minMaxNormalize(new Float64Array([0.5, 0.5]))]).toEqual([0, 0]);
  });
});
