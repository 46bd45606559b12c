/**
 * Rankings for a set of edges (a window, after filters): PageRank, ChangeFinder anomaly, failures,
 * degree and simple counts, each with the sentences that explain it (docs/analysis.md).
 */
import type { DatasetEdge, DatasetNode, Ranking, Reason } from '../dataset/schema.js';
import { buildSparseGraph, minMaxNormalize, pagerank } from './pagerank.js';
import { LOGONTRACER_CHANGEFINDER, scoresAfter, warmedUp, type ChangeFinderOptions } from './changefinder.js';
import { eventPhrase, failurePhrase } from './event-names.js';
import { hourLabel, unixHourOf } from './time.js';

export type PageRankMode = 'standard' | 'logontracer';

/** Parameters of the scores; exported so that docs, tests and callers see the same numbers. */
export const SCORE_PARAMETERS = {
  /** Standard PageRank: one damping for all, iterated until the L1 change is below `tolerance`. */
  standard: { damping: 0.85, maxIterations: 100, tolerance: 1e-12 },
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
}

interface NodeStats {
  events: number;
  failures: number;
  privileged: number;
  neighbours: Set<string>;
  sources: Set<string>;
  targets: Set<string>;
  accountsFrom: Set<string>;
  accountsOn: Set<string>;
  newEdges: number;
  /** failure key → count and the accounts involved, key = `${eventId}\u0000${other end}` */
  failureGroups: Map<string, { count: number; accounts: Set<string> }>;
}

function stats(): NodeStats {
  return {
    events: 0,
    failures: 0,
    privileged: 0,
    neighbours: new Set(),
    sources: new Set(),
    targets: new Set(),
    accountsFrom: new Set(),
    accountsOn: new Set(),
    newEdges: 0,
    failureGroups: new Map(),
  };
}

const round = (x: number, digits = 1): string => {
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
};

