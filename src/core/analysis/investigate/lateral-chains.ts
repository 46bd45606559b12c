/**
 * Chains: time-ordered lateral movement from a start node (docs/analysis.md, "Investigation").
 *
 * A chain is a sequence of successful logons where each one starts from the host the previous one
 * reached, no earlier than it: an account logs on to B at t1, then a logon from B to C at t2 ≥ t1,
 * then from C to D at t3 ≥ t2, ... By default any account may take the next step (an intruder
 * often takes new credentials on each host); `sameAccount` keeps one account. The first step is a
 * logon from the start node when it is a host or IP, or a logon of the start account when it is an
 * account. A chain never visits a host twice (no cycles) and ends where it cannot go on, or at
 * `maxDepth` steps.
 *
 * Times are hourly (the dataset's buckets): a step takes the first hour of its edge at or after the
 * previous step's hour, so two hops in the same hour are kept (they can be minutes apart) though
 * their order inside the hour is unknown. A step's `time` is the earliest it can be placed: its
 * edge's exact first event when that lies in the step's hour and not before the previous step,
 * else the later of the hour's start and the previous step's time.
 *
 * The search is bounded three ways, so that it answers quickly on any window: steps per chain
 * (`maxDepth`), next steps tried per node (`maxBranch`, earliest first) and candidate logons
 * examined in all (`maxWork`, reported as `truncated`; the earliest branches are explored
 * first). Results are deterministic: longest chains first, then earliest, then by edge ids.
 */
import type { DatasetEdge } from '../../dataset/schema.js';
import { compareIso, hourToIso, isoToMs, unixHourOf } from '../time.js';

export interface ChainStep {
  edge: string;
  account: string;
  /** The source of the logon (null when the event names none). */
  from: string | null;
  to: string;
  /** UTC ISO time: the earliest time this step can be placed (see the module comment). */
  time: string;
  eventId: number;
  logonType: string | null;
}

export interface LateralChain {
  steps: ChainStep[];
}

export interface ChainOptions {
  /** Steps per chain at most (1–10, default 4). */
  maxDepth?: number;
  /** Chains returned at most (default 20). */
  maxChains?: number;
  /** Next steps tried from each node, earliest first (default 8). */
  maxBranch?: number;
  /** Candidate logons examined in all before the search stops (default 200,000). */
  maxWork?: number;
  /** Keep the first step's account for the whole chain (default: any account may go on). */
  sameAccount?: boolean;
  /** Event IDs that count as a logon onto the target (default: 4624 only). */
  eventIds?: readonly number[];
}

export const CHAIN_DEFAULTS = {
  maxDepth: 4,
  maxChains: 20,
  maxBranch: 8,
  maxWork: 200_000,
  eventIds: [4624] as readonly number[],
} as const;

interface Candidate {
  k: number;
  hour: number;
}

/** First bucket hour of an edge at or after `hour` (binary search), or -1. */
function firstHourFrom(e: DatasetEdge, hour: number): number {
  const h = e.hourly;
  let lo = 0;
  let hi = h.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (h[mid]![0] < hour) lo = mid + 1;
    else hi = mid;
  }
  return lo < h.length ? h[lo]![0] : -1;
}

/**
 * The logons that can be a step (successful, of the chosen event IDs, onto another known host) as
 * numbers, so that the search compares integers, not strings.
 */
interface ChainIndex {
  /** Node id → number (accounts, sources, targets). */
  nodeNo: Map<string, number>;
  /** Per node number, positions of the step logons from it (as source) and of it (as account). */
  fromNode: number[][];
  ofAccount: number[][];
  /** Per edge position: account, target, first bucket hour, hour of `first`, (account, target) pair. */
  account: Int32Array;
  target: Int32Array;
  firstHour: Float64Array;
  exactHour: Float64Array;
  pair: Int32Array;
  pairs: number;
}

const indexCache = new WeakMap<readonly DatasetEdge[], Map<string, ChainIndex>>();

