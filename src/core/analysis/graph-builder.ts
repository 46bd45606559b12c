/**
 * Builds the logon graph from normalized events, one event at a time (docs/analysis.md, "Graph").
 *
 * `add` aggregates under the raw (normalized) keys of each end, since which observations are the
 * same account or host is only known once every event is in; `finish` resolves identities, merges
 * what they say is one, and returns nodes, edges, flags and the counts of what was kept out.
 */
import type { LogonEvent } from '../events/logon-event.js';
import type { DatasetEdge, DatasetNode, Flag, FlagKind, TimeRange } from '../dataset/schema.js';
import { auditCategoryName, auditSubcategoryName } from './audit-policy.js';
import {
  boundLabel,
  clean,
  domainId,
  hash64,
  hostId,
  ipId,
  isFailureStatus,
  isIpAddress,
  normalizeHostName,
  normalizeStatus,
} from './ids.js';
import {
  AccountResolver,
  accountHiddenReason,
  observationKey,
  parseAccount,
  type ResolvedAccount,
} from './normalize-account.js';
import { HostResolver, parseSource, sourceKey } from './normalize-host.js';
import { compareIso, HOUR_MS, hourToIso, isoToMs } from './time.js';
import { createEventDetector, EVENT_DETECTION_EVENT_IDS } from './detections/event-detections.js';
import type { Detection } from '../dataset/schema.js';
import { createSigmaCollector, type SigmaRuleSet } from '../sigma/engine.js';
import type { SigmaProblem } from '../sigma/rule.js';
import { RecordIdSet } from './record-id-set.js';

/** Events that become logon edges. */
export const LOGON_EDGE_EVENT_IDS: ReadonlySet<number> = new Set([4624, 4625, 4768, 4769, 4771, 4776]);
/** Events that become flags or detection evidence. */
export const FLAG_EVENT_IDS: ReadonlySet<number> = new Set([
  4672, 4720, 4726, 4728, 4729, 4732, 4733, 4756, 4757, 4719, 1102, 4648, 4662, 5137, 5141,
]);

/** Events read only by the event detections (no edge, no flag). */
export const DETECTION_ONLY_EVENT_IDS: ReadonlySet<number> = new Set(
  [...EVENT_DETECTION_EVENT_IDS].filter((id) => !LOGON_EDGE_EVENT_IDS.has(id) && !FLAG_EVENT_IDS.has(id)),
);

/**
 * Explicit-credential use (4648) is drawn as its own edge kind: the account whose credentials were
 * used, from the computer where it happened, to the target server; `subject` is the account that
 * used them. It is not a logon, so the scores leave it out (docs/analysis.md).
 */
export const EXPLICIT_CREDENTIAL_EVENT_ID = 4648;

/** The directory-replication rights a DCSync requests (4662 Properties). */
export const REPLICATION_GUIDS: readonly string[] = [
  '1131f6aa-9c07-11d1-f79f-00c04fc2dcd2', // DS-Replication-Get-Changes
  '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2', // DS-Replication-Get-Changes-All
  '89e95b76-444d-4c62-991a-0facbeda640c', // DS-Replication-Get-Changes-In-Filtered-Set
];
const REPLICATION_NAMES: Record<string, string> = {
  '1131f6aa-9c07-11d1-f79f-00c04fc2dcd2': 'DS-Replication-Get-Changes',
  '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2': 'DS-Replication-Get-Changes-All',
  '89e95b76-444d-4c62-991a-0facbeda640c': 'DS-Replication-Get-Changes-In-Filtered-Set',
};

/** Addresses listed per host, and notes per node, at most (the schema bounds both). */
const MAX_LISTED = 1000;
const MAX_NOTES = 50;

/** Record IDs kept per flag (a bounded sample). */
export const MAX_FLAG_RECORD_IDS = 20;

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

