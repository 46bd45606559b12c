// Event-to-edge matching for datasets loaded from a cluster. Such a dataset keeps roll-ups, not
// events and not the graph builder that made them, so its drill-down cannot ask the builder
// (edgeIdOf, as imports do): it matches each cluster document against the stored edges on the
// attributes the analysis keys edges on, through core's own ids and normalizers.
import { clean, hostId, ipId, NO_SOURCE_ID, normalizeSid, normalizeStatus } from '../../core/analysis/ids.js';
import { hostNodeIdOfName } from '../../core/analysis/graph-identity.js';
import { parseAccount } from '../../core/analysis/normalize-account.js';
import { parseSource } from '../../core/analysis/normalize-host.js';
import type { DatasetEdge, DatasetNode } from '../../core/dataset/index.js';
import type { LogonEvent } from '../../core/events/index.js';
import { flaggedNodesLinker } from '../ingest/event-links.js';
import type { EventLinks } from '../store/import-writer.js';

function lower(s: string | null): string | null {
  const c = clean(s);
  return c === null ? null : c.toLowerCase();
}

function sameNormalized(
  edgeValue: string | null,
  eventValue: string | null,
  norm: (s: string | null) => string | null,
): boolean {
  if (edgeValue === null) return norm(eventValue) === null;
  return norm(edgeValue) === norm(eventValue);
}

/** The account names an event may have been attributed to, parsed as the analysis parses them. */
function accountNames(e: LogonEvent): Set<string> {
  const out = new Set<string>();
  for (const raw of [e.targetUser, e.subjectUser, e.memberName]) {
    const name = parseAccount(raw, null, null)?.name;
    if (name !== undefined && name !== null) out.add(name);
  }
  return out;
}

/** The node ids the event's source may have been resolved to (its address's or its name's). */
function sourceIds(e: LogonEvent): Set<string> {
  const source = parseSource(e.ipAddress, e.workstation);
  const out = new Set<string>();
  if (source.ip !== null) out.add(ipId(source.ip));
  if (source.name !== null) out.add(hostId(source.name));
  if (out.size === 0) out.add(NO_SOURCE_ID);
  return out;
}

/**
 * The drill-down links of a cluster document in a stored graph: the edge among those of the same
 * event ID and target host whose logon type, status and package agree, preferring the one whose
 * account has the document's SID, then its name, then its source; and the nodes whose flags cite it.
 */
export function createEdgeMatcher(graph: {
  nodes: readonly DatasetNode[];
  edges: readonly DatasetEdge[];
}): (event: LogonEvent) => EventLinks {
  const nodes = new Map<string, DatasetNode>(graph.nodes.map((n) => [n.id, n]));
  const byTarget = new Map<string, DatasetEdge[]>();
  const byAccountName = new Map<string, DatasetEdge[]>();
  const push = (map: Map<string, DatasetEdge[]>, key: string, edge: DatasetEdge): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [edge]);
    else list.push(edge);
  };
  for (const edge of graph.edges) {
    const key = `${edge.eventId}|${edge.target ?? ''}`;
    push(byTarget, key, edge);
    const name = nodes.get(edge.account)?.name.toLowerCase();
    if (name !== undefined) push(byAccountName, `${key}|${name}`, edge);
  }
  const flaggedNodes = flaggedNodesLinker(graph.nodes);

  const best = (
    e: LogonEvent,
    candidates: readonly DatasetEdge[],
    names: Set<string>,
  ): DatasetEdge | null => {
    let found: DatasetEdge | null = null;
    let bestScore = -1;
    const sids = new Set([normalizeSid(e.targetSid), normalizeSid(e.subjectSid)].filter((s) => s !== null));
    const sources = sourceIds(e);
    for (const edge of candidates) {
      if (!sameNormalized(edge.logonType, e.logonType, clean)) continue;
      if (!sameNormalized(edge.status, e.status, normalizeStatus)) continue;
      if (!sameNormalized(edge.subStatus, e.subStatus, normalizeStatus)) continue;
      if (edge.authPackage !== null && lower(edge.authPackage) !== lower(e.authPackage)) continue;
      const account = nodes.get(edge.account);
      let score = 0;
      if (account !== undefined) {
        if (account.sid !== null && sids.has(account.sid)) score += 4;
        if (names.has(account.name.toLowerCase())) score += 2;
      }
      if (edge.source !== null && sources.has(edge.source)) score += 1;
      if (score > bestScore) {
        found = edge;
        bestScore = score;
      }
    }
    return found;
  };

  return (e) => {
    const target = hostNodeIdOfName(e.computer) ?? '';
    const key = `${e.eventId}|${target}`;
    const names = accountNames(e);
    // Most events match an edge of their own account name: look there first, then wider.
    const narrow: DatasetEdge[] = [];
    for (const name of names) narrow.push(...(byAccountName.get(`${key}|${name}`) ?? []));
    const edge =
      best(e, narrow, names) ?? best(e, byTarget.get(key) ?? byTarget.get(`${e.eventId}|`) ?? [], names);
    return { edge: edge?.id ?? null, flaggedNodes: flaggedNodes(e) };
  };
}
