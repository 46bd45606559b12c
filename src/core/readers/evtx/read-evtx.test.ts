import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../../test/helpers/shared-data.js';
import { UnreadableInputError } from '../types.js';
import { readEvtx } from './index.js';

const load = (...p: string[]): Uint8Array => new Uint8Array(readFileSync(sharedData(...p)));

describe('readEvtx: not EVTX at all', () => {
  it('throws UnreadableInputError with a readable message for empty and foreign input', () => {
    expect(() => readEvtx(new Uint8Array(0))).toThrow(UnreadableInputError);
    expect(() => readEvtx(new Uint8Array(0))).toThrow(/empty/);
    const text = new TextEncoder().encode('<Events><Event/></Events>');
    expect(() => readEvtx(text)).toThrow(/not an EVTX event log/);
  });
});

describe('readEvtx on the sample logs', () => {
  it('reads every record of a clean file, System fields included', () => {
    const r = readEvtx(load('evtx', 'sec-omer-short.evtx'));
    expect(r.format).toBe('evtx');
    expect(r.stats.recordsRead).toBe(7);
    expect(r.events).toHaveLength(7);
    expect(r.warnings).toEqual([]);
    const e = r.events.find((x) => x.eventId === 4776);
    expect(e).toMatchObject({
      recordId: 319457831,
      time: '2016-06-29T15:24:36.6860000Z',
      channel: 'Security',
      provider: 'Microsoft-Windows-Security-Auditing',
      computer: 'temporal',
      targetUser: 'Administrator',
      workstation: 'TEMPORAL',
      status: '0xc000006a',
      authPackage: 'MICROSOFT_AUTHENTICATION_PACKAGE_V1_0',
    });
  });

  it('reads all 636 records despite a stale header and says so', () => {
    const r = readEvtx(load('evtx-bad', 'dev-derived-dirtyhdr-size_t.evtx'));
    expect(r.events).toHaveLength(636);
    expect(r.warningCounts['header-stale']).toBe(1);
  });

  it('recovers the 48 complete records of a truncated last chunk (213 + 48) with a warning', () => {
    const r = readEvtx(load('evtx-bad', 'dev-derived-truncated-size_t.evtx'));
    expect(r.events).toHaveLength(261);
    const w = r.warnings.find((x) => x.code === 'chunk-truncated');
    expect(w).toBeDefined();
    expect(w?.chunk).toBe(2);
    expect(w?.message).toMatch(/cut off/);
  });

  it('filters by event id and time, counting what it skipped', () => {
    const bytes = load('evtx', 'sec-omer-size_t.evtx');
    const r = readEvtx(bytes, { eventIds: new Set([4624]) });
    expect(r.events).toHaveLength(126);
    expect(r.events.every((e) => e.eventId === 4624)).toBe(true);
    expect(r.stats.skipped['filtered-event-id']).toBe(636 - 126);
    expect(r.stats.recordsRead).toBe(636);
    const all = readEvtx(bytes).events;
    const mid = all[300]!.time;
    const t = readEvtx(bytes, { from: mid.slice(0, 19) + 'Z' });
    expect(t.events.length + (t.stats.skipped['filtered-time'] ?? 0)).toBe(636);
    expect(t.events.every((e) => e.time >= mid.slice(0, 19))).toBe(true);
    expect(t.stats.skipped['filtered-time']).toBeGreaterThan(0);
  });

  it('reads from/to bounds like the text readers (no zone = UTC) and warns about a bad one', () => {
    const bytes = load('evtx', 'sec-omer-short.evtx');
    // Times in the file: 2016-06-29T15:24:34.346 … 15:25:08.
    const r = readEvtx(bytes, { from: '2016-06-29T15:24:36', to: '2016-06-29 15:25:00.000' });
    expect(r.events.length).toBeGreaterThan(0);
    expect(r.events.every((e) => e.time >= '2016-06-29T15:24:36' && e.time < '2016-06-29T15:25:00')).toBe(
      true,
    );
    expect(r.events.length + (r.stats.skipped['filtered-time'] ?? 0)).toBe(7);
    const bad = readEvtx(bytes, { from: 'yesterday' });
    expect(bad.events).toHaveLength(7);
    expect(bad.warningCounts['bad-option']).toBe(1);
  });

  it('returns records of a System log as they are (no Security events, no failure)', () => {
    const r = readEvtx(load('evtx', 'sys-tsevtx-system.evtx'));
    expect(r.events).toHaveLength(1247);
    expect(r.events.every((e) => e.channel === 'System')).toBe(true);
    expect(r.warnings).toEqual([]);
  });
});
