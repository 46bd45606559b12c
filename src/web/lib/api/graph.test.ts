import { afterEach, describe, expect, it } from 'vitest';
import { getGraph, graphSearch, type GraphParams } from './graph';
import { apiKeys } from './query-keys';
import { jsonResponse, resetApiStubs, stubFetch } from './test-support';

afterEach(resetApiStubs);

const BASE: GraphParams = {
  from: '2021-12-03T00:00:00Z',
  to: '2021-12-04T00:00:00Z',
  eventIds: null,
  logonTypes: null,
  outcome: 'any',
  minCount: 1,
  search: '',
  showHidden: false,
};

describe('graphSearch', () => {
  it('leaves defaults out and names the filters as docs/api.md does', () => {
    expect(graphSearch(BASE)).toBe('?from=2021-12-03T00%3A00%3A00Z&to=2021-12-04T00%3A00%3A00Z');
    const q = new URLSearchParams(
      graphSearch({
        ...BASE,
        eventIds: [4624, 4625],
        logonTypes: ['3', '10'],
        outcome: 'failure',
        minCount: 2,
        search: 'a&b',
        showHidden: true,
      }),
    );
    expect(Object.fromEntries(q)).toEqual({
      from: '2021-12-03T00:00:00Z',
      to: '2021-12-04T00:00:00Z',
      eventIds: '4624,4625',
      logonTypes: '3,10',
      outcome: 'failure',
      minCount: '2',
      search: 'a&b',
      hidden: '1',
    });
  });
});

describe('apiKeys.graph', () => {
  it('gives equal keys for equal views and different keys for different windows', () => {
    expect(apiKeys.graph('d', { ...BASE })).toEqual(apiKeys.graph('d', { ...BASE }));
    expect(apiKeys.graph('d', BASE)).not.toEqual(
      apiKeys.graph('d', { ...BASE, from: '2021-12-04T00:00:00Z' }),
    );
    expect(apiKeys.graph('d', BASE).slice(0, 3)).toEqual(apiKeys.dataset('d'));
    // Drill-downs live under the dataset too: an append or a delete refreshes them.
    expect(apiKeys.events('d', null, null, ['node', 'x']).slice(0, 3)).toEqual(apiKeys.dataset('d'));
  });
});

describe('getGraph', () => {
  it('refuses an answer that is not a valid dataset, naming the problem', async () => {
    stubFetch(() => jsonResponse(200, { format: 'something-else' }));
    await expect(getGraph('ds1', BASE)).rejects.toThrow(
      /The server sent a graph the app does not understand: .*format/,
    );
  });
});
