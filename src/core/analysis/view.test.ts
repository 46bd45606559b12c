import { describe, expect, it } from 'vitest';
import { computeView, cutEdge, DEFAULT_FILTERS, hourlyHistogram } from './view.js';
import { makeDataset, makeFlag, makeNode } from './testing.js';
import { hourToIso } from './time.js';
import { validateDataset } from '../dataset/validate.js';

const H = 455_000; // a Unix hour (2021-11-27)
const win = (from: number, to: number) => ({ from: hourToIso(from), to: hourToIso(to) });

function sample() {
  return makeDataset(
    [
      {
        account: 'account:corp\\alice',
        source: 'ip:10.0.0.5',
        target: 'host:dc1',
        hourly: [
          [H, 2],
          [H + 1, 3],
          [H + 5, 1],
        ],
      },
      {
        account: 'account:corp\\bob',
        source: 'ip:10.0.0.5',
        target: 'host:dc1',
        eventId: 4625,
        failure: true,
        hourly: [[H + 1, 4]],
      },
      { account: 'account:corp\\ws1$', source: 'ip:10.0.0.6', target: 'host:dc1', hourly: [[H + 1, 7]] },
      {
        account: 'account:corp\\carol',
        source: 'ip:10.0.0.10',
        target: 'host:dc1',
        eventId: 4768,
        logonType: null,
        hourly: [[H + 2, 1]],
      },
    ],
    [makeNode('account:corp\\ws1$', { hidden: 'machine-account' })],
  );
}

describe('cutEdge', () => {
  const e = sample().edges[0]!;
  it('returns the edge itself when wholly inside', () => {
    expect(cutEdge(e, H, H + 6)).toBe(e);
  });
  it('restricts count, buckets, first and last', () => {
    const c = cutEdge(e, H + 1, H + 2)!;
    expect(c.count).toBe(3);
    expect(c.hourly).toEqual([[H + 1, 3]]);
    expect(c.first).toBe(hourToIso(H + 1));
    expect(c.last).toBe(`${hourToIso(H + 1).slice(0, 13)}:59:59.999Z`);
  });
  it('returns null outside', () => {
    expect(cutEdge(e, H + 2, H + 5)).toBeNull();
  });
});

