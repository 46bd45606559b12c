/**
 * Focus: the selection and its neighbours, 1 to 3 hops away (docs/analysis.md, "Investigation").
 *
 * A hop is one logon: the neighbours of a node are the other ends (account, source, target) of the
 * dataset edges it is an end of. So one hop from a host shows who logged on to it or from it and
 * from where, not the accounts alone with their sources cut off: a logon is never drawn in half.
 * The edges returned are those whose every end is in the node set (the induced subgraph), which
 * the app can draw as they are.
 */
import type { DatasetEdge } from '../../dataset/schema.js';

export type Hops = 1 | 2 | 3;

/** Per node id, the positions of the edges it is an end of. */
const incidenceCache = new WeakMap<readonly DatasetEdge[], Map<string, number[]>>();

function incidence(edges: readonly DatasetEdge[]): Map<string, number[]> {
  let map = incidenceCache.get(edges);
  if (map !== undefined) return map;
  map = new Map();
  const add = (id: string | null, k: number): void => {
    if (id === null) return;
    let list = map!.get(id);
    if (list === undefined) map!.set(id, (list = []));
    if (list[list.length - 1] !== k) list.push(k);
  };
  edges.forEach((e, k) => {
    add(e.account, k);
    add(e.source, k);
    add(e.target, k);
  });
  incidenceCache.set(edges, map);
  return map;
}

/**
 * The node ids within `hops` logons of any start node (start nodes always included, even without
 * edges), and the ids of the edges among them.
 */
export function neighbourhood(
  edges: readonly DatasetEdge[],
  start: readonly string[],
  hops: Hops,
): { nodes: Set<string>; edges: Set<string> } {
  const inc = incidence(edges);
  const nodes = new Set<string>(start);
  let frontier = [...nodes];
  const usedEdge = new Uint8Array(edges.length);
  const depth = Math.max(1, Math.min(3, Math.floor(hops)));
  for (let h = 0; h < depth && frontier.length > 0; h++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const k of inc.get(id) ?? []) {
        if (usedEdge[k] === 1) continue;
        usedEdge[k] = 1;
        const e = edges[k]!;
        for (const end of [e.account, e.source, e.target]) {
          if (end !== null && !nodes.has(end)) {
            nodes.add(end);
            next.push(end);
          }
        }
      }
    }
    frontier = next;
  }
  const inside = new Set<string>();
  for (const id of nodes) {
    for (const k of inc.get(id) ?? []) {
      const e = edges[k]!;
      if (
        nodes.has(e.account) &&
        (e.source === null || nodes.has(e.source)) &&
        (e.target === null || nodes.has(e.target))
      )
        inside.add(e.id);
    }
  }
  return { nodes, edges: inside };
}