function chainIndex(edges: readonly DatasetEdge[], eventIds: ReadonlySet<number>): ChainIndex {
  const key = [...eventIds].sort((a, b) => a - b).join(',');
  let byKey = indexCache.get(edges);
  if (byKey === undefined) indexCache.set(edges, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  const nodeNo = new Map<string, number>();
  const fromNode: number[][] = [];
  const ofAccount: number[][] = [];
  const no = (id: string): number => {
    let n = nodeNo.get(id);
    if (n === undefined) {
      nodeNo.set(id, (n = nodeNo.size));
      fromNode.push([]);
      ofAccount.push([]);
    }
    return n;
  };
  const m = edges.length;
  const account = new Int32Array(m).fill(-1);
  const target = new Int32Array(m).fill(-1);
  const firstHour = new Float64Array(m);
  const exactHour = new Float64Array(m);
  const pair = new Int32Array(m).fill(-1);
  const pairs = new Map<string, number>();
  edges.forEach((e, k) => {
    if (e.failure || !eventIds.has(e.eventId) || e.target === null || e.target === e.source) return;
    if (e.hourly.length === 0) return;
    account[k] = no(e.account);
    target[k] = no(e.target);
    if (e.source !== null) fromNode[no(e.source)]!.push(k);
    ofAccount[account[k]!]!.push(k);
    firstHour[k] = e.hourly[0]![0];
    exactHour[k] = unixHourOf(e.first);
    const p = `${account[k]!}:${target[k]!}`;
    let n = pairs.get(p);
    if (n === undefined) pairs.set(p, (n = pairs.size));
    pair[k] = n;
  });
  const idx = { nodeNo, fromNode, ofAccount, account, target, firstHour, exactHour, pair, pairs: pairs.size };
  byKey.set(key, idx);
  return idx;
}

/** The chains from `start`, with `truncated` set when the work budget ran out. */
export function lateralChainSearch(
  edges: readonly DatasetEdge[],
  start: string,
  opts: ChainOptions = {},
): { chains: LateralChain[]; truncated: boolean } {
  const maxDepth = clamp(opts.maxDepth ?? CHAIN_DEFAULTS.maxDepth, 1, 10);
  const maxChains = clamp(opts.maxChains ?? CHAIN_DEFAULTS.maxChains, 1, 1000);
  const maxBranch = clamp(opts.maxBranch ?? CHAIN_DEFAULTS.maxBranch, 1, 1000);
  const maxWork = clamp(opts.maxWork ?? CHAIN_DEFAULTS.maxWork, 1, 1e9);
  const idx = chainIndex(edges, new Set(opts.eventIds ?? CHAIN_DEFAULTS.eventIds));
  const startNo = idx.nodeNo.get(start);
  if (startNo === undefined) return { chains: [], truncated: false };
  const startIsAccount = idx.fromNode[startNo]!.length === 0 && idx.ofAccount[startNo]!.length > 0;

  const found: ChainStep[][] = [];
  let work = 0;
  let truncated = false;
  const steps: ChainStep[] = [];
  const visited = new Uint8Array(idx.nodeNo.size);
  const pairStamp = new Int32Array(idx.pairs);
  const pairSlot = new Int32Array(idx.pairs);
  let stamp = 0;

  /** The next steps no earlier than `hour`: per (account, target) its earliest edge, earliest first. */
  const nextSteps = (candidates: readonly number[], hour: number, account: number): Candidate[] => {
    // Each node reached costs its candidates, and one for the chain it may end.
    work += 1 + candidates.length;
    stamp++;
    const list: Candidate[] = [];
    for (const k of candidates) {
      if (visited[idx.target[k]!] === 1) continue;
      if (account >= 0 && idx.account[k] !== account) continue;
      const h = idx.firstHour[k]! >= hour ? idx.firstHour[k]! : firstHourFrom(edges[k]!, hour);
      if (h < 0) continue;
      const p = idx.pair[k]!;
      if (pairStamp[p] !== stamp) {
        pairStamp[p] = stamp;
        pairSlot[p] = list.length;
        list.push({ k, hour: h });
        continue;
      }
      const old = list[pairSlot[p]!]!;
      if (h < old.hour || (h === old.hour && edges[k]!.id < edges[old.k]!.id))
        list[pairSlot[p]!] = { k, hour: h };
    }
    list.sort(
      (a, b) =>
        a.hour - b.hour ||
        cmp(edges[a.k]!.target!, edges[b.k]!.target!) ||
        cmp(edges[a.k]!.id, edges[b.k]!.id),
    );
    return list.length > maxBranch ? list.slice(0, maxBranch) : list;
  };

  const stepOf = (c: Candidate, prevTime: string | null): ChainStep => {
    const e = edges[c.k]!;
    let time: string;
    if (idx.exactHour[c.k] === c.hour && (prevTime === null || compareIso(e.first, prevTime) >= 0))
      time = e.first;
    else {
      const hourStart = hourToIso(c.hour);
      time = prevTime !== null && compareIso(prevTime, hourStart) > 0 ? prevTime : hourStart;
    }
    return {
      edge: e.id,
      account: e.account,
      from: e.source,
      to: e.target!,
      time,
      eventId: e.eventId,
      logonType: e.logonType,
    };
  };

  const extend = (
    candidates: readonly number[],
    hour: number,
    prevTime: string | null,
    account: number,
  ): void => {
    if (truncated) return;
    if (work > maxWork) {
      truncated = true;
      return;
    }
    const next = nextSteps(steps.length >= maxDepth ? [] : candidates, hour, account);
    if (next.length === 0) {
      if (steps.length > 0) {
        found.push([...steps]);
        // A chain ended is kept, keyed and sorted: it costs as much as looking at a few logons.
        work += 4 * steps.length;
      }
      return;
    }
    for (const c of next) {
      const step = stepOf(c, prevTime);
      const to = idx.target[c.k]!;
      // The first logon of an account's chain comes from a host of its own: not one to return to.
      const from = step.from === null ? undefined : idx.nodeNo.get(step.from);
      const fromAdded = from !== undefined && visited[from] === 0;
      if (fromAdded) visited[from] = 1;
      steps.push(step);
      visited[to] = 1;
      extend(idx.fromNode[to]!, c.hour, step.time, opts.sameAccount === true ? idx.account[c.k]! : -1);
      visited[to] = 0;
      steps.pop();
      if (fromAdded) visited[from] = 0;
      if (truncated) return;
    }
  };

  visited[startNo] = 1;
  const first = startIsAccount ? idx.ofAccount[startNo]! : idx.fromNode[startNo]!;
  extend(first, -Infinity, null, startIsAccount ? startNo : -1);
  // A budget cut leaves the chain being built unreported; the chains found before it stand.

  // A chain that is the tail of a longer one (an account's later logon that is also a first step)
  // says nothing more: keep the longer one.
  // Only an account's chains can hold another's first step (a host's all start from it).
  const tails = new Set<string>();
  if (startIsAccount)
    for (const c of found) for (let i = 1; i < c.length; i++) tails.add(chainKey(c.slice(i)));
  const kept = tails.size === 0 ? found : found.filter((c) => !tails.has(chainKey(c)));
  // Sort keys computed once per chain: a search can end thousands of chains.
  const ranked = kept.map((c) => ({ c, start: isoToMs(c[0]!.time), key: chainKey(c) }));
  ranked.sort(
    (a, b) =>
      b.c.length - a.c.length ||
      a.start - b.start ||
      compareIso(a.c[0]!.time, b.c[0]!.time) ||
      cmp(a.key, b.key),
  );
  return { chains: ranked.slice(0, maxChains).map((r) => ({ steps: r.c })), truncated };
}

/** Time-ordered lateral-movement chains from `start` (see the module comment). */
export function lateralChains(
  edges: readonly DatasetEdge[],
  start: string,
  opts: ChainOptions = {},
): LateralChain[] {
  return lateralChainSearch(edges, start, opts).chains;
}

/** The nodes and edges of some chains, for emphasis in the graph. */
export function chainElements(chains: readonly LateralChain[]): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edgeIds = new Set<string>();
  for (const c of chains)
    for (const s of c.steps) {
      nodes.add(s.account);
      if (s.from !== null) nodes.add(s.from);
      nodes.add(s.to);
      edgeIds.add(s.edge);
    }
  return { nodes, edges: edgeIds };
}

function chainKey(steps: readonly ChainStep[]): string {
  return steps.map((s) => s.edge).join('\u0000');
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isNaN(x) ? lo : Math.max(lo, Math.min(hi, Math.floor(x)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
