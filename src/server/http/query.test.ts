import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { parseFilters, parseTime, parseWindow } from './query.js';

function code(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (e) {
    return e instanceof ApiError ? `${e.status} ${e.code}` : 'other';
  }
}

describe('strict query values', () => {
  it('refuses impossible calendar dates instead of rolling them over', () => {
    for (const v of [
      '2017-02-30',
      '2017-02-29',
      '2017-04-31',
      '2017-13-01',
      '2017-00-10',
      '2017-01-00',
      '2017-01-01T24:00Z',
      '2017-01-01T23:60:00Z',
      '2017-01-01T23:59:60Z',
      '2017-01-01T12:00:00+15:00',
    ])
      expect(
        code(() => parseTime('from', v)),
        v,
      ).toBe('400 bad_query');
  });
  it('accepts real dates, leap days and times with zones', () => {
    expect(parseTime('from', '2016-02-29')).toBe(Date.parse('2016-02-29T00:00:00Z'));
    expect(parseTime('from', '2021-12-03T23:59:59.1234567Z')).toBe(Date.parse('2021-12-03T23:59:59.123Z'));
    expect(parseTime('to', '2021-12-03T09:00+09:00')).toBe(Date.parse('2021-12-03T00:00:00Z'));
  });
  it('refuses unknown logon types and event IDs that are never analysed', () => {
    expect(code(() => parseFilters({ logonTypes: 'abc' }))).toBe('400 bad_query');
    expect(code(() => parseFilters({ logonTypes: '3,1' }))).toBe('400 bad_query');
    expect(code(() => parseFilters({ logonTypes: '3,99' }))).toBe('400 bad_query');
    expect(code(() => parseFilters({ eventIds: '4624,1234' }))).toBe('400 bad_query');
    expect(parseFilters({ logonTypes: '0,2,3,10,13', eventIds: '4624,4625,4768' })).toMatchObject({
      logonTypes: ['0', '2', '3', '10', '13'],
      eventIds: [4624, 4625, 4768],
    });
  });
});

describe('windows in a time zone (tz=)', () => {
  const range = { from: '2021-12-01T00:00:00Z', to: '2021-12-10T00:00:00Z' };

  it("reads day bounds as the zone's midnights, the same rule as the app", () => {
    expect(parseWindow({ from: '2021-12-03', to: '2021-12-04', tz: 'Asia/Tokyo' }, range)).toEqual({
      from: '2021-12-02T15:00:00.000Z',
      to: '2021-12-03T15:00:00.000Z',
    });
    // A New York day across the autumn DST change is 25 hours long.
    expect(parseWindow({ from: '2021-11-07', to: '2021-11-08', tz: 'America/New_York' }, range)).toEqual({
      from: '2021-11-07T04:00:00.000Z',
      to: '2021-11-08T05:00:00.000Z',
    });
    // Without tz, days are UTC days, as before.
    expect(parseWindow({ from: '2021-12-03', to: '2021-12-04' }, range)).toEqual({
      from: '2021-12-03T00:00:00.000Z',
      to: '2021-12-04T00:00:00.000Z',
    });
  });

  it('takes an offset, also when the query string turned its + into a space', () => {
    const want = { from: '2021-12-02T15:00:00.000Z', to: '2021-12-03T15:00:00.000Z' };
    expect(parseWindow({ from: '2021-12-03', to: '2021-12-04', tz: '+09:00' }, range)).toEqual(want);
    expect(parseWindow({ from: '2021-12-03', to: '2021-12-04', tz: ' 09:00' }, range)).toEqual(want);
  });

  it('leaves times with their own zone alone, and refuses unknown zones', () => {
    expect(parseWindow({ from: '2021-12-03T12:00:00Z', tz: 'Asia/Tokyo' }, range)?.from).toBe(
      '2021-12-03T12:00:00.000Z',
    );
    expect(code(() => parseWindow({ from: '2021-12-03', tz: 'Mars/Base' }, range))).toBe('400 bad_query');
    expect(code(() => parseWindow({ from: '2021-12-03', tz: '<script>' }, range))).toBe('400 bad_query');
    expect(code(() => parseWindow({ tz: 'x'.repeat(1000) }, range))).toBe('400 bad_query');
  });
});
