/**
 * What each event ID adds to the graph: one small handler per event ID or family, in one table
 * (docs/analysis.md, "Graph"). A handler records under raw keys (edges, flags, Kerberoasting
 * evidence) and says whether the event was used; the builder dedupes, counts and dispatches.
 */
import type { LogonEvent } from '../events/logon-event.js';
import type { FlagKind, Message, MessageParam } from '../dataset/schema.js';
import { message } from './message.js';
import { auditCategoryName, auditSubcategoryName } from './audit-policy.js';
import { clean, isFailureStatus, normalizeStatus } from './ids.js';
import { compareIso, HOUR_MS } from './time.js';
import { EVENT_DETECTION_EVENT_IDS } from './detections/event-detections.js';
import { explicitCredentialServer, logonAccountDomain, type IdentityObserver } from './graph-identity.js';
import { isPlainJoin, keyPart, optionalKeyPart } from './keys.js';
import type { RawEdgeMemo } from './raw-edge-memo.js';

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
 * The event IDs the analysis reads (readers may drop the rest early). Defined beside the handlers
 * (not in analyze.ts) so that a reader can be started with this filter before the dataset and
 * ranking modules are loaded (`logonlens analyze` starts its EVTX workers first).
 */
export const ANALYSED_EVENT_IDS: ReadonlySet<number> = new Set([
  ...LOGON_EDGE_EVENT_IDS,
  ...FLAG_EVENT_IDS,
  ...DETECTION_ONLY_EVENT_IDS,
]);

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

/** Record IDs kept per flag (a bounded sample). */
export const MAX_FLAG_RECORD_IDS = 20;

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

