import { describe, expect, it } from 'vitest';
import {
  EVENT_DATA_FIELDS,
  LOGON_EVENT_FIELDS,
  emptyEvent,
  type LogonEvent,
} from '../../core/events/index.js';
import { EventPacker, unpackEvents } from './evtx-worker.js';

/** A seeded generator (the same events on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('EventPacker rows by event ID', () => {
  it('unpacks what it packed when values repeat, move between fields and event IDs, or turn null', () => {
    const next = random(10);
    const pool = ['a', 'b', 'A', '', '-', 'DC1', 'x'.repeat(300), 'ü', null, null];
    const pick = (): string | null => pool[Math.floor(next() * pool.length)]!;
    const fields = LOGON_EVENT_FIELDS.filter((f) => f !== 'time' && f !== 'recordId' && f !== 'eventId');
    const events: LogonEvent[] = [];
    for (let i = 0; i < 3000; i++) {
      const e = emptyEvent([4624, 4672, 4648][Math.floor(next() * 3)]!, `2021-01-01T00:00:0${i % 10}Z`);
      e.recordId = next() < 0.1 ? null : i;
      // Runs of identical records, then changes in a few fields: the cases the last-row cache meets.
      const previous = events[events.length - 1];
      if (previous !== undefined && next() < 0.5) Object.assign(e, { ...previous, time: e.time });
      for (const f of fields) if (next() < 0.2) (e as unknown as Record<string, string | null>)[f] = pick();
      events.push(e);
    }
    const byFields = new EventPacker(16);
    for (const e of events)
      byFields.fields(
        e.time,
        e.recordId,
        e.eventId,
        e.channel,
        e.provider,
        e.computer,
        EVENT_DATA_FIELDS.map((f) => e[f]),
      );
    expect(unpackEvents(byFields.finish())).toEqual(events);
    const byEvents = new EventPacker(16);
    byEvents.add(events.slice(0, 1000));
    byEvents.add(events.slice(1000));
    expect(unpackEvents(byEvents.finish())).toEqual(events);
  });
});
