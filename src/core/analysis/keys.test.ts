import { describe, expect, it } from 'vitest';
import { isPlainJoin, joinKey, keyPart, KEY_SEPARATOR, optionalKeyPart, PART_SEPARATOR } from './keys.js';

describe('keyPart', () => {
  it('leaves every string without U+0000–U+0002 as it is (ordinary keys and ids do not change)', () => {
    for (const s of ['', 'alice', 'CORP', 'host:dc1', '0xc000006d', 'Kerberos', 'ünïcødé', 'a\\b|c:d…'])
      expect(keyPart(s)).toBe(s);
  });

  it('writes the separators and the escape itself as two characters, with no separator left', () => {
    expect(keyPart('a\u0000b\u0001c\u0002d')).toBe('a\u00020b\u00021c\u00022d');
    expect(keyPart('\u0000\u0001')).not.toMatch(/[\u0000\u0001]/);
  });

  it('is injective on strings that hold the escape sequences literally', () => {
    // `\u0002` + `1` written literally must not pass for an escaped U+0001.
    expect(keyPart('a\u00021')).not.toBe(keyPart('a\u0001'));
    expect(keyPart('\u00022')).not.toBe(keyPart('\u0002'));
  });

  it('null and the empty string are one part, as the keys always treated them', () => {
    expect(optionalKeyPart(null)).toBe('');
    expect(optionalKeyPart('x\u0001')).toBe('x\u00021');
  });
});

describe('joinKey', () => {
  it('joins ordinary parts exactly as a plain join (so hashed ids hold)', () => {
    const parts = ['account:corp\\alice', 'ip:10.0.0.5', 'host:dc1', 4624, '3', '', '', 'ntlm'];
    expect(joinKey(parts)).toBe(parts.join('\u0001'));
    expect(joinKey(['a', 'b'], PART_SEPARATOR)).toBe('a\u0000b');
    expect(KEY_SEPARATOR).toBe('\u0001');
  });

  it('keeps apart parts that only differ in where a separator falls', () => {
    const pairs: Array<[string[], string[]]> = [
      [
        ['a\u0001b', 'c'],
        ['a', 'b\u0001c'],
      ],
      [
        ['a\u0000b', 'c'],
        ['a', 'b\u0000c'],
      ],
      [
        ['a\u0002', '1'],
        ['a\u00021', ''],
      ],
      [
        ['', '\u0001'],
        ['\u0001', ''],
      ],
      [
        ['a', 'b', ''],
        ['a', 'b'],
      ],
    ];
    for (const sep of [KEY_SEPARATOR, PART_SEPARATOR])
      for (const [x, y] of pairs) expect(joinKey(x, sep)).not.toBe(joinKey(y, sep));
  });

  it('is injective over every pair of short strings made of separators, escapes and their codes', () => {
    const alphabet = ['\u0000', '\u0001', '\u0002', '0', '1', '2'];
    const words = [''];
    for (let length = 1; length <= 3; length++)
      for (const w of words.filter((x) => x.length === length - 1))
        for (const c of alphabet) words.push(w + c);
    for (const sep of [KEY_SEPARATOR, PART_SEPARATOR]) {
      const keys = new Set<string>();
      for (const a of words) for (const b of words) keys.add(joinKey([a, b], sep));
      expect(keys.size).toBe(words.length * words.length);
    }
  });
});

describe('isPlainJoin', () => {
  it('accepts a plain join of ordinary parts (the fast path of the hot keys)', () => {
    expect(isPlainJoin(['a', 'b', ''].join('\u0001'), 1, 2)).toBe(true);
    expect(isPlainJoin(['a', 'b'].join('\u0000'), 0, 1)).toBe(true);
    // U+0001 joins of U+0000-joined keys.
    expect(isPlainJoin(['a\u0000b\u0000\u0000', 'c'].join('\u0001'), 1, 1)).toBe(true);
  });

  it('refuses a join whose parts held a separator or an escape', () => {
    expect(isPlainJoin(['a\u0001b', 'c'].join('\u0001'), 1, 1)).toBe(false);
    expect(isPlainJoin(['a\u0002', 'c'].join('\u0001'), 1, 1)).toBe(false);
    expect(isPlainJoin(['a\u0000b', 'c'].join('\u0000'), 0, 1)).toBe(false);
    expect(isPlainJoin(['a\u0001', 'c'].join('\u0000'), 0, 1)).toBe(false);
  });

  it('a plain key and an escaped key never meet: escaped keys hold U+0002', () => {
    const escaped = joinKey(['a\u0001b', 'c']);
    expect(escaped).toContain('\u0002');
    expect(isPlainJoin(escaped, 1, 1)).toBe(false);
  });
});
