/**
 * Rankings for a set of edges (a window, after filters): PageRank, ChangeFinder anomaly, failures,
 * degree and simple counts, each with the sentences that explain it (docs/analysis.md).
 */
import type { DatasetEdge, DatasetNode, Ranking, Reason } from '../dataset/schema.js';
import { buildSparseGraphFlat, minMaxNormalize, pagerank } from './pagerank.js';
import { LOGONTRACER_CHANGEFINDER, warmedUp, type ChangeFinderOptions } from './changefinder.js';
import { eventPhrase, failurePhrase } from './event-names.js';
import { hourLabel } from './time.js';

export type PageRankMode = 'standard' | 'logontracer';

/** Parameters of the scores; exported so that docs, tests and callers see the same numbers. */
export const SCORE_PARAMETERS = {
  /** Standard PageRank: one damping for all, iterated until the L1 change is below `tolerance`. */
  standard: { damping: 0.85, maxIterations: 100, tolerance: 1e-10 },
  /** LogonTracer: per-node damping, fixed iterations, no early stop. */
  logontracer: {
    privilegedAccount: 0.6,
    account: 0.85,
    host: 0.8,
    /** Damping is reduced by (max ChangeFinder score) / anomalyDivisor. */
    anomalyDivisor: 200,
    iterations: 30,
  },
  changefinder: LOGONTRACER_CHANGEFINDER as ChangeFinderOptions,
  /** Event IDs counted in the hourly series ChangeFinder scores (LogonTracer's). */
  anomalyEventIds: [4624, 4625, 4768, 4769, 4776] as readonly number[],
  /**
   * Work bound for ChangeFinder: accounts × hours scored at most; a longer span scores only its
   * last hours (about 1 s of work at the bound).
   */
  maxAnomalyCells: 50_000_000,
  /** Hours after an account's last event in which a score still counts as its own. */
  anomalyTrailingHours: 10,
  /** Reasons listed per score at most. */
  maxReasonsPerScore: 3,
} as const;

export interface RankInput {
  nodes: ReadonlyMap<string, DatasetNode>;
  /** Edges cut to the window (counts and buckets inside it). */
  edges: readonly DatasetEdge[];
  /** Window hours [fromHour, toHour), or null for everything. */
  hours: { fromHour: number; toHour: number } | null;
  /** Ids of edges first seen inside the window (null when no window). */
  newEdgeIds: ReadonlySet<string> | null;
  mode: PageRankMode;
  /** Privileged logons (4672) of a node inside the window. */
  privileged: (nodeId: string) => number;
}

