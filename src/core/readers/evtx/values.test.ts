import { describe, expect, it } from 'vitest';
import { enc, T } from '../../../../test/fixtures/evtx/evtx-writer.js';
import { crc32 } from './crc32.js';
import { decodeUtf16 } from './text.js';
import { FILETIME_JSON_BYTES, filetimeToIso, numericValue, putFiletimeJson, renderValue } from './values.js';

function render(type: number, bytes: Uint8Array): string | null {
  const b = new Uint8Array(bytes.length + 3);
  b.set(bytes, 3); // not aligned on purpose
  return renderValue(b, new DataView(b.buffer), type, 3, bytes.length);
}

describe('value rendering, as Windows writes values in its XML', () => {
  it.each([
    [T.string, enc.str('alice'), 'alice'],
    [T.string, enc.str(''), ''],
    [T.ansi, enc.ansi('CORP'), 'CORP'],
    [T.int8, enc.int(-5 & 0xff, 1), '-5'],
    [T.uint8, enc.int(200, 1), '200'],
    [T.int16, enc.int(-2 & 0xffff, 2), '-2'],
    [T.uint16, enc.int(65535, 2), '65535'],
    [T.int32, enc.int(-7 >>> 0, 4), '-7'],
    [T.uint32, enc.int(4294967295, 4), '4294967295'],
    [T.int64, enc.int(-1n & 0xffffffffffffffffn, 8), '-1'],
    [T.uint64, enc.int(18446744073709551615n, 8), '18446744073709551615'],
    [T.float, enc.f32(1.5), '1.5'],
    [T.double, enc.f64(-0.25), '-0.25'],
    [T.bool, enc.int(1, 4), 'true'],
    [T.bool, enc.int(0, 4), 'false'],
    [T.binary, new Uint8Array([0x00, 0xab, 0x10]), '00AB10'],
    [T.guid, enc.guid('{0CCE9210-69AE-11D9-BED3-505054503030}'), '{0CCE9210-69AE-11D9-BED3-505054503030}'],
    [T.sizeT, enc.int(0x1f4, 8), '0x1f4'],
    [T.sizeT, enc.int(0xabc, 4), '0xabc'],
    [T.filetime, enc.filetime('2015-08-23T10:29:50.123Z', 4567), '2015-08-23T10:29:50.1234567Z'],
    [T.systemtime, enc.systemtime(2021, 12, 3, 4, 5, 6, 7), '2021-12-03T04:05:06.007Z'],
    [T.sid, enc.sid('S-1-5-18'), 'S-1-5-18'],
    [
      T.sid,
      enc.sid('S-1-5-21-3623811015-3361044348-30300820-1013'),
      'S-1-5-21-3623811015-3361044348-30300820-1013',
    ],
    [T.hex32, enc.int(0x3e7, 4), '0x3e7'],
    [T.hex32, enc.int(0xc000006d, 4), '0xc000006d'],
    [T.hex64, enc.int(0x3e7, 8), '0x3e7'],
    [T.hex64, enc.int(0x123456789abcn, 8), '0x123456789abc'],
    [T.array | T.string, enc.concat(enc.str('a'), enc.str('b')), 'a, b'],
    [T.array | T.uint32, enc.concat(enc.int(1, 4), enc.int(2, 4)), '1, 2'],
    [T.array | T.hex64, enc.concat(enc.int(1, 8), enc.int(255, 8)), '0x1, 0xff'],
    [T.null, new Uint8Array(0), null],
  ])('type 0x%s', (type, bytes, want) => {
    expect(render(type, bytes)).toBe(want);
  });

  it('never reads a fixed-size value from too few bytes, and gives NaN for non-numbers', () => {
    expect(render(T.uint32, new Uint8Array([1, 2]))).toBeNull();
    expect(render(T.sid, new Uint8Array([1, 9, 0, 0, 0, 0, 0, 5]))).toBeNull();
    const b = enc.str('abc');
    expect(numericValue(b, new DataView(b.buffer), T.string, 0, b.length)).toBeNaN();
    const n = enc.str('4624');
    expect(numericValue(n, new DataView(n.buffer), T.string, 0, n.length)).toBe(4624);
  });

  it('decodes long and non-ASCII UTF-16 through the same path', () => {
    const s = 'Ünïcødé ' + 'x'.repeat(100) + ' 日本';
    const b = enc.str(s);
    expect(decodeUtf16(b, 0, b.length)).toBe(s);
    expect(decodeUtf16(b, 0, 2 * 5)).toBe('Ünïcø');
  });

  it('computes CRC-32 (IEEE) like zlib', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const data = new TextEncoder().encode('The quick brown fox jumps over the lazy dog');
    expect(crc32(data, 10, data.length, crc32(data, 0, 10))).toBe(crc32(data));
  });

  it('gives the same CRC-32 on aligned words and on unaligned bytes, for any start and length', () => {
    /** Bit by bit, the definition. */
    const reference = (b: Uint8Array, start: number, end: number): number => {
      let c = ~0;
      for (let p = start; p < end; p++) {
        c ^= b[p]!;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return ~c >>> 0;
    };
    const buf = new Uint8Array(300).map((_, i) => (i * 151 + 7) & 0xff);
    for (const sub of [buf, buf.subarray(1), buf.subarray(4), buf.subarray(6)]) {
      for (const [start, end] of [
        [0, 0],
        [0, 7],
        [0, 8],
        [0, 9],
        [3, 100],
        [4, 260],
        [8, 17],
        [0, 250],
      ] as const) {
        expect(crc32(sub, start, end)).toBe(reference(sub, start, end));
      }
    }
  });
});

describe('filetimeToIso', () => {
  /** The exact reference: BigInt arithmetic on the 64-bit tick count. */
  function reference(ticks: bigint): string {
    const seconds = ticks / 10000000n;
    const frac = Number(ticks % 10000000n);
    const iso = new Date(Number(seconds - 11644473600n) * 1000).toISOString();
    return iso.slice(0, iso.length - 5) + '.' + String(frac + 10000000).slice(1) + 'Z';
  }

  it('is exact for every tick count, near second boundaries and past the fast path', () => {
    const dv = new DataView(new ArrayBuffer(8));
    const samples: bigint[] = [
      0n,
      1n,
      9999999n,
      10000000n,
      116444736000000000n,
      0x3fffffffffffffffn,
      2n ** 64n - 1n,
    ];
    let seed = 1n;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
      // Dates from 1601 to the year 30000, and values a tick away from a whole second.
      const t = (seed % 0x7fffffffffffffffn) >> BigInt(i % 4);
      // …and as many from 1601 to 9999 (the years written without Date).
      const u = seed % 2650467743999999999n;
      samples.push(t, t - (t % 10000000n), t - (t % 10000000n) - 1n, u, u - (u % 864000000000n));
    }
    const out = new Uint8Array(FILETIME_JSON_BYTES + 8);
    for (const t of samples) {
      if (t < 0n) continue;
      dv.setBigUint64(0, t, true);
      expect(filetimeToIso(dv, 0)).toBe(reference(t));
      // putFiletimeJson (events writes times from the record bytes): the same text, quoted.
      const end = putFiletimeJson(out, 3, dv, 0);
      expect(end - 3).toBeLessThanOrEqual(FILETIME_JSON_BYTES);
      expect(new TextDecoder().decode(out.subarray(3, end))).toBe(JSON.stringify(reference(t)));
    }
  });
});
