import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.js';
import { decodeClusterCursor, encodeClusterCursor } from './drill-down.js';

describe('cluster drill-down cursors', () => {
  it('round-trip the range, index group, millisecond and documents read in it', () => {
    const c = { range: 1, group: 2, timeMs: 1_440_000_000_123, skip: 7 };
    expect(decodeClusterCursor(encodeClusterCursor(c))).toEqual(c);
  });

  it('refuse anything else (a stored-events cursor, junk, a huge string) with a 400', () => {
    for (const bad of [Buffer.from('123:45').toString('base64url'), 'xyz', 'a'.repeat(10_000)]) {
      expect(() => decodeClusterCursor(bad)).toThrow(ApiError);
    }
  });
});
