/**
 * Rankings for a set of edges (a window, after filters): PageRank, ChangeFinder anomaly, failures,
 * degree and simple counts, each with the sentences that explain it (docs/analysis.md).
 */
import { EXPLICIT_CREDENTIAL_EVENT_ID } from './graph-builder.js';
import type { DatasetEdge, DatasetNode, Message, Ranking, Reason } from '../dataset/schema.js';
import { buildSparseGraphFlat, minMaxNormalize, pagerank } from './pagerank.js';
import { LOGONTRACER_CHANGEFINDER, warmedUp, type ChangeFinderOptions } from './changefinder.js';
import { eventPhrase, eventPhraseMessage, failurePhrase, failurePhraseMessage } from './event-names.js';
import { message } from './message.js';
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
  const edges = logonEdgesOf(input.edges);
  const ends = indexEdgeEnds(edges);
  const nodeCount = ends.ids.length;
  const tally = tallyEdges(edges, ends, nodeCount, input.newEdgeIds, input.mode);
  const nodeOf = ends.ids.map((id) => input.nodes.get(id));
  const privileged = new Float64Array(nodeCount);
  for (let i = 0; i < nodeCount; i++)
    if (nodeOf[i]?.kind === 'account') privileged[i] = input.privileged(ends.ids[i]!);
  const anomaly = anomalyScores(edges, input.hours, ends.account, nodeCount);
  const damping = (i: number): number =>
    logonTracerDamping(nodeOf[i]?.kind, privileged[i]! > 0, anomaly.score[i]!);
  const pageRanks = rankByPageRank(tally, nodeCount, input.mode, damping);
  const node: NodeFacts = { ids: ends.ids, nodeOf, privileged, anomaly, tally, pagerank: pageRanks };
  const degree = buildSparseGraphFlat(nodeCount, tally.neighbourPairs);

  const out = new Map<string, Ranking>();
  for (let i = 0; i < nodeCount; i++) {
    const distinctNeighbours = degree.offsets[i + 1]! - degree.offsets[i]!;
    out.set(
      ends.ids[i]!,
      lazyRanking(ends.ids[i]!, scoresOf(i, node, distinctNeighbours), () =>
        reasonsOf(i, node, input.mode, input.newEdgeIds !== null),
      ),
    );
  }
  return out;
}

/**
 * Explicit-credential edges (4648) are drawn but are not logons: LogonTracer's scores and ours
 * leave them out, so that adding them to the graph changes no ranking.
 */
function logonEdgesOf(edges: readonly DatasetEdge[]): readonly DatasetEdge[] {
  return edges.some((e) => e.eventId === EXPLICIT_CREDENTIAL_EVENT_ID)
    ? edges.filter((e) => e.eventId !== EXPLICIT_CREDENTIAL_EVENT_ID)
    : edges;
}

/** Each edge's ends as node indices (-1 = none); the target is -1 when it equals the source. */
interface EdgeEnds {
  /** Node ids by index, in order of first appearance. */
  ids: string[];
  account: Int32Array;
  source: Int32Array;
  target: Int32Array;
}

function indexEdgeEnds(edges: readonly DatasetEdge[]): EdgeEnds {
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const nodeIndex = (id: string): number => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = ids.length;
      indexOf.set(id, i);
      ids.push(id);
    }
    return i;
  };
  const account = new Int32Array(edges.length);
  const source = new Int32Array(edges.length);
  const target = new Int32Array(edges.length);
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    account[k] = nodeIndex(e.account);
    source[k] = e.source === null ? -1 : nodeIndex(e.source);
    target[k] = e.target === null || e.target === e.source ? -1 : nodeIndex(e.target);
  }
  return { ids, account, source, target };
}

/** Failed events of a node grouped by `${eventId}:${other end}` (`*` for all accounts). */
type FailureGroups = Map<string, { count: number; accounts: Set<number> }>;

/** What one pass over the edges counts, per node index. */
interface EdgeTally {
  events: Float64Array;
  failures: Float64Array;
  /** Edges first seen inside the window. */
  newEdges: Float64Array;
  /** Accounts: distinct sources logged on from, and computers that logged them. */
  distinctSources: Int32Array;
  distinctTargets: Int32Array;
  /** Hosts: distinct accounts that logged on from them, and whose logons they logged. */
  accountsFrom: Int32Array;
  accountsOn: Int32Array;
  /** The single event ID of a node's events, -2 when mixed, -1 when none yet. */
  onlyEvent: Int32Array;
  /** Only nodes with failures have groups. */
  failureGroups: Map<number, FailureGroups>;
  // Links as flat index lists [a0, b0, a1, b1, ...]: one entry per distinct pair.
  /** Account–source and account–target links: the degree. */
  neighbourPairs: number[];
  /** The links this mode's PageRank walks. */
  pagerankPairs: number[];
  /** Account–source links only: LogonTracer's graph, for its PageRank as an extra score. */
  logontracerPairs: number[];
}

