import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { parseFilters, parseTime } from './query.js';

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
