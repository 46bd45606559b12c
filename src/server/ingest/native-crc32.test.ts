import { afterEach, describe, expect, it } from 'vitest';
import { crc32, useCrc32 } from '../../core/readers/evtx/index.js';
import { checksum } from '../../core/readers/evtx/crc32.js';
import { useNativeCrc32 } from './native-crc32.js';

describe('useNativeCrc32', () => {
  afterEach(() => useCrc32(null));

  it('gives the same checksums as the reader’s own CRC-32 (ranges, continuation, odd lengths)', () => {
    const bytes = new Uint8Array(70_000);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    useNativeCrc32();
    for (const [start, end] of [
      [0, 0],
      [0, 1],
      [3, 120],
      [128, 512],
      [512, 65_536],
      [1, 69_999],
      [7, 8],
    ] as const) {
      expect(checksum(bytes, start, end)).toBe(crc32(bytes, start, end));
      const head = crc32(bytes, 0, start);
      expect(checksum(bytes, start, end, head)).toBe(crc32(bytes, start, end, head));
      expect(checksum(bytes, start, end)).toBeGreaterThanOrEqual(0);
    }
  });
});
