import { describe, expect, it } from 'vitest';
import { offsetText } from '../../core/analysis/index.js';
import { formatInstant, zoneLabel } from './time-format';

const T = '2021-12-03T14:05:09.123Z';

describe('formatInstant', () => {
  it('writes UTC by default, to the second, with the zone', () => {
    expect(formatInstant(T, { zone: null, locale: 'en' })).toBe('2021-12-03 14:05:09 UTC');
    expect(formatInstant(T, { zone: 'UTC', locale: 'en', precision: 'minute' })).toBe('2021-12-03 14:05 UTC');
    expect(formatInstant(T, { zone: null, locale: 'en', precision: 'hour' })).toBe('2021-12-03 14:00 UTC');
    expect(formatInstant(T, { zone: null, locale: 'en', precision: 'date' })).toBe('2021-12-03');
    expect(formatInstant(T, { zone: null, locale: 'en', bare: true })).toBe('2021-12-03 14:05:09');
  });

  it('shifts to the chosen zone and says its offset', () => {
    expect(formatInstant(T, { zone: 'Asia/Tokyo', locale: 'en' })).toBe('2021-12-03 23:05:09 +09:00');
    expect(
      formatInstant('2021-12-03T16:00:00Z', { zone: 'Asia/Tokyo', locale: 'en', precision: 'date' }),
    ).toBe('2021-12-04');
    // New York: EST in December, EDT in July.
    expect(formatInstant(T, { zone: 'America/New_York', locale: 'en' })).toBe('2021-12-03 09:05:09 -05:00');
    expect(formatInstant('2021-07-01T12:00:00Z', { zone: 'America/New_York', locale: 'en' })).toBe(
      '2021-07-01 08:00:00 -04:00',
    );
  });

  it('writes dates the Japanese way in Japanese, with a 24-hour clock', () => {
    expect(formatInstant(T, { zone: 'Asia/Tokyo', locale: 'ja' })).toBe('2021/12/03 23:05:09 +09:00');
    expect(formatInstant(Date.parse(T), { zone: null, locale: 'ja', precision: 'minute' })).toBe(
      '2021/12/03 14:05 UTC',
    );
  });

  it('shows text that is not a time unchanged, and falls back to UTC for an unknown zone', () => {
    expect(formatInstant('<b>not a time</b>', { zone: null, locale: 'en' })).toBe('<b>not a time</b>');
    expect(formatInstant(T, { zone: 'Mars/Base', locale: 'en' })).toBe('2021-12-03 14:05:09 UTC');
  });

  it('names zones and offsets', () => {
    expect(zoneLabel(null)).toBe('UTC');
    expect(zoneLabel('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(offsetText(540)).toBe('+09:00');
    expect(offsetText(-330)).toBe('-05:30');
  });
});