function tallyEdges(
  edges: readonly DatasetEdge[],
  ends: EdgeEnds,
  nodeCount: number,
  newEdgeIds: ReadonlySet<string> | null,
  mode: PageRankMode,
): EdgeTally {
  const n = nodeCount;
  const tally: EdgeTally = {
    events: new Float64Array(n),
    failures: new Float64Array(n),
    newEdges: new Float64Array(n),
    distinctSources: new Int32Array(n),
    distinctTargets: new Int32Array(n),
    accountsFrom: new Int32Array(n),
    accountsOn: new Int32Array(n),
    onlyEvent: new Int32Array(n).fill(-1),
    failureGroups: new Map(),
    neighbourPairs: [],
    pagerankPairs: [],
    logontracerPairs: [],
  };
  const { events, failures, onlyEvent, failureGroups } = tally;
  const seenPair = new Set<number>();
  const addFailure = (node: number, key: string, count: number, account: number): void => {
    let groups = failureGroups.get(node);
    if (groups === undefined) failureGroups.set(node, (groups = new Map()));
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { count: 0, accounts: new Set() }));
    group.count += count;
    group.accounts.add(account);
  };
  const touchEvent = (node: number, eventId: number): void => {
    const only = onlyEvent[node]!;
    if (only === -1) onlyEvent[node] = eventId;
    else if (only !== eventId) onlyEvent[node] = -2;
  };

  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    const account = ends.account[k]!;
    const source = ends.source[k]!;
    const target = ends.target[k]!;
    const count = e.count;
    const isNew = newEdgeIds?.has(e.id) === true;
    events[account]! += count;
    touchEvent(account, e.eventId);
    if (isNew) tally.newEdges[account]! += 1;
    if (e.failure) {
      failures[account]! += count;
      addFailure(account, `${e.eventId}:${source}`, count, account);
    }
    if (source >= 0) {
      events[source]! += count;
      touchEvent(source, e.eventId);
      if (isNew) tally.newEdges[source]! += 1;
      if (e.failure) {
        failures[source]! += count;
        addFailure(source, `${e.eventId}:*`, count, account);
      }
      const pair = account * n + source;
      if (!seenPair.has(pair)) {
        seenPair.add(pair);
        tally.distinctSources[account]! += 1;
        tally.accountsFrom[source]! += 1;
        tally.neighbourPairs.push(account, source);
        tally.pagerankPairs.push(account, source);
        tally.logontracerPairs.push(account, source);
      }
    }
    if (target >= 0) {
      events[target]! += count;
      touchEvent(target, e.eventId);
      if (e.failure) failures[target]! += count;
      // Targets and sources share the pair space: a host can be both for one account.
      const pair = -(account * n + target) - 1;
      if (!seenPair.has(pair)) {
        seenPair.add(pair);
        tally.distinctTargets[account]! += 1;
        tally.accountsOn[target]! += 1;
        tally.neighbourPairs.push(account, target);
        if (mode === 'standard') tally.pagerankPairs.push(account, target);
      }
    }
  }
  return tally;
}

/**
 * A graph of only the nodes a list of links names (N counts them only), with each node's place in
 * it: in LogonTracer mode the computers that logged the events are not in the graph.
 */
function linkedGraph(nodeCount: number, pairs: readonly number[]) {
  const indexInGraph = new Int32Array(nodeCount).fill(-1);
  const linked: number[] = [];
  for (const v of pairs) {
    if (indexInGraph[v] === -1) {
      indexInGraph[v] = linked.length;
      linked.push(v);
    }
  }
  const graph = buildSparseGraphFlat(
    linked.length,
    pairs.map((v) => indexInGraph[v]!),
  );
  return { linked, indexInGraph, graph };
}

/** PageRank scores per node index (0 for nodes outside the PageRank graph). */
interface PageRankScores {
  /** Nodes in this mode's PageRank graph. */
  linked: number[];
  indexInGraph: Int32Array;
  /** Min–max normalized over the linked nodes. */
  normalized: Float64Array;
  raw: Float64Array;
  /** LogonTracer's PageRank, normalized, whatever the mode. */
  logontracer: Float64Array;
  /** 1-based rank among the linked nodes. */
  position: Int32Array;
}