const round = (x: number, digits = 1): string => {
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Computes the rankings of every node touched by `edges`. Works on integer indices and typed
 * arrays (one pass over the edges, no per-node collections) because the app runs it on every
 * window change.
 */
export function computeRankings(input: RankInput): Map<string, Ranking> {
  const { nodes, edges, mode } = input;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const idx = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  // Edge ends as indices (-1 = none); target = -1 when it equals the source.
  const m = edges.length;
  const ea = new Int32Array(m);
  const es = new Int32Array(m);
  const et = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const e = edges[k]!;
    ea[k] = idx(e.account);
    es[k] = e.source === null ? -1 : idx(e.source);
    et[k] = e.target === null || e.target === e.source ? -1 : idx(e.target);
  }
  const n = ids.length;
  const events = new Float64Array(n);
  const failures = new Float64Array(n);
  const newEdges = new Float64Array(n);
  const distinctSources = new Int32Array(n);
  const distinctTargets = new Int32Array(n);
  const accountsFrom = new Int32Array(n);
  const accountsOn = new Int32Array(n);
  /** The single event ID of a node's events, -2 when mixed, -1 when none yet. */
  const onlyEvent = new Int32Array(n).fill(-1);
  const seenPair = new Set<number>();
  // Links as flat index lists [a0, b0, a1, b1, ...]: one entry per distinct pair.
  const pairs: number[] = [];
  const prPairs: number[] = [];
  // Failure groups (only nodes with failures): node → `${eventId}:${other}` → count and accounts.
  const failureGroups = new Map<number, Map<string, { count: number; accounts: Set<number> }>>();
  const addFailure = (node: number, key: string, count: number, account: number): void => {
    let groups = failureGroups.get(node);
    if (groups === undefined) failureGroups.set(node, (groups = new Map()));
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { count: 0, accounts: new Set() }));
    g.count += count;
    g.accounts.add(account);
  };
  const touchEvent = (node: number, eventId: number): void => {
    const o = onlyEvent[node]!;
    if (o === -1) onlyEvent[node] = eventId;
    else if (o !== eventId) onlyEvent[node] = -2;
  };

  for (let k = 0; k < m; k++) {
    const e = edges[k]!;
    const a = ea[k]!;
    const sIdx = es[k]!;
    const t = et[k]!;
    const c = e.count;
    const isNew = input.newEdgeIds?.has(e.id) === true;
    events[a]! += c;
    touchEvent(a, e.eventId);
    if (isNew) newEdges[a]! += 1;
    if (e.failure) {
      failures[a]! += c;
      addFailure(a, `${e.eventId}:${sIdx}`, c, a);
    }
    if (sIdx >= 0) {
      events[sIdx]! += c;
      touchEvent(sIdx, e.eventId);
      if (isNew) newEdges[sIdx]! += 1;
      if (e.failure) {
        failures[sIdx]! += c;
        addFailure(sIdx, `${e.eventId}:*`, c, a);
      }
      const key = a * n + sIdx;
      if (!seenPair.has(key)) {
        seenPair.add(key);
        distinctSources[a]! += 1;
        accountsFrom[sIdx]! += 1;
        pairs.push(a, sIdx);
        prPairs.push(a, sIdx);
      }
    }
    if (t >= 0) {
      events[t]! += c;
      touchEvent(t, e.eventId);
      if (e.failure) failures[t]! += c;
      // Targets and sources share the pair space: a host can be both for one account.
      const key = -(a * n + t) - 1;
      if (!seenPair.has(key)) {
        seenPair.add(key);
        distinctTargets[a]! += 1;
        accountsOn[t]! += 1;
        pairs.push(a, t);
        if (mode === 'standard') prPairs.push(a, t);
      }
    }
  }
  // Degree: distinct neighbours over sources and targets.
  const degree = buildSparseGraphFlat(n, pairs);

  const nodeOf = ids.map((id) => nodes.get(id));
  const privileged = new Float64Array(n);
  for (let i = 0; i < n; i++) if (nodeOf[i]?.kind === 'account') privileged[i] = input.privileged(ids[i]!);

  const anomaly = anomalyScores(edges, input.hours, ea, n);

  // PageRank over the account–source links (LogonTracer) or account–source–target (standard).
  // Only nodes linked in this mode's graph take part (N counts them only): in LogonTracer mode the
  // computers that logged the events are not in the graph.
  const prIndex = new Int32Array(n).fill(-1);
  const linked: number[] = [];
  for (const v of prPairs) {
    if (prIndex[v] === -1) {
      prIndex[v] = linked.length;
      linked.push(v);
    }
  }
  const g = buildSparseGraphFlat(
    linked.length,
    prPairs.map((v) => prIndex[v]!),
  );
  let ranks: Float64Array;
  if (mode === 'logontracer') {
    const d = Float64Array.from(linked, (i) =>
      logonTracerDamping(nodeOf[i]?.kind, privileged[i]! > 0, anomaly.score[i]!),
    );
    ranks = pagerank(g, { damping: d, iterations: SCORE_PARAMETERS.logontracer.iterations, tolerance: 0 });
  } else {
    const p = SCORE_PARAMETERS.standard;
    ranks = pagerank(g, { damping: p.damping, iterations: p.maxIterations, tolerance: p.tolerance });
  }
  // Nodes outside the PageRank graph rank 0 and take no part in min–max.
  const norm = minMaxNormalize(ranks);
  const pr = new Float64Array(n);
  const raw = new Float64Array(n);
  linked.forEach((i, k) => {
    pr[i] = norm[k]!;
    raw[i] = ranks[k]!;
  });
  const inGraph = (i: number): boolean => prIndex[i]! >= 0;
  const order = linked.slice().sort((x, y) => pr[y]! - pr[x]! || raw[y]! - raw[x]!);
  const position = new Int32Array(n);
  order.forEach((i, k) => (position[i] = k + 1));

  const label = (i: number): string => (i < 0 ? 'an unknown source' : (nodeOf[i]?.label ?? ids[i]!));
  /** The sentences behind node i's scores, most telling first (built when first read). */
  const reasonsOf = (i: number): Reason[] => {
    const isAccount = nodeOf[i]?.kind === 'account';
    const ev = events[i]!;
    const fail = failures[i]!;
    const ratio = ev === 0 ? 0 : fail / ev;
    const reasons: Reason[] = [];
    if (privileged[i]! > 0)
      reasons.push({ score: 'privileged', text: `privileged logons (4672) ×${privileged[i]!}` });
    if (anomaly.score[i]! > 0)
      reasons.push({
        score: 'anomaly',
        text: `anomaly ${round(anomaly.score[i]!)} at ${hourLabel(anomaly.hour[i]!)}`,
      });
    const groups = failureGroups.get(i);
    if (groups !== undefined) {
      const sorted = [...groups.entries()].sort((x, y) => y[1].count - x[1].count);
      for (const [key, g2] of sorted.slice(0, SCORE_PARAMETERS.maxReasonsPerScore)) {
        const colon = key.indexOf(':');
        const eventId = Number(key.slice(0, colon));
        const other = key.slice(colon + 1);
        const where = isAccount
          ? ` from ${label(Number(other))}`
          : ` for ${plural(g2.accounts.size, 'account')}`;
        reasons.push({ score: 'failures', text: `${g2.count} ${failurePhrase(eventId)}${where}` });
      }
      if (fail < ev)
        reasons.push({ score: 'failureRatio', text: `${round(100 * ratio, 0)}% of its events failed` });
    }
    if (pr[i]! > 0 && linked.length > 1)
      reasons.push({
        score: 'pagerank',
        text: `PageRank ${round(pr[i]!, 2)} (${ordinal(position[i]!)} of ${linked.length}, ${mode === 'logontracer' ? 'LogonTracer mode' : 'standard'})`,
      });
    if (isAccount) {
      if (distinctSources[i]! > 1)
        reasons.push({ score: 'degree', text: `logged on from ${distinctSources[i]!} sources` });
      if (distinctTargets[i]! > 1)
        reasons.push({ score: 'degree', text: `logged by ${distinctTargets[i]!} computers` });
    } else {
      if (accountsFrom[i]! > 1)
        reasons.push({ score: 'degree', text: `source of logons by ${accountsFrom[i]!} accounts` });
      if (accountsOn[i]! > 1)
        reasons.push({ score: 'degree', text: `logged logons of ${accountsOn[i]!} accounts` });
    }
    if (newEdges[i]! > 0 && input.newEdgeIds !== null)
      reasons.push({
        score: 'newEdges',
        text: `${plural(newEdges[i]!, 'logon path')} first seen in this window`,
      });
    if (reasons.length === 0 && ev > 0)
      reasons.push({
        score: 'events',
        text: `${ev} ${onlyEvent[i]! >= 0 ? eventPhrase(onlyEvent[i]!) : 'events'}`,
      });
    return reasons;
  };
  const out = new Map<string, Ranking>();
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const isAccount = nodeOf[i]?.kind === 'account';
    const deg = degree.offsets[i + 1]! - degree.offsets[i]!;
    const ev = events[i]!;
    const fail = failures[i]!;
    const ratio = ev === 0 ? 0 : fail / ev;
    const scores: Record<string, number> = {
      pagerank: pr[i]!,
      pagerankRaw: inGraph(i) ? raw[i]! : 0,
      anomaly: anomaly.score[i]!,
      failures: fail,
      degree: deg,
      events: ev,
      failureRatio: ratio,
      newEdges: newEdges[i]!,
    };
    if (isAccount) {
      scores.distinctSources = distinctSources[i]!;
      scores.distinctTargets = distinctTargets[i]!;
      scores.privileged = privileged[i]!;
    } else {
      scores.distinctAccounts = accountsFrom[i]!;
      scores.distinctAccountsOn = accountsOn[i]!;
    }

    out.set(
      id,
      lazyRanking(id, scores, () => reasonsOf(i)),
    );
  }
  return out;
}

