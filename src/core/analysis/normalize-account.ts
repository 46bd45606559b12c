/**
 * Account identity (docs/analysis.md, "Identity rules").
 *
 * One observation is what a record says about an account: a name, maybe a domain, maybe a SID.
 * `parseAccount` normalizes it (case, `DOMAIN\user`, `user@domain.fqdn`); `AccountResolver`
 * collects every observation and decides, once all are in, which ones are the same account:
 *
 * 1. Domain spellings are grouped when the events tie them: the same domain-account SID (or the
 *    same domain SID prefix S-1-5-21-a-b-c) seen with both spellings, or one record holding both
 *    (a UPN suffix in the user name and a NetBIOS name in the domain field). A group is named by
 *    its NetBIOS spelling (no dots), else its first FQDN.
 * 2. Qualified observations are one account per (domain group, name).
 * 3. An observation without domain joins the account with the same SID, else the single qualified
 *    account with that name; with none or several candidates it stays its own `account:\name`.
 * 4. An observation with only a SID (a group member written as `-`) joins the account with that
 *    SID, else becomes an account named by the SID.
 */
import type { HiddenReason } from '../dataset/schema.js';
import { accountId, boundLabel, boundPart, clean, domainSidOf, normalizeSid } from './ids.js';
import { isPlainJoin, optionalKeyPart } from './keys.js';

export interface AccountObservation {
  /** Lower-cased user name without domain or UPN suffix; null when the record names only a SID. */
  name: string | null;
  /** Lower-cased domain from the domain field or the `DOMAIN\` prefix. */
  domain: string | null;
  /** Lower-cased UPN suffix (`user@corp.example` → `corp.example`). */
  upnSuffix: string | null;
  sid: string | null;
  /** The name as the record spelled it (for the label). */
  rawName: string | null;
  rawDomain: string | null;
}

/** Normalizes what a record says about an account; null when it names no account at all. */
export function parseAccount(
  rawUser: string | null | undefined,
  rawDomain: string | null | undefined,
  rawSid: string | null | undefined,
): AccountObservation | null {
  let user = clean(rawUser);
  let domain = clean(rawDomain);
  const sid = normalizeSid(rawSid);
  let upnSuffix: string | null = null;
  let displayName = user;
  if (user !== null) {
    const slash = user.indexOf('\\');
    if (slash >= 0) {
      const prefix = user.slice(0, slash).trim();
      user = user.slice(slash + 1).trim();
      if (prefix !== '' && domain === null) domain = prefix;
      displayName = user;
    }
    const at = user.lastIndexOf('@');
    if (at > 0 && at < user.length - 1) {
      upnSuffix = user
        .slice(at + 1)
        .trim()
        .toLowerCase();
      user = user.slice(0, at).trim();
      displayName = user;
    }
    if (user === '' || user === '-') user = null;
  }
  if (user === null && sid === null) return null;
  return {
    name: user === null ? null : user.toLowerCase(),
    domain: domain === null ? null : domain.toLowerCase(),
    upnSuffix,
    sid,
    rawName: displayName,
    rawDomain: domain,
  };
}

/**
 * Key of an observation before resolution (exact; used to aggregate before identities are known).
 * Its parts are escaped (keys.ts): a name holding the separator cannot pass for a name and a domain.
 */
export function observationKey(o: AccountObservation): string {
  const sid = o.name === null ? o.sid : null;
  const plain = `${o.name ?? ''}\u0000${o.domain ?? ''}\u0000${o.upnSuffix ?? ''}\u0000${sid ?? ''}`;
  if (isPlainJoin(plain, 0, 3)) return plain;
  return `${optionalKeyPart(o.name)}\u0000${optionalKeyPart(o.domain)}\u0000${optionalKeyPart(o.upnSuffix)}\u0000${optionalKeyPart(sid)}`;
}

const WELL_KNOWN_SIDS = new Set([
  'S-1-5-18',
  'S-1-5-19',
  'S-1-5-20',
  'S-1-5-6',
  'S-1-5-2',
  'S-1-5-4',
  'S-1-2-0',
  'S-1-1-0',
]);
const WELL_KNOWN_NAMES = new Set([
  'system',
  'local system',
  'local service',
  'localservice',
  'network service',
  'networkservice',
  'iusr',
  'defaultapppool',
]);
const WELL_KNOWN_DOMAINS = new Set([
  'nt authority',
  'font driver host',
  'window manager',
  'nt service',
  'iis apppool',
]);

/**
 * Why an account is kept out of the default graph, or null. `createdAsUser` is set when the
 * account was created by 4720 (a user, not a computer): a user named `name$` is the hidden-user
 * trick, and hiding it would help the attacker.
 */
export function accountHiddenReason(
  name: string | null,
  domain: string | null,
  sid: string | null,
  createdAsUser = false,
): HiddenReason | null {
  if (sid === 'S-1-5-7' || name === 'anonymous logon' || name === 'anonymous') return 'anonymous';
  // A computer's own logons often carry S-1-5-18: the name says more than the SID.
  if (name !== null && name.endsWith('$') && !createdAsUser) return 'machine-account';
  if (sid !== null && (WELL_KNOWN_SIDS.has(sid) || /^S-1-5-(90|96)-/.test(sid))) return 'well-known-account';
  if (name !== null) {
    if (WELL_KNOWN_NAMES.has(name) || /^(dwm|umfd)-\d+$/.test(name)) return 'well-known-account';
    if (domain !== null && WELL_KNOWN_DOMAINS.has(domain)) return 'well-known-account';
  }
  return null;
}

/** Only domain-account SIDs identify one account; well-known SIDs (S-1-5-18, ...) are shared. */
function mergeableSid(sid: string | null): boolean {
  return sid !== null && domainSidOf(sid) !== null;
}

