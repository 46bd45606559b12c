import { describe, expect, it } from 'vitest';
import { compareIso, hourLabel, hourToIso, isoToMs, unixHourOf, windowHours } from './time.js';

describe('isoToMs', () => {
  it('parses every precision the readers produce, in UTC', () => {
    expect(isoToMs('2021-12-03T12:06:03Z')).toBe(Date.UTC(2021, 11, 3, 12, 6, 3));
    expect(isoToMs('2021-12-03T12:06:03.1Z')).toBe(Date.UTC(2021, 11, 3, 12, 6, 3, 100));
    expect(isoToMs('2021-12-03T12:06:03.1234567Z')).toBe(Date.UTC(2021, 11, 3, 12, 6, 3, 123));
    expect(isoToMs('2021-12-03T12:06:03.123456789Z')).toBe(Date.UTC(2021, 11, 3, 12, 6, 3, 123));
  });
  it('gives the same answers on the cached fast path', () => {
    const base = isoToMs('2021-12-03T12:00:00Z');
    expect(isoToMs('2021-12-03T12:59:59.999Z')).toBe(base + 3_599_999);
    expect(isoToMs('2021-12-03T12:07:08.5Z')).toBe(base + 7 * 60_000 + 8_500);
    expect(isoToMs('2021-12-03T12:61:00Z')).toBeNaN();
    expect(isoToMs('2021-12-03T12:0x:00Z')).toBeNaN();
    expect(isoToMs('2021-12-03T12:00:00.Z')).toBeNaN();
    expect(isoToMs('2021-12-03T12:00:00.1234567890Z')).toBeNaN();
    expect(isoToMs('2021-12-03T12:00:00+01:00')).toBeNaN();
    expect(isoToMs('not a time')).toBeNaN();
  });
  it('compares times of different precision by value', () => {
    expect(compareIso('2021-12-03T12:06:03Z', '2021-12-03T12:06:03.5Z')).toBeLessThan(0);
    expect(compareIso('2021-12-03T12:06:03.0000001Z', '2021-12-03T12:06:03Z')).toBeGreaterThan(0);
  });
  it('turns hours into labels and windows into whole hours', () => {
    const h = unixHourOf('2021-12-03T12:06:03Z');
    expect(hourToIso(h)).toBe('2021-12-03T12:00:00Z');
    expect(hourLabel(h)).toBe('2021-12-03 12:00 UTC');
    expect(windowHours({ from: '2021-12-03T12:30:00Z', to: '2021-12-03T14:00:00Z' })).toEqual({
      fromHour: h,
      toHour: h + 2,
    });
    expect(windowHours(null)).toEqual({ fromHour: -Infinity, toHour: Infinity });
  });
});

describe('isoToMs day cache', () => {
  it('agrees with Date.UTC across days, hours and before 1970', () => {
    for (const iso of [
      '1969-12-31T23:59:59.5Z',
      '1969-12-31T00:00:00Z',
      '2015-08-23T10:29:51.0265000Z',
      '2015-08-23T23:00:00Z',
      '2024-02-29T12:34:56.789Z',
    ]) {
      const expected = Date.parse(iso.replace(/(\.\d{3})\d+Z$/, '$1Z'));
      expect(isoToMs(iso), iso).toBe(expected);
      expect(isoToMs(iso), `${iso} again`).toBe(expected);
    }
    expect(isoToMs('2015-08-23T24:00:00Z')).toBeNaN();
  });
});

describe('isoToMs last day', () => {
  it('agrees with the full parser whatever day came before', () => {
    const times = [
      '2015-08-23T10:29:51.0265000Z',
      '2015-08-23T10:29:51.0265001Z',
      '2015-08-24T00:00:00Z',
      '2015-08-23T23:59:59.9999999Z',
      '2015-08-23T24:00:00Z',
      '2015-08-23T10:2x:51Z',
      '2015-08-23X10:29:51Z',
      '2015-08-23T10:29:51.Z',
      '2015-08-2310:29:51.000Z',
      '2031-02-30T00:00:00Z',
      '2031-02-28T00:00:00Z',
      '1969-12-31T23:59:59.5Z',
      '2015-08-23T10:29:51+09:00',
    ];
    const expected = (iso: string): number => {
      const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/.exec(iso);
      if (m === null || Number(m[4]) > 23) return Number.NaN;
      const t = Date.parse(
        `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${((m[7] ?? '') + '000').slice(0, 3)}Z`,
      );
      return new Date(t).getUTCDate() === Number(m[3]) ? t : Number.NaN;
    };
    // Every order of pairs: the day remembered from one time must never answer for another.
    for (const a of times)
      for (const b of times) {
        isoToMs(a);
        expect(isoToMs(b), `${b} after ${a}`).toBe(expected(b));
      }
  });
});

describe('isoToMs validation', () => {
  it('refuses impossible dates and times on first sight', () => {
    expect(isoToMs('2031-02-30T00:00:00Z')).toBeNaN();
    expect(isoToMs('2031-01-05T24:00:00Z')).toBeNaN();
    expect(isoToMs('2031-01-05T23:60:00Z')).toBeNaN();
    expect(isoToMs('2031-13-05T00:00:00Z')).toBeNaN();
  });
});
