import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { DECODE_CHUNK, decodeView, decodeViewInTasks, ViewEncoder } from './view-wire';

const dataset = generateDataset({ accounts: 60, hosts: 20, ips: 5, days: 3, edgesPerAccount: 3, seed: 7 });
const day = (offset: number) => {
  const from = Date.parse(`${dataset.timeRange!.from.slice(0, 10)}T00:00:00Z`) + offset * 86_400_000;
  return { from: new Date(from).toISOString(), to: new Date(from + 86_400_000).toISOString() };
};

describe('view wire', () => {
  it.each([
    ['a day', day(1)],
    ['the whole dataset', null],
  ])('a view of %s crosses as positions and comes back equal, over the page’s own objects', (_, window) => {
    const view = computeView(dataset, window, DEFAULT_FILTERS);
    const wire = structuredClone(new ViewEncoder(dataset).encode(view));
    // Typed arrays of positions, not cloned objects.
    expect(ArrayBuffer.isView(wire.edges)).toBe(true);
    expect(wire.edgeCopies).toEqual([]);
    const back = decodeView(wire, dataset);
    expect(back).toEqual(view);
    // What the view took whole from the dataset is the page's own object again.
    const own = new Set<unknown>(dataset.edges);
    view.edges.forEach((e, i) => {
      if (own.has(e)) expect(back.edges[i]).toBe(e);
    });
  });

  it('sends whole what it cannot find by a unique id', () => {
    const twice = { ...dataset, edges: [...dataset.edges, { ...dataset.edges[0]!, count: 99 }] };
    const view = computeView(twice, null, DEFAULT_FILTERS);
    const wire = structuredClone(new ViewEncoder(twice).encode(view));
    expect(wire.edgeCopies.map(([, e]) => e.id)).toEqual([dataset.edges[0]!.id, dataset.edges[0]!.id]);
    expect(decodeView(wire, twice)).toEqual(view);
  });

  it('decodes over several tasks to the same view', async () => {
    const big = generateDataset({
      accounts: 3000,
      hosts: 200,
      ips: 10,
      days: 2,
      edgesPerAccount: 4,
      seed: 3,
    });
    const view = computeView(big, null, DEFAULT_FILTERS);
    expect(view.edges.length).toBeGreaterThan(DECODE_CHUNK);
    const wire = new ViewEncoder(big).encode(view);
    expect(await decodeViewInTasks(wire, big)).toEqual(view);
  });
});
