/**
 * One Sigma detection item (`Field|mod1|mod2: value or list`) compiled to a predicate, following
 * the Sigma specification: plain values match the whole field, case-insensitively, with `*` and
 * `?` wildcards and `\*`, `\?`, `\\` escapes; a list matches any value (all with `|all`).
 */
import type { LogonEvent } from '../events/logon-event.js';
import { allValues, fieldGetter, type FieldGetter } from './fields.js';
import { MAX_SUBJECT, unsafeRegexReason } from './safe-regex.js';

export type EventPredicate = (e: LogonEvent) => boolean;

/** A rule that cannot run: malformed (`invalid`) or beyond what LogonLens evaluates (`unsupported`). */
export class RuleProblem extends Error {
  constructor(
    readonly kind: 'invalid' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

const KNOWN_MODIFIERS = new Set([
  'contains',
  'startswith',
  'endswith',
  'all',
  're',
  'i',
  'm',
  's',
  'cidr',
  'windash',
  'base64',
  'base64offset',
  'wide',
  'utf16le',
  'exists',
  'cased',
  'gt',
  'gte',
  'lt',
  'lte',
]);

type Scalar = string | number | boolean | null;

/** `*`/`?` wildcards and escapes to a regular-expression source. */
export function wildcardToRegex(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      const n = value[i + 1];
      if (n === '*' || n === '?' || n === '\\') {
        out += escapeRegex(n);
        i++;
        continue;
      }
      out += '\\\\';
      continue;
    }
    if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else out += escapeRegex(c);
  }
  return out;
}

const STAR = -1;
const ANY = -2;

/** A wildcard value as character codes with STAR and ANY, escapes resolved. */
function globCodes(value: string, lowerCase: boolean): Int32Array {
  const out: number[] = [];
  const v = lowerCase ? value.toLowerCase() : value;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\') {
      const n = v[i + 1];
      if (n === '*' || n === '?' || n === '\\') {
        out.push(n.charCodeAt(0));
        i++;
        continue;
      }
    }
    out.push(c === '*' ? STAR : c === '?' ? ANY : c.charCodeAt(0));
  }
  return Int32Array.from(out);
}

/**
 * Wildcard matching in O(pattern × text) whatever the pattern: a value such as `*a*a*a*b` would
 * make a backtracking regular expression take polynomial time of high degree on a long hostile
 * field; this two-pointer walk returns to the last `*` only.
 */
export function globMatch(p: Int32Array, s: string): boolean {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < s.length) {
    if (i < p.length && (p[i] === ANY || p[i] === s.charCodeAt(j))) {
      i++;
      j++;
    } else if (i < p.length && p[i] === STAR) {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < p.length && p[i] === STAR) i++;
  return i === p.length;
}

/** Unescaped `*` in a wildcard value. */
function starCount(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === '*') n++;
  }
  return n;
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

