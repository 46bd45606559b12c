import { describe, expect, it } from 'vitest';
import { makeDataset } from '../testing.js';
import { hourToIso } from '../time.js';
import { computeView, DEFAULT_FILTERS } from '../view.js';
import { compareWindows, previousWindow } from './compare-windows.js';

const DAY = 455_016; // 2021-11-28T00:00Z, a day boundary
const day = (k: number) => ({ from: hourToIso(DAY + 24 * k), to: hourToIso(DAY + 24 * (k + 1)) });
const ALICE = 'account:corp\\alice';
const BOB = 'account:corp\\bob';
const CAROL = 'account:corp\\carol';

function sample() {
  return makeDataset([
    // e0: both days
    {
      account: ALICE,
      source: 'host:ws1',
      target: 'host:dc1',
      hourly: [
        [DAY + 25, 3],
        [DAY + 49, 2],
      ],
    },
    // e1: only the previous day (gone)
    { account: BOB, source: 'host:ws2', target: 'host:dc1', hourly: [[DAY + 30, 4]] },
    // e2: first ever today (new, first seen)
    { account: CAROL, source: 'ip:203.0.113.9', target: 'host:dc1', hourly: [[DAY + 50, 9]] },
    // e3: today and two days ago, not yesterday (new, not first seen)
    {
      account: ALICE,
      source: 'host:ws3',
      target: 'host:dc1',
      hourly: [
        [DAY + 2, 1],
        [DAY + 51, 1],
      ],
    },
  ]);
}

describe('compareWindows', () => {
  it('takes the window of the same length just before', () => {
    expect(previousWindow(day(2))).toEqual(day(1));
    expect(previousWindow({ from: '2021-11-28T00:00:00Z', to: '2021-12-05T00:00:00Z' })).toEqual({
      from: '2021-11-21T00:00:00Z',
      to: '2021-11-28T00:00:00Z',
    });
  });

  it('lists new and gone edges and nodes, and which new ones were never seen before', () => {
    const diff = compareWindows(sample(), day(2), DEFAULT_FILTERS);
    expect(diff.previous).toEqual(day(1));
    expect(diff.newEdges).toEqual(['e2', 'e3']);
    expect(diff.goneEdges).toEqual(['e1']);
    expect(diff.firstSeenEdges).toEqual(['e2']);
    expect(diff.newNodes).toEqual([CAROL, 'host:ws3', 'ip:203.0.113.9']);
    expect(diff.goneNodes).toEqual([BOB, 'host:ws2']);
    expect(diff.firstSeenNodes).toEqual([CAROL, 'ip:203.0.113.9']);
  });

  it('applies the filters to both windows', () => {
    const diff = compareWindows(sample(), day(2), { ...DEFAULT_FILTERS, search: 'alice' });
    expect(diff.newEdges).toEqual(['e3']);
    expect(diff.goneEdges).toEqual([]);
  });

  it('lists rank changes by size, with places, from the views of both windows', () => {
    const d = sample();
    const diff = compareWindows(d, day(2), DEFAULT_FILTERS);
    const now = computeView(d, day(2), DEFAULT_FILTERS).rankings;
    const before = computeView(d, day(1), DEFAULT_FILTERS).rankings;
    expect(diff.rankChanges.length).toBeGreaterThan(0);
    for (const c of diff.rankChanges) {
      expect(c.after).toBe(now.get(c.node)?.scores.pagerank ?? 0);
      expect(c.before).toBe(before.get(c.node)?.scores.pagerank ?? 0);
      expect(c.delta).toBeCloseTo(c.after - c.before, 12);
      expect(c.afterRank === null).toBe(!now.has(c.node));
    }
    const sizes = diff.rankChanges.map((c) => Math.abs(c.delta));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const bob = diff.rankChanges.find((c) => c.node === BOB);
    expect(bob).toMatchObject({ after: 0, afterRank: null });
    expect(compareWindows(d, day(2), DEFAULT_FILTERS, { maxRankChanges: 1 }).rankChanges).toHaveLength(1);
    const byFailures = compareWindows(d, day(2), DEFAULT_FILTERS, { score: 'failures' });
    expect(byFailures.rankChanges).toEqual([]);
  });

  it('compares against an empty previous window at the start of the data', () => {
    const diff = compareWindows(sample(), day(0), DEFAULT_FILTERS);
    expect(diff.newEdges).toEqual(['e3']);
    expect(diff.goneEdges).toEqual([]);
    expect(diff.firstSeenEdges).toEqual(['e3']);
  });
});

describe('previousWindow of a malformed window', () => {
  it('says what is wrong instead of computing with NaN', () => {
    expect(() => previousWindow({ from: '2021-02-30T00:00:00Z', to: '2021-03-01T00:00:00Z' })).toThrow(
      /not a time window/,
    );
  });
});
