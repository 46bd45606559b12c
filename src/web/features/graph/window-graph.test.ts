import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { cutView, type ViewCut } from '../../lib/view-cut';
import { buildElements, domainIndex } from './elements';
import { WindowGraphs, type WindowParams } from './window-graph';

const dataset = generateDataset({ accounts: 80, hosts: 20, ips: 4, days: 3, seed: 5 });
const day = dataset.timeRange!.from.slice(0, 10);
const window = { from: `${day}T00:00:00.000Z`, to: `${day}T23:59:59.999Z` };
const base: WindowParams = {
  window,
  filters: DEFAULT_FILTERS,
  overlay: 'pagerank',
  maxNodes: 2500,
  selected: null,
};

describe('WindowGraphs with a cut', () => {
  const view = computeView(dataset, window, DEFAULT_FILTERS);
  const focus = view.edges[0]!.account;
  const cuts: Array<[string, ViewCut]> = [
    ['a focus', { focus, hops: 1, newOnly: false, tag: null, annotations: [] }],
    [
      'a tag',
      {
        focus: null,
        hops: 1,
        newOnly: false,
        tag: 'compromised',
        annotations: [
          {
            target: { kind: 'node', id: focus },
            note: '',
            tags: ['compromised'],
            updated: '2021-01-01T00:00:00Z',
          },
        ],
      },
    ],
  ];

  it.each(cuts)('draws %s of the view with the page’s rule, and keeps the view whole', (_, cut) => {
    const out = new WindowGraphs(dataset).compute({ ...base, cut });
    expect(out.view.nodes).toHaveLength(view.nodes.length);
    const shown = cutView(view, cut, null);
    expect(shown.nodes.length).toBeLessThan(view.nodes.length);
    const expected = buildElements(shown, {
      overlay: 'pagerank',
      maxNodes: 2500,
      domains: domainIndex(dataset.nodes),
    });
    expect(out.graph).toEqual(expected);
    expect(out.graph.inView).toBe(shown.nodes.length);
  });
});
