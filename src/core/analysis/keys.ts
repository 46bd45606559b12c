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

const NEEDS_ESCAPE = /[\u0000-\u0002]/;
const TO_ESCAPE = /[\u0000-\u0002]/g;
const ESCAPED: readonly string[] = ['\u00020', '\u00021', '\u00022'];

/** A log-derived string made safe to join with either separator (unchanged when it holds none). */
export function keyPart(s: string): string {
  // The test is the hot path (every part of every event's edge key): a replace only for hostile text.
  return NEEDS_ESCAPE.test(s) ? s.replace(TO_ESCAPE, (c) => ESCAPED[c.charCodeAt(0)]!) : s;
}

/** keyPart of an optional value (null as the empty string, as the keys always did). */
export function optionalKeyPart(s: string | null): string {
  return s === null ? '' : keyPart(s);
}

/** Joins escaped parts with `separator` (numbers are written as they are: they hold no separator). */
export function joinKey(parts: readonly (string | number)[], separator: string = KEY_SEPARATOR): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (i > 0) out += separator;
    out += typeof p === 'number' ? String(p) : keyPart(p);
  }
  return out;
}
