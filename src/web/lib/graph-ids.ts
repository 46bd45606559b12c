/**
 * Ids of the drawn links. One dataset edge (account, source, target, event, ...) becomes up to two
 * links: source → account ("from") and account → target ("to"); links with the same ends and role
 * are merged. Node ids may hold any character, so a link id is JSON, not a separator-joined string.
 */
export type LinkRole = 'from' | 'to' | 'member';
export interface LinkEnds {
  account: string;
  other: string;
  role: LinkRole;
}

const PREFIX = 'link:';

export function linkId(account: string, other: string, role: LinkRole): string {
  return PREFIX + JSON.stringify([account, other, role]);
}

export function parseLinkId(id: string): LinkEnds | null {
  if (!id.startsWith(PREFIX)) return null;
  try {
    const v: unknown = JSON.parse(id.slice(PREFIX.length));
    if (!Array.isArray(v) || v.length !== 3) return null;
    const [account, other, role] = v as unknown[];
    if (typeof account !== 'string' || typeof other !== 'string') return null;
    if (role !== 'from' && role !== 'to' && role !== 'member') return null;
    return { account, other, role };
  } catch {
    return null;
  }
}

/** The drawn links of one dataset edge: source → account ("from") and account → target ("to"). */
export function edgeLinkIds(edge: {
  account: string;
  source: string | null;
  target: string | null;
}): string[] {
  const out: string[] = [];
  if (edge.source !== null) out.push(linkId(edge.account, edge.source, 'from'));
  if (edge.target !== null) out.push(linkId(edge.account, edge.target, 'to'));
  return out;
}

/** Element ids to emphasize in the graph: the given nodes plus the ends and links of the edges. */
export interface ElementIds {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export function elementIdsOf(
  edges: Iterable<{ account: string; source: string | null; target: string | null }>,
  nodes: Iterable<string> = [],
): ElementIds {
  const n = new Set(nodes);
  const l = new Set<string>();
  for (const e of edges) {
    n.add(e.account);
    if (e.source !== null) n.add(e.source);
    if (e.target !== null) n.add(e.target);
    for (const id of edgeLinkIds(e)) l.add(id);
  }
  return { nodes: n, edges: l };
}
