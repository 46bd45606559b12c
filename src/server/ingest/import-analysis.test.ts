import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/helpers/shared-data.js';
import { analyzeEventsLinked } from '../../core/analysis/index.js';
import { emptyEvent, LOGON_EVENT_FIELDS, type LogonEvent } from '../../core/events/index.js';
import { readXml } from '../../core/readers/xml/index.js';
import { createEventLinker } from './event-links.js';
import {
  HeldEvents,
  LINK_FIELDS,
  LinkRecorder,
  linkShapeKey,
  mergeInStoreOrder,
  type StoredEvent,
} from './import-analysis.js';

/** Real samples with logons, explicit credentials (4648), Kerberos failures (4771) and flags. */
const SAMPLES = [
  'sec-omer-post',
  'sec-omer-newuser',
  'sec-omer-size_t',
  'm2a-kerbrute',
  'm2a-anon-donpapi',
  'm2a-4771-valid',
  'm2a-4625-accountrestore',
];

const META = (records: number) => ({
  sources: [],
  readStats: { recordsRead: records, eventsSkipped: {}, warnings: 0 },
});

const at = (seq: number, timeMs: number): StoredEvent => ({
  seq,
  timeMs,
  event: emptyEvent(4624, new Date(timeMs).toISOString()),
});

describe('HeldEvents', () => {
  it('gives the events by time, then seq, as the store orders them', () => {
    const held = new HeldEvents(10);
    for (const [seq, t] of [
      [1, 30],
      [2, 10],
      [3, 30],
      [4, 20],
      [5, 10],
    ] as const)
      held.add(at(seq, t).event, t, seq, 1);
    expect([...held.sorted()].map((s) => s.seq)).toEqual([2, 5, 4, 1, 3]);
  });

  it('forgets a failed file and gives up past its bound', () => {
    const held = new HeldEvents(30);
    held.add(at(1, 1).event, 1, 1, 10);
    const mark = held.mark();
    held.add(at(2, 2).event, 2, 2, 10);
    held.truncate(mark);
    expect([...held.sorted()].map((s) => s.seq)).toEqual([1]);
    for (const seq of [3, 4]) held.add(at(seq, seq).event, seq, seq, 10);
    expect(held.complete).toBe(true);
    held.add(at(5, 5).event, 5, 5, 10);
    expect(held.complete).toBe(false);
    expect(held.length).toBe(0);
  });
});

describe('mergeInStoreOrder', () => {
  it('merges two ordered streams by time, then seq', () => {
    const a = [at(1, 10), at(2, 20), at(3, 20), at(4, 50)];
    const b = [at(10, 5), at(11, 20), at(12, 60)];
    expect([...mergeInStoreOrder(a, b)].map((s) => s.seq)).toEqual([10, 1, 2, 3, 11, 4, 12]);
    expect([...mergeInStoreOrder([], b)].map((s) => s.seq)).toEqual([10, 11, 12]);
  });
});

describe('linkShapeKey', () => {
  it('ignores time and record id, and no two values pass for one another', () => {
    const base = { ...emptyEvent(4624, '2024-01-01T00:00:00Z'), recordId: 1 };
    expect(linkShapeKey({ ...base, time: '2025-01-01T00:00:00Z', recordId: 9 })).toBe(linkShapeKey(base));
    const split = (a: string | null, b: string | null): string =>
      linkShapeKey({ ...base, targetUser: a, targetDomain: b });
    expect(split('a1:b', 'c')).not.toBe(split('a', '1:bc'));
    expect(split('-', null)).not.toBe(split(null, '-'));
    expect(split('', null)).not.toBe(split(null, ''));
    expect(linkShapeKey({ ...base, eventId: 4625 })).not.toBe(linkShapeKey(base));
  });

  it('tells apart events that differ in any link field', () => {
    const base = { ...emptyEvent(4624, '2024-01-01T00:00:00Z'), recordId: 1 };
    for (const field of LINK_FIELDS) {
      const other = { ...base, [field]: field === 'eventId' ? 4625 : 'x' } as LogonEvent;
      expect(linkShapeKey(other), field).not.toBe(linkShapeKey(base));
    }
  });

  it('holds every field edgeIdOf reads: changing any other field of a real event keeps its edge', () => {
    const others = LOGON_EVENT_FIELDS.filter(
      (f) => f !== 'time' && f !== 'recordId' && !(LINK_FIELDS as readonly string[]).includes(f),
    );
    let linked = 0;
    for (const sample of SAMPLES) {
      const { events } = readXml(readFileSync(sharedData('expected-xml', `${sample}.libevtx.xml`)));
      const analysis = analyzeEventsLinked(events, META(events.length));
      for (const e of events) {
        const edge = analysis.edgeIdOf(e);
        if (edge !== null) linked++;
        for (const field of others) {
          for (const value of [null, 'x', 'krbtgt/OTHER.REALM']) {
            expect(analysis.edgeIdOf({ ...e, [field]: value }), `${sample} ${field}`).toBe(edge);
          }
        }
      }
    }
    expect(linked).toBeGreaterThan(100);
  });
});

describe('LinkRecorder', () => {
  it('gives every event the links the linker gives it, reading the events once', () => {
    for (const sample of [
      'sec-omer-post',
      'sec-omer-newuser',
      'm2a-kerbrute',
      'm2a-anon-donpapi',
      'sec-omer-size_t',
    ]) {
      const { events } = readXml(readFileSync(sharedData('expected-xml', `${sample}.libevtx.xml`)));
      const stored = events.map((event, i): StoredEvent => ({ seq: i + 1, timeMs: i, event }));
      const recorder = new LinkRecorder();
      const meta = META(events.length);
      let reads = 0;
      const analysis = analyzeEventsLinked(
        (function* (): Generator<LogonEvent> {
          for (const e of recorder.record(stored)) {
            reads++;
            yield e;
          }
        })(),
        meta,
      );
      expect(reads, sample).toBe(events.length);
      const link = createEventLinker(analysis);
      const expected = stored.map((s) => [link(s.event), s.timeMs, s.seq]);
      expect([...recorder.links(analysis)], sample).toEqual(expected);
    }
  });
});
