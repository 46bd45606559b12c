import {
  clean,
  hostId,
  ipId,
  NO_SOURCE_ID,
  normalizeHostName,
  normalizeIp,
  normalizeSid,
  normalizeStatus,
} from '../../core/analysis/ids.js';
import type { Dataset, DatasetEdge, DatasetNode } from '../../core/dataset/index.js';
import type { LogonEvent } from '../../core/events/index.js';

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

/** The account names an event may have been attributed to (lower-cased, UPN suffix dropped too). */
function accountNames(e: LogonEvent): Set<string> {
  const out = new Set<string>();
  for (const raw of [e.targetUser, e.subjectUser, e.memberName]) {
    const v = lower(raw);
    if (v === null) continue;
    out.add(v);
    const at = v.indexOf('@');
    if (at > 0) out.add(v.slice(0, at));
    const slash = v.lastIndexOf('\\');
    if (slash >= 0) out.add(v.slice(slash + 1));
  }
  return out;
}

function sourceIds(e: LogonEvent): Set<string> {
  const out = new Set<string>();
  const ip = normalizeIp(e.ipAddress);
  if (ip !== null) out.add(ipId(ip));
  const ws = normalizeHostName(e.workstation);
  if (ws !== null) {
    out.add(hostId(ws));
    out.add(ipId(ws));
  }
  if (out.size === 0) out.add(NO_SOURCE_ID);
  return out;
}

/**
 * Builds the drill-down linker for an analyzed dataset: for each stored event, the keys of the edge
 * it was counted in and of that edge's nodes (`edge:<id>`, `node:<id>`), plus the nodes whose flags
 * cite it (by computer + record ID). The edge is found among the dataset's edges of the same event
 * ID and target host by the attributes the analysis keys edges on (logon type, status, package,
 * account, source); the analysis' own ids and normalizers are used so both sides agree.
 */
export function createEventLinker(dataset: Dataset): (event: LogonEvent) => readonly string[] {
  const nodes = new Map<string, DatasetNode>(dataset.nodes.map((n) => [n.id, n]));
  const byEventAndTarget = new Map<string, DatasetEdge[]>();
  for (const edge of dataset.edges) {
    const key = `${edge.eventId}|${edge.target ?? ''}`;
    const list = byEventAndTarget.get(key);
    if (list === undefined) byEventAndTarget.set(key, [edge]);
    else list.push(edge);
  }
  const flagged = new Map<string, string[]>();
  for (const n of dataset.nodes) {
    for (const f of n.flags) {
      const host = normalizeHostName(f.computer) ?? '';
      for (const rid of f.recordIds) {
        const key = `${f.eventId}|${host}|${rid}`;
        const list = flagged.get(key);
        if (list === undefined) flagged.set(key, [n.id]);
        else if (!list.includes(n.id)) list.push(n.id);
      }
    }
  }

  return (e) => {
    const keys: string[] = [];
    const host = normalizeHostName(e.computer);
    const target = host === null ? '' : hostId(host);
    const candidates =
      byEventAndTarget.get(`${e.eventId}|${target}`) ?? byEventAndTarget.get(`${e.eventId}|`) ?? [];
    let best: DatasetEdge | null = null;
    let bestScore = -1;
    if (candidates.length > 0) {
      const names = accountNames(e);
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
          best = edge;
          bestScore = score;
        }
      }
    }
    if (best !== null) {
      keys.push(`edge:${best.id}`, `node:${best.account}`);
      if (best.source !== null) keys.push(`node:${best.source}`);
      if (best.target !== null) keys.push(`node:${best.target}`);
    }
    if (e.recordId !== null) {
      for (const id of flagged.get(`${e.eventId}|${host ?? ''}|${e.recordId}`) ?? []) {
        if (!keys.includes(`node:${id}`)) keys.push(`node:${id}`);
      }
    }
    return keys;
  };
}
