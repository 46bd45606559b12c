import { describe, expect, it } from 'vitest';
import {
  buildCompositeSearch,
  buildFilter,
  buildSearchAfterPage,
  closePitRequest,
  MAX_COMPOSITE_SIZE,
  openPitRequest,
  pitIdOf,
} from './queries.js';

const range = { from: '2021-12-03T00:00:00Z', to: '2021-12-04T00:00:00Z' };

describe('buildFilter', () => {
  it('filters the half-open range and the event IDs over every event-ID field', () => {
    const q = buildFilter(range, ['winlog.event_id', 'event_id'], [4624, 4625]);
    expect(q).toEqual({
      bool: {
        filter: [
          { range: { '@timestamp': { gte: range.from, lt: range.to, format: 'strict_date_optional_time' } } },
          {
            bool: {
              should: [
                { terms: { 'winlog.event_id': ['4624', '4625'] } },
                { terms: { event_id: ['4624', '4625'] } },
              ],
              minimum_should_match: 1,
            },
          },
        ],
      },
    });
  });
  it('omits the event-ID clause when there are no IDs', () => {
    const q = buildFilter(range, ['winlog.event_id'], []) as { bool: { filter: unknown[] } };
    expect(q.bool.filter).toHaveLength(1);
  });
});

describe('buildCompositeSearch', () => {
  const keys = [
    { name: 'k0', field: 'winlog.event_id' },
    { name: 'k1', field: 'winlog.event_data.TargetUserName.keyword' },
  ];
  it('uses missing_bucket sources, min/max time, no hits and no total', () => {
    const body = buildCompositeSearch({ query: { match_all: {} }, keys, hourly: false });
    expect(body.size).toBe(0);
    expect(body.track_total_hits).toBe(false);
    const edges = (body.aggs as { edges: { composite: { size: number; sources: unknown[] }; aggs: unknown } })
      .edges;
    expect(edges.composite.size).toBe(MAX_COMPOSITE_SIZE);
    expect(edges.composite.sources).toEqual([
      { k0: { terms: { field: 'winlog.event_id', missing_bucket: true } } },
      { k1: { terms: { field: 'winlog.event_data.TargetUserName.keyword', missing_bucket: true } } },
    ]);
    expect(edges.aggs).toEqual({
      first: { min: { field: '@timestamp' } },
      last: { max: { field: '@timestamp' } },
    });
    expect(JSON.stringify(body)).not.toContain('runtime_mappings');
  });
  it('adds a UTC hourly date_histogram source and the after key; caps the size at 10,000', () => {
    const body = buildCompositeSearch({ query: {}, keys, hourly: true, after: { k0: '4624' }, size: 50_000 });
    const c = (body.aggs as { edges: { composite: { size: number; sources: unknown[]; after: unknown } } })
      .edges.composite;
    expect(c.size).toBe(10_000);
    expect(c.sources.at(-1)).toEqual({
      hour: { date_histogram: { field: '@timestamp', fixed_interval: '1h', time_zone: 'UTC' } },
    });
    expect(c.after).toEqual({ k0: '4624' });
  });
});

describe('point in time in both dialects', () => {
  it('opens with _pit on Elasticsearch and _search/point_in_time on OpenSearch, none otherwise', () => {
    expect(openPitRequest('elasticsearch', 'winlogbeat-*')).toEqual({
      method: 'POST',
      path: '/winlogbeat-*/_pit',
      query: { keep_alive: '2m' },
    });
    expect(openPitRequest('opensearch', 'w')?.path).toBe('/w/_search/point_in_time');
    expect(openPitRequest('none', 'w')).toBeNull();
    expect(pitIdOf({ id: 'a' })).toBe('a');
    expect(pitIdOf({ pit_id: 'b' })).toBe('b');
    expect(pitIdOf({})).toBeNull();
    expect(closePitRequest('elasticsearch', 'a')).toEqual({
      method: 'DELETE',
      path: '/_pit',
      body: { id: 'a' },
    });
    expect(closePitRequest('opensearch', 'b')).toEqual({
      method: 'DELETE',
      path: '/_search/point_in_time',
      body: { pit_id: ['b'] },
    });
  });
  it('pages with search_after and a tiebreaker; the index goes in the path only without a PIT', () => {
    const es = buildSearchAfterPage({
      query: {},
      size: 100,
      sourceIncludes: ['@timestamp'],
      searchAfter: [1, 2],
      pit: { dialect: 'elasticsearch', id: 'P' },
    });
    expect(es.withIndexInPath).toBe(false);
    expect(es.body.pit).toEqual({ id: 'P', keep_alive: '2m' });
    expect(es.body.sort).toEqual([{ '@timestamp': { order: 'asc' } }, { _shard_doc: 'asc' }]);
    expect(es.body.search_after).toEqual([1, 2]);
    const plain = buildSearchAfterPage({ query: {}, size: 10, sourceIncludes: [], pit: null });
    expect(plain.withIndexInPath).toBe(true);
    expect(plain.body.pit).toBeUndefined();
    expect(plain.body.sort).toEqual([{ '@timestamp': { order: 'asc' } }, { _id: 'asc' }]);
  });
});
