import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import {
  dateToMs,
  isValidDate,
  resolveWindow,
  shiftDate,
  stepWindow,
  windowFor,
  windowLabel,
} from './time-window';

const range = { from: '2021-12-01T03:00:00Z', to: '2021-12-05T22:10:00Z' };

describe('time windows (UTC)', () => {
  it('validates real dates only', () => {
    expect(isValidDate('2021-12-03')).toBe(true);
    expect(isValidDate('2021-02-30')).toBe(false);
    expect(isValidDate('2021-12-3')).toBe(false);
    expect(Number.isNaN(dateToMs('yesterday'))).toBe(true);
  });

  it('builds half-open windows of a day or a week', () => {
    expect(windowFor('2021-12-03', 'day')).toEqual({
      from: '2021-12-03T00:00:00Z',
      to: '2021-12-04T00:00:00Z',
    });
    expect(windowFor('2021-12-30', 'week')).toEqual({
      from: '2021-12-30T00:00:00Z',
      to: '2022-01-06T00:00:00Z',
    });
    expect(shiftDate('2021-12-31', 1)).toBe('2022-01-01');
  });

  it('defaults to the first day and moves dates outside the range inside, with a notice', () => {
    expect(resolveWindow(range, null, 'day')).toMatchObject({ from: '2021-12-01', notice: null });
    const late = resolveWindow(range, '2022-01-01', 'day');
    expect(late.from).toBe('2021-12-05');
    expect(late.notice).toEqual({
      key: 'dateOutside',
      params: { from: '2022-01-01', min: '2021-12-01', max: '2021-12-05', moved: '2021-12-05' },
    });
    expect(resolveWindow(null, '2021-12-01', 'day')).toEqual({ from: null, window: null, notice: null });
  });

  it('steps within the range and stops at its ends', () => {
    expect(stepWindow(range, '2021-12-01', 'day', 1)).toBe('2021-12-02');
    expect(stepWindow(range, '2021-12-01', 'day', -1)).toBeNull();
    expect(stepWindow(range, '2021-12-05', 'day', 1)).toBeNull();
    expect(stepWindow(range, '2021-12-03', 'week', -1)).toBe('2021-11-26');
  });

  it('labels the window as UTC', () => {
    expect(windowLabel('2021-12-03', 'day')).toBe('2021-12-03 (UTC day)');
    expect(windowLabel('2021-12-03', 'week')).toBe('2021-12-03 – 2021-12-09 (UTC week)');
  });

  it('labels the window in the UI language', async () => {
    await i18n.changeLanguage('ja');
    expect(windowLabel('2021-12-03', 'day')).toBe('2021-12-03 (UTC の 1 日)');
    expect(windowLabel('2021-12-03', 'week')).toBe('2021-12-03 ～ 2021-12-09 (UTC の 1 週間)');
  });
});

describe('time windows in a chosen zone', () => {
  it('a Tokyo day is the day of Tokyo, and the dataset range is read in Tokyo dates', () => {
    expect(windowFor('2021-12-03', 'day', 'Asia/Tokyo')).toEqual({
      from: '2021-12-02T15:00:00Z',
      to: '2021-12-03T15:00:00Z',
    });
    // 2021-12-05T22:10Z is already 2021-12-06 in Tokyo: that day is in range.
    expect(resolveWindow(range, '2021-12-06', 'day', 'Asia/Tokyo')).toEqual({
      from: '2021-12-06',
      window: { from: '2021-12-05T15:00:00Z', to: '2021-12-06T15:00:00Z' },
      notice: null,
    });
    expect(resolveWindow(range, '2021-12-06', 'day').notice).not.toBeNull();
    expect(stepWindow(range, '2021-12-05', 'day', 1, 'Asia/Tokyo')).toBe('2021-12-06');
    expect(stepWindow(range, '2021-12-05', 'day', 1)).toBeNull();
    expect(windowLabel('2021-12-03', 'day', 'Asia/Tokyo')).toBe('2021-12-03 (Asia/Tokyo day)');
    expect(windowLabel('2021-12-03', 'week', null)).toBe('2021-12-03 – 2021-12-09 (UTC week)');
  });

  it('a New York week across the DST change is a week of New York days', () => {
    expect(windowFor('2021-11-01', 'week', 'America/New_York')).toEqual({
      from: '2021-11-01T04:00:00Z',
      to: '2021-11-08T05:00:00Z',
    });
  });

  it('UTC (null) keeps the UTC days', () => {
    expect(windowFor('2021-12-03', 'day', null)).toEqual(windowFor('2021-12-03', 'day'));
    expect(windowFor('2021-12-03', 'week', 'UTC')).toEqual({
      from: '2021-12-03T00:00:00Z',
      to: '2021-12-10T00:00:00Z',
    });
  });
});
