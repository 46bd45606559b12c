import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, NO_FILTERS, edgeFilter, type FilterableEdge } from './view-filters.js';

const edge = (over: Partial<FilterableEdge> = {}): FilterableEdge => ({
  eventId: 4624,
  logonType: '3',
  failure: false,
  count: 2,
  ...over,
});

describe('edgeFilter', () => {
  it('lets every edge with events through when nothing is filtered', () => {
    const pass = edgeFilter(NO_FILTERS);
    expect(pass(edge())).toBe(true);
    expect(pass(edge({ logonType: null, failure: true, count: 1 }))).toBe(true);
    expect(pass(edge({ count: 0 }))).toBe(false);
  });

  it('filters on event ID, logon type (edges without one are out when a list is given), outcome and count', () => {
    expect(edgeFilter({ ...DEFAULT_FILTERS, eventIds: [4625] })(edge())).toBe(false);
    expect(edgeFilter({ ...DEFAULT_FILTERS, eventIds: [4624] })(edge())).toBe(true);
    expect(edgeFilter({ ...DEFAULT_FILTERS, logonTypes: ['3'] })(edge({ logonType: null }))).toBe(false);
    expect(edgeFilter({ ...DEFAULT_FILTERS, logonTypes: ['3', '10'] })(edge())).toBe(true);
    expect(edgeFilter({ ...DEFAULT_FILTERS, outcome: 'failure' })(edge())).toBe(false);
    expect(edgeFilter({ ...DEFAULT_FILTERS, outcome: 'success' })(edge({ failure: true }))).toBe(false);
    expect(edgeFilter({ ...DEFAULT_FILTERS, minCount: 3 })(edge())).toBe(false);
    expect(edgeFilter({ ...DEFAULT_FILTERS, minCount: 2 })(edge())).toBe(true);
  });
});
