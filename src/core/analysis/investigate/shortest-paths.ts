/**
 * Paths: the shortest logon paths between two nodes (docs/analysis.md, "Investigation").
 *
 * The graph is the drawn one (link-graph.ts): source → account → target for every logon. With
 * `direction: 'logon'` (the default) a path follows logons forward, the way an intruder moves: from
 * an outside IP, an account logs on to a host; from that host, an account logs on to the next one.
 * So a path from an IP to a domain controller reads IP → account → host → account → DC, and a path
 * to an account ends on the logon that reached it. `direction: 'any'` ignores the direction (who
 * shares hosts with whom).
 *
 * All shortest paths are found by one breadth-first search from each end; they are listed by a
 * depth-first walk that only steps on nodes lying on a shortest path, so it never backtracks and
 * stops after `max` paths. Order is deterministic: at each node the step with the most events comes
 * first (the best-evidenced path is listed first), then the lower node id.
 */
import type { DatasetEdge } from '../../dataset/schema.js';
import { linkGraph, type Link, type LinkGraph, type LinkRole } from './link-graph.js';

export interface PathStep {
  from: string;
  to: string;
  /** The account end and the host/IP end of the drawn link (one of from/to is the account). */
  account: string;
  other: string;
  /** Drawn links it stands for: `from` = other → account, `to` = account → other. */
  roles: Array<'from' | 'to'>;
  /** Ids of the dataset edges behind the step. */
  edges: string[];
  /** Events behind the step. */
  count: number;
}

export interface LogonPath {
  /** From the first node to the last. */
  nodes: string[];
  /** Ids of the dataset edges behind its steps, in step order, without repeats. */
  edges: string[];
  /** One per pair of consecutive nodes. */
  steps: PathStep[];
}

export interface PathOptions {
  /** Paths listed at most (1–100, default 5). */
  max?: number;
  /** Follow logons forward (default) or ignore direction. */
  direction?: 'logon' | 'any';
  /** Nodes no path may pass through (e.g. domain controllers, that every account touches). */
  avoid?: ReadonlySet<string>;
}

export const DEFAULT_MAX_PATHS = 5;

/** The steps out of (forward) or into (backward) a node. */
function neighbours(g: LinkGraph, u: number, forward: boolean, any: boolean): Iterable<number> {
  if (!any) return (forward ? g.out[u]! : g.in[u]!).keys();
  const out = g.out[u]!;
  const inn = g.in[u]!;
  if (inn.size === 0) return out.keys();
  if (out.size === 0) return inn.keys();
  return new Set([...out.keys(), ...inn.keys()]);
}

function bfs(
  g: LinkGraph,
  start: number,
  forward: boolean,
  any: boolean,
  avoid: Uint8Array,
  stopAt: number,
): Int32Array {
  const dist = new Int32Array(g.ids.length).fill(-1);
  dist[start] = 0;
  let frontier = [start];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const u of frontier) {
      if (u === stopAt) continue;
      for (const v of neighbours(g, u, forward, any)) {
        if (dist[v] !== -1 || avoid[v] === 1) continue;
        dist[v] = dist[u]! + 1;
        next.push(v);
      }
    }
    // Nodes farther than the other end cannot lie on a shortest path.
    if (stopAt >= 0 && dist[stopAt] !== -1) break;
    frontier = next;
  }
  return dist;
}

/** The link(s) of a step u → v, merged in `any` mode when both directions exist. */
function stepLinks(g: LinkGraph, u: number, v: number, any: boolean): Link[] {
  const links: Link[] = [];
  const fwd = g.out[u]!.get(v);
  if (fwd !== undefined) links.push(fwd);
  if (any) {
    const back = g.in[u]!.get(v);
    if (back !== undefined && back !== fwd) links.push(back);
  }
  return links;
}

