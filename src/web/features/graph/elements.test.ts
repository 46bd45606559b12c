import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { parseLinkId } from '../../lib/graph-ids';
import { buildElements, domainIndex, shortLabel, topologyKey } from './elements';
import { layoutOptions } from './layouts';
import { GRAPH_STYLE, GRAPH_STYLE_WITH_EDGE_LABELS } from './stylesheet';

const HOSTILE = '<img src=x onerror=alert(1)>';
const dataset = generateDataset({
  accounts: 30,
  hosts: 8,
  ips: 3,
  days: 2,
  seed: 3,
  extraAccountNames: [HOSTILE],
});
const view = computeView(dataset, null, DEFAULT_FILTERS);

describe('graph elements', () => {
  it('draws every view node and links each edge to its source and target', () => {
    const g = buildElements(view, { overlay: 'pagerank', maxNodes: 10_000 });
    const nodeIds = new Set(g.elements.filter((e) => e.data.source === undefined).map((e) => e.data.id));
    for (const n of view.nodes) expect(nodeIds.has(n.id)).toBe(true);
    expect(g.shown).toEqual({ nodes: view.nodes.length, edges: view.edges.length });
    expect(g.capped).toBe(false);
    const e = view.edges[0]!;
    const links = g.elements
      .filter((x) => x.data.source !== undefined)
      .map((x) => parseLinkId(String(x.data.id)));
    expect(links).toContainEqual({ account: e.account, other: e.target, role: 'to' });
    if (e.source !== null)
      expect(links).toContainEqual({ account: e.account, other: e.source, role: 'from' });
  });

  it('keeps data flat (strings and numbers only)', () => {
    const g = buildElements(view, {
      overlay: 'degree',
      maxNodes: 10_000,
      domains: domainIndex(dataset.nodes),
    });
    for (const el of g.elements)
      for (const v of Object.values(el.data)) expect(['string', 'number']).toContain(typeof v);
  });

  it('caps nodes by score, keeping the selection, and says so', () => {
    const sel = view.nodes[view.nodes.length - 1]!.id;
    const g = buildElements(view, { overlay: 'degree', maxNodes: 10, selected: sel });
    expect(g.capped).toBe(true);
    expect(g.shown.nodes).toBe(10);
    expect(g.shown.edges).toBeLessThan(view.edges.length);
    expect(g.elements.some((e) => e.data.id === sel)).toBe(true);
  });

  it('a capped graph keeps whole logons, so it still has edges', () => {
    const g = buildElements(view, { overlay: 'pagerank', maxNodes: 12 });
    expect(g.shown.nodes).toBeLessThanOrEqual(12);
    expect(g.shown.edges).toBeGreaterThan(0);
    const links = g.elements.filter((e) => e.data.source !== undefined);
    expect(links.length).toBeGreaterThan(0);
    const drawn = new Set(g.elements.filter((e) => e.data.source === undefined).map((e) => e.data.id));
    for (const l of links) expect(drawn.has(l.data.source) && drawn.has(l.data.target)).toBe(true);
    const other = buildElements(view, { overlay: 'anomaly', maxNodes: 12 });
    expect(other.topologyKey).toBe(g.topologyKey);
  });

  it('size and colour follow the overlay score; topology does not', () => {
    const a = buildElements(view, { overlay: 'pagerank', maxNodes: 10_000 });
    const b = buildElements(view, { overlay: 'degree', maxNodes: 10_000 });
    const none = buildElements(view, { overlay: 'none', maxNodes: 10_000 });
    expect(a.topologyKey).toBe(b.topologyKey);
    const sizes = new Set(a.elements.filter((e) => e.data.size !== undefined).map((e) => e.data.size));
    expect(sizes.size).toBeGreaterThan(1);
    expect(new Set(none.elements.filter((e) => e.data.size !== undefined).map((e) => e.data.size)).size).toBe(
      1,
    );
    const filtered = computeView(dataset, null, { ...DEFAULT_FILTERS, eventIds: [4624] });
    expect(buildElements(filtered, { overlay: 'pagerank', maxNodes: 10_000 }).topologyKey).not.toBe(
      a.topologyKey,
    );
  });

  it('draws kinds distinctly', () => {
    const g = buildElements(view, { overlay: 'none', maxNodes: 10_000, domains: domainIndex(dataset.nodes) });
    const byKind = (kind: string) => g.elements.find((e) => e.data.kind === kind)?.data;
    expect(byKind('host')?.shape).toBe('diamond');
    expect(byKind('ip')?.shape).toBe('round-triangle');
    expect(byKind('domain')).toMatchObject({ paint: 'domain', tone: 1 });
    const privileged = dataset.nodes.find((n) => n.flags.some((f) => f.kind === 'privileged'))!;
    expect(g.elements.find((e) => e.data.id === privileged.id)?.data.paint).toBe('privileged');
    // Edge states are named, not coloured: the stylesheet colours them per palette and theme.
    const states = new Set(g.elements.filter((e) => e.data.source !== undefined).map((e) => e.data.state));
    expect([...states].every((x) => ['failed', 'mixed', 'ok', 'member'].includes(String(x)))).toBe(true);
    expect(states.has('failed') || states.has('mixed')).toBe(true);
    const created = dataset.nodes.find((n) => n.flags.some((f) => f.kind === 'created'))!;
    expect(g.elements.find((e) => e.data.id === created.id)?.data.shape).toBe('octagon');
  });

  it('shortens labels and strips control characters; keeps markup as plain text', () => {
    expect(shortLabel('a\u0000b\nc')).toBe('a b c');
    expect(shortLabel('x'.repeat(1000))).toHaveLength(48);
    const g = buildElements(view, { overlay: 'none', maxNodes: 10_000 });
    expect(g.elements.some((e) => e.data.label === HOSTILE)).toBe(true);
  });

  it('topology keys depend on the id set only', () => {
    expect(topologyKey([{ data: { id: 'a' } }, { data: { id: 'b' } }])).toBe(
      topologyKey([{ data: { id: 'b' } }, { data: { id: 'a' } }]),
    );
    expect(topologyKey([{ data: { id: 'ab' } }])).not.toBe(
      topologyKey([{ data: { id: 'a' } }, { data: { id: 'b' } }]),
    );
  });

  it('loads into headless Cytoscape with both stylesheets and lays out', () => {
    const g = buildElements(view, {
      overlay: 'pagerank',
      maxNodes: 10_000,
      domains: domainIndex(dataset.nodes),
    });
    for (const style of [GRAPH_STYLE, GRAPH_STYLE_WITH_EDGE_LABELS]) {
      const cy = cytoscape({ headless: true, styleEnabled: true, elements: g.elements, style });
      cy.layout(layoutOptions('concentric', cy.nodes().length)).run();
      expect(cy.nodes().length).toBe(g.elements.filter((e) => e.data.source === undefined).length);
      const host = cy.nodes('[kind = "host"]').first();
      expect(host.style('shape')).toBe('diamond');
      expect(Number.isFinite(host.position('x'))).toBe(true);
      cy.destroy();
    }
  });
});

describe('builds are pure', () => {
  it('two builds of the same view give equal elements (no state kept between builds)', () => {
    const a = buildElements(view, { overlay: 'degree', maxNodes: 10_000 });
    buildElements(view, { overlay: 'pagerank', maxNodes: 5 });
    const b = buildElements(view, { overlay: 'degree', maxNodes: 10_000 });
    expect(b).toEqual(a);
  });

  it('a domain is never drawn larger than the accounts (size is by score, not by kind)', () => {
    for (const overlay of ['none', 'pagerank'] as const) {
      const g = buildElements(view, { overlay, maxNodes: 10_000, domains: domainIndex(dataset.nodes) });
      const sizes = (kind: string) =>
        g.elements.filter((e) => e.data.kind === kind).map((e) => Number(e.data.size));
      expect(sizes('domain').length).toBeGreaterThan(0);
      expect(Math.max(...sizes('domain'))).toBeLessThanOrEqual(Math.min(...sizes('account')));
    }
  });
});
