import { describe, expect, it } from 'vitest';
import { computeLayout, labelBox, type LayoutNode, type LayoutRequest } from './layout-compute';

const node = (id: string, label = id): LayoutNode => ({ id, size: 26, label });

function overlaps(req: LayoutRequest, pos: Record<string, { x: number; y: number }>): string[] {
  const out: string[] = [];
  for (const a of req.nodes)
    for (const b of req.nodes) {
      if (a.id >= b.id) continue;
      const ba = labelBox(a);
      const bb = labelBox(b);
      const pa = pos[a.id]!;
      const pb = pos[b.id]!;
      if (Math.abs(pa.x - pb.x) < (ba.w + bb.w) / 2 && Math.abs(pa.y - pb.y) < (ba.h + bb.h) / 2)
        out.push(`${a.id}/${b.id}`);
    }
  return out;
}

describe('layout in the worker', () => {
  const nodes = [
    node('alice', 'ALICE@CORP.EXAMPLE'),
    node('ws01', 'WS01.corp.example'),
    node('dc01', 'DC01'),
  ];
  const edges = [
    { source: 'alice', target: 'ws01' },
    { source: 'alice', target: 'dc01' },
  ];

  for (const layout of ['fcose', 'concentric', 'grid', 'breadthfirst'] as const) {
    it(`${layout}: every node gets a finite position and no label box overlaps another node's`, () => {
      const req: LayoutRequest = { layout, nodes, edges, fixed: null };
      const pos = computeLayout(req);
      expect(Object.keys(pos).sort()).toEqual(['alice', 'dc01', 'ws01']);
      for (const p of Object.values(pos)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expect(overlaps(req, pos)).toEqual([]);
    });
  }

  it('keeps the positions of nodes that stay and places new ones beside their neighbours', () => {
    const fixed = { alice: { x: 0, y: 0 }, ws01: { x: 200, y: 0 } };
    const req: LayoutRequest = {
      layout: 'fcose',
      nodes: [...nodes, node('srv9'), node('lonely')],
      edges: [...edges, { source: 'alice', target: 'srv9' }],
      fixed,
    };
    const pos = computeLayout(req);
    expect(pos.alice).toEqual({ x: 0, y: 0 });
    expect(pos.ws01).toEqual({ x: 200, y: 0 });
    // Near alice, its only placed neighbour.
    expect(Math.hypot(pos.srv9!.x, pos.srv9!.y)).toBeLessThan(300);
    // A node with no neighbour that stays is laid out apart, right of the picture.
    expect(pos.lonely!.x).toBeGreaterThan(200);
    expect(overlaps(req, pos)).toEqual([]);
  });

  it('survives hostile labels and self-loops', () => {
    const req: LayoutRequest = {
      layout: 'fcose',
      nodes: [node('a', '<img src=x onerror=alert(1)>'.repeat(3)), node('b', '')],
      edges: [
        { source: 'a', target: 'a' },
        { source: 'a', target: 'b' },
        { source: 'a', target: 'missing' },
      ],
      fixed: null,
    };
    const pos = computeLayout(req);
    expect(Object.keys(pos).sort()).toEqual(['a', 'b']);
  });

  describe('is a pure function of the elements (exact permalinks)', () => {
    // A graph big enough for the force-directed layouts' random start to matter.
    const many = Array.from({ length: 40 }, (_, i) => node(`n${i}`, `HOST-${i}.corp.example`));
    const links = many.slice(1).map((n, i) => ({ source: `n${Math.floor(i / 3)}`, target: n.id }));
    const shuffled = <T>(xs: T[]) =>
      xs
        .map((x, i) => ({ x, k: (i * 7919) % xs.length }))
        .sort((a, b) => a.k - b.k)
        .map((p) => p.x);

    for (const layout of ['fcose', 'cose', 'concentric', 'breadthfirst', 'grid'] as const) {
      it(`${layout}: the same elements give the same positions, in any order, run after run`, () => {
        const first = computeLayout({ layout, nodes: many, edges: links, fixed: null });
        // Another layout in between must not change the next result (no state carried over).
        computeLayout({ layout: 'fcose', nodes: many.slice(0, 10), edges: links.slice(0, 5), fixed: null });
        const again = computeLayout({ layout, nodes: shuffled(many), edges: shuffled(links), fixed: null });
        expect(again).toEqual(first);
      });
    }

    it('restores Math.random after a run', () => {
      const random = Math.random;
      computeLayout({ layout: 'fcose', nodes: many, edges: links, fixed: null });
      expect(Math.random).toBe(random);
    });
  });
});