describe('computeView', () => {
  it('shows everything but hidden nodes by default, with totals before filters', () => {
    const v = computeView(sample(), null, DEFAULT_FILTERS);
    expect(v.edges.map((e) => e.id)).toEqual(['e0', 'e1', 'e3']);
    expect(v.totals).toEqual({ edges: 4, nodes: 8 });
    expect(v.nodes.map((n) => n.id)).not.toContain('account:corp\\ws1$');
    expect(v.rankings.get('account:corp\\alice')?.scores.pagerank).toBeGreaterThanOrEqual(0);
  });

  it('shows hidden nodes on request', () => {
    const v = computeView(sample(), null, { ...DEFAULT_FILTERS, showHidden: true });
    expect(v.edges).toHaveLength(4);
    expect(v.nodes.map((n) => n.id)).toContain('account:corp\\ws1$');
  });

  it('cuts edges to the window on hourly buckets', () => {
    const v = computeView(sample(), win(H + 1, H + 2), DEFAULT_FILTERS);
    expect(v.edges.map((e) => [e.id, e.count])).toEqual([
      ['e0', 3],
      ['e1', 4],
    ]);
    expect(v.totals.edges).toBe(3);
  });

  it('widens a window to whole hours', () => {
    const w = {
      from: hourToIso(H + 1).replace(':00:00Z', ':30:00Z'),
      to: hourToIso(H + 1).replace(':00:00Z', ':40:00Z'),
    };
    expect(computeView(sample(), w, DEFAULT_FILTERS).edges.map((e) => e.id)).toEqual(['e0', 'e1']);
  });

  it('filters by event ID, logon type, outcome, minimum count and search', () => {
    const d = sample();
    expect(computeView(d, null, { ...DEFAULT_FILTERS, eventIds: [4768] }).edges.map((e) => e.id)).toEqual([
      'e3',
    ]);
    // Kerberos edges have no logon type: a logon-type filter leaves them out.
    expect(computeView(d, null, { ...DEFAULT_FILTERS, logonTypes: ['3'] }).edges.map((e) => e.id)).toEqual([
      'e0',
      'e1',
    ]);
    expect(computeView(d, null, { ...DEFAULT_FILTERS, outcome: 'failure' }).edges.map((e) => e.id)).toEqual([
      'e1',
    ]);
    expect(computeView(d, null, { ...DEFAULT_FILTERS, outcome: 'success' }).edges.map((e) => e.id)).toEqual([
      'e0',
      'e3',
    ]);
    expect(computeView(d, null, { ...DEFAULT_FILTERS, minCount: 5 }).edges.map((e) => e.id)).toEqual(['e0']);
    expect(computeView(d, null, { ...DEFAULT_FILTERS, search: 'BOB' }).edges.map((e) => e.id)).toEqual([
      'e1',
    ]);
  });

  it('search is a substring test on labels but does not link 10.0.0.1 with 10.0.0.10 in the graph', () => {
    const d = sample();
    // A search is the analyst's substring on purpose; the graph itself never matches by substring.
    const v = computeView(d, null, DEFAULT_FILTERS);
    const carol = v.rankings.get('account:corp\\carol')!;
    expect(carol.scores.distinctSources).toBe(1);
    expect(v.rankings.get('ip:10.0.0.10')?.scores.distinctAccounts).toBe(1);
    expect(v.rankings.get('ip:10.0.0.5')?.scores.distinctAccounts).toBe(2);
  });

  it('recomputes failures and reasons for the window', () => {
    const d = sample();
    const all = computeView(d, null, DEFAULT_FILTERS).rankings.get('account:corp\\bob')!;
    expect(all.scores.failures).toBe(4);
    expect(all.reasons.map((r) => r.text)).toContain('4 failed logons (4625) from 10.0.0.5');
    const none = computeView(d, win(H + 5, H + 6), DEFAULT_FILTERS).rankings.get('account:corp\\bob');
    expect(none).toBeUndefined();
  });

  it('includes nodes flagged in the window and counts privileged logons', () => {
    const d = sample();
    d.nodes.push(makeNode('account:corp\\newbie', { flags: [makeFlag('created', H + 3, 1, 4720)] }));
    const alice = d.nodes.find((n) => n.id === 'account:corp\\alice')!;
    alice.flags.push(makeFlag('privileged', H, 12), makeFlag('privileged', H + 5, 1));
    const v = computeView(d, win(H, H + 4), DEFAULT_FILTERS);
    expect(v.nodes.map((n) => n.id)).toContain('account:corp\\newbie');
    const a = v.rankings.get('account:corp\\alice')!;
    expect(a.scores.privileged).toBe(12);
    expect(a.reasons[0]?.text).toBe('privileged logons (4672) ×12');
    expect(v.nodes.find((n) => n.id === 'account:corp\\alice')?.flags).toHaveLength(1);
  });

  it('counts nodes flagged in the window among its nodes: a view never holds more than "in window"', () => {
    const d = sample();
    d.nodes.push(makeNode('account:corp\\newbie', { flags: [makeFlag('created', H + 3, 1, 4720)] }));
    const inside = computeView(d, win(H, H + 4), DEFAULT_FILTERS);
    // alice, bob, carol, ws1$ (hidden), two IPs... every end of a logon in the window, and newbie.
    expect(inside.totals.nodes).toBe(computeView(sample(), win(H, H + 4), DEFAULT_FILTERS).totals.nodes + 1);
    const all = computeView(d, win(H, H + 4), { ...DEFAULT_FILTERS, showHidden: true });
    expect(all.nodes).toHaveLength(all.totals.nodes);
    // Flagged outside the window: neither drawn nor counted.
    const later = computeView(d, win(H + 4, H + 6), { ...DEFAULT_FILTERS, showHidden: true });
    expect(later.nodes.map((n) => n.id)).not.toContain('account:corp\\newbie');
    expect(later.nodes).toHaveLength(later.totals.nodes);
  });

  it('marks edges first seen in the window', () => {
    const v = computeView(sample(), win(H + 1, H + 3), DEFAULT_FILTERS);
    expect(v.rankings.get('account:corp\\bob')?.scores.newEdges).toBe(1);
    expect(v.rankings.get('account:corp\\alice')?.scores.newEdges).toBe(0);
  });

  it('keeps detections overlapping the window', () => {
    const d = sample();
    d.detections.push({
      id: 'd1',
      kind: 'dcsync',
      title: 'DCSync',
      severity: 'high',
      nodes: [],
      first: hourToIso(H + 5),
      last: hourToIso(H + 5),
      count: 1,
      detail: '',
      evidence: { eventIds: [4662], recordIds: [], computers: [] },
    });
    expect(computeView(d, win(H, H + 2), DEFAULT_FILTERS).detections).toHaveLength(0);
    expect(computeView(d, win(H + 4, H + 6), DEFAULT_FILTERS).detections).toHaveLength(1);
  });

  it('ranks in both PageRank modes', () => {
    const d = sample();
    const std = computeView(d, null, DEFAULT_FILTERS);
    const lt = computeView(d, null, DEFAULT_FILTERS, { pagerank: 'logontracer' });
    // LogonTracer mode links accounts to sources only: the DC takes no part.
    expect(lt.rankings.get('host:dc1')?.scores.pagerank).toBe(0);
    expect(std.rankings.get('host:dc1')?.scores.pagerank).toBe(1);
  });

  it('the sample dataset is valid', () => {
    expect(validateDataset(sample()).ok).toBe(true);
  });
});

describe('hourlyHistogram', () => {
  it('sums all edges per hour', () => {
    expect(hourlyHistogram(sample())).toEqual([
      [H, 2],
      [H + 1, 14],
      [H + 2, 1],
      [H + 5, 1],
    ]);
  });
});