/**
 * PageRank over the account–source links (LogonTracer) or account–source–target (standard), and
 * LogonTracer's PageRank next to ours (the `pagerankLogontracer` score and overlay) so that an
 * analyst coming from LogonTracer compares like with like.
 */
function rankByPageRank(
  tally: EdgeTally,
  nodeCount: number,
  mode: PageRankMode,
  damping: (node: number) => number,
): PageRankScores {
  const { linked, indexInGraph, graph } = linkedGraph(nodeCount, tally.pagerankPairs);
  const ranks =
    mode === 'logontracer'
      ? logonTracerPageRank(graph, linked, damping)
      : pagerank(graph, {
          damping: SCORE_PARAMETERS.standard.damping,
          iterations: SCORE_PARAMETERS.standard.maxIterations,
          tolerance: SCORE_PARAMETERS.standard.tolerance,
        });
  // Nodes outside the PageRank graph rank 0 and take no part in min–max.
  const norm = minMaxNormalize(ranks);
  const logontracer = new Float64Array(nodeCount);
  if (mode === 'logontracer') linked.forEach((i, k) => (logontracer[i] = norm[k]!));
  else {
    const lt = linkedGraph(nodeCount, tally.logontracerPairs);
    const ltNorm = minMaxNormalize(logonTracerPageRank(lt.graph, lt.linked, damping));
    lt.linked.forEach((i, k) => (logontracer[i] = ltNorm[k]!));
  }
  const normalized = new Float64Array(nodeCount);
  const raw = new Float64Array(nodeCount);
  linked.forEach((i, k) => {
    normalized[i] = norm[k]!;
    raw[i] = ranks[k]!;
  });
  const order = linked.slice().sort((x, y) => normalized[y]! - normalized[x]! || raw[y]! - raw[x]!);
  const position = new Int32Array(nodeCount);
  order.forEach((i, k) => (position[i] = k + 1));
  return { linked, indexInGraph, normalized, raw, logontracer, position };
}

function logonTracerPageRank(
  graph: ReturnType<typeof buildSparseGraphFlat>,
  linked: readonly number[],
  damping: (node: number) => number,
): Float64Array {
  return pagerank(graph, {
    damping: Float64Array.from(linked, damping),
    iterations: SCORE_PARAMETERS.logontracer.iterations,
    tolerance: 0,
  });
}

/** Everything known of each node index, for its scores and reasons. */
interface NodeFacts {
  ids: string[];
  nodeOf: (DatasetNode | undefined)[];
  privileged: Float64Array;
  anomaly: { score: Float64Array; hour: Float64Array };
  tally: EdgeTally;
  pagerank: PageRankScores;
}

function scoresOf(i: number, node: NodeFacts, distinctNeighbours: number): Record<string, number> {
  const { tally, pagerank: pr } = node;
  const events = tally.events[i]!;
  const failures = tally.failures[i]!;
  const scores: Record<string, number> = {
    pagerank: pr.normalized[i]!,
    pagerankRaw: pr.indexInGraph[i]! >= 0 ? pr.raw[i]! : 0,
    pagerankLogontracer: pr.logontracer[i]!,
    anomaly: node.anomaly.score[i]!,
    failures,
    degree: distinctNeighbours,
    events,
    failureRatio: events === 0 ? 0 : failures / events,
    newEdges: tally.newEdges[i]!,
  };
  if (node.nodeOf[i]?.kind === 'account') {
    scores.distinctSources = tally.distinctSources[i]!;
    scores.distinctTargets = tally.distinctTargets[i]!;
    scores.privileged = node.privileged[i]!;
  } else {
    scores.distinctAccounts = tally.accountsFrom[i]!;
    scores.distinctAccountsOn = tally.accountsOn[i]!;
  }
  return scores;
}