/** Computes the rankings of every node touched by `edges`. */
export function computeRankings(input: RankInput): Map<string, Ranking> {
  const { nodes, edges, mode } = input;
  const byNode = new Map<string, NodeStats>();
  const get = (id: string): NodeStats => {
    let s = byNode.get(id);
    if (s === undefined) byNode.set(id, (s = stats()));
    return s;
  };
  const label = (id: string | null): string =>
    id === null ? 'an unknown source' : (nodes.get(id)?.label ?? id);

  for (const e of edges) {
    const acc = get(e.account);
    const isNew = input.newEdgeIds?.has(e.id) === true;
    acc.events += e.count;
    if (isNew) acc.newEdges++;
    if (e.source !== null) {
      acc.sources.add(e.source);
      acc.neighbours.add(e.source);
      const src = get(e.source);
      src.events += e.count;
      src.accountsFrom.add(e.account);
      src.neighbours.add(e.account);
      if (isNew) src.newEdges++;
      if (e.failure) {
        src.failures += e.count;
        addFailure(src, `${e.eventId}\u0000*`, e.count, e.account);
      }
    }
    if (e.target !== null && e.target !== e.source) {
      acc.targets.add(e.target);
      acc.neighbours.add(e.target);
      const tgt = get(e.target);
      tgt.events += e.count;
      tgt.accountsOn.add(e.account);
      tgt.neighbours.add(e.account);
      if (e.failure) tgt.failures += e.count;
    }
    if (e.failure) {
      acc.failures += e.count;
      addFailure(acc, `${e.eventId}\u0000${e.source ?? ''}`, e.count, e.account);
    }
  }

  // Privileged logons (4672) in the window, from the account flags.
  for (const [id, s] of byNode) {
    const node = nodes.get(id);
    if (node === undefined || node.kind !== 'account') continue;
    for (const f of node.flags) {
      if (f.kind !== 'privileged') continue;
      const h = unixHourOf(f.time);
      if (input.hours === null || (h >= input.hours.fromHour && h < input.hours.toHour))
        s.privileged += f.count;
    }
  }

  const anomaly = anomalyScores(edges, input.hours);
  const ids = [...byNode.keys()];
  const pr = pageRanks(ids, edges, nodes, byNode, anomaly, mode);

  const out = new Map<string, Ranking>();
  const order = [...pr.normalized.entries()].sort((a, b) => b[1] - a[1]);
  const position = new Map<string, number>();
  order.forEach(([id], i) => position.set(id, i + 1));

  for (const [id, s] of byNode) {
    const node = nodes.get(id);
    const isAccount = node?.kind === 'account';
    const reasons: Reason[] = [];
    const a = anomaly.get(id);
    const prValue = pr.normalized.get(id) ?? 0;
    const scores: Record<string, number> = {
      pagerank: prValue,
      pagerankRaw: pr.raw.get(id) ?? 0,
      anomaly: a?.score ?? 0,
      failures: s.failures,
      degree: s.neighbours.size,
      events: s.events,
      failureRatio: s.events === 0 ? 0 : s.failures / s.events,
      newEdges: s.newEdges,
    };
    if (isAccount) {
      scores.distinctSources = s.sources.size;
      scores.distinctTargets = s.targets.size;
      scores.privileged = s.privileged;
    } else {
      scores.distinctAccounts = s.accountsFrom.size;
      scores.distinctAccountsOn = s.accountsOn.size;
    }

    if (s.privileged > 0)
      reasons.push({ score: 'privileged', text: `privileged logons (4672) ×${s.privileged}` });
    if (a !== undefined && a.score > 0)
      reasons.push({ score: 'anomaly', text: `anomaly ${round(a.score)} at ${hourLabel(a.hour)}` });
    if (s.failures > 0) {
      const groups = [...s.failureGroups.entries()].sort((x, y) => y[1].count - x[1].count);
      for (const [key, { count: n, accounts }] of groups.slice(0, SCORE_PARAMETERS.maxReasonsPerScore)) {
        const [eventId, other] = key.split('\u0000') as [string, string];
        const where = isAccount
          ? ` from ${label(other === '' ? null : other)}`
          : ` for ${accounts.size} account${accounts.size === 1 ? '' : 's'}`;
        reasons.push({ score: 'failures', text: `${n} ${failurePhrase(Number(eventId))}${where}` });
      }
      if (s.events > 0 && s.failures < s.events)
        reasons.push({
          score: 'failureRatio',
          text: `${round(100 * scores.failureRatio!, 0)}% of its events failed`,
        });
    }
    if (prValue > 0 && pr.ranked > 1) {
      const pos = position.get(id) ?? 0;
      reasons.push({
        score: 'pagerank',
        text: `PageRank ${round(prValue, 2)} (${ordinal(pos)} of ${pr.ranked}, ${mode === 'logontracer' ? 'LogonTracer mode' : 'standard'})`,
      });
    }
    if (isAccount) {
      if (s.sources.size > 1)
        reasons.push({ score: 'degree', text: `logged on from ${s.sources.size} sources` });
      if (s.targets.size > 1)
        reasons.push({ score: 'degree', text: `logged by ${s.targets.size} computers` });
    } else {
      if (s.accountsFrom.size > 1)
        reasons.push({ score: 'degree', text: `source of logons by ${s.accountsFrom.size} accounts` });
      if (s.accountsOn.size > 1)
        reasons.push({ score: 'degree', text: `logged logons of ${s.accountsOn.size} accounts` });
    }
    if (s.newEdges > 0 && input.newEdgeIds !== null)
      reasons.push({
        score: 'newEdges',
        text: `${s.newEdges} logon path${s.newEdges === 1 ? '' : 's'} first seen in this window`,
      });
    if (reasons.length === 0 && s.events > 0)
      reasons.push({ score: 'events', text: `${s.events} ${eventPhraseSummary(edges, id)}` });
    out.set(id, { node: id, scores, reasons });
  }
  return out;
}

