import { describe, expect, it } from 'vitest';
import type { Detection } from '../../dataset/schema.js';
import { makeDataset, makeFlag, makeNode } from '../testing.js';
import { hourToIso } from '../time.js';
import {
  detectionWindow,
  nearestActiveWindow,
  nearestWindowIn,
  storyWindow,
  storyWindowOf,
} from './story-window.js';

// 2021-11-28 is a Sunday; DAY is its first hour.
const DAY = 455_016;
const at = (day: number, hour = 0): number => DAY + 24 * day + hour;

function detection(id: string, severity: Detection['severity'], first: string, last = first): Detection {
  return {
    id,
    kind: 'dcsync',
    title: id,
    severity,
    nodes: ['account:corp\\alice'],
    first,
    last,
    count: 1,
    detail: '',
    evidence: { eventIds: [4662], recordIds: [1], computers: ['dc1'] },
  };
}

const busy = () =>
  makeDataset([
    { account: 'account:corp\\alice', source: 'host:ws1', target: 'host:dc1', hourly: [[at(0, 3), 3]] },
    // Day 9 (Tuesday 2021-12-07) is the busiest day; the week of Monday 2021-11-29 the busiest week.
    { account: 'account:corp\\bob', source: 'host:ws1', target: 'host:dc1', hourly: [[at(9, 10), 10]] },
    {
      account: 'account:corp\\carol',
      source: 'host:ws2',
      target: 'host:dc1',
      hourly: [
        [at(1, 1), 4],
        [at(2, 1), 4],
        [at(3, 1), 4],
      ],
    },
  ]);

describe('storyWindow', () => {
  it('opens on the window of the first high-severity detection', () => {
    const d = busy();
    d.detections = [
      detection('medium-early', 'medium', hourToIso(at(0))),
      detection('high-late', 'high', hourToIso(at(9, 5))),
      detection('high-first', 'high', '2021-12-02T23:59:59.5Z'),
    ];
    expect(storyWindow(d, 'day')).toEqual({
      from: '2021-12-02',
      reason: 'detection',
      detection: 'high-first',
    });
    // The Monday-to-Sunday week holding it.
    expect(storyWindow(d, 'week')).toEqual({
      from: '2021-11-29',
      reason: 'detection',
      detection: 'high-first',
    });
  });

  it('opens on the busiest day or week when there is no high-severity detection', () => {
    const d = busy();
    d.detections = [detection('low', 'low', hourToIso(at(0)))];
    expect(storyWindow(d, 'day')).toEqual({ from: '2021-12-07', reason: 'busiest' });
    expect(storyWindow(d, 'week')).toEqual({ from: '2021-11-29', reason: 'busiest' });
  });

  it('takes the earliest of equally busy days', () => {
    const d = makeDataset([
      { account: 'account:corp\\a', source: null, target: 'host:x', hourly: [[at(5), 2]] },
      { account: 'account:corp\\b', source: null, target: 'host:x', hourly: [[at(2), 2]] },
    ]);
    expect(storyWindow(d, 'day')).toEqual({ from: '2021-11-30', reason: 'busiest' });
  });

  it('says there is nothing when the dataset is empty', () => {
    const d = makeDataset([]);
    expect(storyWindow(d, 'day')).toEqual({ from: '2026-01-01', reason: 'none' });
    expect(storyWindow(d, 'week').reason).toBe('none');
  });
});

describe('detectionWindow', () => {
  it('is the UTC day, or the Monday of the UTC week, of the detection’s first event', () => {
    const d = detection('x', 'high', '2021-12-05T23:30:00Z'); // a Sunday
    expect(detectionWindow(d, 'day')).toBe('2021-12-05');
    expect(detectionWindow(d, 'week')).toBe('2021-11-29');
    expect(detectionWindow(detection('y', 'high', '2021-12-06T00:00:00Z'), 'week')).toBe('2021-12-06');
  });
});

describe('nearestActiveWindow', () => {
  const d = busy();

  it('is the window itself when it has events', () => {
    expect(nearestActiveWindow(d, '2021-11-29', 'day')).toBe('2021-11-29');
  });

  it('is the closest window with events before or after, the later one on a tie', () => {
    expect(nearestActiveWindow(d, '2021-12-05', 'day')).toBe('2021-12-07'); // 3 days back, 2 ahead
    expect(nearestActiveWindow(d, '2021-12-04', 'day')).toBe('2021-12-07'); // 3 back, 3 ahead
    expect(nearestActiveWindow(d, '2021-12-03', 'day')).toBe('2021-12-01'); // 2 back, 4 ahead
  });

  it('steps by whole weeks from the window’s own first day', () => {
    // Weeks from Thursday 2021-12-09 back: 12-02..12-08 holds day 9 (12-07).
    expect(nearestActiveWindow(d, '2021-12-16', 'week')).toBe('2021-12-02');
    expect(nearestActiveWindow(d, '2021-11-01', 'week')).toBe('2021-11-22');
  });

  it('counts flagged nodes as something to show, but not privileged logons alone', () => {
    const f = makeDataset(
      [{ account: 'account:corp\\a', source: null, target: 'host:x', hourly: [[at(0), 1]] }],
      [
        makeNode('account:corp\\z', {
          flags: [makeFlag('created', at(20), 1, 4720), makeFlag('privileged', at(10))],
        }),
      ],
    );
    expect(nearestActiveWindow(f, '2021-12-17', 'day')).toBe('2021-12-18');
    // The privileged logon of 2021-12-08 alone would be 1 day ahead.
    expect(nearestActiveWindow(f, '2021-12-07', 'day')).toBe('2021-11-28');
  });

  it('is null for an empty dataset or a date that is not one', () => {
    expect(nearestActiveWindow(makeDataset([]), '2021-12-01', 'day')).toBeNull();
    expect(nearestActiveWindow(d, '2021-02-30', 'day')).toBeNull();
    expect(nearestActiveWindow(d, '<script>', 'week')).toBeNull();
  });
});

describe('times the calendar refuses', () => {
  it('never throw: a detection on 2021-02-30 opens on its date as written', () => {
    const d = detection('odd', 'high', '2021-02-30T10:00:00Z');
    expect(detectionWindow(d, 'week')).toBe('2021-02-30');
    const ds = makeDataset([]);
    ds.detections = [d];
    expect(storyWindow(ds, 'day')).toEqual({ from: '2026-01-01', reason: 'none' });
  });
});

describe('from a histogram (server datasets)', () => {
  it('decides as from the dataset itself', () => {
    const d = busy();
    const hourly = d.edges.flatMap((e) => e.hourly).sort((a, b) => a[0] - b[0]);
    const input = { hourly, detections: [], fallback: d.timeRange!.from };
    expect(storyWindowOf(input, 'day')).toEqual(storyWindow(d, 'day'));
    expect(storyWindowOf(input, 'week')).toEqual(storyWindow(d, 'week'));
    const hours = hourly.map(([h]) => h);
    for (const from of ['2021-11-20', '2021-12-04', '2021-12-05', '2022-01-01'])
      expect(nearestWindowIn(hours, from, 'day')).toBe(nearestActiveWindow(d, from, 'day'));
    expect(storyWindowOf({ hourly: [], detections: [], fallback: '2021-12-03T10:00:00Z' }, 'week')).toEqual({
      from: '2021-11-29',
      reason: 'none',
    });
  });
});
