// Pure builders of the request bodies sent to the cluster (unit-tested in queries.test.ts).
// Everything here runs on Elasticsearch 7.10+, 8, 9 and every OpenSearch: no runtime_mappings.

export interface RangeFilter {
  from: string;
  to: string;
}

/** A composite source: one key field, `missing_bucket` so absent fields still form a bucket. */
export interface KeySource {
  /** Name of the key in the bucket (stable, independent of the field name). */
  name: string;
  /** Aggregatable field name. */
  field: string;
}

export const MAX_COMPOSITE_SIZE = 10_000;

/** `from <= @timestamp < to`, plus event IDs over whichever event-ID fields the indices have. */
export function buildFilter(
  range: RangeFilter,
  eventIdFields: string[],
  eventIds: readonly number[],
  timeField = '@timestamp',
): Record<string, unknown> {
  const filter: unknown[] = [
    { range: { [timeField]: { gte: range.from, lt: range.to, format: 'strict_date_optional_time' } } },
  ];
  if (eventIdFields.length > 0 && eventIds.length > 0) {
    const values = eventIds.map(String);
    filter.push({
      bool: {
        should: eventIdFields.map((f) => ({ terms: { [f]: values } })),
        minimum_should_match: 1,
      },
    });
  }
  return { bool: { filter } };
}

export interface CompositeOptions {
  query: Record<string, unknown>;
  keys: KeySource[];
  /** Adds an hourly `date_histogram` source (fixed_interval 1h, UTC) as the last key. */
  hourly: boolean;
  size?: number;
  after?: Record<string, unknown> | null;
  timeField?: string;
}

/**
 * The edge aggregation: one bucket per distinct key (per hour when `hourly`), with the first and
 * last time in it. Keys use `missing_bucket: true`: a logon without IpAddress is still a logon.
 */
export function buildCompositeSearch(o: CompositeOptions): Record<string, unknown> {
  const timeField = o.timeField ?? '@timestamp';
  const size = Math.min(Math.max(1, o.size ?? MAX_COMPOSITE_SIZE), MAX_COMPOSITE_SIZE);
  const sources: unknown[] = o.keys.map((k) => ({
    [k.name]: { terms: { field: k.field, missing_bucket: true } },
  }));
  if (o.hourly) {
    sources.push({ hour: { date_histogram: { field: timeField, fixed_interval: '1h', time_zone: 'UTC' } } });
  }
  const composite: Record<string, unknown> = { size, sources };
  if (o.after) composite.after = o.after;
  return {
    size: 0,
    track_total_hits: false,
    query: o.query,
    aggs: {
      edges: {
        composite,
        aggs: {
          first: { min: { field: timeField } },
          last: { max: { field: timeField } },
        },
      },
    },
  };
}

/** Trims composite answers to what the loader reads. */
export const COMPOSITE_FILTER_PATH =
  'aggregations.edges.after_key,aggregations.edges.buckets.key,aggregations.edges.buckets.doc_count,aggregations.edges.buckets.first.value,aggregations.edges.buckets.last.value,_shards.failures,timed_out';

/** A count of matching documents (for "test connection"). */
export function buildCountSearch(query: Record<string, unknown>): Record<string, unknown> {
  return { size: 0, track_total_hits: true, query };
}

/** Counts per event ID (flag events and the connection summary) with a terms aggregation. */
export function buildEventIdCounts(
  query: Record<string, unknown>,
  eventIdField: string,
): Record<string, unknown> {
  return {
    size: 0,
    track_total_hits: false,
    query,
    aggs: { ids: { terms: { field: eventIdField, size: 200 } } },
  };
}

export type PitDialect = 'elasticsearch' | 'opensearch' | 'none';

/** The request that opens a point in time in each dialect, or null when there is none. */
export function openPitRequest(
  dialect: PitDialect,
  indexPath: string,
  keepAlive = '2m',
): { method: 'POST'; path: string; query: Record<string, string> } | null {
  if (dialect === 'elasticsearch')
    return { method: 'POST', path: `/${indexPath}/_pit`, query: { keep_alive: keepAlive } };
  if (dialect === 'opensearch') {
    return { method: 'POST', path: `/${indexPath}/_search/point_in_time`, query: { keep_alive: keepAlive } };
  }
  return null;
}

/** The PIT id in an open answer: ES `{id}`, OpenSearch `{pit_id}`. */
export function pitIdOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as { id?: unknown; pit_id?: unknown };
  if (typeof b.id === 'string') return b.id;
  if (typeof b.pit_id === 'string') return b.pit_id;
  return null;
}

export function closePitRequest(
  dialect: PitDialect,
  pitId: string,
): { method: 'DELETE'; path: string; body: Record<string, unknown> } | null {
  if (dialect === 'elasticsearch') return { method: 'DELETE', path: '/_pit', body: { id: pitId } };
  if (dialect === 'opensearch')
    return { method: 'DELETE', path: '/_search/point_in_time', body: { pit_id: [pitId] } };
  return null;
}

export interface PageOptions {
  query: Record<string, unknown>;
  size: number;
  /** Fields to return from _source (bounded documents). */
  sourceIncludes: string[];
  searchAfter?: unknown[] | null;
  pit?: { dialect: PitDialect; id: string; keepAlive?: string } | null;
  timeField?: string;
}

/**
 * One page of raw documents in time order. With a PIT the tiebreaker is `_shard_doc` (ES) or the
 * implicit one (OpenSearch); without, `_id` breaks ties (stable but not a snapshot).
 */
export function buildSearchAfterPage(o: PageOptions): {
  body: Record<string, unknown>;
  withIndexInPath: boolean;
} {
  const timeField = o.timeField ?? '@timestamp';
  const sort: unknown[] = [{ [timeField]: { order: 'asc' } }];
  const body: Record<string, unknown> = {
    size: o.size,
    track_total_hits: false,
    query: o.query,
    _source: { includes: o.sourceIncludes },
    sort,
  };
  if (o.pit && o.pit.dialect !== 'none') {
    const keep = o.pit.keepAlive ?? '2m';
    if (o.pit.dialect === 'elasticsearch') {
      body.pit = { id: o.pit.id, keep_alive: keep };
      sort.push({ _shard_doc: 'asc' });
    } else {
      body.pit = { id: o.pit.id, keep_alive: keep };
      sort.push({ _id: 'asc' });
    }
  } else {
    sort.push({ _id: 'asc' });
  }
  if (o.searchAfter) body.search_after = o.searchAfter;
  return { body, withIndexInPath: !o.pit || o.pit.dialect === 'none' };
}
