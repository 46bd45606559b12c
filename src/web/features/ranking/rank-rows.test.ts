import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { RANK_SCORES } from '../../../core/dataset/index.js';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { RANK_KINDS, rankRows, topRankRows } from './rank-rows';

const view = computeView(
  generateDataset({ accounts: 120, hosts: 30, ips: 6, days: 3, seed: 21 }),
  null,
  DEFAULT_FILTERS,
);

describe('topRankRows', () => {
  it.each(RANK_KINDS)('gives the top of the full ranking of %s, for every score, and its size', (kind) => {
    for (const score of RANK_SCORES) {
      const all = rankRows(view, score, kind);
      for (const limit of [1, 10, 100, 1000]) {
        const top = topRankRows(view, score, kind, limit);
        expect(top.total).toBe(all.length);
        expect(top.rows).toEqual(all.slice(0, limit));
      }
    }
  });
});
