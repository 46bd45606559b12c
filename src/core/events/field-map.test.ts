import { describe, expect, it } from 'vitest';
import {
  EVENT_DATA_FIELDS,
  emptyEvent,
  eventWithData,
  setDataField,
  setWindowsField,
  WINDOWS_FIELD_INDEX,
  WINDOWS_FIELD_MAP,
  type LogonEvent,
} from './index.js';

describe('setDataField (the EVTX reader’s array form of setWindowsField)', () => {
  it('gives the same event as setWindowsField for any sequence of names and values', () => {
    const names = Object.keys(WINDOWS_FIELD_MAP);
    const values = [null, '', '-', 'alice', 'Domain Admins'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (const eventId of [4624, 4728, 4732, 4756, 4769]) {
      for (let round = 0; round < 200; round++) {
        const byName = emptyEvent(eventId, 't');
        const data = new Array<string | null>(EVENT_DATA_FIELDS.length).fill(null);
        for (let i = 0; i < 12; i++) {
          // TargetUserName often, so that the group rule meets every order of values.
          const name = next(3) === 0 ? 'TargetUserName' : names[next(names.length)]!;
          const value = values[next(values.length)]!;
          setWindowsField(byName, name, value);
          setDataField(data, WINDOWS_FIELD_INDEX.get(name)!, eventId, value);
        }
        const byArray: LogonEvent = eventWithData('t', null, eventId, null, null, null, data);
        expect(byArray).toEqual(byName);
      }
    }
  });

  it('eventWithData puts each data value in its field, in the model’s field order', () => {
    const e = eventWithData('t', 5, 4624, 'Security', 'p', 'c', [...EVENT_DATA_FIELDS]);
    for (const f of EVENT_DATA_FIELDS) expect(e[f]).toBe(f);
    expect(Object.keys(e)).toEqual(Object.keys(emptyEvent(0, '')));
  });
});
