import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS, neighbourhood, shortestPaths } from '../../core/analysis/index.js';
import { generateDataset } from '../../core/dataset/testing/generate-dataset.js';
import { buildElements, domainIndex } from '../features/graph';
import { chainLinks, pathElements, restrictView } from './investigate-route';

const dataset = generateDataset({ accounts: 12, hosts: 5, ips: 2, days: 1, seed: 4 });
const view = computeView(dataset, null, DEFAULT_FILTERS);

describe('investigation elements', () => {
  it('a focus keeps the neighbourhood only, and every kept edge keeps its ends', () => {
    const start = view.edges[0]!.account;
    const n = neighbourhood(view.edges, [start], 1);
    const cut = restrictView(view, n.edges, n.nodes);
    expect(cut.edges.length).toBeGreaterThan(0);
    expect(cut.edges.length).toBeLessThanOrEqual(view.edges.length);
    const ids = new Set(cut.nodes.map((x) => x.id));
    for (const e of cut.edges) {
      expect(ids.has(e.account)).toBe(true);
      if (e.source !== null) expect(ids.has(e.source)).toBe(true);
      if (e.target !== null) expect(ids.has(e.target)).toBe(true);
    }
  });

  it("names a path's drawn links and nodes by the graph's element ids", () => {
    const e = view.edges.find((x) => x.source !== null && x.target !== null)!;
    const paths = shortestPaths(view.edges, e.source!, e.target!);
    expect(paths.length).toBeGreaterThan(0);
    const ids = pathElements(paths);
    const drawn = buildElements(view, {
      overlay: 'pagerank',
      maxNodes: 10_000,
      domains: domainIndex(dataset.nodes),
      selected: null,
    }).elements.map((x) => String(x.data.id));
    for (const id of [...ids.nodes, ...ids.edges]) expect(drawn).toContain(id);
  });

  it("names a chain's links: source → account and account → target", () => {
    const ids = chainLinks([
      {
        steps: [
          {
            edge: 'e',
            account: 'a',
            from: 'ip:1',
            to: 'host:b',
            time: '2021-12-01T00:00:00Z',
            eventId: 4624,
            logonType: '3',
          },
        ],
      },
    ]);
    expect([...ids.nodes].sort()).toEqual(['a', 'host:b', 'ip:1']);
    expect([...ids.edges].sort()).toEqual(['link:["a","host:b","to"]', 'link:["a","ip:1","from"]']);
  });
});
