import { describe, expect, it } from 'vitest';
import { offsetLabel, presetRange, toLocalInput, toUtcIso } from './time-range';

describe('time range with an explicit offset', () => {
  it('turns local wall-clock times into UTC', () => {
    expect(toUtcIso('2021-12-03T10:00', 0)).toBe('2021-12-03T10:00:00.000Z');
    expect(toUtcIso('2021-12-03T10:00', 540)).toBe('2021-12-03T01:00:00.000Z'); // Tokyo
    expect(toUtcIso('2021-12-03T00:30', -300)).toBe('2021-12-03T05:30:00.000Z'); // New York
    expect(toUtcIso('', 0)).toBeNull();
    expect(toUtcIso('2021-12-03', 0)).toBeNull();
    expect(toLocalInput(Date.parse('2021-12-03T01:00:00Z'), 540)).toBe('2021-12-03T10:00');
  });
  it('offers the previous day and the previous 7 days in that zone', () => {
    const now = Date.parse('2021-12-03T20:00:00Z'); // already Dec 4 in Tokyo
    expect(presetRange('day', now, 0)).toEqual({ from: '2021-12-02T00:00', to: '2021-12-03T00:00' });
    expect(presetRange('day', now, 540)).toEqual({ from: '2021-12-03T00:00', to: '2021-12-04T00:00' });
    expect(presetRange('week', now, 0)).toEqual({ from: '2021-11-26T00:00', to: '2021-12-03T00:00' });
  });
  it('labels offsets', () => {
    expect(offsetLabel(0)).toBe('UTC+00:00');
    expect(offsetLabel(330)).toBe('UTC+05:30');
    expect(offsetLabel(-300)).toBe('UTC−05:00');
  });
});
