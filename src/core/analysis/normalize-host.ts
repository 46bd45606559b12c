/**
 * Hosts (docs/analysis.md, "Hosts"). A logon's source is an IP address and/or a workstation name;
 * its target is the computer that logged it. A source IP and a workstation name become one host
 * when a record names both. An IP tied to one name only is that host everywhere (also in records
 * naming just the IP). An IP tied to several names (DHCP reuse, NAT) is never merged: records with
 * a name go to that host, records with only the IP go to the IP's own node, which lists the names
 * and says so in a note.
 */
import type { HiddenReason } from '../dataset/schema.js';
import {
  boundLabel,
  hostId,
  ipId,
  isIpAddress,
  isLocalAddress,
  NO_SOURCE_ID,
  normalizeHostName,
  normalizeIp,
} from './ids.js';
import { isPlainJoin, optionalKeyPart } from './keys.js';

export interface SourceObservation {
  ip: string | null;
  /** Host key (normalized first label). */
  name: string | null;
  /** The name as written (for labels). */
  rawName: string | null;
}

export function parseSource(rawIp: string | null, rawWorkstation: string | null): SourceObservation {
  let ip = normalizeIp(rawIp);
  let name = normalizeHostName(rawWorkstation);
  let rawName = name === null ? null : (rawWorkstation ?? '').trim().replace(/^\\+/, '');
  // A workstation field holding an address is an address.
  if (name !== null && isIpAddress(name)) {
    if (ip === null) ip = name;
    name = null;
    rawName = null;
  }
  if (ip !== null && !isIpAddress(ip)) {
    // Not an address (hostile or odd input): keep it as a name rather than lose it.
    if (name === null) {
      name = normalizeHostName(ip);
      rawName = ip;
    }
    ip = null;
  }
  return { ip, name, rawName };
}

export function sourceKey(s: SourceObservation): string {
  const plain = `${s.ip ?? ''}\u0000${s.name ?? ''}`;
  return isPlainJoin(plain, 0, 1) ? plain : `${optionalKeyPart(s.ip)}\u0000${optionalKeyPart(s.name)}`;
}

export interface ResolvedSource {
  id: string;
  kind: 'host' | 'ip';
  hidden: HiddenReason | null;
}

export interface HostInfo {
  id: string;
  label: string;
  /** Full names seen (FQDN of the computer, workstation spellings). */
  names: Set<string>;
  ips: Set<string>;
}

export interface IpInfo {
  id: string;
  address: string;
  names: Set<string>;
  hidden: HiddenReason | null;
}

export class HostResolver {
  private readonly sources = new Map<string, SourceObservation>();
  readonly hosts = new Map<string, HostInfo>();
  readonly ips = new Map<string, IpInfo>();
  /** Host keys seen with each (non-local) address in one record. */
  readonly namesByIp = new Map<string, Set<string>>();

  /** A computer that logged events (the target end). Returns its host id, or null. */
  computer(raw: string | null): string | null {
    const name = normalizeHostName(raw);
    if (name === null) return null;
    if (isIpAddress(name)) return this.ipNode(name).id;
    return this.host(name, (raw ?? '').trim()).id;
  }

  /** Records a source observation; returns its key. */
  observe(s: SourceObservation): string {
    const key = sourceKey(s);
    if (!this.sources.has(key)) {
      this.sources.set(key, s);
      if (s.ip !== null && s.name !== null && !isLocalAddress(s.ip)) {
        let set = this.namesByIp.get(s.ip);
        if (set === undefined) this.namesByIp.set(s.ip, (set = new Set()));
        set.add(s.name);
      }
    }
    return key;
  }

  private host(name: string, rawLabel: string): HostInfo {
    const id = hostId(name);
    let h = this.hosts.get(id);
    if (h === undefined) {
      h = {
        id,
        label: boundLabel(
          rawLabel === '' || isIpAddress(name) ? name.toUpperCase() : rawLabel.split('.')[0]!.toUpperCase(),
        ),
        names: new Set(),
        ips: new Set(),
      };
      this.hosts.set(id, h);
    }
    if (rawLabel !== '' && rawLabel.toLowerCase() !== name && h.names.size < 100)
      h.names.add(boundLabel(rawLabel.toLowerCase()));
    return h;
  }

  private ipNode(address: string): IpInfo {
    const id = address === '' ? NO_SOURCE_ID : ipId(address);
    let i = this.ips.get(id);
    if (i === undefined) {
      const hidden: HiddenReason | null = address === '' || isLocalAddress(address) ? 'local-source' : null;
      i = { id, address: address === '' ? '-' : boundLabel(address), names: new Set(), hidden };
      this.ips.set(id, i);
    }
    return i;
  }

  /** Resolves every source (call once, after all are in). */
  resolve(): Map<string, ResolvedSource> {
    const out = new Map<string, ResolvedSource>();
    for (const [key, s] of this.sources) {
      if (s.name !== null) {
        const h = this.host(s.name, s.rawName ?? s.name);
        if (s.ip !== null && !isLocalAddress(s.ip)) h.ips.add(s.ip);
        out.set(key, { id: h.id, kind: 'host', hidden: null });
        continue;
      }
      if (s.ip === null) {
        const i = this.ipNode('');
        out.set(key, { id: i.id, kind: 'ip', hidden: i.hidden });
        continue;
      }
      const names = this.namesByIp.get(s.ip);
      if (names !== undefined && names.size === 1) {
        const [only] = names;
        const h = this.host(only!, '');
        h.ips.add(s.ip);
        out.set(key, { id: h.id, kind: 'host', hidden: null });
        continue;
      }
      const i = this.ipNode(s.ip);
      if (names !== undefined) for (const n of names) i.names.add(n);
      out.set(key, { id: i.id, kind: 'ip', hidden: i.hidden });
    }
    return out;
  }
}
