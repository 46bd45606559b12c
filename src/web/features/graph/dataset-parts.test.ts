import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { DatasetAssembler, datasetParts } from './dataset-parts';
import { createViewHandler } from './view-worker-handler';
import type { WorkerReply } from './worker-protocol';

const dataset = generateDataset({ accounts: 30, hosts: 8, ips: 2, days: 2, seed: 9 });

describe('dataset parts', () => {
  it('slices the big arrays and puts the same dataset back together', () => {
    const parts = [...datasetParts(4, dataset, 10, 0)];
    expect(parts[0]).toMatchObject({ kind: 'head', version: 4 });
    expect(parts.at(-1)).toEqual({ version: 4, kind: 'end' });
    expect(parts.filter((p) => p.kind === 'slice').length).toBeGreaterThan(2);
    const assembler = new DatasetAssembler();
    const results = parts.map((p) => assembler.add(p));
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(results.at(-1)).toEqual({ version: 4, dataset });
  });

  it('refuses parts of a dataset whose beginning it did not see', () => {
    const assembler = new DatasetAssembler();
    const [head] = [...datasetParts(1, dataset, 10, 0)];
    assembler.add(head!);
    const late = [...datasetParts(2, dataset, 10, 0)].find((p) => p.kind === 'slice')!;
    expect(() => assembler.add(late)).toThrow(/without its beginning/);
  });

  it('the view worker computes views over a dataset sent in parts, and answers a bad part as an error', () => {
    const replies: WorkerReply[] = [];
    const handle = createViewHandler((r) => replies.push(r));
    for (const part of datasetParts(5, dataset, 10, 0))
      handle({ id: 0, lane: 'dataset-part', payload: part });
    expect(replies.every((r) => 'ok' in r && r.ok)).toBe(true);
    handle({
      id: 1,
      lane: 'view',
      payload: {
        version: 5,
        params: {
          window: null,
          filters: DEFAULT_FILTERS,
          overlay: 'pagerank',
          maxNodes: 2500,
          selected: null,
        },
      },
    });
    const reply = replies.at(-1)!;
    expect(reply).toMatchObject({ id: 1, ok: true });
    handle({ id: 2, lane: 'dataset-part', payload: { version: 9, kind: 'end' } });
    expect(replies.at(-1)).toMatchObject({ id: 2, ok: false });
  });
});
