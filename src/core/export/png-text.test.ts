import { createHash } from 'node:crypto';
import { inflateSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngChunks, PNG_SIGNATURE, textChunk, withPngText } from './png-text.js';
import { pngMetaEntries } from './image-meta.js';
import { crc32 } from '../readers/evtx/crc32.js';

/** A real 2×1 RGB PNG built with zlib (IHDR, IDAT, IEND), independent of the code under test. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const pixels = Buffer.from([0, 255, 0, 0, 0, 0, 255]);
  return Uint8Array.from(
    Buffer.concat([
      Buffer.from(PNG_SIGNATURE),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(pixels)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const META = {
  dataset: 'corp<script>\u202E社内',
  window: { from: '2021-12-03T00:00:00Z', to: '2021-12-04T00:00:00Z' },
  exportedAt: '2026-03-10T14:15:03Z',
};

describe('PNG text chunks', () => {
  it('our CRC-32 is the PNG one (checked against a known value)', () => {
    // The CRC of an empty IEND chunk is fixed by the spec: AE 42 60 82.
    expect(crc32(Uint8Array.from(Buffer.from('IEND', 'latin1')))).toBe(0xae426082);
  });

  it('are inserted after IHDR with valid CRCs, and the image data is untouched', () => {
    const png = tinyPng();
    const out = withPngText(png, pngMetaEntries(META, { full: true, scale: 2 }));
    expect([...out.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    const chunks = pngChunks(out);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(chunks.map((c) => c.type)).toEqual([
      'IHDR',
      'iTXt',
      'tEXt',
      'tEXt',
      'tEXt',
      'iTXt',
      'IDAT',
      'IEND',
    ]);
    const texts = Object.fromEntries(chunks.flatMap((c) => (c.text ? [[c.text.keyword, c.text.text]] : [])));
    expect(texts['Title']).toBe('LogonLens graph: corp<script><U+202E>社内');
    expect(texts['Creation Time']).toBe('2026-03-10T14:15:03Z');
    expect(texts['Description']).toContain('2021-12-03T00:00:00Z to 2021-12-04T00:00:00Z');
    expect(JSON.parse(texts['Comment']!)).toMatchObject({
      windowFrom: '2021-12-03T00:00:00Z',
      full: true,
      scale: 2,
    });
    // The pixels decode the same: IDAT and IEND are copied byte for byte.
    const idat = (b: Uint8Array): string =>
      createHash('sha256')
        .update(b.subarray(b.length - 12 - 15))
        .digest('hex');
    expect(idat(out)).toBe(idat(png));
    const start = out.length - png.length + 33;
    expect(inflateSync(Buffer.from(out.subarray(start + 8, start + 8 + (out.length - start - 24))))).toEqual(
      Buffer.from([0, 255, 0, 0, 0, 0, 255]),
    );
  });

  it('never write a NUL or control character into a text, and bound it', () => {
    const c = textChunk('Comment', `a\u0000b\u0007${'x'.repeat(100_000)}`);
    const [info] = pngChunks(Uint8Array.from([...PNG_SIGNATURE, ...tinyPng().subarray(8, 33), ...c])).slice(
      1,
    );
    expect(info!.crcOk).toBe(true);
    expect(info!.text!.text.startsWith('a<U+0000>b<U+0007>x')).toBe(true);
    expect(info!.text!.text.length).toBeLessThan(5000);
  });

  it('refuse bytes that are not a PNG', () => {
    expect(() => withPngText(Uint8Array.of(1, 2, 3), [])).toThrow(/not a PNG/);
  });
});