/** An edge under the raw keys of its ends (merged by resolved identity at finish). */
export interface RawEdge {
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

export type FlagOwner = { account: string } | { host: string };

/** A flag's detail: the English text stored for every reader, and its message id with parameters. */
export interface FlagDetail {
  text: string;
  message: Message;
}

export interface RawFlag {
  owner: FlagOwner;
  kind: FlagKind;
  eventId: number;
  time: string;
  ms: number;
  count: number;
  computer: string | null;
  recordIds: number[];
  actor: string | null;
  /** Detail (English text and message) with the names of accounts filled at finish. */
  detail: (name: (key: string | null) => string) => FlagDetail;
}

/** What a handler may record into (the builder's state). */
export interface GraphRecords {
  readonly identity: IdentityObserver;
  readonly edges: Map<string, RawEdge>;
  /** The edges by their parts: an event of a known edge finds it without building its key. */
  readonly edgeMemo: RawEdgeMemo;
  readonly rc4: Map<string, Rc4TicketEvidence>;
  /** Host ids of computers that logged Kerberos KDC events. */
  readonly domainControllers: Set<string>;
  /** Raw keys of accounts created as users (4720). */
  readonly createdAsUser: Set<string>;
  /** Adds a flag of its own (not aggregated). */
  addFlag(flag: Omit<RawFlag, 'count' | 'recordIds'>, recordId: number | null): void;
  /**
   * Counts an event into the hourly flag of (tag, key) for the hour of `ms` when that flag exists;
   * false when it does not, and the caller then starts it with `startHourlyFlag`. Flags of one key
   * within one hour are one flag; asking first means the common case (the hour's flag exists: a
   * busy account's 4672s) builds no flag object, detail or string.
   */
  countHourlyFlag(tag: string, key: string, ms: number, recordId: number | null): boolean;
  startHourlyFlag(
    tag: string,
    key: string,
    flag: Omit<RawFlag, 'count' | 'recordIds'>,
    recordId: number | null,
  ): void;
  skip(reason: string): void;
}

/** Records one event; false when the event was skipped (the handler counted why). */
export type EventHandler = (e: LogonEvent, ms: number, records: GraphRecords) => boolean;

/** 4624, 4625, 4768, 4769, 4771, 4776: a logon edge from the source to the computer. */
function logonEdge(e: LogonEvent, ms: number, records: GraphRecords): boolean {
  const { identity } = records;
  const acc = identity.account(e.targetUser, logonAccountDomain(e), e.targetSid);
  if (acc === null) {
    records.skip('no-account');
    return false;
  }
  const src = identity.source(e.ipAddress, e.workstation);
  const target = identity.computer(e.computer);
  const status = identity.status(e.status);
  const subStatus = identity.status(e.subStatus);
  const logonType = clean(e.logonType);
  const authPackage = clean(e.authPackage);
  const failure = e.eventId === 4625 || e.eventId === 4771 || (e.eventId !== 4624 && isFailureStatus(status));
  if (target !== null && (e.eventId === 4768 || e.eventId === 4769 || e.eventId === 4771))
    records.domainControllers.add(target);
  let edge = records.edgeMemo.find(
    acc,
    src,
    target,
    e.eventId,
    logonType,
    status,
    subStatus,
    authPackage,
    null,
  );
  if (edge === undefined) {
    // acc and src are raw keys (escaped already); the other log-derived parts are escaped when one
    // of them holds a separator (keys.ts; a scan of the plain key tells, once).
    let key = `${acc}\u0001${src}\u0001${target ?? ''}\u0001${e.eventId}\u0001${logonType ?? ''}\u0001${status ?? ''}\u0001${subStatus ?? ''}\u0001${authPackage ?? ''}`;
    if (!isPlainJoin(key, 1, 7))
      key = `${acc}\u0001${src}\u0001${optionalKeyPart(target)}\u0001${e.eventId}\u0001${optionalKeyPart(logonType)}\u0001${optionalKeyPart(status)}\u0001${optionalKeyPart(subStatus)}\u0001${optionalKeyPart(authPackage)}`;
    edge = records.edges.get(key);
    if (edge === undefined) {
      edge = newRawEdge(e, ms, {
        account: acc,
        subject: null,
        source: src,
        target,
        logonType,
        status,
        subStatus,
        authPackage,
        failure,
      });
      records.edges.set(key, edge);
      records.edgeMemo.remember(edge);
    }
  }
  countEdgeEvent(edge, e.time, ms);
  if (e.eventId === 4769 && !failure) recordRc4Ticket(e, acc, src, records.rc4);
  return true;
}

/** 4648 as an edge: subject → (credentials of) account, from the computer to the target server. */
function explicitCredentialEdge(e: LogonEvent, ms: number, subject: string, records: GraphRecords): void {
  const { identity } = records;
  const acc = identity.account(e.targetUser, e.targetDomain, null);
  if (acc === null) return;
  const src = identity.source(null, clean(e.computer));
  const target = identity.computer(explicitCredentialServer(e));
  let edge = records.edgeMemo.find(
    acc,
    src,
    target,
    EXPLICIT_CREDENTIAL_EVENT_ID,
    null,
    null,
    null,
    null,
    subject,
  );
  if (edge === undefined) {
    const key = `${acc}\u0001${src}\u0001${optionalKeyPart(target)}\u00014648\u0001${subject}`;
    edge = records.edges.get(key);
    if (edge === undefined) {
      edge = newRawEdge(e, ms, {
        account: acc,
        subject,
        source: src,
        target,
        logonType: null,
        status: null,
        subStatus: null,
        authPackage: null,
        failure: false,
      });
      records.edges.set(key, edge);
      records.edgeMemo.remember(edge);
    }
  }
  countEdgeEvent(edge, e.time, ms);
}

type EdgeEnds = Omit<RawEdge, 'eventId' | 'count' | 'first' | 'firstMs' | 'last' | 'lastMs' | 'hourly'>;

function newRawEdge(e: LogonEvent, ms: number, ends: EdgeEnds): RawEdge {
  return {
    account: ends.account,
    subject: ends.subject,
    source: ends.source,
    target: ends.target,
    eventId: e.eventId,
    logonType: ends.logonType,
    status: ends.status,
    subStatus: ends.subStatus,
    authPackage: ends.authPackage,
    failure: ends.failure,
    count: 0,
    first: e.time,
    firstMs: ms,
    last: e.time,
    lastMs: ms,
    hourly: new Map(),
  };
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

/** Kerberoasting evidence: a service ticket with RC4 for a user account's service. */
function recordRc4Ticket(e: LogonEvent, acc: string, src: string, rc4: Map<string, Rc4TicketEvidence>): void {
  if (normalizeStatus(e.ticketEncryption) !== '0x17') return;
  const service = clean(e.serviceName)?.toLowerCase() ?? null;
  if (service === null || service.endsWith('$') || service === 'krbtgt' || service.startsWith('krbtgt/'))
    return;
  const k = `${acc}\u0001${src}\u0001${keyPart(service)}`;
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

/** What every flag event starts from: its subject and the host of its computer. */
interface FlagEvent {
  e: LogonEvent;
  ms: number;
  records: GraphRecords;
  /** The host id of the computer that logged the event. */
  computerHost: string | null;
  /** The raw key of the subject account (who did it). */
  subject: string | null;
}

/**
 * A handler for a flag event: the common parts are read first, in one order for every event (the
 * computer, then the subject: the order in which identities are first observed is kept).
 */
function flagHandler(handle: (f: FlagEvent) => boolean): EventHandler {
  return (e, ms, records) => {
    const computerHost = records.identity.computer(e.computer);
    const subject = records.identity.account(e.subjectUser, e.subjectDomain, e.subjectSid);
    return handle({ e, ms, records, computerHost, subject });
  };
}

/** The fields every flag takes from its event. */
function flagBase(e: LogonEvent, ms: number): Pick<RawFlag, 'eventId' | 'time' | 'ms' | 'computer'> {
  return { eventId: e.eventId, time: e.time, ms, computer: clean(e.computer) };
}

/** ` by <subject>`, or nothing when the subject is unknown. */
function byPhrase(subject: string | null, name: (k: string | null) => string): string {
  return subject === null ? '' : ` by ${name(subject)}`;
}

/** ` on <computer>`, or nothing. */
function onPhrase(e: LogonEvent): string {
  return e.computer === null ? '' : ` on ${e.computer}`;
}

/** `byPhrase` as a message parameter (`flag.by`, or an empty string). */
function byParam(subject: string | null, name: (k: string | null) => string): MessageParam {
  return subject === null ? '' : message('flag.by', { actor: name(subject) });
}

/** `onPhrase` as a message parameter (`flag.on`, or an empty string). */
function onParam(e: LogonEvent): MessageParam {
  return e.computer === null ? '' : message('flag.on', { computer: e.computer });
}

function noAccount(records: GraphRecords): false {
  records.skip('no-account');
  return false;
}

/** 4672: special privileges assigned to a new logon (one flag per account and hour). */
const privilegedLogon = flagHandler(({ e, ms, records, subject }) => {
  if (subject === null) return noAccount(records);
  if (records.countHourlyFlag('p', subject, ms, e.recordId)) return true;
  records.startHourlyFlag(
    'p',
    subject,
    {
      ...flagBase(e, ms),
      owner: { account: subject },
      kind: 'privileged',
      actor: subject,
      detail: () => ({
        text: 'special privileges assigned to a new logon',
        message: message('flag.privileged'),
      }),
    },
    e.recordId,
  );
  return true;
});

/** 4648: a flag on the account that used explicit credentials, and the edge of their use. */
const explicitCredentials = flagHandler(({ e, ms, records, subject }) => {
  if (subject === null) return noAccount(records);
  const target = records.identity.account(e.targetUser, e.targetDomain, null);
  const server = clean(e.targetServerName);
  const key = `${subject}\u0001${target ?? ''}\u0001${optionalKeyPart(server)}`;
  if (!records.countHourlyFlag('x', key, ms, e.recordId))
    records.startHourlyFlag(
      'x',
      key,
      {
        ...flagBase(e, ms),
        owner: { account: subject },
        kind: 'explicit-credentials',
        actor: subject,
        detail: (name) => ({
          text: `used the credentials of ${target === null ? 'an unnamed account' : name(target)}${server === null ? '' : ` for ${server}`}`,
          message: message('flag.explicitCredentials', {
            account: target === null ? message('fallback.unnamedAccount') : name(target),
            server: server === null ? '' : message('flag.forServer', { server }),
          }),
        }),
      },
      e.recordId,
    );
  explicitCredentialEdge(e, ms, subject, records);
  return true;
});

/** 4720, 4726: an account created or deleted. */
const accountCreatedOrDeleted = flagHandler(({ e, ms, records, subject }) => {
  const target = records.identity.account(e.targetUser, e.targetDomain, e.targetSid);
  if (target === null) return noAccount(records);
  if (e.eventId === 4720) records.createdAsUser.add(target);
  const verb = e.eventId === 4720 ? 'created' : 'deleted';
  const on = onPhrase(e);
  records.addFlag(
    {
      ...flagBase(e, ms),
      owner: { account: target },
      kind: verb,
      actor: subject,
      detail: (name) => ({
        text: `account ${verb}${byPhrase(subject, name)}${on}`,
        message: message(verb === 'created' ? 'flag.accountCreated' : 'flag.accountDeleted', {
          by: byParam(subject, name),
          on: onParam(e),
        }),
      }),
    },
    e.recordId,
  );
  return true;
});

const GROUP_ADDED_EVENT_IDS: ReadonlySet<number> = new Set([4728, 4732, 4756]);

/** 4728/4729, 4732/4733, 4756/4757: a member added to or removed from a group. */
const groupMembership = flagHandler(({ e, ms, records, subject }) => {
  const memberName = clean(e.memberName);
  // The member's DN names it first: `CN=<name>,…` (commas inside the name are escaped).
  const cn =
    memberName === null
      ? null
      : (/^CN=((?:\\,|[^,])+)/i.exec(memberName)?.[1]?.replace(/\\,/g, ',') ?? memberName);
  const member =
    clean(e.memberSid) !== null
      ? records.identity.account(null, null, e.memberSid)
      : records.identity.account(cn, null, null);
  if (member === null) return noAccount(records);
  const named = clean(e.groupName) ?? clean(e.targetUser);
  const group = named ?? '(unnamed group)';
  const groupDomain = clean(e.targetDomain);
  const groupLabel = groupDomain === null ? group : `${groupDomain}\\${group}`;
  const groupParam: MessageParam =
    named === null && groupDomain === null ? message('fallback.unnamedGroup') : groupLabel;
  const added = GROUP_ADDED_EVENT_IDS.has(e.eventId);
  const on = onPhrase(e);
  records.addFlag(
    {
      ...flagBase(e, ms),
      owner: { account: member },
      kind: added ? 'group-added' : 'group-removed',
      actor: subject,
      detail: (name) => ({
        text: `${added ? 'added to' : 'removed from'} group ${groupLabel}${byPhrase(subject, name)}${on}`,
        message: message(added ? 'flag.groupAdded' : 'flag.groupRemoved', {
          group: groupParam,
          by: byParam(subject, name),
          on: onParam(e),
        }),
      }),
    },
    e.recordId,
  );
  return true;
});

/** 4719: the audit policy changed (a flag on the computer, or on the subject when none is named). */
const auditPolicyChanged = flagHandler(({ e, ms, records, computerHost, subject }) => {
  if (computerHost === null && subject === null) return noAccount(records);
  const known = auditCategoryName(e.categoryId);
  const category = known ?? 'unknown category';
  const sub = auditSubcategoryName(e.subcategoryGuid);
  const owner: FlagOwner = computerHost !== null ? { host: computerHost } : { account: subject! };
  records.addFlag(
    {
      ...flagBase(e, ms),
      owner,
      kind: 'policy-changed',
      actor: subject,
      detail: (name) => ({
        text: `audit policy changed: ${category}${sub === null ? '' : ` › ${sub}`}${byPhrase(subject, name)}`,
        message: message('flag.auditPolicy', {
          category: known ?? message('fallback.unknownCategory'),
          subcategory: sub === null ? '' : message('flag.subcategory', { subcategory: sub }),
          by: byParam(subject, name),
        }),
      }),
    },
    e.recordId,
  );
  return true;
});

/** 1102: the security log cleared (a flag on the computer, or on the subject when none is named). */
const logCleared = flagHandler(({ e, ms, records, computerHost, subject }) => {
  if (computerHost === null && subject === null) return noAccount(records);
  const owner: FlagOwner = computerHost !== null ? { host: computerHost } : { account: subject! };
  const on = onPhrase(e);
  records.addFlag(
    {
      ...flagBase(e, ms),
      owner,
      kind: 'log-cleared',
      actor: subject,
      detail: (name) => ({
        text: `security log cleared${byPhrase(subject, name)}${on}`,
        message: message('flag.logCleared', { by: byParam(subject, name), on: onParam(e) }),
      }),
    },
    e.recordId,
  );
  return true;
});

/** 4662: directory replication requested by an account that is not a domain controller (DCSync). */
const directoryReplication = flagHandler(({ e, ms, records, subject }) => {
  const rights = replicationRights(e.properties);
  if (rights.length === 0 || subject === null) return true; // examined: not a replication request
  if (isDcAccount(e.subjectUser)) return true; // a domain controller replicating: normal
  const key = `${subject}\u0001${keyPart(rights.join(','))}`;
  if (records.countHourlyFlag('s', key, ms, e.recordId)) return true;
  const on = onPhrase(e);
  records.startHourlyFlag(
    's',
    key,
    {
      ...flagBase(e, ms),
      owner: { account: subject },
      kind: 'dcsync',
      actor: subject,
      detail: () => ({
        text: `directory replication requested (${rights.join(', ')})${on}`,
        message: message('flag.replication', { rights, on: onParam(e) }),
      }),
    },
    e.recordId,
  );
  return true;
});

/** 5137, 5141: a DC object created or deleted by an account that is not a DC (DCShadow). */
const dcObjectChanged = flagHandler(({ e, ms, records, subject }) => {
  if (!touchesDcObject(e.objectDn, e.objectClass) || subject === null) return true;
  if (isDcAccount(e.subjectUser)) return true;
  const verb = e.eventId === 5137 ? 'created' : 'deleted';
  const dn = clean(e.objectDn) ?? '(no DN)';
  const on = onPhrase(e);
  records.addFlag(
    {
      ...flagBase(e, ms),
      owner: { account: subject },
      kind: 'dcshadow',
      actor: subject,
      detail: () => ({
        text: `${clean(e.objectClass) ?? 'directory'} object ${verb}: ${dn}${on}`,
        message: message(verb === 'created' ? 'flag.dcObjectCreated' : 'flag.dcObjectDeleted', {
          objectClass: clean(e.objectClass) ?? message('fallback.directory'),
          dn: clean(e.objectDn) ?? message('fallback.noDn'),
          on: onParam(e),
        }),
      }),
    },
    e.recordId,
  );
  return true;
});

/** Events read by the event detections only: their subject and computer still become nodes. */
const detectionOnly = flagHandler(() => true);

function handlerTable(): Map<number, EventHandler> {
  const table = new Map<number, EventHandler>();
  const register = (ids: Iterable<number>, handler: EventHandler): void => {
    for (const id of ids) table.set(id, handler);
  };
  register(LOGON_EDGE_EVENT_IDS, logonEdge);
  register([4672], privilegedLogon);
  register([EXPLICIT_CREDENTIAL_EVENT_ID], explicitCredentials);
  register([4720, 4726], accountCreatedOrDeleted);
  register([4728, 4729, 4732, 4733, 4756, 4757], groupMembership);
  register([4719], auditPolicyChanged);
  register([1102], logCleared);
  register([4662], directoryReplication);
  register([5137, 5141], dcObjectChanged);
  register(DETECTION_ONLY_EVENT_IDS, detectionOnly);
  return table;
}

/** The handler of each analysed event ID (edges, flags, detection evidence). */
export const EVENT_HANDLERS: ReadonlyMap<number, EventHandler> = handlerTable();

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
