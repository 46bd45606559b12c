import { describe, expect, it } from 'vitest';
import { mergeRanges } from './es-dataset.js';

describe('mergeRanges', () => {
  it('joins touching and overlapping half-open ranges, keeps gaps, sorts', () => {
    expect(
      mergeRanges([
        { from: '2021-12-03T00:00:00Z', to: '2021-12-04T00:00:00Z' },
        { from: '2021-12-01T00:00:00Z', to: '2021-12-02T00:00:00Z' },
        { from: '2021-12-02T00:00:00Z', to: '2021-12-02T12:00:00Z' },
        { from: '2021-12-03T06:00:00+01:00', to: '2021-12-03T08:00:00Z' },
      ]),
    ).toEqual([
      { from: '2021-12-01T00:00:00.000Z', to: '2021-12-02T12:00:00.000Z' },
      { from: '2021-12-03T00:00:00.000Z', to: '2021-12-04T00:00:00.000Z' },
    ]);
  });

  it('leaves a refresh of a range already held as that range', () => {
    const r = { from: '2021-12-01T00:00:00.000Z', to: '2021-12-02T00:00:00.000Z' };
    expect(mergeRanges([r, r])).toEqual([r]);
  });
});
