/**
 * Builds the logon graph from normalized events, one event at a time (docs/analysis.md, "Graph").
 *
 * `add` drops what the analysis does not read, dedupes by record ID, counts, and hands the event to
 * its event-ID handler (graph-event-handlers.ts), which aggregates under the raw (normalized) keys
 * of each end, since which observations are the same account or host is only known once every event
 * is in. `finish` resolves identities (graph-identity.ts), merges what they say is one, and returns
 * nodes, edges, flags and the counts of what was kept out.
 */
import type { LogonEvent } from '../events/logon-event.js';
import type { DatasetEdge, DatasetNode, Detection, Flag, TimeRange } from '../dataset/schema.js';
import { clean, hash64, normalizeStatus } from './ids.js';
import { observationKey, parseAccount, type ResolvedAccount } from './normalize-account.js';
import { parseSource, sourceKey, type ResolvedSource } from './normalize-host.js';
import { compareIso, HOUR_MS, hourToIso, isoToMs } from './time.js';
import { createEventDetector } from './detections/event-detections.js';
import { createSigmaCollector, type SigmaRuleSet } from '../sigma/collector.js';
import type { SigmaProblem } from '../sigma/rule.js';
import { RecordIdSet } from './record-id-set.js';
import { isPlainJoin, joinKey } from './keys.js';
import { RawEdgeMemo } from './raw-edge-memo.js';
import {
  EVENT_HANDLERS,
  EXPLICIT_CREDENTIAL_EVENT_ID,
  LOGON_EDGE_EVENT_IDS,
  MAX_FLAG_RECORD_IDS,
  type GraphRecords,
  type RawEdge,
  type RawFlag,
  type Rc4TicketEvidence,
} from './graph-event-handlers.js';
import {
  buildDomainNodes,
  buildHostNodes,
  createAccountNodes,
  createIdentityObserver,
  explicitCredentialServer,
  hostNodeIdOfName,
  logonAccountDomain,
  type AccountNodes,
} from './graph-identity.js';

export {
  ANALYSED_EVENT_IDS,
  DETECTION_ONLY_EVENT_IDS,
  EXPLICIT_CREDENTIAL_EVENT_ID,
  FLAG_EVENT_IDS,
  isDcAccount,
  LOGON_EDGE_EVENT_IDS,
  MAX_FLAG_RECORD_IDS,
  REPLICATION_GUIDS,
  replicationRights,
  touchesDcObject,
  type Rc4TicketEvidence,
} from './graph-event-handlers.js';

export interface GraphBuilderOptions {
  /** Keep only events in this window (others are counted as `outside-window`). */
  window?: TimeRange | null;
  /** Sigma rules to run over the events (their hits become detections). */
  sigma?: SigmaRuleSet | null;
}

export interface GraphStats {
  /** Events that contributed to the graph (edges, flags, or examined by a detection rule). */
  used: number;
  /** Events not used, by reason. */
  skipped: Record<string, number>;
  /** Events used whose edge or flag lies on a hidden node, by hidden reason (still in the graph). */
  hidden: Record<string, number>;
}

export interface LogonGraph {
  nodes: DatasetNode[];
  edges: DatasetEdge[];
  timeRange: TimeRange | null;
  stats: GraphStats;
  rc4Tickets: Rc4TicketEvidence[];
  /** Node ids of domain controllers seen (computers that logged Kerberos KDC events). */
  domainControllers: string[];
  /** Detections read from single events and their correlations (pass-the-hash, noPac, …). */
  eventDetections: Detection[];
  /** Events seen by event ID (coverage: what the sources hold), after dedupe and the window. */
  eventCounts: Record<string, number>;
  /** The Sigma rules run (null when none were given) and the rule files that could not run. */
  sigma: { rules: number; problems: SigmaProblem[] } | null;
  /**
   * The id of the edge a logon event was counted in (for drill-down from an edge to its events),
   * or null when the event is not a logon edge event or was not seen by this builder.
   */
  edgeIdOf(event: LogonEvent): string | null;
}

export interface GraphBuilder {
  add(event: LogonEvent): void;
  finish(): LogonGraph;
}

/** Everything the events recorded, under raw keys: what `finish` resolves and merges. */
interface Recorded extends GraphRecords {
  readonly flags: RawFlag[];
  readonly finishDetections: (resolve: DetectionResolvers) => Detection[];
}

