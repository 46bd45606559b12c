/**
 * Which account, which host or address an event is about (docs/analysis.md, "Graph").
 *
 * While events come in, `createIdentityObserver` records every account and host a record names
 * under its raw (normalized) key; once all are in, the resolvers decide which keys are one account
 * or host, and the node builders below turn their decisions into account, host, IP and domain nodes.
 * The graph builder and `edgeIdOf` both read an event's ends through the helpers here, so that an
 * event finds the very edge it was counted in.
 */
import type { LogonEvent } from '../events/logon-event.js';
import type { DatasetNode, Message } from '../dataset/schema.js';
import { message } from './message.js';
import {
  boundLabel,
  clean,
  domainId,
  hostId,
  ipId,
  isIpAddress,
  normalizeHostName,
  normalizeStatus,
} from './ids.js';
import {
  AccountResolver,
  accountHiddenReason,
  parseAccount,
  type ResolvedAccount,
} from './normalize-account.js';
import { HostResolver, parseSource } from './normalize-host.js';

/** Addresses listed per host, and notes per node, at most (the schema bounds both). */
const MAX_LISTED = 1000;
const MAX_NOTES = 50;

// Caches of the per-event normalizations (bounded: hostile input may make every value unique).
const CACHE_LIMIT = 1_000_000;

/** Records the accounts and hosts events name; each method returns the raw key it observed. */
export interface IdentityObserver {
  readonly accounts: AccountResolver;
  readonly hosts: HostResolver;
  /** An account's raw key, or null when the fields name none. */
  account(user: string | null, domain: string | null, sid: string | null): string | null;
  /** The raw key of a logon's source (address and workstation name). */
  source(ip: string | null, workstation: string | null): string;
  /** The host id of the computer that logged an event. */
  computer(raw: string | null): string | null;
  /** A status code in one spelling (cached: logons repeat a handful of codes). */
  status(raw: string | null): string | null;
}

/**
 * A bounded cache keyed by up to three strings, as nested maps: the strings of a batch of events are
 * shared instances whose hashes V8 keeps, so a lookup builds no key string (a joined key was most
 * of the cost of a cached call). null and '' are one key, as the parsers treat them.
 */
class Cache3<V> {
  private readonly root = new Map<string, Map<string, Map<string, V>>>();
  private size = 0;

  get(a: string | null, b: string | null, c: string | null): V | undefined {
    return this.root
      .get(a ?? '')
      ?.get(b ?? '')
      ?.get(c ?? '');
  }

  set(a: string | null, b: string | null, c: string | null, v: V): void {
    if (this.size >= CACHE_LIMIT) return;
    let m1 = this.root.get(a ?? '');
    if (m1 === undefined) this.root.set(a ?? '', (m1 = new Map()));
    let m2 = m1.get(b ?? '');
    if (m2 === undefined) m1.set(b ?? '', (m2 = new Map()));
    m2.set(c ?? '', v);
    this.size++;
  }
}

export function createIdentityObserver(): IdentityObserver {
  const accounts = new AccountResolver();
  const hosts = new HostResolver();
  const accountCache = new Cache3<string | null>();
  const sourceCache = new Cache3<string>();
  const computerCache = new Map<string, string | null>();
  const statusCache = new Map<string, string | null>();
  return {
    accounts,
    hosts,
    account(user, domain, sid) {
      const cached = accountCache.get(user, domain, sid);
      if (cached !== undefined) return cached;
      const o = parseAccount(user, domain, sid);
      const key = o === null ? null : accounts.observe(o);
      accountCache.set(user, domain, sid, key);
      return key;
    },
    source(ip, workstation) {
      let v = sourceCache.get(ip, workstation, null);
      if (v === undefined) {
        v = hosts.observe(parseSource(ip, workstation));
        sourceCache.set(ip, workstation, null, v);
      }
      return v;
    },
    computer(raw) {
      if (raw === null) return null;
      let v = computerCache.get(raw);
      if (v === undefined) {
        v = hosts.computer(raw);
        if (computerCache.size < CACHE_LIMIT) computerCache.set(raw, v);
      }
      return v;
    },
    status(raw) {
      if (raw === null) return null;
      let v = statusCache.get(raw);
      if (v === undefined) {
        v = normalizeStatus(raw);
        if (statusCache.size < CACHE_LIMIT) statusCache.set(raw, v);
      }
      return v;
    },
  };
}

/**
 * The domain of a logon edge's account. 4771 names no domain; its service is krbtgt/<REALM>: the
 * record's own statement of the realm.
 */
export function logonAccountDomain(e: LogonEvent): string | null {
  return e.eventId === 4771 && clean(e.targetDomain) === null ? realmOf(e.serviceName) : e.targetDomain;
}

/** The raw name of the server a 4648 event's credentials were used for (the computer when local). */
export function explicitCredentialServer(e: LogonEvent): string | null {
  const server = clean(e.targetServerName);
  return isLocalServer(server) ? e.computer : server;
}

