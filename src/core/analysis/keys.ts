/**
 * Map keys and hashed ids joined from several log strings (docs/analysis.md, "Keys").
 *
 * Log text is attacker-controlled and may hold any character, including the separators that join
 * the parts of a key: joined as they are, user `a\0b` in domain `c` and user `a` in domain `b\0c`
 * would make one key, and a crafted log could hide one account's logons inside another's. So every
 * log-derived part goes through `keyPart` first: it leaves a part without U+0000–U+0002 as it is
 * (every ordinary name, so keys and the ids hashed from them do not change) and otherwise writes
 * U+0000, U+0001 and U+0002 as U+0002 followed by `0`, `1` or `2`. An escaped part holds no U+0000
 * or U+0001 at all, so a key split at either separator gives back its parts: joining is injective.
 *
 * Two levels use two separators: the raw keys of one account or source (observationKey, sourceKey)
 * join their escaped parts with U+0000; keys built from those (edges, flags) join with U+0001.
 */

/** Separator of the parts of one identity's key (an account's or a source's raw key). */
export const PART_SEPARATOR = '\u0000';
/** Separator of keys built from identity keys and other parts (edges, hourly flags, findings). */
export const KEY_SEPARATOR = '\u0001';

const TO_ESCAPE = /[\u0000-\u0002]/g;
const ESCAPED: readonly string[] = ['\u00020', '\u00021', '\u00022'];

/** A log-derived string made safe to join with either separator (unchanged when it holds none). */
export function keyPart(s: string): string {
  // The scan is the hot path (parts of every event's edge key, mostly a few characters long): a
  // plain loop, inlined by the JIT, costs less than a RegExp test. Only hostile text is replaced.
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) <= 2) return s.replace(TO_ESCAPE, (c) => ESCAPED[c.charCodeAt(0)]!);
  }
  return s;
}

/**
 * True when `key`, a plain join of `separators + 1` parts, is already the escaped join, so that hot
 * paths scan the key once instead of calling keyPart per part. It is when the key holds exactly
 * `separators` separators and no U+0002 (no part held a separator or an escape), and, for U+0000
 * joins, no U+0001 (their keys are parts of U+0001 joins). A U+0001 join may hold U+0000: its parts
 * include U+0000-joined keys, and a U+0000 cannot be taken for a U+0001. Keys that fail the test
 * are built again from escaped parts; those hold a U+0002, so they never equal a plain one.
 */
export function isPlainJoin(key: string, separatorCode: 0 | 1, separators: number): boolean {
  let seen = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c > 2) continue;
    if (c === separatorCode) seen++;
    else if (c === 2 || separatorCode === 0) return false;
  }
  return seen === separators;
}

/** keyPart of an optional value (null as the empty string, as the keys always did). */
export function optionalKeyPart(s: string | null): string {
  return s === null ? '' : keyPart(s);
}

/** Joins escaped parts with `separator` (numbers are written as they are: they hold no separator). */
export function joinKey(parts: readonly (string | number)[], separator: string = KEY_SEPARATOR): string {
  // Array join builds one flat string (a key is hashed and compared as a whole right after).
  return parts.map((p) => (typeof p === 'number' ? p : keyPart(p))).join(separator);
}
