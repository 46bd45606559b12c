/**
 * Node ids and the normalization of the raw strings they are built from. The server, the app and
 * the Elasticsearch loader all build ids through these functions, so the same account or host gets
 * the same id everywhere:
 *
 *   account:<domain>\<name>   (lower-cased; domain empty when unknown: `account:\alice`; a domain
 *                             holding `\` or `%` has them written `%5c` and `%25`: see idDomain)
 *   host:<name>               (lower-cased first label of a computer or workstation name)
 *   ip:<address>              (lower-cased, `::ffff:` stripped from IPv4-mapped addresses)
 *   domain:<name>
 *
 * Matching is always exact on these normalized strings, never by substring.
 */

/** Longest name kept in an id; longer (hostile) names are cut and suffixed with a hash of the whole. */
export const MAX_ID_PART = 256;

/** Placeholder values Windows writes for "none". */
export function isBlank(value: string | null | undefined): value is null | undefined | '' {
  if (value === null || value === undefined) return true;
  const t = value.trim();
  return t === '' || t === '-';
}

/** 32-bit FNV-1a as 8 hex digits. */
export function fnv1a(text: string, seed = 0x811c9dc5): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** 64-bit-ish hash (two FNV-1a passes with different seeds) as 16 hex digits. */
export function hash64(text: string): string {
  return fnv1a(text) + fnv1a(text, 0x050c5d1f);
}

/**
 * Cuts a normalized name to MAX_ID_PART characters, keeping distinct names distinct. A short name
 * that holds `…` is written in the cut form too: else a crafted name could spell out another
 * (longer) name's cut form and share its id. No Windows account, host or domain name holds `…`.
 */
export function boundPart(part: string): string {
  return part.length <= MAX_ID_PART && !part.includes('…')
    ? part
    : `${part.slice(0, MAX_ID_PART - 18)}…${hash64(part)}`;
}

/** Longest label, name or domain kept in a node (hostile megabyte strings are cut, marked with …). */
export const MAX_LABEL = 1024;

/** Cuts display text to MAX_LABEL characters. */
export function boundLabel(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1)}…`;
}

export function accountId(domain: string | null, name: string): string {
  return `account:${boundPart(idDomain((domain ?? '').toLowerCase()))}\\${boundPart(name.toLowerCase())}`;
}

/**
 * A domain as written in an account id: the id's first `\` ends the domain, so a domain holding `\`
 * (only hostile logs: no Windows domain name has one) is written with `\` as `%5c` and `%` as `%25`;
 * else domain `a\b` with name `c` and domain `a` with name `b\c` would be one account. Domains with
 * neither character (every real one) are written as they are, so their ids do not change.
 */
function idDomain(domain: string): string {
  if (!domain.includes('\\') && !domain.includes('%')) return domain;
  return domain.replace(/[%\\]/g, (c) => (c === '%' ? '%25' : '%5c'));
}

export function hostId(name: string): string {
  return `host:${boundPart(name.toLowerCase())}`;
}

export function ipId(address: string): string {
  return `ip:${boundPart(address.toLowerCase())}`;
}

export function domainId(name: string): string {
  return `domain:${boundPart(name.toLowerCase())}`;
}

/** The node id used for logons that name no source at all (IpAddress and workstation both `-`). */
export const NO_SOURCE_ID = 'ip:-';

const IPV4_RE = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6_RE = /^[0-9a-f:]+(%[0-9a-z._-]+)?$/;

export function isIpv4(s: string): boolean {
  return IPV4_RE.test(s);
}

/** True for something shaped like an IPv4 or IPv6 address (after normalizeIp). */
export function isIpAddress(s: string): boolean {
  return IPV4_RE.test(s) || (s.includes(':') && IPV6_RE.test(s));
}

/**
 * Normalizes an IpAddress field: trims, lower-cases, drops `[` `]`, strips `::ffff:` from
 * IPv4-mapped IPv6 addresses. `-` and empty give null.
 */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (isBlank(raw)) return null;
  let s = raw.trim().toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.startsWith('::ffff:') && isIpv4(s.slice(7))) s = s.slice(7);
  return s === '' ? null : s;
}

/** Loopback and unspecified addresses: the machine talking to itself. */
export function isLocalAddress(ip: string): boolean {
  return ip === '::1' || ip === '::' || ip === '0.0.0.0' || ip.startsWith('127.') || ip === '0:0:0:0:0:0:0:1';
}

/**
 * Normalizes a computer or workstation name to the host key: trims, drops leading `\\`, lower-cases
 * and keeps the first DNS label (`WS1.corp.example` and `WS1` are one host). An IP address given as
 * a name is returned whole. `-` and empty give null.
 */
export function normalizeHostName(raw: string | null | undefined): string | null {
  if (isBlank(raw)) return null;
  let s = raw.trim().toLowerCase();
  while (s.startsWith('\\')) s = s.slice(1);
  if (s === '' || s === '-') return null;
  const asIp = normalizeIp(s);
  if (asIp !== null && isIpAddress(asIp)) return asIp;
  const dot = s.indexOf('.');
  return dot > 0 ? s.slice(0, dot) : s;
}

/** A Status/SubStatus code in one spelling: `0x00000012` → `0x12`, `0xC000006D` → `0xc000006d`. */
export function normalizeStatus(raw: string | null | undefined): string | null {
  if (isBlank(raw)) return null;
  const s = raw.trim().toLowerCase();
  const m = /^0x0*([0-9a-f]+)$/.exec(s);
  if (m !== null) return `0x${m[1]}`;
  if (/^\d+$/.test(s)) return `0x${BigInt(s).toString(16)}`;
  return s;
}

/** True when a normalized status says the operation failed (anything but 0x0). */
export function isFailureStatus(status: string | null): boolean {
  return status !== null && status !== '0x0';
}

/** Trims a free-text value; `-` and empty give null. */
export function clean(raw: string | null | undefined): string | null {
  return isBlank(raw) ? null : raw.trim();
}

/** A SID in one spelling (upper-case `S-`), or null for none and the NULL SID S-1-0-0. */
export function normalizeSid(raw: string | null | undefined): string | null {
  if (isBlank(raw)) return null;
  const s = raw.trim().toUpperCase();
  if (s === 'S-1-0-0' || !s.startsWith('S-1-')) return null;
  return s;
}

/** The domain part of a domain account SID (S-1-5-21-a-b-c-RID → S-1-5-21-a-b-c), else null. */
export function domainSidOf(sid: string): string | null {
  const m = /^(S-1-5-21-\d+-\d+-\d+)-\d+$/.exec(sid);
  return m === null ? null : m[1]!;
}