/**
 * A Ranking whose `reasons` are built on first read: a window has thousands of nodes and the app
 * reads the reasons of the few it shows. The getter replaces itself with the value, so the object
 * then behaves as a plain one (JSON.stringify, structuredClone and equality all read it).
 */
function lazyRanking(node: string, scores: Record<string, number>, build: () => Reason[]): Ranking {
  const r = { node, scores } as Ranking;
  Object.defineProperty(r, 'reasons', {
    enumerable: true,
    configurable: true,
    get(this: Ranking): Reason[] {
      const value = build();
      Object.defineProperty(this, 'reasons', { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
    set(this: Ranking, value: Reason[]): void {
      Object.defineProperty(this, 'reasons', { value, enumerable: true, configurable: true, writable: true });
    },
  });
  return r;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/**
 * ChangeFinder on each account's hourly counts of the anomaly event IDs, warmed up on the mean
 * series of all those accounts (LogonTracer's `adetection`); an account's score is its maximum
 * over its active hours. `accountIndex[k]` is the node index of edges[k].account; results are
 * indexed the same way (0 for nodes that are not scored).
 */
export function anomalyScores(
  edges: readonly DatasetEdge[],
  hours: { fromHour: number; toHour: number } | null,
  accountIndex: Int32Array,
  n: number,
  /** Score only this account (node index) and hand over its score at every hour scored (node timeline). */
  focus?: { account: number; onScore: (hour: number, score: number) => void },
): { score: Float64Array; hour: Float64Array } {
  const ids = new Set(SCORE_PARAMETERS.anomalyEventIds);
  const score = new Float64Array(n);
  const hour = new Float64Array(n);
  const first = new Float64Array(n).fill(Infinity);
  const last = new Float64Array(n).fill(-Infinity);
  let minH = Infinity;
  let maxH = -Infinity;
  const accounts: number[] = [];
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    if (!ids.has(e.eventId) || e.hourly.length === 0) continue;
    const a = accountIndex[k]!;
    if (first[a] === Infinity) accounts.push(a);
    const h0 = e.hourly[0]![0];
    const h1 = e.hourly[e.hourly.length - 1]![0];
    if (h0 < first[a]!) first[a] = h0;
    if (h1 > last[a]!) last[a] = h1;
    if (h0 < minH) minH = h0;
    if (h1 > maxH) maxH = h1;
  }
  if (accounts.length === 0) return { score, hour };
  let start = hours !== null && Number.isFinite(hours.fromHour) ? hours.fromHour : minH;
  const end = hours !== null && Number.isFinite(hours.toHour) ? hours.toHour - 1 : maxH;
  const maxHours = Math.max(24, Math.floor(SCORE_PARAMETERS.maxAnomalyCells / (accounts.length + 1)));
  start = Math.max(start, end - maxHours + 1);
  const len = end - start + 1;
  if (!(len > 0)) return { score, hour };
  // Each account's counts are kept only over its active span [lo, hi): before it the series is
  // zero (shared below), after it nothing is scored.
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const offset = new Int32Array(n);
  let total = 0;
  for (const a of accounts) {
    lo[a] = Math.max(0, first[a]! - start);
    hi[a] = Math.max(lo[a]!, Math.min(len, last[a]! + SCORE_PARAMETERS.anomalyTrailingHours + 1 - start));
    // With a focus, only its series is kept (the others only count in the mean).
    if (focus !== undefined && a !== focus.account) hi[a] = lo[a]!;
    offset[a] = total;
    total += hi[a]! - lo[a]!;
  }
  const series = new Float64Array(total);
  const mean = new Float64Array(len);
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    if (!ids.has(e.eventId)) continue;
    const a = accountIndex[k]!;
    for (const [h, c] of e.hourly) {
      if (h < start || h > end) continue;
      const j = h - start;
      mean[j]! += c;
      if (j >= lo[a]! && j < hi[a]!) series[offset[a]! + j - lo[a]!]! += c;
    }
  }
  for (let j = 0; j < len; j++) mean[j] = mean[j]! / accounts.length;
  const warm = warmedUp(mean, SCORE_PARAMETERS.changefinder);
  // Every account's series is zero before its first event, so all accounts share the model's state
  // up to there: one model runs through the zeros and is copied at each account's first hour. Only
  // hours from the account's first event to a little after its last count as its anomaly (before
  // and after, a flat zero series scores only what the warm-up left in the model), so each copy
  // stops there.
  const order = accounts.slice().sort((x, y) => lo[x]! - lo[y]!);
  const zeros = warm.clone();
  let pos = 0;
  for (const a of order) {
    while (pos < lo[a]!) {
      zeros.update(0);
      pos++;
    }
    if (focus !== undefined && a !== focus.account) continue;
    const cf = zeros.clone();
    let best = 0;
    let at = start;
    const base = offset[a]! - lo[a]!;
    for (let j = lo[a]!; j < hi[a]!; j++) {
      const v = cf.update(series[base + j]!);
      focus?.onScore(start + j, v);
      if (v > best) {
        best = v;
        at = start + j;
      }
    }
    score[a] = best;
    hour[a] = at;
    if (focus !== undefined) break;
  }
  return { score, hour };
}

/** LogonTracer's per-node damping (docs/analysis.md), clamped to [0, 1]. */
export function logonTracerDamping(
  kind: DatasetNode['kind'] | undefined,
  privileged: boolean,
  anomaly: number,
): number {
  const p = SCORE_PARAMETERS.logontracer;
  let d = kind === 'account' ? (privileged ? p.privilegedAccount : p.account) : p.host;
  if (kind === 'account') d -= anomaly / p.anomalyDivisor;
  return Math.min(1, Math.max(0, d));
}
