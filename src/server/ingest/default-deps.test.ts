import { describe, expect, it } from 'vitest';
import { evtxWorkersOf } from './default-deps.js';

describe('LOGONLENS_EVTX_WORKERS', () => {
  it('takes a whole number of workers; anything else is the default (all cores)', () => {
    expect(evtxWorkersOf('1')).toBe(1);
    expect(evtxWorkersOf(' 2 ')).toBe(2);
    for (const bad of [undefined, '', '0', '-1', '1.5', 'two', '1e9']) expect(evtxWorkersOf(bad)).toBeNull();
  });
});
