import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspHash, sha256Bytes, utf8 } from './sha256.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('sha256', () => {
  it('matches node:crypto on the FIPS examples and on texts around the block sizes', () => {
    expect(hex(sha256Bytes(utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = 'é日𝄞x'.repeat(n).slice(0, n);
      expect(hex(sha256Bytes(utf8(text)))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
  it('encodes UTF-8 like Buffer, lone surrogates included', () => {
    for (const text of ['a\u0000b', 'é', '日本', '𝄞', '\ud800x', 'x\udfff']) {
      expect(Buffer.from(utf8(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
  });
  it('writes a CSP source expression', () => {
    expect(cspHash('x')).toBe(`'sha256-${createHash('sha256').update('x').digest('base64')}'`);
  });
});
