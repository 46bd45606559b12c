import { describe, expect, it } from 'vitest';
import { makeDataset } from '../testing.js';
import { neighbourhood } from './neighbourhood.js';

const H = 455_016;
const A = 'account:corp\\a';
const B = 'account:corp\\b';
const C = 'account:corp\\c';

// A line of logons: ip → a → ws1; ws1 → b → ws2; ws2 → c → ws3.
const d = makeDataset([
  { account: A, source: 'ip:10.0.0.1', target: 'host:ws1', hourly: [[H, 1]] },
  { account: B, source: 'host:ws1', target: 'host:ws2', hourly: [[H, 1]] },
  { account: C, source: 'host:ws2', target: 'host:ws3', hourly: [[H, 1]] },
  { account: A, source: null, target: 'host:ws9', hourly: [[H, 1]] },
]);

const sorted = (s: Set<string>): string[] => [...s].sort();

describe('neighbourhood', () => {
  it('takes one logon per hop: its account, source and target come together', () => {
    const one = neighbourhood(d.edges, ['host:ws2'], 1);
    expect(sorted(one.nodes)).toEqual(sorted(new Set([B, C, 'host:ws1', 'host:ws2', 'host:ws3'])));
    expect(sorted(one.edges)).toEqual(['e1', 'e2']);
  });

  it('grows hop by hop', () => {
    const two = neighbourhood(d.edges, ['host:ws2'], 2);
    expect(sorted(two.nodes)).toEqual(
      sorted(new Set([A, B, C, 'ip:10.0.0.1', 'host:ws1', 'host:ws2', 'host:ws3'])),
    );
    expect(sorted(two.edges)).toEqual(['e0', 'e1', 'e2']);
    const three = neighbourhood(d.edges, ['host:ws2'], 3);
    expect(three.nodes.has('host:ws9')).toBe(true);
    expect(sorted(three.edges)).toEqual(['e0', 'e1', 'e2', 'e3']);
  });

  it('starts from several nodes, and keeps start nodes without edges', () => {
    const n = neighbourhood(d.edges, ['host:ws3', 'account:corp\\nobody'], 1);
    expect(sorted(n.nodes)).toEqual(sorted(new Set([C, 'host:ws2', 'host:ws3', 'account:corp\\nobody'])));
    expect(sorted(n.edges)).toEqual(['e2']);
  });

  it('returns the induced edges: a logon between two neighbours is shown', () => {
    const tri = makeDataset([
      { account: A, source: 'host:x', target: 'host:y', hourly: [[H, 1]] },
      { account: B, source: 'host:x', target: 'host:z', hourly: [[H, 1]] },
      { account: B, source: 'host:y', target: 'host:z', hourly: [[H, 1]] },
    ]);
    // One hop from x reaches a, b, y and z; b's logon from y to z joins two of them.
    const n = neighbourhood(tri.edges, ['host:x'], 1);
    expect(sorted(n.edges)).toEqual(['e0', 'e1', 'e2']);
    // From z: b and its sources x and y (e1, e2); a's logon from x to y is not, a is 2 hops away.
    expect(sorted(neighbourhood(tri.edges, ['host:z'], 1).edges)).toEqual(['e1', 'e2']);
  });
});
