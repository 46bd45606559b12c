import { describe, expect, it } from 'vitest';
import {
  addDays,
  isValidTimeZone,
  zoneDateOf,
  zoneDaysWindow,
  zoneMidnight,
  zoneOffsetMinutes,
  zonedTimeText,
  zoneWindowStart,
} from './time-zone.js';

const ms = (iso: string) => Date.parse(iso);

describe('zone days', () => {
  it('a UTC day is midnight to midnight UTC (null means UTC)', () => {
    expect(zoneDaysWindow('2021-12-03', 1, 'UTC')).toEqual({
      from: '2021-12-03T00:00:00Z',
      to: '2021-12-04T00:00:00Z',
    });
    expect(zoneDaysWindow('2021-12-03', 7, null)).toEqual({
      from: '2021-12-03T00:00:00Z',
      to: '2021-12-10T00:00:00Z',
    });
  });

  it('a Tokyo day starts at 15:00 UTC the day before', () => {
    expect(zoneDaysWindow('2021-12-03', 1, 'Asia/Tokyo')).toEqual({
      from: '2021-12-02T15:00:00Z',
      to: '2021-12-03T15:00:00Z',
    });
    expect(zoneDateOf(ms('2021-12-02T15:00:00Z'), 'Asia/Tokyo')).toBe('2021-12-03');
    expect(zoneDateOf(ms('2021-12-02T14:59:59Z'), 'Asia/Tokyo')).toBe('2021-12-02');
  });

  it('New York days across the DST changes are 23 and 25 hours long', () => {
    // 2021-03-14: clocks go from 02:00 EST to 03:00 EDT.
    const spring = zoneDaysWindow('2021-03-14', 1, 'America/New_York')!;
    expect(spring).toEqual({ from: '2021-03-14T05:00:00Z', to: '2021-03-15T04:00:00Z' });
    expect(ms(spring.to) - ms(spring.from)).toBe(23 * 3_600_000);
    // 2021-11-07: clocks go back from 02:00 EDT to 01:00 EST.
    const autumn = zoneDaysWindow('2021-11-07', 1, 'America/New_York')!;
    expect(autumn).toEqual({ from: '2021-11-07T04:00:00Z', to: '2021-11-08T05:00:00Z' });
    expect(ms(autumn.to) - ms(autumn.from)).toBe(25 * 3_600_000);
    // A week across the spring change is 7 days less one hour.
    const week = zoneDaysWindow('2021-03-10', 7, 'America/New_York')!;
    expect(week).toEqual({ from: '2021-03-10T05:00:00Z', to: '2021-03-17T04:00:00Z' });
  });

  it('a zone whose DST change skips midnight starts the day at its first instant', () => {
    // Santiago, 2022-09-11: 00:00 became 01:00 (UTC-4 to UTC-3).
    expect(zoneMidnight('2022-09-11', 'America/Santiago')).toBe(ms('2022-09-11T04:00:00Z'));
    expect(zoneDateOf(ms('2022-09-11T04:00:00Z'), 'America/Santiago')).toBe('2022-09-11');
  });

  it('fixed offsets work like zones without DST', () => {
    expect(zoneDaysWindow('2021-12-03', 1, '+09:00')).toEqual({
      from: '2021-12-02T15:00:00Z',
      to: '2021-12-03T15:00:00Z',
    });
    expect(zoneDaysWindow('2021-12-03', 1, '-05:30')!.from).toBe('2021-12-03T05:30:00Z');
  });

  it('offsets come from the zone database', () => {
    expect(zoneOffsetMinutes('Asia/Tokyo', ms('2021-07-01T00:00:00Z'))).toBe(540);
    expect(zoneOffsetMinutes('America/New_York', ms('2021-01-01T00:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', ms('2021-07-01T00:00:00Z'))).toBe(-240);
    expect(zoneOffsetMinutes('UTC', ms('2021-07-01T00:00:00Z'))).toBe(0);
  });

  it('refuses unknown zones, bad offsets and unreal dates', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('+09:00')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('+25:00')).toBe(false);
    expect(isValidTimeZone('<script>')).toBe(false);
    expect(isValidTimeZone('A'.repeat(500))).toBe(false);
    expect(zoneDaysWindow('2021-02-30', 1, 'Asia/Tokyo')).toBeNull();
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
  });
});

describe('zoned time text', () => {
  it('writes the wall clock of the zone with its offset', () => {
    expect(zonedTimeText('2021-12-03T14:05:09Z', 'Asia/Tokyo')).toBe('2021-12-03 23:05:09 +09:00');
    expect(zonedTimeText('2021-07-01T12:00:00.5Z', 'America/New_York')).toBe('2021-07-01 08:00:00 -04:00');
    expect(zonedTimeText('2021-12-03T14:05:09Z', null)).toBe('2021-12-03 14:05:09 UTC');
    expect(zonedTimeText('<b>x</b>', 'Asia/Tokyo')).toBe('<b>x</b>');
  });
});

describe('the window that holds an instant in a zone', () => {
  it("is the zone's day, or the Monday of its week", () => {
    const t = Date.parse('2021-12-05T20:00:00Z'); // Sunday in UTC, Monday 05:00 in Tokyo
    expect(zoneWindowStart(t, 'day', null)).toBe('2021-12-05');
    expect(zoneWindowStart(t, 'day', 'Asia/Tokyo')).toBe('2021-12-06');
    expect(zoneWindowStart(t, 'week', null)).toBe('2021-11-29');
    expect(zoneWindowStart(t, 'week', 'Asia/Tokyo')).toBe('2021-12-06');
  });
});