function makeStep(g: LinkGraph, edges: readonly DatasetEdge[], u: number, v: number, any: boolean): PathStep {
  const links = stepLinks(g, u, v, any);
  const ks = [...new Set(links.flatMap((l) => l.edges))].sort((a, b) => a - b);
  const roles: LinkRole[] = [];
  for (const l of links) for (const r of l.roles) if (!roles.includes(r)) roles.push(r);
  return {
    from: g.ids[u]!,
    to: g.ids[v]!,
    account: links[0]!.account,
    other: links[0]!.other,
    roles,
    edges: ks.map((k) => edges[k]!.id),
    count: ks.reduce((s, k) => s + edges[k]!.count, 0),
  };
}

/** All shortest logon paths from `from` to `to`, up to `max` of them; [] when there is none. */
export function shortestPaths(
  edges: readonly DatasetEdge[],
  from: string,
  to: string,
  opts: PathOptions = {},
): LogonPath[] {
  const g = linkGraph(edges);
  const s = g.index.get(from);
  const t = g.index.get(to);
  if (s === undefined || t === undefined) return [];
  if (s === t) return [{ nodes: [from], edges: [], steps: [] }];
  const max = Math.max(1, Math.min(100, Math.floor(opts.max ?? DEFAULT_MAX_PATHS)));
  const any = opts.direction === 'any';
  const avoid = new Uint8Array(g.ids.length);
  for (const id of opts.avoid ?? []) {
    const i = g.index.get(id);
    if (i !== undefined && i !== s && i !== t) avoid[i] = 1;
  }
  const dFrom = bfs(g, s, true, any, avoid, t);
  const length = dFrom[t]!;
  if (length < 0) return [];
  const dTo = bfs(g, t, false, any, avoid, s);

  /** Steps from u that stay on a shortest path, best-evidenced first. */
  const onPath = (u: number): number[] => {
    const d = dFrom[u]!;
    const out: Array<{ v: number; count: number }> = [];
    for (const v of neighbours(g, u, true, any)) {
      if (dFrom[v] !== d + 1 || dTo[v] !== length - d - 1) continue;
      const count = stepLinks(g, u, v, any).reduce((c, l) => c + l.count, 0);
      out.push({ v, count });
    }
    out.sort((a, b) => b.count - a.count || (g.ids[a.v]! < g.ids[b.v]! ? -1 : 1));
    return out.map((x) => x.v);
  };

  const found: number[][] = [];
  const stack = [s];
  const walk = (u: number): void => {
    if (found.length >= max) return;
    if (u === t) {
      found.push([...stack]);
      return;
    }
    for (const v of onPath(u)) {
      stack.push(v);
      walk(v);
      stack.pop();
      if (found.length >= max) return;
    }
  };
  walk(s);

  return found.map((seq) => {
    const steps = seq.slice(1).map((v, i) => makeStep(g, edges, seq[i]!, v, any));
    const ids = new Set<string>();
    for (const st of steps) for (const id of st.edges) ids.add(id);
    return { nodes: seq.map((i) => g.ids[i]!), edges: [...ids], steps };
  });
}

/** The nodes and edges of some paths, for emphasis in the graph. */
export function pathElements(paths: readonly LogonPath[]): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edgeIds = new Set<string>();
  for (const p of paths) {
    for (const n of p.nodes) nodes.add(n);
    for (const e of p.edges) edgeIds.add(e);
  }
  return { nodes, edges: edgeIds };
}

/**
 * The paths an analyst asked for: in the logon direction when there are some, else the reverse
 * logon paths (from `to` back to `from`, listed as found), else ignoring direction; `direction`
 * says which answered, so the app can say "no logon path from A to B; shown: ...".
 */
export function pathSearch(
  edges: readonly DatasetEdge[],
  from: string,
  to: string,
  opts: Omit<PathOptions, 'direction'> = {},
): { paths: LogonPath[]; direction: 'logon' | 'reverse' | 'any' | null } {
  const forward = shortestPaths(edges, from, to, opts);
  if (forward.length > 0) return { paths: forward, direction: 'logon' };
  const reverse = shortestPaths(edges, to, from, opts);
  if (reverse.length > 0) return { paths: reverse, direction: 'reverse' };
  const any = shortestPaths(edges, from, to, { ...opts, direction: 'any' });
  return { paths: any, direction: any.length > 0 ? 'any' : null };
}