/** A Kerberos service ticket requested with RC4 (0x17) for a user-account service. */
export interface Rc4TicketEvidence {
  account: string;
  source: string | null;
  service: string;
  count: number;
  first: string;
  last: string;
  recordIds: number[];
  computers: string[];
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

interface RawEdge {
  account: string;
  /** 4648: the account that used the credentials (raw key). */
  subject: string | null;
  source: string;
  target: string | null;
  eventId: number;
  logonType: string | null;
  status: string | null;
  subStatus: string | null;
  authPackage: string | null;
  failure: boolean;
  count: number;
  first: string;
  firstMs: number;
  last: string;
  lastMs: number;
  hourly: Map<number, number>;
}

type FlagOwner = { account: string } | { host: string };

interface RawFlag {
  owner: FlagOwner;
  kind: FlagKind;
  eventId: number;
  time: string;
  ms: number;
  count: number;
  computer: string | null;
  recordIds: number[];
  actor: string | null;
  /** Detail with `{actor}` and `{member}`-style placeholders filled at finish. */
  detail: (name: (key: string | null) => string) => string;
}

export function createGraphBuilder(options: GraphBuilderOptions = {}): GraphBuilder {
  const accounts = new AccountResolver();
  const hosts = new HostResolver();
  const seen = new Map<string, RecordIdSet>();
  const edges = new Map<string, RawEdge>();
  const flags: RawFlag[] = [];
  const hourlyFlags = new Map<string, RawFlag>();
  const rc4 = new Map<string, Rc4TicketEvidence>();
  const createdAsUser = new Set<string>();
  const eventCounts = new Map<number, number>();
  const sigmaRules = options.sigma ?? null;
  const sigma =
    sigmaRules === null || sigmaRules.rules.length === 0 ? null : createSigmaCollector(sigmaRules);
  const detector = createEventDetector((ref) => {
    account(ref.user, ref.domain, ref.sid);
  });
  const dcHosts = new Set<string>();
  const skipped: Record<string, number> = {};
  let used = 0;
  let minMs = Infinity;
  let maxMs = -Infinity;
  let minIso = '';
  let maxIso = '';
  const win = options.window ?? null;
  const winFrom = win === null ? -Infinity : isoToMs(win.from);
  const winTo = win === null ? Infinity : isoToMs(win.to);

  const accountCache = new Map<string, string | null>();
  // Caches of the per-event normalizations (bounded: hostile input may make every value unique).
  const CACHE_LIMIT = 1_000_000;
  const sourceCache = new Map<string, string>();
  const computerCache = new Map<string, string | null>();
  const statusCache = new Map<string, string | null>();
  const sourceOf = (ip: string | null, ws: string | null): string => {
    const k = `${ip ?? ''}\u0000${ws ?? ''}`;
    let v = sourceCache.get(k);
    if (v === undefined) {
      v = hosts.observe(parseSource(ip, ws));
      if (sourceCache.size < CACHE_LIMIT) sourceCache.set(k, v);
    }
    return v;
  };
  const computerOf = (raw: string | null): string | null => {
    if (raw === null) return null;
    let v = computerCache.get(raw);
    if (v === undefined) {
      v = hosts.computer(raw);
      if (computerCache.size < CACHE_LIMIT) computerCache.set(raw, v);
    }
    return v;
  };
  const statusOf = (raw: string | null): string | null => {
    if (raw === null) return null;
    let v = statusCache.get(raw);
    if (v === undefined) {
      v = normalizeStatus(raw);
      if (statusCache.size < CACHE_LIMIT) statusCache.set(raw, v);
    }
    return v;
  };
  // Dedupe sets by computer + channel; events come in runs from one log, so the last is kept at hand.
  let lastComputer: string | null = null;
  let lastChannel: string | null = null;
  let lastSeen: RecordIdSet | null = null;
  const skip = (reason: string): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };

  /** Observes an account; returns its raw key, or null when the fields name none. */
  function account(user: string | null, domain: string | null, sid: string | null): string | null {
    const cacheKey = `${user ?? ''}\u0000${domain ?? ''}\u0000${sid ?? ''}`;
    const cached = accountCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const o = parseAccount(user, domain, sid);
    const key = o === null ? null : accounts.observe(o);
    if (accountCache.size < 1_000_000) accountCache.set(cacheKey, key);
    return key;
  }