/** A 4648 TargetServerName that means the computer itself (RunAs writes `localhost`). */
function isLocalServer(server: string | null): boolean {
  return server === null || /^(localhost|127\.0\.0\.1|::1)$/i.test(server);
}

/** The realm of a `krbtgt/<REALM>` service name (4771 names its domain only there). */
function realmOf(serviceName: string | null): string | null {
  return /^krbtgt\/(.+)$/i.exec(clean(serviceName) ?? '')?.[1] ?? null;
}

/** The node id a host or address name would have (whether or not the graph holds it). */
export function hostNodeIdOfName(raw: string | null): string | null {
  const name = normalizeHostName(raw);
  if (name === null) return null;
  return isIpAddress(name) ? ipId(name) : hostId(name);
}

/** Account nodes, made on first use so that only accounts the graph refers to become nodes. */
export interface AccountNodes {
  readonly nodes: Map<string, DatasetNode>;
  /** The node of an account's raw key (created the first time). */
  nodeOf(key: string): DatasetNode;
}

export function createAccountNodes(
  accounts: AccountResolver,
  byKey: Map<string, ResolvedAccount>,
  createdAsUser: ReadonlySet<string>,
): AccountNodes {
  const nodes = new Map<string, DatasetNode>();
  const createdIds = new Set([...createdAsUser].map((k) => byKey.get(k)!.id));
  return {
    nodes,
    nodeOf(key) {
      const r = byKey.get(key)!;
      let n = nodes.get(r.id);
      if (n === undefined) {
        n = accountNode(r, accounts.sidsById.get(r.id) ?? [], createdIds.has(r.id));
        nodes.set(r.id, n);
      }
      return n;
    },
  };
}

function accountNode(r: ResolvedAccount, sids: string[], isCreatedUser: boolean): DatasetNode {
  const sid = sids.find((s) => s.startsWith('S-1-5-21-')) ?? sids[0] ?? null;
  const n: DatasetNode = {
    id: r.id,
    kind: 'account',
    label: r.label,
    name: r.name,
    domain: r.domain,
    sid,
    ips: [],
    names: [],
    hidden: accountHiddenReason(r.name, r.domain, sid, isCreatedUser),
    flags: [],
    notes: [],
  };
  if (isCreatedUser && r.name.endsWith('$'))
    addNote(
      n,
      `created as a user account (4720) although its name ends in $ like a computer's: a way to hide an account`,
      message('note.createdAsUser'),
    );
  if (sids.length > 1)
    addNote(
      n,
      `seen with ${sids.length} SIDs: ${sids.slice(0, 5).join(', ')}`,
      message('note.sids', { count: sids.length, sids: sids.slice(0, 5) }),
    );
  return n;
}

/** Host and IP nodes, by id (call after `hosts.resolve()`). */
export function buildHostNodes(hosts: HostResolver): Map<string, DatasetNode> {
  const hostNodes = new Map<string, DatasetNode>();
  for (const h of hosts.hosts.values()) {
    const node: DatasetNode = {
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
      notes: [],
    };
    if (h.ips.size > MAX_LISTED)
      addNote(
        node,
        `seen with ${h.ips.size} addresses; the first ${MAX_LISTED} are listed`,
        message('note.manyAddresses', { count: h.ips.size, listed: MAX_LISTED }),
      );
    hostNodes.set(h.id, node);
  }
  noteSharedAddresses(hosts, hostNodes);
  for (const i of hosts.ips.values()) {
    const names = [...i.names].sort().slice(0, 100).map(boundLabel);
    const node: DatasetNode = {
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
      notes: [],
    };
    if (names.length > 1) {
      const upper = names.map((n) => n.toUpperCase());
      addNote(
        node,
        boundLabel(
          `${i.address} was seen as ${listWords(upper)}: kept apart (DHCP reuse or NAT), not merged`,
        ),
        message('note.ipNames', {
          address: i.address,
          names: upper.slice(0, -1),
          last: upper[upper.length - 1]!,
        }),
      );
    }
    hostNodes.set(i.id, node);
  }
  return hostNodes;
}

/** Every address tied to several names: each of those hosts says so (the names stay apart). */
function noteSharedAddresses(hosts: HostResolver, hostNodes: Map<string, DatasetNode>): void {
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
      addNote(
        host,
        boundLabel(`shares address ${address} with ${others.join(', ')}${names.length > 21 ? ', …' : ''}`),
        message('note.sharedAddress', { address, others: names.length > 21 ? [...others, '…'] : others }),
      );
    }
  }
}

/** Domain nodes: one per group of spellings. */
export function buildDomainNodes(
  domains: Map<string, { canonical: string; spellings: string[] }>,
): DatasetNode[] {
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
        others.length > 0 ? [`also written ${others.join(', ')} (tied by SIDs or records naming both)`] : [],
    });
  }
  return domainNodes;
}

/** A note for the analyst, with its message id (notes and noteMessages stay index-aligned). */
function addNote(node: DatasetNode, text: string, note: Message): void {
  node.notes.push(text);
  (node.noteMessages ??= []).push(note);
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
