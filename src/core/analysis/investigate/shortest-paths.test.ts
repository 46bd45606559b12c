import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../random.js';
import { makeDataset, makeNode, type EdgeRow } from '../testing.js';
import { computeView, DEFAULT_FILTERS } from '../view.js';
import { pathElements, pathSearch, shortestPaths } from './shortest-paths.js';

const H = 455_016;
const X = 'ip:203.0.113.9';
const ALICE = 'account:corp\\alice';
const BOB = 'account:corp\\bob';
const CAROL = 'account:corp\\carol';
const DAVE = 'account:corp\\dave';
const WS1 = 'host:ws1';
const WS2 = 'host:ws2';
const DC = 'host:dc1';

const row = (account: string, source: string | null, target: string | null, count = 1): EdgeRow => ({
  account,
  source,
  target,
  hourly: [[H, count]],
});

describe('shortestPaths', () => {
  it('lists every shortest path, the best-evidenced first, and nothing longer', () => {
    const d = makeDataset([
      row(ALICE, X, WS1, 5), // e0
      row(BOB, X, WS1, 2), // e1
      row(CAROL, X, WS2), // e2: a longer way round
      row(DAVE, WS2, WS1), // e3
    ]);
    const paths = shortestPaths(d.edges, X, WS1);
    expect(paths.map((p) => p.nodes)).toEqual([
      [X, ALICE, WS1],
      [X, BOB, WS1],
    ]);
    expect(paths[0]!.edges).toEqual(['e0']);
    expect(paths[0]!.steps).toEqual([
      { from: X, to: ALICE, account: ALICE, other: X, roles: ['from'], edges: ['e0'], count: 5 },
      { from: ALICE, to: WS1, account: ALICE, other: WS1, roles: ['to'], edges: ['e0'], count: 5 },
    ]);
  });

  it('follows logons forward across hosts: outside IP → account → host → account → DC', () => {
    const d = makeDataset([row(ALICE, X, WS1), row(BOB, WS1, DC), row(CAROL, WS2, DC)]);
    expect(shortestPaths(d.edges, X, DC).map((p) => p.nodes)).toEqual([[X, ALICE, WS1, BOB, DC]]);
    expect(shortestPaths(d.edges, X, BOB).map((p) => p.nodes)).toEqual([[X, ALICE, WS1, BOB]]);
  });

  it('finds no path against the logon direction unless asked to ignore it', () => {
    const d = makeDataset([row(ALICE, X, WS1), row(BOB, WS1, DC)]);
    expect(shortestPaths(d.edges, DC, X)).toEqual([]);
    expect(shortestPaths(d.edges, DC, X, { direction: 'any' }).map((p) => p.nodes)).toEqual([
      [DC, BOB, WS1, ALICE, X],
    ]);
  });

  it('merges both directions of a step in any-direction mode', () => {
    // Alice logged on from ws1 to ws1 (e0) and from dc1 to ws1 (e1): ws1 is her source and target.
    const d = makeDataset([row(ALICE, WS1, WS1, 3), row(ALICE, DC, WS1, 1)]);
    const [p] = shortestPaths(d.edges, WS1, ALICE, { direction: 'any' });
    expect(p!.steps[0]!.roles.sort()).toEqual(['from', 'to']);
    expect(p!.steps[0]!.edges).toEqual(['e0', 'e1']);
    expect(p!.steps[0]!.count).toBe(4);
  });

  it('returns [] when the ends are not connected or not in the edges', () => {
    const d = makeDataset([row(ALICE, X, WS1), row(BOB, WS2, DC)]);
    expect(shortestPaths(d.edges, X, DC)).toEqual([]);
    expect(shortestPaths(d.edges, X, 'host:nowhere')).toEqual([]);
    expect(shortestPaths([], X, X)).toEqual([]);
  });

  it('answers a one-node path when both ends are the same node', () => {
    const d = makeDataset([row(ALICE, X, WS1)]);
    expect(shortestPaths(d.edges, WS1, WS1)).toEqual([{ nodes: [WS1], edges: [], steps: [] }]);
  });

  it('keeps to at most `max` paths, in a stable order', () => {
    const rows = ['a', 'b', 'c', 'd'].map((n) => row(`account:corp\\${n}`, X, WS1, 1));
    const d = makeDataset(rows);
    const two = shortestPaths(d.edges, X, WS1, { max: 2 });
    expect(two.map((p) => p.nodes[1])).toEqual(['account:corp\\a', 'account:corp\\b']);
    const reversed = makeDataset([...rows].reverse());
    expect(shortestPaths(reversed.edges, X, WS1, { max: 2 }).map((p) => p.nodes)).toEqual(
      two.map((p) => p.nodes),
    );
    expect(shortestPaths(d.edges, X, WS1).length).toBe(4);
  });

  it('avoids the nodes it is told to avoid, and finds the next shortest way', () => {
    const d = makeDataset([row(ALICE, X, DC), row(BOB, DC, WS2), row(CAROL, X, WS1), row(DAVE, WS1, WS2)]);
    expect(shortestPaths(d.edges, X, WS2).map((p) => p.nodes)).toEqual([
      [X, ALICE, DC, BOB, WS2],
      [X, CAROL, WS1, DAVE, WS2],
    ]);
    expect(shortestPaths(d.edges, X, WS2, { avoid: new Set([DC]) }).map((p) => p.nodes)).toEqual([
      [X, CAROL, WS1, DAVE, WS2],
    ]);
  });

  it('does not pass through hidden nodes when the view hides them', () => {
    const machine = 'account:corp\\ws1$';
    const d = makeDataset(
      [row(ALICE, X, WS1), row(machine, WS1, DC)],
      [makeNode(machine, { hidden: 'machine-account' })],
    );
    const shown = computeView(d, null, DEFAULT_FILTERS).edges;
    expect(shortestPaths(shown, X, DC)).toEqual([]);
    const all = computeView(d, null, { ...DEFAULT_FILTERS, showHidden: true }).edges;
    expect(shortestPaths(all, X, DC).map((p) => p.nodes)).toEqual([[X, ALICE, WS1, machine, DC]]);
  });

  it('keeps hostile ids as data', () => {
    const evil = "account:corp\\<img src=x onerror=alert(1)>\u202e=cmd|' /c calc'!A0";
    const d = makeDataset([row(evil, X, 'host:__proto__'), row(BOB, 'host:__proto__', 'host:constructor')]);
    expect(shortestPaths(d.edges, X, 'host:constructor').map((p) => p.nodes)).toEqual([
      [X, evil, 'host:__proto__', BOB, 'host:constructor'],
    ]);
  });

  it('gives the elements of its paths for emphasis', () => {
    const d = makeDataset([row(ALICE, X, WS1), row(BOB, WS1, DC)]);
    const els = pathElements(shortestPaths(d.edges, X, DC));
    expect([...els.nodes].sort()).toEqual([ALICE, BOB, DC, WS1, X].sort());
    expect([...els.edges].sort()).toEqual(['e0', 'e1']);
  });

  it('returns only true shortest paths on a large random graph', () => {
    // Seeded: a fixed graph.
    const draw = seededRandom(7);
    const rnd = (n: number): number => Math.floor(draw() * n);
    const rows: EdgeRow[] = [];
    for (let i = 0; i < 3000; i++)
      rows.push(row(`account:corp\\u${rnd(400)}`, `host:h${rnd(300)}`, `host:h${rnd(300)}`, 1 + rnd(9)));
    const d = makeDataset(rows);
    const paths = shortestPaths(d.edges, 'host:h1', 'host:h2', { max: 50 });
    // An independent BFS over the logon links gives the length.
    const next = new Map<string, string[]>();
    const link = (u: string, v: string) => next.set(u, [...(next.get(u) ?? []), v]);
    for (const e of d.edges) {
      link(e.source!, e.account);
      link(e.account, e.target!);
    }
    const dist = new Map([['host:h1', 0]]);
    for (let frontier = ['host:h1']; frontier.length > 0;) {
      const nextFrontier: string[] = [];
      for (const u of frontier)
        for (const v of next.get(u) ?? [])
          if (!dist.has(v)) {
            dist.set(v, dist.get(u)! + 1);
            nextFrontier.push(v);
          }
      frontier = nextFrontier;
    }
    expect(paths.length).toBeGreaterThan(1);
    const len = paths[0]!.nodes.length;
    expect(len - 1).toBe(dist.get('host:h2'));
    const byId = new Map(d.edges.map((e) => [e.id, e]));
    const seen = new Set<string>();
    for (const p of paths) {
      expect(p.nodes.length).toBe(len);
      expect(new Set(p.nodes).size).toBe(len);
      seen.add(p.nodes.join('>'));
      p.steps.forEach((s, i) => {
        expect([s.from, s.to]).toEqual([p.nodes[i], p.nodes[i + 1]]);
        for (const id of s.edges) {
          const e = byId.get(id)!;
          // Logon direction: source → account or account → target.
          expect(
            s.from === e.source && s.to === e.account ? true : s.from === e.account && s.to === e.target,
          ).toBe(true);
        }
      });
    }
    expect(seen.size).toBe(paths.length);
  });
});

describe('pathSearch', () => {
  const d = makeDataset([row(ALICE, X, WS1), row(BOB, WS1, DC), row(CAROL, WS2, DC)]);

  it('answers in the logon direction first', () => {
    expect(pathSearch(d.edges, X, DC)).toMatchObject({ direction: 'logon' });
  });

  it('falls back to the reverse logon paths, then to paths ignoring direction, and says so', () => {
    const reverse = pathSearch(d.edges, DC, X);
    expect(reverse.direction).toBe('reverse');
    expect(reverse.paths.map((p) => p.nodes)).toEqual([[X, ALICE, WS1, BOB, DC]]);
    const any = pathSearch(d.edges, X, WS2);
    expect(any.direction).toBe('any');
    expect(any.paths.map((p) => p.nodes)).toEqual([[X, ALICE, WS1, BOB, DC, CAROL, WS2]]);
    expect(pathSearch(d.edges, X, 'host:nowhere')).toEqual({ paths: [], direction: null });
  });
});
