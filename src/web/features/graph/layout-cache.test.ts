import { describe, expect, it } from 'vitest';
import { cachedLayout, keepLayout } from './layout-cache';

describe('layout cache', () => {
  it('returns kept positions and drops the least recently used past its size', () => {
    keepLayout('k0', { a: { x: 1, y: 2 } });
    expect(cachedLayout('k0')).toEqual({ a: { x: 1, y: 2 } });
    for (let i = 1; i <= 16; i++) keepLayout(`k${i}`, {});
    // k0 was the oldest: 17 entries, one too many.
    expect(cachedLayout('k0')).toBeUndefined();
    expect(cachedLayout('k16')).toEqual({});
    // Reading k1 makes it recent: the next addition drops k2 instead.
    expect(cachedLayout('k1')).toEqual({});
    keepLayout('k17', {});
    expect(cachedLayout('k1')).toEqual({});
    expect(cachedLayout('k2')).toBeUndefined();
  });
});