/** What the resolver decided for one observation. */
export interface ResolvedAccount {
  id: string;
  name: string;
  domain: string | null;
  label: string;
}

interface Identity {
  id: string;
  name: string;
  domain: string | null;
  label: string;
  sids: Set<string>;
  spellings: Set<string>;
}

/** Union-find over domain spellings. */
class DomainGroups {
  private readonly parent = new Map<string, string>();
  add(d: string): void {
    if (!this.parent.has(d)) this.parent.set(d, d);
  }
  find(d: string): string {
    this.add(d);
    let r = d;
    while (this.parent.get(r) !== r) r = this.parent.get(r)!;
    let c = d;
    while (c !== r) {
      const next = this.parent.get(c)!;
      this.parent.set(c, r);
      c = next;
    }
    return r;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const d of this.parent.keys()) {
      const r = this.find(d);
      const list = out.get(r);
      if (list === undefined) out.set(r, [d]);
      else list.push(d);
    }
    return out;
  }
}

export class AccountResolver {
  private readonly observations = new Map<string, AccountObservation>();

  /** Records an observation; returns its key. */
  observe(o: AccountObservation): string {
    const key = observationKey(o);
    const known = this.observations.get(key);
    if (known === undefined) this.observations.set(key, { ...o });
    else if (known.sid === null && o.sid !== null) known.sid = o.sid;
    return key;
  }

  /** Resolves every observation (call once, after all are in). */
  resolve(): {
    byKey: Map<string, ResolvedAccount>;
    domains: Map<string, { canonical: string; spellings: string[] }>;
  } {
    const groups = new DomainGroups();
    const domainsBySid = new Map<string, Set<string>>();
    const tie = (sidKey: string, domain: string): void => {
      let s = domainsBySid.get(sidKey);
      if (s === undefined) domainsBySid.set(sidKey, (s = new Set()));
      s.add(domain);
    };
    for (const o of this.observations.values()) {
      const d = o.domain ?? o.upnSuffix;
      if (o.domain !== null) groups.add(o.domain);
      if (o.upnSuffix !== null) groups.add(o.upnSuffix);
      // Same record: a UPN suffix and a domain name are two spellings of one domain.
      if (o.domain !== null && o.upnSuffix !== null) groups.union(o.domain, o.upnSuffix);
      if (o.sid !== null && d !== null) {
        const domainSid = domainSidOf(o.sid);
        if (domainSid !== null) {
          tie(o.sid, d);
          tie(domainSid, d);
        }
      }
    }
    for (const spellings of domainsBySid.values()) {
      const [first, ...rest] = [...spellings];
      for (const r of rest) groups.union(first!, r);
    }
    const canonicalOf = new Map<string, string>();
    const domains = new Map<string, { canonical: string; spellings: string[] }>();
    for (const members of groups.groups().values()) {
      members.sort();
      const netbios = members.filter((m) => !m.includes('.'));
      const canonical = netbios[0] ?? members[0]!;
      for (const m of members) canonicalOf.set(m, canonical);
      domains.set(canonical, { canonical, spellings: members });
    }

    // Qualified identities.
    const identities = new Map<string, Identity>();
    const bySid = new Map<string, Identity>();
    const byName = new Map<string, Identity[]>();
    const byKey = new Map<string, ResolvedAccount>();
    const identityFor = (name: string, domain: string | null, label: string): Identity => {
      const id = accountId(domain, name);
      let ident = identities.get(id);
      if (ident === undefined) {
        ident = { id, name, domain, label, sids: new Set(), spellings: new Set() };
        identities.set(id, ident);
        if (domain !== null) {
          const list = byName.get(name);
          if (list === undefined) byName.set(name, [ident]);
          else list.push(ident);
        }
      }
      return ident;
    };
    const pending: Array<[string, AccountObservation]> = [];
    for (const [key, o] of this.observations) {
      const d = o.domain ?? o.upnSuffix;
      if (o.name === null || d === null) {
        pending.push([key, o]);
        continue;
      }
      const canonical = canonicalOf.get(d) ?? d;
      const ident = identityFor(
        o.name,
        canonical,
        `${boundPart(canonical.toUpperCase())}\\${o.rawName ?? o.name}`,
      );
      if (o.sid !== null) {
        ident.sids.add(o.sid);
        if (mergeableSid(o.sid) && !bySid.has(o.sid)) bySid.set(o.sid, ident);
      }
      byKey.set(key, ident);
    }
    // Bare names and SID-only observations.
    for (const [key, o] of pending) {
      let target: Identity | undefined = mergeableSid(o.sid) ? bySid.get(o.sid!) : undefined;
      if (target === undefined && o.name !== null) {
        const candidates = byName.get(o.name);
        if (candidates !== undefined && candidates.length === 1) target = candidates[0];
      }
      if (target === undefined) {
        const name = o.name ?? o.sid!.toLowerCase();
        target = identityFor(name, null, o.rawName ?? o.sid ?? name);
        if (mergeableSid(o.sid) && !bySid.has(o.sid!)) bySid.set(o.sid!, target);
      }
      if (o.sid !== null) target.sids.add(o.sid);
      byKey.set(key, target);
    }
    const resolved = new Map<string, ResolvedAccount>();
    for (const [key, ident] of byKey) {
      resolved.set(key, {
        id: ident.id,
        name: boundLabel(ident.name),
        domain: ident.domain === null ? null : boundLabel(ident.domain),
        label: boundLabel(ident.label),
      });
    }
    this.sidsById = new Map([...identities.values()].map((i) => [i.id, [...i.sids]]));
    return { byKey: resolved, domains };
  }

  /** SIDs seen for each account id (after resolve). */
  sidsById = new Map<string, string[]>();
}
