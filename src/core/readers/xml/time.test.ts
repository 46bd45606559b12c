import { describe, expect, it } from 'vitest';
import { parseTime, timeSortKey } from './time.js';

describe('parseTime', () => {
  it.each([
    ['2025-06-08T07:15:09.2216228Z', '2025-06-08T07:15:09.2216228Z', true], // Windows
    ['2016-06-29T15:24:34.346000000Z', '2016-06-29T15:24:34.346Z'.replace('.346Z', '.3460000Z'), true], // libevtx: 9 → 7
    ['2022-01-24 17:03:24.224937', '2022-01-24T17:03:24.224937Z', false], // python-evtx
    ['2022-01-24 17:03:24', '2022-01-24T17:03:24Z', false],
    ['2020-08-05T02:09:26.5-04:00', '2020-08-05T06:09:26.5Z', true],
    ['2020-01-01T00:30:00+0100', '2019-12-31T23:30:00Z', true],
    ['2021-12-03', '2021-12-03T00:00:00Z', false],
  ])('%s → %s', (text, iso, hadZone) => {
    expect(parseTime(text)).toEqual({ iso, hadZone });
  });

  it('keeps non-zero digits beyond 7', () => {
    expect(parseTime('2016-06-29T15:24:34.123456789Z')?.iso).toBe('2016-06-29T15:24:34.123456789Z');
  });

  it.each([
    '',
    'yesterday',
    '2021-02-30T00:00:00Z',
    '2021-13-01T00:00:00Z',
    '2021-01-01T25:00:00Z',
    '1609459200',
  ])('rejects %j', (text) => {
    expect(parseTime(text)).toBeNull();
  });
});

describe('timeSortKey', () => {
  it('orders instants whatever the fraction length', () => {
    const a = timeSortKey('2021-01-01T00:00:00Z');
    const b = timeSortKey('2021-01-01T00:00:00.5Z');
    const c = timeSortKey('2021-01-01T00:00:00.0000001Z');
    expect(a < c && c < b).toBe(true);
  });
});