function utf16le(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out.push(u & 255, u >> 8);
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

/** The three base64 spellings of `bytes` at any offset in a longer encoded text (Sigma's base64offset). */
export function base64Offsets(bytes: readonly number[]): string[] {
  const starts = [0, 2, 3];
  const ends = [0, -3, -2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const enc = base64([...Array<number>(i).fill(0x20), ...bytes]);
    const end = ends[(bytes.length + i) % 3]!;
    out.push(enc.slice(starts[i], end === 0 ? undefined : end));
  }
  return out;
}

/** The variants of a command-line switch: `-x`, `/x`, en dash, em dash, horizontal bar. */
export function windashVariants(value: string): string[] {
  if (!value.includes('-')) return [value];
  return ['-', '/', '\u2013', '\u2014', '\u2015'].map((d) => value.replace(/-/g, d));
}

function parseCidr(cidr: string): ((ip: string) => boolean) | null {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
  if (m === null) return null;
  const bits = Number(m[2]);
  const net = ipBytes(m[1]!);
  if (net === null || bits > net.length * 8) return null;
  return (ip: string) => {
    const b = ipBytes(ip);
    if (b === null || b.length !== net.length) return false;
    for (let i = 0; i < bits; i++) {
      const mask = 0x80 >> (i % 8);
      if ((b[i >> 3]! & mask) !== (net[i >> 3]! & mask)) return false;
    }
    return true;
  };
}

/** IPv4 (4 bytes) or IPv6 (16 bytes) of an address; `::ffff:a.b.c.d` gives the IPv4 bytes. */
export function ipBytes(raw: string): number[] | null {
  let s = raw.trim().toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const pct = s.indexOf('%');
  if (pct >= 0) s = s.slice(0, pct);
  if (s.startsWith('::ffff:') && s.includes('.')) s = s.slice(7);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4 !== null) {
    const b = v4.slice(1).map(Number);
    return b.every((x) => x <= 255) ? b : null;
  }
  if (!/^[0-9a-f:]+$/.test(s) || s.length > 39) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] === '' ? [] : halves[0]!.split(':');
  const tail = halves.length === 2 && halves[1] !== '' ? halves[1]!.split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0 || (halves.length === 1 && head.length !== 8)) return null;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...tail];
  const out: number[] = [];
  for (const g of groups) {
    if (g.length === 0 || g.length > 4) return null;
    const n = parseInt(g, 16);
    out.push(n >> 8, n & 255);
  }
  return out;
}

function scalarList(value: unknown, where: string): Scalar[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((v) => {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    throw new RuleProblem('invalid', `${where}: values must be strings, numbers, booleans or null`);
  });
}