interface DetectionResolvers {
  accountNodeOf: (ref: { user: string | null; domain: string | null; sid: string | null }) => string | null;
  hostNodeOf: (computer: string | null) => string | null;
}

export function createGraphBuilder(options: GraphBuilderOptions = {}): GraphBuilder {
  const identity = createIdentityObserver();
  const flags: RawFlag[] = [];
  /** Hourly flags by tag, key and Unix hour (numbers and interned keys: no string built per event). */
  const hourlyFlags = new Map<string, Map<string, Map<number, RawFlag>>>();
  const hourlyOf = (tag: string, key: string): Map<number, RawFlag> => {
    let byKey = hourlyFlags.get(tag);
    if (byKey === undefined) hourlyFlags.set(tag, (byKey = new Map()));
    let byHour = byKey.get(key);
    if (byHour === undefined) byKey.set(key, (byHour = new Map()));
    return byHour;
  };
  const skipped: Record<string, number> = {};
  const skip = (reason: string): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const records: GraphRecords = {
    identity,
    edges: new Map(),
    edgeMemo: new RawEdgeMemo(),
    rc4: new Map(),
    domainControllers: new Set(),
    createdAsUser: new Set(),
    addFlag(f, recordId) {
      flags.push({ ...f, count: 1, recordIds: recordId === null ? [] : [recordId] });
    },
    countHourlyFlag(tag, key, ms, recordId) {
      const known = hourlyFlags
        .get(tag)
        ?.get(key)
        ?.get(Math.floor(ms / HOUR_MS));
      if (known === undefined) return false;
      known.count++;
      if (recordId !== null && known.recordIds.length < MAX_FLAG_RECORD_IDS) known.recordIds.push(recordId);
      return true;
    },
    startHourlyFlag(tag, key, f, recordId) {
      const hour = Math.floor(f.ms / HOUR_MS);
      const aggregate: RawFlag = {
        ...f,
        time: hourToIso(hour),
        ms: hour * HOUR_MS,
        count: 1,
        recordIds: recordId === null ? [] : [recordId],
      };
      hourlyOf(tag, key).set(hour, aggregate);
      flags.push(aggregate);
    },
    skip,
  };

  const sigmaRules = options.sigma ?? null;
  const sigma =
    sigmaRules === null || sigmaRules.rules.length === 0 ? null : createSigmaCollector(sigmaRules);
  const detector = createEventDetector((ref) => {
    identity.account(ref.user, ref.domain, ref.sid);
  });
  const eventCounts = new Map<number, number>();
  let used = 0;
  let minMs = Infinity;
  let maxMs = -Infinity;
  let minIso = '';
  let maxIso = '';
  const win = options.window ?? null;
  const winFrom = win === null ? -Infinity : isoToMs(win.from);
  const winTo = win === null ? Infinity : isoToMs(win.to);

  // Dedupe sets by computer + channel; events come in runs from one log, so the last is kept at hand.
  const seen = new Map<string, RecordIdSet>();
  let lastComputer: string | null = null;
  let lastChannel: string | null = null;
  let lastSeen: RecordIdSet | null = null;
  /** False when the event's record ID was seen before on its computer and channel. */
  const firstSighting = (e: LogonEvent): boolean => {
    if (e.recordId === null) return true;
    let set = lastSeen;
    if (set === null || e.computer !== lastComputer || e.channel !== lastChannel) {
      // Escaped: a computer named `a\0b` must not share the record ids of computer `a`, channel `b`.
      const rk = joinKey([(e.computer ?? '').toLowerCase(), (e.channel ?? '').toLowerCase()]);
      set = seen.get(rk) ?? null;
      if (set === null) seen.set(rk, (set = new RecordIdSet()));
      lastSeen = set;
      lastComputer = e.computer;
      lastChannel = e.channel;
    }
    return set.add(e.recordId);
  };

  const countUsed = (e: LogonEvent, ms: number): void => {
    used++;
    if (ms < minMs || (ms === minMs && compareIso(e.time, minIso) < 0)) {
      minMs = ms;
      minIso = e.time;
    }
    if (ms > maxMs || (ms === maxMs && compareIso(e.time, maxIso) > 0)) {
      maxMs = ms;
      maxIso = e.time;
    }
  };

  return {
    add(e: LogonEvent): void {
      const handler = EVENT_HANDLERS.get(e.eventId);
      if (handler === undefined && (sigma === null || sigmaRules!.rulesFor(e.eventId).length === 0))
        return skip('filtered-event-id');
      const ms = isoToMs(e.time);
      if (Number.isNaN(ms)) return skip('bad-time');
      if (ms < winFrom || ms >= winTo) return skip('outside-window');
      if (!firstSighting(e)) return skip('duplicate');
      eventCounts.set(e.eventId, (eventCounts.get(e.eventId) ?? 0) + 1);
      detector.add(e, ms);
      const hit = sigma !== null && sigma.add(e);
      if (hit) {
        // The accounts a hit names become nodes, so that the detection can point at them.
        identity.account(e.targetUser, e.targetDomain, e.targetSid);
        identity.account(e.subjectUser, e.subjectDomain, e.subjectSid);
      }
      if (handler !== undefined ? handler(e, ms, records) : hit) countUsed(e, ms);
      else if (handler === undefined) skip('filtered-event-id');
    },

    finish(): LogonGraph {
      const graph = resolveGraph({
        ...records,
        flags,
        finishDetections: ({ accountNodeOf, hostNodeOf }) => [
          ...detector.finish({ accountNode: accountNodeOf, hostNode: hostNodeOf }),
          ...(sigma === null ? [] : sigma.finish({ account: accountNodeOf, host: hostNodeOf })),
        ],
      });
      return {
        nodes: graph.nodes,
        edges: graph.edges,
        timeRange: used === 0 ? null : { from: minIso, to: maxIso },
        stats: { used, skipped: { ...skipped }, hidden: graph.hidden },
        rc4Tickets: graph.rc4Tickets,
        domainControllers: graph.domainControllers,
        eventDetections: graph.eventDetections,
        sigma: sigmaRules === null ? null : { rules: sigmaRules.rules.length, problems: sigmaRules.problems },
        eventCounts: Object.fromEntries([...eventCounts.entries()].sort((a, b) => a[0] - b[0])),
        edgeIdOf: graph.edgeIdOf,
      };
    },
  };
}

