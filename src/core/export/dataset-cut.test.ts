import { describe, expect, it } from 'vitest';
import { makeDataset } from '../analysis/testing.js';
import { validateDataset } from '../dataset/validate.js';
import { generateDataset } from '../dataset/testing/generate-dataset.js';
import { cutDataset, datasetFileText } from './dataset-cut.js';

const H = 451_016; // 2021-06-14T08:00:00Z
const AT = '2026-03-10T14:15:03Z';

describe('the dataset cut to the window', () => {
  it('holds the window only, validates and says when it was exported', () => {
    const d = makeDataset([
      {
        account: 'account:corp\\a',
        source: 'ip:10.0.0.5',
        target: 'host:dc1',
        hourly: [
          [H, 3],
          [H + 30, 2],
        ],
      },
      { account: 'account:corp\\b', source: 'ip:10.0.0.6', target: 'host:dc1', hourly: [[H + 30, 1]] },
    ]);
    const window = { from: '2021-06-14T00:00:00Z', to: '2021-06-15T00:00:00Z' };
    const cut = cutDataset(d, { meta: { dataset: 'corp', window, exportedAt: AT } });
    const reread = validateDataset(JSON.parse(datasetFileText(cut)));
    expect(reread.ok).toBe(true);
    if (!reread.ok) return;
    expect(reread.dataset.window).toEqual(window);
    expect(reread.dataset.createdAt).toBe(AT);
    expect(reread.dataset.title).toBe('corp');
    expect(reread.dataset.edges.map((e) => [e.id, e.count])).toEqual([['e0', 3]]);
    expect(reread.dataset.nodes.map((n) => n.id).sort()).toEqual([
      'account:corp\\a',
      'host:dc1',
      'ip:10.0.0.5',
    ]);
  });

  it('carries the analyst’s annotations when there are some', () => {
    const d = generateDataset({ days: 2, accounts: 5, hosts: 3 });
    const annotations = [
      { target: { kind: 'node', id: d.nodes[0]!.id }, note: 'seen', tags: ['reviewed'], updated: AT },
    ];
    const meta = { dataset: 'gen', window: null, exportedAt: AT };
    const value = JSON.parse(datasetFileText(cutDataset(d, { meta, annotations }))) as {
      annotations?: unknown;
    };
    expect(value.annotations).toEqual(annotations);
    expect(validateDataset(value).ok).toBe(true);
    const without = JSON.parse(datasetFileText(cutDataset(d, { meta, annotations: [] }))) as object;
    expect('annotations' in without).toBe(false);
  });
});