/** The sentences behind node i's scores, most telling first (built when first read). */
function reasonsOf(i: number, node: NodeFacts, mode: PageRankMode, hasWindow: boolean): Reason[] {
  const { tally, pagerank: pr } = node;
  const isAccount = node.nodeOf[i]?.kind === 'account';
  const events = tally.events[i]!;
  const failures = tally.failures[i]!;
  const reasons: Reason[] = [];
  if (node.privileged[i]! > 0)
    reasons.push({
      score: 'privileged',
      text: `privileged logons (4672) ×${node.privileged[i]!}`,
      message: message('reason.privileged', { count: node.privileged[i]! }),
    });
  if (node.anomaly.score[i]! > 0) {
    const score = round(node.anomaly.score[i]!);
    const hour = hourLabel(node.anomaly.hour[i]!);
    reasons.push({
      score: 'anomaly',
      text: `anomaly ${score} at ${hour}`,
      message: message('reason.anomaly', { score: Number(score), hour }),
    });
  }
  const groups = tally.failureGroups.get(i);
  if (groups !== undefined) {
    reasons.push(
      ...failureReasons(
        groups,
        isAccount,
        (other) => labelOf(other, node),
        (other) => labelMessageOf(other, node),
      ),
    );
    if (failures < events) {
      const ratio = events === 0 ? 0 : failures / events;
      const percent = round(100 * ratio, 0);
      reasons.push({
        score: 'failureRatio',
        text: `${percent}% of its events failed`,
        message: message('reason.failureRatio', { percent: Number(percent) }),
      });
    }
  }
  if (pr.normalized[i]! > 0 && pr.linked.length > 1) {
    const score = round(pr.normalized[i]!, 2);
    reasons.push({
      score: 'pagerank',
      text: `PageRank ${score} (${ordinal(pr.position[i]!)} of ${pr.linked.length}, ${mode === 'logontracer' ? 'LogonTracer mode' : 'standard'})`,
      message: message('reason.pagerank', {
        score: Number(score),
        position: pr.position[i]!,
        total: pr.linked.length,
        mode: message(`pagerankMode.${mode}`),
      }),
    });
  }
  reasons.push(...degreeReasons(i, tally, isAccount));
  if (tally.newEdges[i]! > 0 && hasWindow)
    reasons.push({
      score: 'newEdges',
      text: `${plural(tally.newEdges[i]!, 'logon path')} first seen in this window`,
      message: message('reason.newEdges', { count: tally.newEdges[i]! }),
    });
  if (reasons.length === 0 && events > 0) {
    const only = tally.onlyEvent[i]!;
    reasons.push({
      score: 'events',
      text: `${events} ${only >= 0 ? eventPhrase(only) : 'events'}`,
      message: message('reason.events', {
        count: events,
        events: only >= 0 ? eventPhraseMessage(only) : message('event.mixed'),
      }),
    });
  }
  return reasons;
}

function labelOf(i: number, node: NodeFacts): string {
  return i < 0 ? 'an unknown source' : (node.nodeOf[i]?.label ?? node.ids[i]!);
}

function labelMessageOf(i: number, node: NodeFacts): string | Message {
  return i < 0 ? message('source.unknown') : labelOf(i, node);
}

/** The largest failure groups: for an account, from where; for a host, for how many accounts. */
function failureReasons(
  groups: FailureGroups,
  isAccount: boolean,
  label: (node: number) => string,
  labelMessage: (node: number) => string | Message,
): Reason[] {
  const largest = [...groups.entries()]
    .sort((x, y) => y[1].count - x[1].count)
    .slice(0, SCORE_PARAMETERS.maxReasonsPerScore);
  return largest.map(([key, group]) => {
    const colon = key.indexOf(':');
    const eventId = Number(key.slice(0, colon));
    const other = key.slice(colon + 1);
    const where = isAccount
      ? ` from ${label(Number(other))}`
      : ` for ${plural(group.accounts.size, 'account')}`;
    const events = failurePhraseMessage(eventId);
    return {
      score: 'failures',
      text: `${group.count} ${failurePhrase(eventId)}${where}`,
      message: isAccount
        ? message('reason.failuresFrom', { count: group.count, events, source: labelMessage(Number(other)) })
        : message('reason.failuresFor', {
            count: group.count,
            events,
            accounts: message('count.accounts', { count: group.accounts.size }),
          }),
    };
  });
}

function degreeReasons(i: number, tally: EdgeTally, isAccount: boolean): Reason[] {
  const reasons: Reason[] = [];
  if (isAccount) {
    const sources = tally.distinctSources[i]!;
    const computers = tally.distinctTargets[i]!;
    if (sources > 1)
      reasons.push({
        score: 'degree',
        text: `logged on from ${sources} sources`,
        message: message('reason.sources', { count: sources }),
      });
    if (computers > 1)
      reasons.push({
        score: 'degree',
        text: `logged by ${computers} computers`,
        message: message('reason.computers', { count: computers }),
      });
  } else {
    const from = tally.accountsFrom[i]!;
    const on = tally.accountsOn[i]!;
    if (from > 1)
      reasons.push({
        score: 'degree',
        text: `source of logons by ${from} accounts`,
        message: message('reason.accountsFrom', { count: from }),
      });
    if (on > 1)
      reasons.push({
        score: 'degree',
        text: `logged logons of ${on} accounts`,
        message: message('reason.accountsOn', { count: on }),
      });
  }
  return reasons;
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