type ResolvedGraph = Pick<
  LogonGraph,
  'nodes' | 'edges' | 'rc4Tickets' | 'domainControllers' | 'eventDetections' | 'edgeIdOf'
> & { hidden: Record<string, number> };

/** Resolves identities and merges what they say is one: nodes, edges, flags, detections. */
function resolveGraph(recorded: Recorded): ResolvedGraph {
  const { accounts, hosts } = recorded.identity;
  const { byKey, domains } = accounts.resolve();
  const sources = hosts.resolve();
  const resolvedAccount = (key: string): ResolvedAccount => byKey.get(key)!;
  const nameOf = (key: string | null): string =>
    key === null ? 'an unknown account' : resolvedAccount(key).label;
  const hidden: Record<string, number> = {};
  const countHidden = (reason: string, count: number): void => {
    hidden[reason] = (hidden[reason] ?? 0) + count;
  };

  const accountNodes = createAccountNodes(accounts, byKey, recorded.createdAsUser);
  const hostNodes = buildHostNodes(hosts);
  const { edges, idByKey } = mergeEdges(recorded.edges, accountNodes, sources, countHidden);

  const accountNodeOf = (ref: { user: string | null; domain: string | null; sid: string | null }) => {
    const o = parseAccount(ref.user, ref.domain, ref.sid);
    const r = o === null ? undefined : byKey.get(observationKey(o));
    return r === undefined ? null : accountNodes.nodeOf(observationKey(o!)).id;
  };
  const hostNodeOf = (computer: string | null): string | null => {
    const id = hostNodeIdOfName(computer);
    return id !== null && hostNodes.has(id) ? id : null;
  };
  const eventDetections = recorded.finishDetections({ accountNodeOf, hostNodeOf });

  attachFlags(recorded.flags, accountNodes, hostNodes, nameOf, countHidden);

  const rc4Tickets = [...recorded.rc4.values()].map((r) => ({
    ...r,
    account: resolvedAccount(r.account).id,
    source: r.source === null ? null : (sources.get(r.source)?.id ?? null),
  }));

  const nodes = [...accountNodes.nodes.values(), ...hostNodes.values(), ...buildDomainNodes(domains)].sort(
    (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const edgeIdOf = createEdgeIdOf(byKey, sources, idByKey);
  return {
    nodes,
    edges,
    rc4Tickets,
    domainControllers: [...recorded.domainControllers].sort(),
    eventDetections,
    edgeIdOf,
    hidden,
  };
}

/** Raw edges merged by their resolved ends, with their ids (by edge key). */
function mergeEdges(
  rawEdges: Map<string, RawEdge>,
  accountNodes: AccountNodes,
  sources: Map<string, ResolvedSource>,
  countHidden: (reason: string, count: number) => void,
): { edges: DatasetEdge[]; idByKey: Map<string, string> } {
  const merged = new Map<string, DatasetEdge & { hourMap: Map<number, number> }>();
  for (const raw of rawEdges.values()) {
    const acc = accountNodes.nodeOf(raw.account);
    const src = sources.get(raw.source)!;
    const subject = raw.subject === null ? null : accountNodes.nodeOf(raw.subject).id;
    const key = edgeKeyOf(
      acc.id,
      src.id,
      raw.target,
      raw.eventId,
      raw.logonType,
      raw.status,
      raw.subStatus,
      raw.authPackage,
      subject,
    );
    let m = merged.get(key);
    if (m === undefined) {
      m = {
        id: '',
        account: acc.id,
        source: src.id,
        target: raw.target,
        eventId: raw.eventId,
        logonType: raw.logonType,
        status: raw.status,
        subStatus: raw.subStatus,
        authPackage: raw.authPackage,
        failure: raw.failure,
        count: 0,
        first: raw.first,
        last: raw.last,
        hourly: [],
        hourMap: new Map(),
        ...(subject === null ? {} : { subject }),
      };
      merged.set(key, m);
    }
    m.count += raw.count;
    if (compareIso(raw.first, m.first) < 0) m.first = raw.first;
    if (compareIso(raw.last, m.last) > 0) m.last = raw.last;
    for (const [h, c] of raw.hourly) m.hourMap.set(h, (m.hourMap.get(h) ?? 0) + c);
    const reason = acc.hidden ?? src.hidden;
    if (reason !== null) countHidden(reason, raw.count);
  }
  const edges: DatasetEdge[] = [];
  const usedIds = new Set<string>();
  const idByKey = new Map<string, string>();
  for (const [key, m] of merged) {
    let id = `e${hash64(key)}`;
    for (let n = 2; usedIds.has(id); n++) id = `e${hash64(key)}-${n}`;
    usedIds.add(id);
    idByKey.set(key, id);
    const { hourMap, ...edge } = m;
    edge.id = id;
    edge.hourly = [...hourMap.entries()].sort((a, b) => a[0] - b[0]);
    edges.push(edge);
  }
  edges.sort((a, b) => compareIso(a.first, b.first) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { edges, idByKey };
}

/** Puts each flag on its node, then merges hourly flags that resolved onto one node. */
function attachFlags(
  flags: RawFlag[],
  accountNodes: AccountNodes,
  hostNodes: Map<string, DatasetNode>,
  nameOf: (key: string | null) => string,
  countHidden: (reason: string, count: number) => void,
): void {
  for (const f of flags) {
    const node = 'account' in f.owner ? accountNodes.nodeOf(f.owner.account) : hostNodes.get(f.owner.host);
    if (node === undefined) continue;
    const detail = f.detail(nameOf);
    const flag: Flag = {
      kind: f.kind,
      time: f.time,
      count: f.count,
      detail: detail.text.slice(0, 16_384),
      detailMessage: detail.message,
      eventId: f.eventId,
      computer: f.computer,
      recordIds: f.recordIds,
    };
    node.flags.push(flag);
    if (node.hidden !== null) countHidden(node.hidden, f.count);
  }
  // Hourly flags of `alice` and `CORP\alice` land on one node: one flag per hour again.
  for (const n of [...accountNodes.nodes.values(), ...hostNodes.values()])
    if (n.flags.length > 1) n.flags = mergeFlags(n.flags);
}

/** `edgeIdOf`: finds an event's edge from the same identity rules its handler used. */
function createEdgeIdOf(
  byKey: Map<string, ResolvedAccount>,
  sources: Map<string, ResolvedSource>,
  idByKey: Map<string, string>,
): (e: LogonEvent) => string | null {
  /** The 4648 edge of an event: the same ends as its handler chose. */
  const explicitEdgeIdOf = (e: LogonEvent): string | null => {
    const target = parseAccount(e.targetUser, e.targetDomain, null);
    const subject = parseAccount(e.subjectUser, e.subjectDomain, e.subjectSid);
    const acc = target === null ? undefined : byKey.get(observationKey(target));
    const subj = subject === null ? undefined : byKey.get(observationKey(subject));
    const src = sources.get(sourceKey(parseSource(null, clean(e.computer))));
    if (acc === undefined || subj === undefined || src === undefined) return null;
    const host = hostNodeIdOfName(explicitCredentialServer(e));
    const key = edgeKeyOf(
      acc.id,
      src.id,
      host,
      EXPLICIT_CREDENTIAL_EVENT_ID,
      null,
      null,
      null,
      null,
      subj.id,
    );
    return idByKey.get(key) ?? null;
  };
  return (e) => {
    if (e.eventId === EXPLICIT_CREDENTIAL_EVENT_ID) return explicitEdgeIdOf(e);
    if (!LOGON_EDGE_EVENT_IDS.has(e.eventId)) return null;
    const o = parseAccount(e.targetUser, logonAccountDomain(e), e.targetSid);
    const acc = o === null ? undefined : byKey.get(observationKey(o));
    const src = sources.get(sourceKey(parseSource(e.ipAddress, e.workstation)));
    if (acc === undefined || src === undefined) return null;
    const key = edgeKeyOf(
      acc.id,
      src.id,
      hostNodeIdOfName(e.computer),
      e.eventId,
      clean(e.logonType),
      normalizeStatus(e.status),
      normalizeStatus(e.subStatus),
      clean(e.authPackage),
    );
    return idByKey.get(key) ?? null;
  };
}

/** The full identity of an edge: diffs and ids compare every part of it, never the source alone. */
export function edgeKeyOf(
  account: string,
  source: string | null,
  target: string | null,
  eventId: number,
  logonType: string | null,
  status: string | null,
  subStatus: string | null,
  authPackage: string | null,
  subject: string | null = null,
): string {
  const pkg = (authPackage ?? '').toLowerCase();
  // Only 4648 edges have a subject; other keys stay as they were (ids of old datasets hold).
  const plain = `${account}\u0001${source ?? ''}\u0001${target ?? ''}\u0001${eventId}\u0001${logonType ?? ''}\u0001${status ?? ''}\u0001${subStatus ?? ''}\u0001${pkg}${subject === null ? '' : `\u0001${subject}`}`;
  // Escaped parts (keys.ts) when a part holds a separator; ordinary keys are plain joins as always.
  if (isPlainJoin(plain, 1, subject === null ? 7 : 8)) return plain;
  const parts: (string | number)[] = [
    account,
    source ?? '',
    target ?? '',
    eventId,
    logonType ?? '',
    status ?? '',
    subStatus ?? '',
    pkg,
  ];
  if (subject !== null) parts.push(subject);
  return joinKey(parts);
}

/** edgeKeyOf for a dataset edge. */
export function edgeKey(e: DatasetEdge): string {
  return edgeKeyOf(
    e.account,
    e.source,
    e.target,
    e.eventId,
    e.logonType,
    e.status,
    e.subStatus,
    e.authPackage,
    e.subject ?? null,
  );
}

function mergeFlags(list: Flag[]): Flag[] {
  const out = new Map<string, Flag>();
  for (const f of list) {
    const plain = `${f.kind}\u0001${f.time}\u0001${f.detail}\u0001${f.computer ?? ''}\u0001${f.eventId}`;
    const k = isPlainJoin(plain, 1, 4)
      ? plain
      : joinKey([f.kind, f.time, f.detail, f.computer ?? '', f.eventId]);
    const known = out.get(k);
    if (known === undefined) out.set(k, { ...f, recordIds: [...f.recordIds] });
    else {
      known.count += f.count;
      for (const r of f.recordIds) if (known.recordIds.length < MAX_FLAG_RECORD_IDS) known.recordIds.push(r);
    }
  }
  return [...out.values()].sort((a, b) => compareIso(a.time, b.time));
}