  function addFlag(
    f: Omit<RawFlag, 'count' | 'recordIds'>,
    recordId: number | null,
    aggregateKey: string | null,
  ): void {
    if (aggregateKey !== null) {
      const hour = Math.floor(f.ms / HOUR_MS);
      const k = `${aggregateKey}\u0000${hour}`;
      const known = hourlyFlags.get(k);
      if (known !== undefined) {
        known.count++;
        if (recordId !== null && known.recordIds.length < MAX_FLAG_RECORD_IDS) known.recordIds.push(recordId);
        return;
      }
      const agg: RawFlag = {
        ...f,
        time: hourToIso(hour),
        ms: hour * HOUR_MS,
        count: 1,
        recordIds: recordId === null ? [] : [recordId],
      };
      hourlyFlags.set(k, agg);
      flags.push(agg);
      return;
    }
    flags.push({ ...f, count: 1, recordIds: recordId === null ? [] : [recordId] });
  }

  function countEdgeEvent(edge: RawEdge, time: string, ms: number): void {
    edge.count++;
    if (ms < edge.firstMs || (ms === edge.firstMs && compareIso(time, edge.first) < 0)) {
      edge.first = time;
      edge.firstMs = ms;
    }
    if (ms > edge.lastMs || (ms === edge.lastMs && compareIso(time, edge.last) > 0)) {
      edge.last = time;
      edge.lastMs = ms;
    }
    const hour = Math.floor(ms / HOUR_MS);
    edge.hourly.set(hour, (edge.hourly.get(hour) ?? 0) + 1);
  }

  /** 4648 as an edge: subject → (credentials of) account, from the computer to the target server. */
  function addExplicitCredentialEdge(e: LogonEvent, ms: number, subject: string): void {
    const acc = account(e.targetUser, e.targetDomain, null);
    if (acc === null) return;
    const computer = clean(e.computer);
    const src = sourceOf(null, computer);
    const server = clean(e.targetServerName);
    const target = isLocalServer(server) ? computerOf(e.computer) : computerOf(server);
    const key = `${acc}\u0001${src}\u0001${target ?? ''}\u00014648\u0001${subject}`;
    let edge = edges.get(key);
    if (edge === undefined) {
      edge = {
        account: acc,
        subject,
        source: src,
        target,
        eventId: EXPLICIT_CREDENTIAL_EVENT_ID,
        logonType: null,
        status: null,
        subStatus: null,
        authPackage: null,
        failure: false,
        count: 0,
        first: e.time,
        firstMs: ms,
        last: e.time,
        lastMs: ms,
        hourly: new Map(),
      };
      edges.set(key, edge);
    }
    countEdgeEvent(edge, e.time, ms);
  }

  function addEdge(e: LogonEvent, ms: number): boolean {
    let acc: string | null;
    if (e.eventId === 4771 && clean(e.targetDomain) === null) {
      // 4771 names no domain; its service is krbtgt/<REALM>: the record's own statement of the realm.
      acc = account(e.targetUser, realmOf(e.serviceName), e.targetSid);
    } else {
      acc = account(e.targetUser, e.targetDomain, e.targetSid);
    }
    if (acc === null) {
      skip('no-account');
      return false;
    }
    const src = sourceOf(e.ipAddress, e.workstation);
    const target = computerOf(e.computer);
    const status = statusOf(e.status);
    const subStatus = statusOf(e.subStatus);
    const logonType = clean(e.logonType);
    const authPackage = clean(e.authPackage);
    const failure =
      e.eventId === 4625 || e.eventId === 4771 || (e.eventId !== 4624 && isFailureStatus(status));
    if (target !== null && (e.eventId === 4768 || e.eventId === 4769 || e.eventId === 4771))
      dcHosts.add(target);
    const key = `${acc}\u0001${src}\u0001${target ?? ''}\u0001${e.eventId}\u0001${logonType ?? ''}\u0001${status ?? ''}\u0001${subStatus ?? ''}\u0001${authPackage ?? ''}`;
    let edge = edges.get(key);
    if (edge === undefined) {
      edge = {
        account: acc,
        subject: null,
        source: src,
        target,
        eventId: e.eventId,
        logonType,
        status,
        subStatus,
        authPackage,
        failure,
        count: 0,
        first: e.time,
        firstMs: ms,
        last: e.time,
        lastMs: ms,
        hourly: new Map(),
      };
      edges.set(key, edge);
    }
    countEdgeEvent(edge, e.time, ms);

    // Kerberoasting evidence: a service ticket with RC4 for a user account's service.
    if (e.eventId === 4769 && !failure && normalizeStatus(e.ticketEncryption) === '0x17') {
      const service = clean(e.serviceName)?.toLowerCase() ?? null;
      if (
        service !== null &&
        !service.endsWith('$') &&
        service !== 'krbtgt' &&
        !service.startsWith('krbtgt/')
      ) {
        const k = `${acc}\u0000${src}\u0000${service}`;
        let r = rc4.get(k);
        if (r === undefined) {
          r = {
            account: acc,
            source: src,
            service,
            count: 0,
            first: e.time,
            last: e.time,
            recordIds: [],
            computers: [],
          };
          rc4.set(k, r);
        }
        r.count++;
        if (compareIso(e.time, r.first) < 0) r.first = e.time;
        if (compareIso(e.time, r.last) > 0) r.last = e.time;
        if (e.recordId !== null && r.recordIds.length < MAX_FLAG_RECORD_IDS) r.recordIds.push(e.recordId);
        if (e.computer !== null && r.computers.length < 20 && !r.computers.includes(e.computer))
          r.computers.push(e.computer);
      }
    }
    return true;
  }