function addFailure(s: NodeStats, key: string, count: number, account: string): void {
  let g = s.failureGroups.get(key);
  if (g === undefined) s.failureGroups.set(key, (g = { count: 0, accounts: new Set() }));
  g.count += count;
  g.accounts.add(account);
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

function eventPhraseSummary(edges: readonly DatasetEdge[], id: string): string {
  let best = 0;
  let bestCount = -1;
  const counts = new Map<number, number>();
  for (const e of edges) {
    if (e.account !== id && e.source !== id && e.target !== id) continue;
    const c = (counts.get(e.eventId) ?? 0) + e.count;
    counts.set(e.eventId, c);
    if (c > bestCount) {
      best = e.eventId;
      bestCount = c;
    }
  }
  return counts.size === 1 ? eventPhrase(best) : 'events';
}

/**
 * ChangeFinder on each account's hourly counts of the anomaly event IDs, warmed up on the mean
 * series of all those accounts (LogonTracer's `adetection`); an account's score is its maximum.
 */
export function anomalyScores(
  edges: readonly DatasetEdge[],
  hours: { fromHour: number; toHour: number } | null,
): Map<string, { score: number; hour: number }> {
  const ids = new Set(SCORE_PARAMETERS.anomalyEventIds);
  const perAccount = new Map<string, Map<number, number>>();
  const activeSpan = new Map<string, [number, number]>();
  let minH = Infinity;
  let maxH = -Infinity;
  for (const e of edges) {
    if (!ids.has(e.eventId)) continue;
    let m = perAccount.get(e.account);
    if (m === undefined) perAccount.set(e.account, (m = new Map()));
    let span = activeSpan.get(e.account);
    if (span === undefined) activeSpan.set(e.account, (span = [Infinity, -Infinity]));
    for (const [h, c] of e.hourly) {
      m.set(h, (m.get(h) ?? 0) + c);
      if (h < minH) minH = h;
      if (h > maxH) maxH = h;
      if (h < span[0]) span[0] = h;
      if (h > span[1]) span[1] = h;
    }
  }
  const out = new Map<string, { score: number; hour: number }>();
  if (perAccount.size === 0) return out;
  let start = hours !== null && Number.isFinite(hours.fromHour) ? hours.fromHour : minH;
  const end = hours !== null && Number.isFinite(hours.toHour) ? hours.toHour - 1 : maxH;
  const maxHours = Math.max(24, Math.floor(SCORE_PARAMETERS.maxAnomalyCells / (perAccount.size + 1)));
  start = Math.max(start, end - maxHours + 1);
  const len = end - start + 1;
  if (!(len > 0)) return out;
  const series = new Map<string, Float64Array>();
  const mean = new Float64Array(len);
  for (const [acc, m] of perAccount) {
    const s = new Float64Array(len);
    for (const [h, c] of m) if (h >= start && h <= end) s[h - start] = c;
    series.set(acc, s);
    for (let i = 0; i < len; i++) mean[i]! += s[i]!;
  }
  for (let i = 0; i < len; i++) mean[i] = mean[i]! / perAccount.size;
  const warm = warmedUp(mean, SCORE_PARAMETERS.changefinder);
  for (const [acc, s] of series) {
    const scores = scoresAfter(warm, s);
    let best = 0;
    let at = start;
    // Only hours from the account's first event to a little after its last count as its anomaly:
    // before and after, a flat zero series scores only what the warm-up left in the model.
    const [a, b] = activeSpan.get(acc)!;
    const lo = Math.max(0, a - start);
    const hi = Math.min(scores.length, b + SCORE_PARAMETERS.anomalyTrailingHours + 1 - start);
    for (let i = lo; i < hi; i++) {
      if (scores[i]! > best) {
        best = scores[i]!;
        at = start + i;
      }
    }
    out.set(acc, { score: best, hour: at });
  }
  return out;
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

function pageRanks(
  ids: string[],
  edges: readonly DatasetEdge[],
  nodes: ReadonlyMap<string, DatasetNode>,
  byNode: Map<string, NodeStats>,
  anomaly: Map<string, { score: number }>,
  mode: PageRankMode,
): { raw: Map<string, number>; normalized: Map<string, number>; ranked: number } {
  // LogonTracer links an account to the host it came from only; the standard mode also links the
  // computer that logged the event (the target), so that the servers and DCs an account reached count.
  const index = new Map<string, number>();
  const pairs: Array<[number, number]> = [];
  const idx = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = index.size));
    return i;
  };
  for (const e of edges) {
    if (e.source !== null) pairs.push([idx(e.account), idx(e.source)]);
    if (mode === 'standard' && e.target !== null && e.target !== e.source)
      pairs.push([idx(e.account), idx(e.target)]);
  }
  void ids;
  const n = index.size;
  const g = buildSparseGraph(n, pairs);
  let ranks: Float64Array;
  if (mode === 'logontracer') {
    const d = new Float64Array(n);
    for (const [id, i] of index) {
      const node = nodes.get(id);
      d[i] = logonTracerDamping(
        node?.kind,
        (byNode.get(id)?.privileged ?? 0) > 0,
        anomaly.get(id)?.score ?? 0,
      );
    }
    ranks = pagerank(g, { damping: d, iterations: SCORE_PARAMETERS.logontracer.iterations, tolerance: 0 });
  } else {
    const p = SCORE_PARAMETERS.standard;
    ranks = pagerank(g, { damping: p.damping, iterations: p.maxIterations, tolerance: p.tolerance });
  }
  const norm = minMaxNormalize(ranks);
  const raw = new Map<string, number>();
  const normalized = new Map<string, number>();
  for (const [id, i] of index) {
    raw.set(id, ranks[i]!);
    normalized.set(id, norm[i]!);
  }
  return { raw, normalized, ranked: n };
}