/** Compiles `key: value` of a selection map. */
export function compileItem(key: string, value: unknown): EventPredicate {
  const [fieldName, ...mods] = key.split('|');
  const modifiers = mods.map((m) => m.trim().toLowerCase());
  for (const m of modifiers)
    if (!KNOWN_MODIFIERS.has(m))
      throw new RuleProblem('unsupported', `modifier "${m}" of ${fieldName} is not supported`);
  const has = (m: string): boolean => modifiers.includes(m);
  const get: FieldGetter | null = fieldGetter(fieldName ?? '');
  if (get === null)
    throw new RuleProblem(
      'unsupported',
      `field "${fieldName}" is not read by LogonLens (docs/analysis.md lists the fields)`,
    );
  const where = `${key}`;
  const values = scalarList(value, where);

  // EventID with plain numbers (nearly every rule): a number comparison, not text matching.
  if (modifiers.length === 0 && (fieldName ?? '').trim().toLowerCase() === 'eventid') {
    const ids = values.map((v) =>
      typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? Number(v) : NaN,
    );
    if (ids.every((n) => Number.isInteger(n))) {
      if (ids.length === 1) {
        const id = ids[0]!;
        return (e) => e.eventId === id;
      }
      const set = new Set(ids);
      return (e) => set.has(e.eventId);
    }
  }

  if (has('exists')) {
    const want = values[0] === true || values[0] === 'true';
    return (e) => {
      const v = get(e);
      return (v !== null && v !== '') === want;
    };
  }
  if (has('gt') || has('gte') || has('lt') || has('lte')) {
    const limits = values.map(Number);
    if (limits.some((n) => Number.isNaN(n))) throw new RuleProblem('invalid', `${where}: not a number`);
    const cmp = has('gt')
      ? (a: number, b: number) => a > b
      : has('gte')
        ? (a: number, b: number) => a >= b
        : has('lt')
          ? (a: number, b: number) => a < b
          : (a: number, b: number) => a <= b;
    return anyOrAll(
      has('all'),
      limits.map((limit) => (e: LogonEvent) => {
        const v = get(e);
        const n = v === null ? NaN : Number(v);
        return !Number.isNaN(n) && cmp(n, limit);
      }),
    );
  }
  if (has('cidr')) {
    const nets = values.map((v) => {
      const test = typeof v === 'string' ? parseCidr(v) : null;
      if (test === null) throw new RuleProblem('invalid', `${where}: ${String(v)} is not a CIDR network`);
      return test;
    });
    return anyOrAll(
      has('all'),
      nets.map((test) => (e: LogonEvent) => {
        const v = get(e);
        return v !== null && test(v);
      }),
    );
  }
  if (has('re')) {
    const flags = `${has('i') ? 'i' : ''}${has('m') ? 'm' : ''}${has('s') ? 's' : ''}`;
    const res = values.map((v) => {
      const src = String(v);
      const unsafe = unsafeRegexReason(src);
      if (unsafe !== null)
        throw new RuleProblem('invalid', `${where}: regular expression refused: ${unsafe}`);
      try {
        return new RegExp(src, flags);
      } catch (err) {
        throw new RuleProblem('invalid', `${where}: bad regular expression: ${(err as Error).message}`);
      }
    });
    return anyOrAll(
      has('all'),
      res.map((re) => (e: LogonEvent) => {
        const v = get(e);
        return v !== null && re.test(v.length > MAX_SUBJECT ? v.slice(0, MAX_SUBJECT) : v);
      }),
    );
  }

  // String matching: build wildcard patterns, then one regular expression per value.
  const patterns: Array<string[] | null> = values.map((v) => {
    if (v === null) return null;
    let texts = [typeof v === 'string' ? v : String(v)];
    if (has('windash')) texts = texts.flatMap(windashVariants);
    const encoding = has('wide') || has('utf16le') ? utf16le : utf8;
    if (has('base64offset')) texts = texts.flatMap((t) => base64Offsets(encoding(t)));
    else if (has('base64')) texts = texts.map((t) => base64(encoding(t)));
    const encoded = has('base64') || has('base64offset');
    return texts.map((t) => {
      // Encoded values are literal text: escape the wildcard characters base64 cannot hold anyway.
      let p = encoded ? t.replace(/[\\*?]/g, '\\$&') : t;
      if (has('contains')) p = `*${p}*`;
      else if (has('startswith')) p = `${p}*`;
      else if (has('endswith')) p = `*${p}`;
      return p;
    });
  });
  const flags = has('cased') ? 's' : 'is';
  const preds = patterns.map((texts): EventPredicate => {
    if (texts === null)
      return (e) => {
        const v = get(e);
        return v === null || v === '';
      };
    const cased = has('cased');
    // Values with several `*` are matched by globMatch (bounded cost); the others by one regex.
    const many = texts.filter((t) => starCount(t) > 1).map((t) => globCodes(t, !cased));
    const few = texts.filter((t) => starCount(t) <= 1);
    const re = few.length === 0 ? null : new RegExp(`^(?:${few.map(wildcardToRegex).join('|')})$`, flags);
    return (e) => {
      const raw = get(e);
      if (raw === null) return false;
      const v = raw.length > MAX_SUBJECT ? raw.slice(0, MAX_SUBJECT) : raw;
      if (re !== null && re.test(v)) return true;
      if (many.length === 0) return false;
      const s = cased ? v : v.toLowerCase();
      return many.some((p) => globMatch(p, s));
    };
  });
  return anyOrAll(has('all'), preds);
}

function anyOrAll(all: boolean, preds: EventPredicate[]): EventPredicate {
  if (preds.length === 1) return preds[0]!;
  return all ? (e) => preds.every((p) => p(e)) : (e) => preds.some((p) => p(e));
}

/** Keyword search (a list of plain values under a selection): any value anywhere in the event. */
export function compileKeywords(values: unknown, where: string): EventPredicate {
  const globs = scalarList(values, where)
    .filter((v): v is string | number | boolean => v !== null)
    .map((v) => globCodes(`*${String(v)}*`, true));
  return (e) => {
    const all = allValues(e).map((v) => (v.length > MAX_SUBJECT ? v.slice(0, MAX_SUBJECT) : v).toLowerCase());
    return globs.some((g) => all.some((v) => globMatch(g, v)));
  };
}