  function addFlagEvent(e: LogonEvent, ms: number): boolean {
    const computerHost = computerOf(e.computer);
    const base = { eventId: e.eventId, time: e.time, ms, computer: clean(e.computer) };
    const subject = account(e.subjectUser, e.subjectDomain, e.subjectSid);
    const by = (name: (k: string | null) => string): string =>
      subject === null ? '' : ` by ${name(subject)}`;
    const on = e.computer === null ? '' : ` on ${e.computer}`;
    switch (e.eventId) {
      case 4672: {
        if (subject === null) return skipNo('no-account');
        addFlag(
          {
            ...base,
            owner: { account: subject },
            kind: 'privileged',
            actor: subject,
            detail: () => 'special privileges assigned to a new logon',
          },
          e.recordId,
          `p\u0000${subject}`,
        );
        return true;
      }
      case 4648: {
        if (subject === null) return skipNo('no-account');
        const target = account(e.targetUser, e.targetDomain, null);
        const server = clean(e.targetServerName);
        addFlag(
          {
            ...base,
            owner: { account: subject },
            kind: 'explicit-credentials',
            actor: subject,
            detail: (name) =>
              `used the credentials of ${target === null ? 'an unnamed account' : name(target)}${server === null ? '' : ` for ${server}`}`,
          },
          e.recordId,
          `x\u0000${subject}\u0000${target ?? ''}\u0000${server ?? ''}`,
        );
        addExplicitCredentialEdge(e, ms, subject);
        return true;
      }
      case 4720:
      case 4726: {
        const target = account(e.targetUser, e.targetDomain, e.targetSid);
        if (target === null) return skipNo('no-account');
        if (e.eventId === 4720) createdAsUser.add(target);
        const verb = e.eventId === 4720 ? 'created' : 'deleted';
        addFlag(
          {
            ...base,
            owner: { account: target },
            kind: verb,
            actor: subject,
            detail: (name) => `account ${verb}${by(name)}${on}`,
          },
          e.recordId,
          null,
        );
        return true;
      }
      case 4728:
      case 4729:
      case 4732:
      case 4733:
      case 4756:
      case 4757: {
        const memberName = clean(e.memberName);
        const cn =
          memberName === null
            ? null
            : (/^CN=((?:\\,|[^,])+)/i.exec(memberName)?.[1]?.replace(/\\,/g, ',') ?? memberName);
        const member =
          clean(e.memberSid) !== null ? account(null, null, e.memberSid) : account(cn, null, null);
        if (member === null) return skipNo('no-account');
        const group = clean(e.groupName) ?? clean(e.targetUser) ?? '(unnamed group)';
        const groupDomain = clean(e.targetDomain);
        const groupLabel = groupDomain === null ? group : `${groupDomain}\\${group}`;
        const added = e.eventId === 4728 || e.eventId === 4732 || e.eventId === 4756;
        addFlag(
          {
            ...base,
            owner: { account: member },
            kind: added ? 'group-added' : 'group-removed',
            actor: subject,
            detail: (name) => `${added ? 'added to' : 'removed from'} group ${groupLabel}${by(name)}${on}`,
          },
          e.recordId,
          null,
        );
        return true;
      }
      case 4719: {
        if (computerHost === null && subject === null) return skipNo('no-account');
        const category = auditCategoryName(e.categoryId) ?? 'unknown category';
        const sub = auditSubcategoryName(e.subcategoryGuid);
        const owner: FlagOwner = computerHost !== null ? { host: computerHost } : { account: subject! };
        addFlag(
          {
            ...base,
            owner,
            kind: 'policy-changed',
            actor: subject,
            detail: (name) =>
              `audit policy changed: ${category}${sub === null ? '' : ` › ${sub}`}${by(name)}`,
          },
          e.recordId,
          null,
        );
        return true;
      }
      case 1102: {
        if (computerHost === null && subject === null) return skipNo('no-account');
        const owner: FlagOwner = computerHost !== null ? { host: computerHost } : { account: subject! };
        addFlag(
          {
            ...base,
            owner,
            kind: 'log-cleared',
            actor: subject,
            detail: (name) => `security log cleared${by(name)}${on}`,
          },
          e.recordId,
          null,
        );
        return true;
      }
      case 4662: {
        const rights = replicationRights(e.properties);
        if (rights.length === 0 || subject === null) return true; // examined: not a replication request
        if (isDcAccount(e.subjectUser)) return true; // a domain controller replicating: normal
        addFlag(
          {
            ...base,
            owner: { account: subject },
            kind: 'dcsync',
            actor: subject,
            detail: () => `directory replication requested (${rights.join(', ')})${on}`,
          },
          e.recordId,
          `s\u0000${subject}\u0000${rights.join(',')}`,
        );
        return true;
      }
      case 5137:
      case 5141: {
        if (!touchesDcObject(e.objectDn, e.objectClass) || subject === null) return true;
        if (isDcAccount(e.subjectUser)) return true;
        const verb = e.eventId === 5137 ? 'created' : 'deleted';
        const dn = clean(e.objectDn) ?? '(no DN)';
        addFlag(
          {
            ...base,
            owner: { account: subject },
            kind: 'dcshadow',
            actor: subject,
            detail: () => `${clean(e.objectClass) ?? 'directory'} object ${verb}: ${dn}${on}`,
          },
          e.recordId,
          null,
        );
        return true;
      }
      default:
        if (DETECTION_ONLY_EVENT_IDS.has(e.eventId)) return true; // read by the event detections
        return skipNo('filtered-event-id');
    }
  }

