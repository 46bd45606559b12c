/**
 * The drawn logon graph as adjacency lists, for the searches of the investigation workspace.
 *
 * One dataset edge (account A, source S, target T) says "A logged on from S to T". The app draws it
 * as up to two links, S → A ("from") and A → T ("to") (src/web/lib/graph-ids.ts); the searches walk
 * the same links, so that what they find can be drawn as it is. A step joins an account to one of
 * its hosts/IPs, never two hosts directly: every logon path names the accounts it went through.
 *
 * Built once per edge list (a WeakMap on the array): the app asks several questions of the same
 * window view.
 */
import type { DatasetEdge } from '../../dataset/schema.js';

export type LinkRole = 'from' | 'to';

/** A step between two nodes and the dataset edges behind it (one node is always the account). */
export interface Link {
  /** The account end and the host/IP end of the drawn link. */
  account: string;
  other: string;
  /** The drawn links it stands for: `from` = other → account, `to` = account → other. */
  roles: LinkRole[];
  /** Positions in the edge list of the dataset edges behind it, ascending. */
  edges: number[];
  /** Events behind it. */
  count: number;
}

export interface LinkGraph {
  ids: string[];
  index: Map<string, number>;
  /** Per node: node it leads to → link, in logon direction (source → account → target). */
  out: Array<Map<number, Link>>;
  /** Per node: node it comes from → link (the reverse of `out`). */
  in: Array<Map<number, Link>>;
}

const cache = new WeakMap<readonly DatasetEdge[], LinkGraph>();

export function linkGraph(edges: readonly DatasetEdge[]): LinkGraph {
  const cached = cache.get(edges);
  if (cached !== undefined) return cached;
  const ids: string[] = [];
  const index = new Map<string, number>();
  const out: Array<Map<number, Link>> = [];
  const inn: Array<Map<number, Link>> = [];
  const node = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
      out.push(new Map());
      inn.push(new Map());
    }
    return i;
  };
  const add = (from: number, to: number, account: string, other: string, role: LinkRole, k: number): void => {
    const e = edges[k]!;
    let link = out[from]!.get(to);
    if (link === undefined) {
      link = { account, other, roles: [], edges: [], count: 0 };
      out[from]!.set(to, link);
      inn[to]!.set(from, link);
    }
    if (!link.roles.includes(role)) link.roles.push(role);
    if (link.edges[link.edges.length - 1] !== k) {
      link.edges.push(k);
      link.count += e.count;
    }
  };
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    const a = node(e.account);
    if (e.source !== null && e.source !== e.account) add(node(e.source), a, e.account, e.source, 'from', k);
    if (e.target !== null && e.target !== e.account) add(a, node(e.target), e.account, e.target, 'to', k);
  }
  const graph = { ids, index, out, in: inn };
  cache.set(edges, graph);
  return graph;
}
