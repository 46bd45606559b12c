import { describe, expect, it } from 'vitest';
import { emptyEvent, LOGON_EVENT_FIELDS, NdjsonFormatter, type LogonEvent } from './index.js';

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
