import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../dataset/testing/generate-dataset.js';
import { makeDataset, makeNode } from '../testing.js';
import { computeView, DEFAULT_FILTERS } from '../view.js';
import { nodeTimeline } from './node-timeline.js';

const H = 455_016;
const ALICE = 'account:corp\\alice';

describe('nodeTimeline', () => {
  const d = makeDataset([
    {
      account: ALICE,
      source: 'host:ws1',
      target: 'host:dc1',
      hourly: [
        [H, 2],
        [H + 3, 1],
      ],
    },
    {
      account: ALICE,
      source: 'host:ws1',
      target: 'host:dc1',
      eventId: 4625,
      failure: true,
      hourly: [[H, 5]],
    },
    { account: ALICE, source: 'host:dc1', target: 'host:dc1', eventId: 4768, hourly: [[H + 1, 4]] },
    { account: 'account:corp\\bob', source: 'host:ws2', target: 'host:dc1', hourly: [[H + 9, 7]] },
  ]);

  it('counts an account per hour, successes and failures apart, by event ID', () => {
    const t = nodeTimeline(d, ALICE);
    expect(t.hours).toEqual([H, H + 1, H + 3]);
    expect(t.success).toEqual([2, 4, 1]);
    expect(t.failure).toEqual([5, 0, 0]);
    expect(t.byEventId).toEqual({ '4624': [2, 0, 1], '4625': [5, 0, 0], '4768': [0, 4, 0] });
    expect(t.anomaly).toHaveLength(3);
  });

  it('counts a host once per edge, also when it is both source and target', () => {
    const t = nodeTimeline(d, 'host:dc1');
    expect(t.hours).toEqual([H, H + 1, H + 3, H + 9]);
    expect(t.success).toEqual([2, 4, 1, 7]);
    expect(t.failure).toEqual([5, 0, 0, 0]);
    expect(t.anomaly).toEqual([0, 0, 0, 0]);
    expect(t.anomalyPeak).toBeNull();
  });

  it('sums to the counts of the node’s edges on a generated dataset', () => {
    const g = generateDataset({ accounts: 60, hosts: 12, days: 5, edgesPerAccount: 6, seed: 3 });
    for (const id of ['account:corp\\user0001', 'host:dc01', 'host:ws0003', 'ip:192.168.0.2']) {
      const t = nodeTimeline(g, id);
      const expected = g.edges
        .filter((e) => e.account === id || e.source === id || e.target === id)
        .reduce((s, e) => s + e.count, 0);
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
      expect(sum(t.success) + sum(t.failure)).toBe(expected);
      expect(Object.values(t.byEventId).reduce((s, xs) => s + sum(xs), 0)).toBe(expected);
      expect(t.hours).toEqual([...new Set(t.hours)].sort((a, b) => a - b));
      for (const xs of [t.success, t.failure, t.anomaly, ...Object.values(t.byEventId)])
        expect(xs).toHaveLength(t.hours.length);
    }
  });

  it('scores anomaly with the ranking’s own ChangeFinder: its peak is the ranking’s anomaly', () => {
    const g = generateDataset({ accounts: 40, hosts: 8, days: 6, edgesPerAccount: 5, seed: 11 });
    const ranking = computeView(g, null, DEFAULT_FILTERS).rankings;
    let compared = 0;
    for (const n of g.nodes) {
      if (n.kind !== 'account' || n.hidden !== null) continue;
      const expected = ranking.get(n.id)?.scores.anomaly ?? 0;
      const t = nodeTimeline(g, n.id);
      expect(t.anomalyPeak?.score ?? 0).toBeCloseTo(expected, 9);
      for (const v of t.anomaly) expect(v).toBeLessThanOrEqual(expected + 1e-9);
      if (expected > 0) compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('scores a hidden account against everyone, and an unknown node as empty', () => {
    const h = makeDataset(
      [
        {
          account: 'account:corp\\ws1$',
          source: 'host:ws1',
          target: 'host:dc1',
          hourly: [
            [H, 1],
            [H + 8, 40],
          ],
        },
        { account: ALICE, source: 'host:ws1', target: 'host:dc1', hourly: [[H, 1]] },
      ],
      [makeNode('account:corp\\ws1$', { hidden: 'machine-account' })],
    );
    const t = nodeTimeline(h, 'account:corp\\ws1$');
    expect(t.hours).toEqual([H, H + 8]);
    const shown = computeView(h, null, { ...DEFAULT_FILTERS, showHidden: true }).rankings;
    expect(t.anomalyPeak?.score ?? 0).toBeCloseTo(shown.get('account:corp\\ws1$')!.scores.anomaly!, 9);
    expect(nodeTimeline(h, 'host:none')).toEqual({
      hours: [],
      success: [],
      failure: [],
      byEventId: {},
      anomaly: [],
      anomalyPeak: null,
    });
  });
});
