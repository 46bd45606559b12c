/**
 * PageRank over an undirected graph held in sparse (CSR) arrays: memory grows with the links, never
 * with nodes², so a window with 100,000 nodes costs megabytes, not gigabytes.
 *
 * Both modes use the same update, LogonTracer's formula with a per-node damping d_v:
 *
 *   rank(v) = (1 − d_v) / N + Σ_{u adjacent to v} d_u · rank(u) / deg(u)
 *
 * starting from rank = 1/N. Standard mode: d_v = 0.85 for every node, iterated to convergence.
 * LogonTracer mode: d_v per node (see `logonTracerDamping` in scores.ts), exactly 30 iterations.
 */

/** Distinct undirected neighbours of each node: neighbours of v are adj[offsets[v] .. offsets[v+1]). */
export interface SparseGraph {
  n: number;
  offsets: Int32Array;
  adj: Int32Array;
}

/** Builds the CSR graph from index pairs; duplicate pairs and self-loops are dropped. */
export function buildSparseGraph(n: number, pairs: ReadonlyArray<readonly [number, number]>): SparseGraph {
  const flat: number[] = [];
  for (const [a, b] of pairs) flat.push(a, b);
  return buildSparseGraphFlat(n, flat);
}

/** The same from a flat list [a0, b0, a1, b1, ...] (no tuple per link on hot paths). */
export function buildSparseGraphFlat(n: number, flat: ArrayLike<number>): SparseGraph {
  const seen = new Set<number>();
  const degree = new Int32Array(n);
  const unique: number[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const a = flat[i]!;
    const b = flat[i + 1]!;
    if (a === b || a < 0 || b < 0 || a >= n || b >= n) continue;
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const key = lo * n + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(lo, hi);
    degree[lo]! += 1;
    degree[hi]! += 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const adj = new Int32Array(unique.length);
  for (let i = 0; i < unique.length; i += 2) {
    const a = unique[i]!;
    const b = unique[i + 1]!;
    adj[fill[a]!++] = b;
    adj[fill[b]!++] = a;
  }
  return { n, offsets, adj };
}

export interface PageRankOptions {
  /** Per-node damping, or one value for all. */
  damping: Float64Array | number;
  /** Iterations to run at most. */
  iterations: number;
  /** Stop early when the L1 change of an iteration is below this (0 = always run `iterations`). */
  tolerance: number;
}

/** Runs the update above; returns the raw ranks. */
export function pagerank(g: SparseGraph, options: PageRankOptions): Float64Array {
  const { n, offsets, adj } = g;
  if (n === 0) return new Float64Array(0);
  const d = typeof options.damping === 'number' ? new Float64Array(n).fill(options.damping) : options.damping;
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  // share[u] = d_u · rank(u) / deg(u): what u sends along each of its links.
  const share = new Float64Array(n);
  for (let it = 0; it < options.iterations; it++) {
    for (let u = 0; u < n; u++) {
      const deg = offsets[u + 1]! - offsets[u]!;
      share[u] = deg === 0 ? 0 : (d[u]! * rank[u]!) / deg;
    }
    let change = 0;
    for (let v = 0; v < n; v++) {
      let sum = (1 - d[v]!) / n;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) sum += share[adj[k]!]!;
      next[v] = sum;
      change += Math.abs(sum - rank[v]!);
    }
    [rank, next] = [next, rank];
    if (options.tolerance > 0 && change < options.tolerance) break;
  }
  return rank;
}

/** Min–max normalization to [0, 1]; all equal → all 0 (LogonTracer divides by zero there). */
export function minMaxNormalize(values: Float64Array): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const out = new Float64Array(values.length);
  const span = max - min;
  if (!(span > 0)) return out;
  for (let i = 0; i < values.length; i++) out[i] = (values[i]! - min) / span;
  return out;
}
