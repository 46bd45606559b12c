import { describe, expect, it } from 'vitest';
import { makeDataset, type EdgeRow } from '../testing.js';
import { hourToIso } from '../time.js';
import { chainElements, lateralChainSearch, lateralChains } from './lateral-chains.js';

const H = 455_016;
const X = 'ip:203.0.113.9';
const acc = (n: string): string => `account:corp\\${n}`;
const host = (n: string): string => `host:${n}`;

const hop = (
  account: string,
  source: string | null,
  target: string,
  hours: number[],
  extra: Partial<EdgeRow> = {},
): EdgeRow => ({ account, source, target, hourly: hours.map((h) => [h, 1]), ...extra });

/** A chain as "account:from>to@hour offset" strings. */
const show = (steps: Array<{ account: string; from: string | null; to: string; time: string }>): string[] =>
  steps.map(
    (s) =>
      `${s.account.slice(13)}:${s.from?.replace(/^\w+:/, '') ?? '-'}>${s.to.replace(/^\w+:/, '')}@${(Date.parse(s.time) / 3_600_000 - H).toFixed(2)}`,
  );

describe('lateralChains', () => {
  it('goes on only from the host reached, no earlier than the hop that reached it', () => {
    const d = makeDataset([
      hop(acc('alice'), X, host('ws1'), [H + 1]), // e0: the way in
      hop(acc('bob'), host('ws1'), host('ws2'), [H + 3]), // e1: later, goes on
      hop(acc('carol'), host('ws1'), host('ws3'), [H - 5]), // e2: before the way in
      hop(acc('dave'), host('ws1'), host('ws4'), [H - 5, H + 4]), // e3: again after it
    ]);
    const chains = lateralChains(d.edges, X);
    expect(chains.map((c) => show(c.steps))).toEqual([
      ['alice:203.0.113.9>ws1@1.00', 'bob:ws1>ws2@3.00'],
      // The first hour of e3 after the way in; e3's exact first event lies before it.
      ['alice:203.0.113.9>ws1@1.00', 'dave:ws1>ws4@4.00'],
    ]);
    expect(chains[0]!.steps.map((s) => s.edge)).toEqual(['e0', 'e1']);
  });

  it('keeps hops of the same hour, with times that never go back', () => {
    const d = makeDataset([
      hop(acc('alice'), X, host('ws1'), [H]),
      hop(acc('bob'), host('ws1'), host('ws2'), [H]),
    ]);
    // Exact times inside the hour: the second logon's first event is earlier than the first's.
    d.edges[0]!.first = '2021-11-28T00:40:00Z';
    d.edges[1]!.first = '2021-11-28T00:10:00Z';
    const [chain] = lateralChains(d.edges, X);
    expect(chain!.steps.map((s) => s.time)).toEqual(['2021-11-28T00:40:00Z', '2021-11-28T00:40:00Z']);
    expect(hourToIso(H)).toBe('2021-11-28T00:00:00Z');
  });

  it('never visits a host twice, so cycles end', () => {
    const d = makeDataset([
      hop(acc('a'), X, host('ws1'), [H]),
      hop(acc('b'), host('ws1'), host('ws2'), [H + 1]),
      hop(acc('c'), host('ws2'), host('ws1'), [H + 2]), // back: not taken
      hop(acc('d'), host('ws2'), host('ws3'), [H + 3]),
      hop(acc('e'), host('ws3'), host('ws1'), [H + 4]), // back: not taken
    ]);
    const { chains, truncated } = lateralChainSearch(d.edges, X);
    expect(truncated).toBe(false);
    expect(chains.map((c) => c.steps.map((s) => s.to))).toEqual([[host('ws1'), host('ws2'), host('ws3')]]);
  });

  it('stops at maxDepth', () => {
    const rows = [hop(acc('a'), X, host('h0'), [H])];
    for (let i = 0; i < 8; i++) rows.push(hop(acc('a'), host(`h${i}`), host(`h${i + 1}`), [H + i + 1]));
    const d = makeDataset(rows);
    expect(lateralChains(d.edges, X)[0]!.steps.length).toBe(4);
    expect(lateralChains(d.edges, X, { maxDepth: 2 })[0]!.steps.map((s) => s.to)).toEqual([
      host('h0'),
      host('h1'),
    ]);
    expect(lateralChains(d.edges, X, { maxDepth: 10 })[0]!.steps.length).toBe(9);
  });

  it('starts from an account with its own logons, and can keep to that account', () => {
    const d = makeDataset([
      hop(acc('alice'), host('ws9'), host('ws1'), [H]),
      hop(acc('bob'), host('ws1'), host('ws2'), [H + 1]),
      hop(acc('alice'), host('ws1'), host('ws3'), [H + 2]),
      hop(acc('bob'), host('ws7'), host('ws8'), [H]), // not alice's: never a first step
    ]);
    expect(lateralChains(d.edges, acc('alice')).map((c) => c.steps.map((s) => s.to))).toEqual([
      [host('ws1'), host('ws2')],
      [host('ws1'), host('ws3')],
    ]);
    expect(
      lateralChains(d.edges, acc('alice'), { sameAccount: true }).map((c) => c.steps.map((s) => s.to)),
    ).toEqual([[host('ws1'), host('ws3')]]);
  });

  it('counts successful logons onto another host only', () => {
    const d = makeDataset([
      hop(acc('a'), X, host('ws1'), [H]),
      hop(acc('b'), host('ws1'), host('ws2'), [H + 1], { eventId: 4625, failure: true }),
      hop(acc('c'), host('ws1'), host('dc1'), [H + 1], { eventId: 4768, logonType: null }),
      hop(acc('d'), host('ws1'), host('ws1'), [H + 1]),
      hop(acc('e'), host('ws1'), host('ws5'), [H + 1], { logonType: '10' }),
    ]);
    const chains = lateralChains(d.edges, X);
    expect(chains.map((c) => c.steps.map((s) => s.to))).toEqual([[host('ws1'), host('ws5')]]);
    expect(chains[0]!.steps[1]).toMatchObject({ eventId: 4624, logonType: '10', account: acc('e') });
    expect(
      lateralChains(d.edges, X, { eventIds: [4624, 4768] }).map((c) => c.steps.map((s) => s.to)),
    ).toContainEqual([host('ws1'), host('dc1')]);
  });

  it('lists the longest chains first, then the earliest', () => {
    const d = makeDataset([
      hop(acc('a'), X, host('ws1'), [H + 5]),
      hop(acc('b'), X, host('ws2'), [H + 1]),
      hop(acc('c'), host('ws1'), host('ws3'), [H + 6]),
      hop(acc('d'), X, host('ws4'), [H]),
    ]);
    expect(lateralChains(d.edges, X).map((c) => c.steps[0]!.to)).toEqual([
      host('ws1'),
      host('ws4'),
      host('ws2'),
    ]);
    expect(lateralChains(d.edges, X, { maxChains: 1 }).length).toBe(1);
  });

  it('answers within its budget on a dense graph, and says it was cut', () => {
    const rows: EdgeRow[] = [];
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++)
        if (i !== j) rows.push(hop(acc(`u${i}`), host(`h${i}`), host(`h${j}`), [H + i + j]));
    const d = makeDataset(rows);
    const { chains, truncated } = lateralChainSearch(d.edges, host('h0'), {
      maxWork: 2000,
      maxDepth: 6,
    });
    expect(truncated).toBe(true);
    expect(chains.length).toBeGreaterThan(0);
    expect(chains.length).toBeLessThanOrEqual(20);
    for (const c of chains) {
      const times = c.steps.map((s) => Date.parse(s.time));
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(new Set(c.steps.map((s) => s.to)).size).toBe(c.steps.length);
    }
    expect(lateralChainSearch(d.edges, host('h0'), { maxWork: 2000, maxDepth: 6 })).toEqual({
      chains,
      truncated,
    });
  });

  it('gives the same chains whatever the order of the edges', () => {
    const rows: EdgeRow[] = [];
    for (let i = 0; i < 12; i++)
      for (let j = 0; j < 12; j++)
        if (i !== j && (i * 7 + j * 3) % 4 === 0)
          rows.push(hop(acc(`u${(i + j) % 5}`), host(`h${i}`), host(`h${j}`), [H + ((i * j) % 9)]));
    const d = makeDataset(rows);
    const shuffled = [...d.edges].sort(
      (a, b) => (a.id.length % 3) - (b.id.length % 3) || (a.id < b.id ? 1 : -1),
    );
    for (const opts of [{}, { maxDepth: 6, maxWork: 300 }]) {
      const a = lateralChainSearch(d.edges, host('h0'), opts);
      expect(a.chains.length).toBeGreaterThan(0);
      expect(lateralChainSearch(shuffled, host('h0'), opts)).toEqual(a);
    }
  });

  it('returns no chain from a node without onward logons', () => {
    const d = makeDataset([hop(acc('a'), X, host('ws1'), [H])]);
    expect(lateralChains(d.edges, host('ws1'))).toEqual([]);
    expect(lateralChains(d.edges, 'host:unknown')).toEqual([]);
  });

  it('gives the elements of its chains for emphasis', () => {
    const d = makeDataset([
      hop(acc('a'), X, host('ws1'), [H]),
      hop(acc('b'), host('ws1'), host('ws2'), [H + 1]),
    ]);
    const els = chainElements(lateralChains(d.edges, X));
    expect([...els.nodes].sort()).toEqual([X, acc('a'), acc('b'), host('ws1'), host('ws2')].sort());
    expect([...els.edges]).toEqual(['e0', 'e1']);
  });
});
