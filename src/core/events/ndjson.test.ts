import { describe, expect, it } from 'vitest';
import { emptyEvent, LOGON_EVENT_FIELDS, NdjsonFormatter, NdjsonWriter, type LogonEvent } from './index.js';

/** The reference: JSON.stringify of the fields in model order. */
function reference(e: LogonEvent): string {
  const o: Record<string, string | number | null> = {};
  for (const f of LOGON_EVENT_FIELDS) o[f] = e[f];
  return JSON.stringify(o) + '\n';
}

describe('NdjsonFormatter', () => {
  it('writes every field in model order, exactly as JSON.stringify would', () => {
    const e = emptyEvent(4624, '2020-01-01T00:00:00.1234567Z');
    e.recordId = 9007199254740991;
    const fields = LOGON_EVENT_FIELDS.filter((f) => f !== 'time' && f !== 'recordId' && f !== 'eventId');
    for (const f of fields) (e as unknown as Record<string, string>)[f] = `value of ${f}`;
    const line = new NdjsonFormatter().line(e);
    expect(line).toBe(reference(e));
    expect(Object.keys(JSON.parse(line) as object)).toEqual([...LOGON_EVENT_FIELDS]);
    const empty = emptyEvent(4625, '');
    expect(new NdjsonFormatter().line(empty)).toBe(reference(empty));
  });

  it('escapes hostile text like JSON.stringify, also when the escaped form is cached', () => {
    const f = new NdjsonFormatter();
    const hostile = [
      '<script>alert(1)</script>',
      '=HYPERLINK("x")',
      'a"b\\c',
      '\u0000\u001b[31m\n\r\t',
      '\u2028\u2029',
      '\ud800 lone surrogate \udfff',
      'x'.repeat(100_000),
      '\u202Eevil',
    ];
    for (let round = 0; round < 2; round++) {
      for (const s of hostile) {
        const e = emptyEvent(4624, s);
        e.targetUser = s;
        e.computer = s;
        expect(f.line(e)).toBe(reference(e));
      }
    }
    const events = hostile.map((s) => {
      const e = emptyEvent(1, 't');
      e.subjectUser = s;
      return e;
    });
    expect(f.lines(events)).toBe(events.map(reference).join(''));
  });

  it('stays correct past its cache bound', () => {
    const f = new NdjsonFormatter();
    for (let i = 0; i < 20_000; i++) {
      const e = emptyEvent(4624, 't');
      e.targetUser = `user${i % 9000}`;
      expect(f.line(e)).toBe(reference(e));
    }
  });
});

/** The writer's bytes for these events, as text (UTF-8 decoded strictly: bad bytes would throw). */
function written(events: LogonEvent[], capacity?: number): string {
  const w = new NdjsonWriter(capacity);
  const n = w.add(events);
  const bytes = w.take();
  expect(n).toBe(bytes.length);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

describe('NdjsonWriter', () => {
  const STRING_FIELDS = LOGON_EVENT_FIELDS.filter((f) => f !== 'time' && f !== 'recordId' && f !== 'eventId');

  it('writes the bytes of JSON.stringify of the fields in model order, every shape of null fields', () => {
    const events: LogonEvent[] = [];
    for (let i = 0; i < 200; i++) {
      const e = emptyEvent(4624 + (i % 3), `2020-01-01T00:00:${String(i % 60).padStart(2, '0')}.1234567Z`);
      e.recordId = i % 7 === 0 ? null : i;
      // A pseudo-random set of non-null fields per event: many line shapes.
      STRING_FIELDS.forEach((f, k) => {
        if (((i * 2654435761) >>> k) & 1) (e as unknown as Record<string, string>)[f] = `${f} ${i}`;
      });
      events.push(e);
    }
    events.push(emptyEvent(1, ''));
    expect(written(events)).toBe(events.map(reference).join(''));
  });

  it('escapes hostile text exactly as JSON.stringify does, in valid UTF-8', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '=HYPERLINK("x")',
      'a"b\\c',
      'C:\\Windows\\System32\\lsass.exe',
      '\u0000\u001b[31m\n\r\t\u007f\u0080\u009f',
      '\u2028\u2029',
      '\ud800 lone surrogate \udfff',
      'pair \ud83d\ude00 and \udbff\udfff, end high \ud83d',
      'é ü ß 日本語 \uffff \ue000',
      'x'.repeat(100_000),
      '\u202Eevil',
    ];
    const events = hostile.map((s, i) => {
      const e = emptyEvent(4624, s);
      e.recordId = i;
      e.targetUser = s;
      e.computer = s;
      e.targetInfo = s;
      return e;
    });
    expect(written(events, 64)).toBe(events.map(reference).join(''));
  });

  it('writes any record id and event id as JSON.stringify does', () => {
    const ids = [
      0,
      9,
      10,
      99,
      1234567890,
      Number.MAX_SAFE_INTEGER,
      2 ** 64,
      2 ** 53 + 2,
      -1,
      1.5,
      NaN,
      Infinity,
    ];
    const events = ids.map((id) => {
      const e = emptyEvent(id === 1.5 ? 7 : 4624, 't');
      e.recordId = id;
      return e;
    });
    expect(written(events)).toBe(events.map(reference).join(''));
  });

  it('stays correct past its bound on line shapes', () => {
    const events: LogonEvent[] = [];
    for (let i = 0; i < 5000; i++) {
      const e = emptyEvent(4624, 't');
      STRING_FIELDS.forEach((f, k) => {
        if (k < 13 && (i >> k) & 1) (e as unknown as Record<string, string>)[f] = 'v';
      });
      events.push(e);
    }
    expect(written(events)).toBe(events.map(reference).join(''));
  });
});