  function skipNo(reason: string): false {
    skip(reason);
    return false;
  }

  return {
    add(e: LogonEvent): void {
      const isEdge = LOGON_EDGE_EVENT_IDS.has(e.eventId);
      const analysed = isEdge || FLAG_EVENT_IDS.has(e.eventId) || DETECTION_ONLY_EVENT_IDS.has(e.eventId);
      if (!analysed && (sigma === null || sigmaRules!.rulesFor(e.eventId).length === 0))
        return skip('filtered-event-id');
      const ms = isoToMs(e.time);
      if (Number.isNaN(ms)) return skip('bad-time');
      if (ms < winFrom || ms >= winTo) return skip('outside-window');
      if (e.recordId !== null) {
        let set = lastSeen;
        if (set === null || e.computer !== lastComputer || e.channel !== lastChannel) {
          const rk = `${(e.computer ?? '').toLowerCase()}\u0000${(e.channel ?? '').toLowerCase()}`;
          set = seen.get(rk) ?? null;
          if (set === null) seen.set(rk, (set = new RecordIdSet()));
          lastSeen = set;
          lastComputer = e.computer;
          lastChannel = e.channel;
        }
        if (!set.add(e.recordId)) return skip('duplicate');
      }
      eventCounts.set(e.eventId, (eventCounts.get(e.eventId) ?? 0) + 1);
      detector.add(e, ms);
      const hit = sigma !== null && sigma.add(e);
      if (hit) {
        // The accounts a hit names become nodes, so that the detection can point at them.
        account(e.targetUser, e.targetDomain, e.targetSid);
        account(e.subjectUser, e.subjectDomain, e.subjectSid);
      }
      const ok = isEdge
        ? addEdge(e, ms)
        : analysed
          ? addFlagEvent(e, ms)
          : hit || skipNo('filtered-event-id');
      if (!ok) return;
      used++;
      if (ms < minMs || (ms === minMs && compareIso(e.time, minIso) < 0)) {
        minMs = ms;
        minIso = e.time;
      }
      if (ms > maxMs || (ms === maxMs && compareIso(e.time, maxIso) > 0)) {
        maxMs = ms;
        maxIso = e.time;
      }
    },

    finish(): LogonGraph {
      const { byKey, domains } = accounts.resolve();
      const sources = hosts.resolve();
      const resolvedAccount = (key: string): ResolvedAccount => byKey.get(key)!;
      const nameOf = (key: string | null): string =>
        key === null ? 'an unknown account' : resolvedAccount(key).label;
      const hidden: Record<string, number> = {};

      // Account nodes.
      const nodes = new Map<string, DatasetNode>();
      const createdIds = new Set([...createdAsUser].map((k) => resolvedAccount(k).id));
      const accountNode = (key: string): DatasetNode => {
        const r = resolvedAccount(key);
        let n = nodes.get(r.id);
        if (n === undefined) {
          const sids = accounts.sidsById.get(r.id) ?? [];
          const sid = sids.find((s) => s.startsWith('S-1-5-21-')) ?? sids[0] ?? null;
          const isCreatedUser = createdIds.has(r.id);
          const reason = accountHiddenReason(r.name, r.domain, sid, isCreatedUser);
          n = {
            id: r.id,
            kind: 'account',
            label: r.label,
            name: r.name,
            domain: r.domain,
            sid,
            ips: [],
            names: [],
            hidden: reason,
            flags: [],
            notes: [],
          };
          if (isCreatedUser && r.name.endsWith('$'))
            n.notes.push(
              `created as a user account (4720) although its name ends in $ like a computer's: a way to hide an account`,
            );
          if (sids.length > 1) n.notes.push(`seen with ${sids.length} SIDs: ${sids.slice(0, 5).join(', ')}`);
          nodes.set(r.id, n);
        }
        return n;
      };
      const hostNodes = new Map<string, DatasetNode>();
      for (const h of hosts.hosts.values()) {
        hostNodes.set(h.id, {
          id: h.id,
          kind: 'host',
          label: h.label,
          name: boundLabel(h.id.slice(5)),
          domain: null,
          sid: null,
          ips: [...h.ips].sort().slice(0, MAX_LISTED),
          names: [...h.names].sort(),
          hidden: null,
          flags: [],
          notes:
            h.ips.size > MAX_LISTED
              ? [`seen with ${h.ips.size} addresses; the first ${MAX_LISTED} are listed`]
              : [],
        });
      }
      // Every address tied to several names: each of those hosts says so (the names stay apart).
      for (const [address, set] of hosts.namesByIp) {
        if (set.size < 2) continue;
        const names = [...set].sort();
        for (const n of names) {
          const host = hostNodes.get(hostId(n));
          if (host === undefined || host.notes.length >= MAX_NOTES) continue;
          const others = names
            .filter((m) => m !== n)
            .slice(0, 20)
            .map((m) => m.toUpperCase());
          host.notes.push(
            boundLabel(
              `shares address ${address} with ${others.join(', ')}${names.length > 21 ? ', …' : ''}`,
            ),
          );
        }
      }
      for (const i of hosts.ips.values()) {
        const names = [...i.names].sort().slice(0, 100).map(boundLabel);
        const notes: string[] = [];
        if (names.length > 1) {
          notes.push(
            boundLabel(
              `${i.address} was seen as ${listWords(names.map((n) => n.toUpperCase()))}: kept apart (DHCP reuse or NAT), not merged`,
            ),
          );
        }
        hostNodes.set(i.id, {
          id: i.id,
          kind: 'ip',
          label: i.address === '-' ? '(no source address)' : i.address,
          name: i.address,
          domain: null,
          sid: null,
          ips: [],
          names,
          hidden: i.hidden,
          flags: [],
          notes,
        });
      }

      // Edges, merged by resolved ends.
      const merged = new Map<string, DatasetEdge & { hourMap: Map<number, number> }>();
      for (const raw of edges.values()) {
        const acc = accountNode(raw.account);
        const src = sources.get(raw.source)!;
        const subject = raw.subject === null ? null : accountNode(raw.subject).id;
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
        if (reason !== null) hidden[reason] = (hidden[reason] ?? 0) + raw.count;
      }
      const outEdges: DatasetEdge[] = [];
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
        outEdges.push(edge);
      }
      outEdges.sort((a, b) => compareIso(a.first, b.first) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

      const accountNodeOf = (ref: { user: string | null; domain: string | null; sid: string | null }) => {
        const o = parseAccount(ref.user, ref.domain, ref.sid);
        const r = o === null ? undefined : byKey.get(observationKey(o));
        return r === undefined ? null : accountNode(observationKey(o!)).id;
      };
      const hostNodeOf = (computer: string | null): string | null => {
        const name = normalizeHostName(computer);
        if (name === null) return null;
        const id = isIpAddress(name) ? ipId(name) : hostId(name);
        return hostNodes.has(id) ? id : null;
      };
      const eventDetections = [
        ...detector.finish({ accountNode: accountNodeOf, hostNode: hostNodeOf }),
        ...(sigma === null ? [] : sigma.finish({ account: accountNodeOf, host: hostNodeOf })),
      ];

      // Flags.
      for (const f of flags) {
        const node = 'account' in f.owner ? accountNode(f.owner.account) : hostNodes.get(f.owner.host);
        if (node === undefined) continue;
        const flag: Flag = {
          kind: f.kind,
          time: f.time,
          count: f.count,
          detail: f.detail(nameOf).slice(0, 16_384),
          eventId: f.eventId,
          computer: f.computer,
          recordIds: f.recordIds,
        };
        node.flags.push(flag);
        if (node.hidden !== null) hidden[node.hidden] = (hidden[node.hidden] ?? 0) + f.count;
      }
      // Merge hourly flags that resolved onto one node (e.g. `alice` and `CORP\alice`).
      for (const n of [...nodes.values(), ...hostNodes.values()])
        if (n.flags.length > 1) n.flags = mergeFlags(n.flags);

      // Domain nodes: one per group of spellings.
      const domainNodes: DatasetNode[] = [];
      for (const d of domains.values()) {
        const others = d.spellings.filter((s) => s !== d.canonical);
        domainNodes.push({
          id: domainId(d.canonical),
          kind: 'domain',
          label: boundLabel(d.canonical.toUpperCase()),
          name: boundLabel(d.canonical),
          domain: null,
          sid: null,
          ips: [],
          names: others.slice(0, 100).map(boundLabel),
          hidden: null,
          flags: [],
          notes:
            others.length > 0
              ? [`also written ${others.join(', ')} (tied by SIDs or records naming both)`]
              : [],
        });
      }

      const rc4Tickets = [...rc4.values()].map((r) => ({
        ...r,
        account: resolvedAccount(r.account).id,
        source: r.source === null ? null : (sources.get(r.source)?.id ?? null),
      }));

      const allNodes = [...nodes.values(), ...hostNodes.values(), ...domainNodes].sort((a, b) =>
        a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
      );
      /** The 4648 edge of an event: the same ends as addExplicitCredentialEdge chose. */
      const explicitEdgeIdOf = (e: LogonEvent): string | null => {
        const target = parseAccount(e.targetUser, e.targetDomain, null);
        const subject = parseAccount(e.subjectUser, e.subjectDomain, e.subjectSid);
        const acc = target === null ? undefined : byKey.get(observationKey(target));
        const subj = subject === null ? undefined : byKey.get(observationKey(subject));
        const src = sources.get(sourceKey(parseSource(null, clean(e.computer))));
        if (acc === undefined || subj === undefined || src === undefined) return null;
        const server = clean(e.targetServerName);
        const name = normalizeHostName(isLocalServer(server) ? e.computer : server);
        const host = name === null ? null : isIpAddress(name) ? ipId(name) : hostId(name);
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
      return {
        nodes: allNodes,
        edges: outEdges,
        timeRange: used === 0 ? null : { from: minIso, to: maxIso },
        stats: { used, skipped: { ...skipped }, hidden },
        rc4Tickets,
        domainControllers: [...dcHosts].sort(),
        eventDetections,
        sigma: sigmaRules === null ? null : { rules: sigmaRules.rules.length, problems: sigmaRules.problems },
        eventCounts: Object.fromEntries([...eventCounts.entries()].sort((a, b) => a[0] - b[0])),
        edgeIdOf(e: LogonEvent): string | null {
          if (e.eventId === EXPLICIT_CREDENTIAL_EVENT_ID) return explicitEdgeIdOf(e);
          if (!LOGON_EDGE_EVENT_IDS.has(e.eventId)) return null;
          const o =
            e.eventId === 4771 && clean(e.targetDomain) === null
              ? parseAccount(e.targetUser, realmOf(e.serviceName), e.targetSid)
              : parseAccount(e.targetUser, e.targetDomain, e.targetSid);
          const acc = o === null ? undefined : byKey.get(observationKey(o));
          const src = sources.get(sourceKey(parseSource(e.ipAddress, e.workstation)));
          if (acc === undefined || src === undefined) return null;
          const name = normalizeHostName(e.computer);
          const target = name === null ? null : isIpAddress(name) ? ipId(name) : hostId(name);
          const key = edgeKeyOf(
            acc.id,
            src.id,
            target,
            e.eventId,
            clean(e.logonType),
            normalizeStatus(e.status),
            normalizeStatus(e.subStatus),
            clean(e.authPackage),
          );
          return idByKey.get(key) ?? null;
        },
      };
    },
  };
}

/** A 4648 TargetServerName that means the computer itself (RunAs writes `localhost`). */
function isLocalServer(server: string | null): boolean {
  return server === null || /^(localhost|127\.0\.0\.1|::1)$/i.test(server);
}

/** The realm of a `krbtgt/<REALM>` service name (4771 names its domain only there). */
function realmOf(serviceName: string | null): string | null {
  return /^krbtgt\/(.+)$/i.exec(clean(serviceName) ?? '')?.[1] ?? null;
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
  const parts: (string | number)[] = [
    account,
    source ?? '',
    target ?? '',
    eventId,
    logonType ?? '',
    status ?? '',
    subStatus ?? '',
    (authPackage ?? '').toLowerCase(),
  ];
  // Only 4648 edges have a subject; other keys stay as they were (ids of old datasets hold).
  if (subject !== null) parts.push(subject);
  return parts.join('\u0001');
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

/** The replication rights named in a 4662 Properties value (exact GUID tokens, any case or braces). */
export function replicationRights(properties: string | null): string[] {
  if (properties === null) return [];
  const found = new Set<string>();
  for (const m of properties
    .toLowerCase()
    .matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)) {
    const name = REPLICATION_NAMES[m[0]];
    if (name !== undefined) found.add(name);
  }
  return [...found].sort();
}

/** 5137/5141 on an nTDSDSA or server object under CN=Sites,CN=Configuration: a DC being registered. */
export function touchesDcObject(objectDn: string | null, objectClass: string | null): boolean {
  const dn = (objectDn ?? '').toLowerCase();
  const cls = (objectClass ?? '').trim().toLowerCase();
  const underSites = /(^|,)\s*cn=sites\s*,\s*cn=configuration\s*,/.test(dn);
  const dsa = cls === 'ntdsdsa' || /^cn=ntds settings\s*,/.test(dn);
  return underSites && (dsa || cls === 'server');
}

/**
 * Whether the subject of a replication or DC-registration event is a domain controller. DCs
 * replicate as their machine account (`NAME$`); a user account never should.
 */
export function isDcAccount(rawUser: string | null): boolean {
  const u = clean(rawUser);
  return u !== null && u.endsWith('$');
}

function mergeFlags(list: Flag[]): Flag[] {
  const out = new Map<string, Flag>();
  for (const f of list) {
    const k = `${f.kind}\u0000${f.time}\u0000${f.detail}\u0000${f.computer ?? ''}\u0000${f.eventId}`;
    const known = out.get(k);
    if (known === undefined) out.set(k, { ...f, recordIds: [...f.recordIds] });
    else {
      known.count += f.count;
      for (const r of f.recordIds) if (known.recordIds.length < MAX_FLAG_RECORD_IDS) known.recordIds.push(r);
    }
  }
  return [...out.values()].sort((a, b) => compareIso(a.time, b.time));
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
