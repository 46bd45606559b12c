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
 * (`maxDepth`), next steps tried per node (`maxBranch`, earliest first) and nodes expanded in all
 * (`maxExpansions`, reported as `truncated`). Results are deterministic: longest chains first, then
 * earliest, then by edge ids.
 */
import type { DatasetEdge } from '../../dataset/schema.js';
import { compareIso, hourToIso, unixHourOf } from '../time.js';

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
  /** Nodes expanded in all before the search stops (default 20,000). */
  maxExpansions?: number;
  /** Keep the first step's account for the whole chain (default: any account may go on). */
  sameAccount?: boolean;
  /** Event IDs that count as a logon onto the target (default: 4624 only). */
  eventIds?: readonly number[];
}

export const CHAIN_DEFAULTS = {
  maxDepth: 4,
  maxChains: 20,
  maxBranch: 8,
  maxExpansions: 20_000,
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

/** The chains from `start`, with `truncated` set when the expansion budget ran out. */
export function lateralChainSearch(
  edges: readonly DatasetEdge[],
  start: string,
  opts: ChainOptions = {},
): { chains: LateralChain[]; truncated: boolean } {
  const maxDepth = clamp(opts.maxDepth ?? CHAIN_DEFAULTS.maxDepth, 1, 10);
  const maxChains = clamp(opts.maxChains ?? CHAIN_DEFAULTS.maxChains, 1, 1000);
  const maxBranch = clamp(opts.maxBranch ?? CHAIN_DEFAULTS.maxBranch, 1, 1000);
  const maxExpansions = clamp(opts.maxExpansions ?? CHAIN_DEFAULTS.maxExpansions, 1, 10_000_000);
  const eventIds = new Set(opts.eventIds ?? CHAIN_DEFAULTS.eventIds);

  // The logons that can be a step: successful, onto a known host other than where they came from.
  const bySource = new Map<string, number[]>();
  const byAccount = new Map<string, number[]>();
  edges.forEach((e, k) => {
    if (e.failure || !eventIds.has(e.eventId) || e.target === null || e.target === e.source) return;
    if (e.hourly.length === 0) return;
    if (e.source !== null) push(bySource, e.source, k);
    push(byAccount, e.account, k);
  });
  const startIsAccount = !bySource.has(start) && byAccount.has(start);

  const found: ChainStep[][] = [];
  let expansions = 0;
  let truncated = false;
  const steps: ChainStep[] = [];
  const visited = new Set<string>();

  /** The next steps from `at` no earlier than `hour`: per (account, target) the earliest edge. */
  const nextSteps = (candidates: readonly number[], hour: number, account: string | null): Candidate[] => {
    const best = new Map<string, Candidate>();
    for (const k of candidates) {
      const e = edges[k]!;
      if (visited.has(e.target!)) continue;
      if (account !== null && e.account !== account) continue;
      const h = firstHourFrom(e, hour);
      if (h < 0) continue;
      const key = `${e.account}\u0000${e.target!}`;
      const old = best.get(key);
      if (old === undefined || h < old.hour || (h === old.hour && e.id < edges[old.k]!.id))
        best.set(key, { k, hour: h });
    }
    return [...best.values()]
      .sort(
        (a, b) =>
          a.hour - b.hour ||
          cmp(edges[a.k]!.target!, edges[b.k]!.target!) ||
          cmp(edges[a.k]!.id, edges[b.k]!.id),
      )
      .slice(0, maxBranch);
  };

  const stepOf = (c: Candidate, prevTime: string | null): ChainStep => {
    const e = edges[c.k]!;
    const hourStart = hourToIso(c.hour);
    let time: string;
    if (unixHourOf(e.first) === c.hour && (prevTime === null || compareIso(e.first, prevTime) >= 0))
      time = e.first;
    else time = prevTime !== null && compareIso(prevTime, hourStart) > 0 ? prevTime : hourStart;
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
    account: string | null,
  ): void => {
    if (truncated) return;
    if (++expansions > maxExpansions) {
      truncated = true;
      return;
    }
    const next = steps.length >= maxDepth ? [] : nextSteps(candidates, hour, account);
    if (next.length === 0) {
      if (steps.length > 0) found.push([...steps]);
      return;
    }
    for (const c of next) {
      const step = stepOf(c, prevTime);
      // The first logon of an account's chain comes from a host of its own: not one to return to.
      const fromAdded = step.from !== null && !visited.has(step.from);
      if (fromAdded) visited.add(step.from!);
      steps.push(step);
      visited.add(step.to);
      extend(bySource.get(step.to) ?? [], c.hour, step.time, opts.sameAccount === true ? step.account : null);
      visited.delete(step.to);
      steps.pop();
      if (fromAdded) visited.delete(step.from!);
      if (truncated) return;
    }
  };

  visited.add(start);
  const first = startIsAccount ? (byAccount.get(start) ?? []) : (bySource.get(start) ?? []);
  extend(first, -Infinity, null, startIsAccount ? start : null);
  // A budget cut leaves the chain being built unreported; the chains found before it stand.

  found.sort(
    (a, b) =>
      b.length - a.length ||
      compareIso(a[0]!.time, b[0]!.time) ||
      cmp(a.map((s) => s.edge).join('\u0000'), b.map((s) => s.edge).join('\u0000')),
  );
  return { chains: found.slice(0, maxChains).map((s) => ({ steps: s })), truncated };
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

function push(map: Map<string, number[]>, key: string, k: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [k]);
  else list.push(k);
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isNaN(x) ? lo : Math.max(lo, Math.min(hi, Math.floor(x)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
