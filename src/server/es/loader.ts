// Reads a time range from a cluster as aggregated edges (composite aggregations: the cluster does
// the counting) plus the few raw events the flags need, and replays them as LogonEvents so that
// the same graph builder as `logonlens analyze` builds the graph: same ids, merges and rules.
//
// An aggregation bucket (edge key + hour, doc_count n, first t1, last t2) is replayed as n events:
// n-1 at t1 and one at t2. Every field the graph reads from an edge event is in the key, so the
// builder sees the same values as it would from the documents; only what differs between the n
// events and is not in the key (record id, exact times inside the hour) is lost (docs/elasticsearch.md).
import { LOGON_EDGE_EVENT_IDS } from '../../core/analysis/index.js';
import { SECURITY_EVENT_IDS, type LogonEvent } from '../../core/events/logon-event.js';
import type { EsClient, EsResponse } from './client.js';
import { EsError } from './client.js';
import { getClusterInfo, type ClusterInfo } from './info.js';
import { aggregatableName, encodeIndexPattern, getMappings, type IndexMapping } from './mapping.js';
import {
  buildCompositeSearch,
  buildFilter,
  buildSearchAfterPage,
  closePitRequest,
  COMPOSITE_FILTER_PATH,
  openPitRequest,
  pitIdOf,
  type KeySource,
  type RangeFilter,
} from './queries.js';
import { FIELD_PLAN, TIME_FIELD, type DocShape, type PlanField } from './shapes.js';
import { allPlanPaths, eventFromGetter, eventFromSource, normalizeTime } from './to-event.js';

/**
 * Frequent flag events, aggregated too: 4672 (special privileges, logged with nearly every admin
 * logon) and 4648 (explicit credentials). The analysis keeps them per account and hour with a
 * count, which an aggregation reproduces; only their sample of record IDs is lost.
 */
export const AGGREGATED_FLAG_EVENT_IDS: readonly number[] = [4672, 4648];
/** The rare flag events (account and group changes, policy, DCSync, DCShadow, log cleared): fetched whole. */
export const RAW_EVENT_IDS: readonly number[] = SECURITY_EVENT_IDS.filter(
  (id) => !LOGON_EDGE_EVENT_IDS.has(id) && !AGGREGATED_FLAG_EVENT_IDS.includes(id),
);

/**
 * Model fields put in the aggregation key: everything the graph builder reads from an edge event
 * (account, source, target, type, status, package; the service and ticket encryption for the
 * Kerberos rules). Fewer sources mean fewer, cheaper buckets; a field the builder starts reading
 * must be added here (the identity tests in test/integration/es-load.test.ts catch a miss).
 */
export const KEY_FIELDS: readonly PlanField[] = [
  'eventId',
  'computer',
  'channel',
  'targetUser',
  'targetDomain',
  'targetSid',
  'logonType',
  'ipAddress',
  'workstation',
  'status',
  'subStatus',
  'authPackage',
  'serviceName',
  'ticketEncryption',
];

/** Key of the aggregated flag events: the actor, and for 4648 whose credentials and for which server. */
export const FLAG_KEY_FIELDS: readonly PlanField[] = [
  'eventId',
  'computer',
  'channel',
  'subjectUser',
  'subjectDomain',
  'subjectSid',
  'targetUser',
  'targetDomain',
  'targetServerName',
];

/** The two aggregations of a range: edge events and frequent flag events, each with its key. */
const AGGREGATIONS: ReadonlyArray<{ ids: readonly number[]; fields: readonly PlanField[] }> = [
  // The graph builder's edge events are aggregated in the cluster; the others are fetched whole.
  { ids: [...LOGON_EDGE_EVENT_IDS], fields: KEY_FIELDS },
  { ids: AGGREGATED_FLAG_EVENT_IDS, fields: FLAG_KEY_FIELDS },
];

export interface LoadProgress {
  phase: 'connect' | 'mapping' | 'edges' | 'raw-events' | 'analyse' | 'done';
  /** Aggregation pages and buckets read so far. */
  pages: number;
  buckets: number;
  /** Documents represented by the buckets, plus raw events read. */
  events: number;
  bytesReceived: number;
}

export interface LoadOptions {
  indexPattern: string;
  range: RangeFilter;
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  /** Composite page size (≤ 10,000). */
  pageSize?: number;
  /** Raw page size for flag events. */
  rawPageSize?: number;
}

interface Bucket {
  /** Event built from the key (time and record id are set on replay). */
  event: LogonEvent;
  count: number;
  first: string;
  last: string;
}

export interface ClusterRead {
  info: ClusterInfo;
  indices: IndexMapping[];
  shapes: DocShape[];
  buckets: Bucket[];
  rawEvents: LogonEvent[];
  /** Documents read or represented. */
  documents: number;
  /** Documents whose event could not be read (no event ID or time), by reason. */
  skipped: Record<string, number>;
  bytesReceived: number;
  requests: number;
}

/** One group of indices that share how each plan path is aggregated (mappings can differ per index). */
interface IndexGroup {
  target: string;
  /** Document path → aggregatable field name, for every plan path these indices map. */
  resolved: Map<string, string>;
  eventIdFields: string[];
}

/** The composite sources for some model fields in a group, and path → source name. */
export function keysFor(
  g: IndexGroup,
  fields: readonly PlanField[],
): { keys: KeySource[]; keyPaths: Map<string, string> } {
  const keys: KeySource[] = [];
  const keyPaths = new Map<string, string>();
  const paths = new Set<string>();
  for (const f of fields) for (const c of FIELD_PLAN[f]) paths.add(c.path);
  for (const p of [...paths].sort()) {
    const agg = g.resolved.get(p);
    if (agg === undefined) continue;
    const name = `k${keys.length}`;
    keys.push({ name, field: agg });
    keyPaths.set(p, name);
  }
  return { keys, keyPaths };
}

export function groupIndices(indices: IndexMapping[], pattern: string): IndexGroup[] {
  const bySig = new Map<
    string,
    { indices: string[]; resolved: Map<string, string>; eventIdFields: string[] }
  >();
  const paths = new Set<string>();
  for (const { fields } of AGGREGATIONS)
    for (const f of fields) for (const c of FIELD_PLAN[f]) paths.add(c.path);
  for (const idx of indices) {
    if (!idx.fields.has(TIME_FIELD)) continue; // no @timestamp: nothing in range can match
    const resolved: Array<[string, string]> = [];
    for (const p of [...paths].sort()) {
      const agg = aggregatableName(p, idx.fields.get(p));
      if (agg) resolved.push([p, agg]);
    }
    const sig = JSON.stringify(resolved);
    let g = bySig.get(sig);
    if (!g) {
      const eventIdFields = FIELD_PLAN.eventId
        .map((c) => resolved.find(([p]) => p === c.path)?.[1])
        .filter((x): x is string => x !== undefined);
      g = { indices: [], resolved: new Map(resolved), eventIdFields };
      bySig.set(sig, g);
    }
    g.indices.push(idx.index);
  }
  const groups = [...bySig.values()];
  return groups
    .filter((g) => g.eventIdFields.length > 0)
    .map((g) => ({
      target: groups.length === 1 ? encodeIndexPattern(pattern) : g.indices.join(','),
      resolved: g.resolved,
      eventIdFields: g.eventIdFields,
    }));
}

interface CompositeEdges {
  after_key?: Record<string, unknown>;
  buckets?: Array<{
    key: Record<string, unknown>;
    doc_count: number;
    first?: { value: number | null };
    last?: { value: number | null };
  }>;
}
interface CompositeAnswer {
  aggregations?: { edges?: CompositeEdges };
  _shards?: { failures?: Array<{ reason?: { reason?: string } }> };
  timed_out?: boolean;
}

/** Reads the range: all aggregation pages, then the raw flag events. Throws EsError on failure. */
export async function readClusterRange(client: EsClient, opts: LoadOptions): Promise<ClusterRead> {
  const signal = opts.signal;
  const sig = signal ? { signal } : {};
  const progress: LoadProgress = { phase: 'connect', pages: 0, buckets: 0, events: 0, bytesReceived: 0 };
  const report = (phase: LoadProgress['phase']): void => {
    progress.phase = phase;
    progress.bytesReceived = client.bytesReceived;
    opts.onProgress?.({ ...progress });
  };
  report('connect');
  const info = await getClusterInfo(client, signal);
  report('mapping');
  const indices = await getMappings(client, opts.indexPattern, signal);
  if (indices.length === 0) {
    throw new EsError('not-found', `the index pattern "${opts.indexPattern}" matches no index`);
  }
  const shapes = [...new Set(indices.flatMap((i) => i.shapes))];
  const groups = groupIndices(indices, opts.indexPattern);
  if (groups.length === 0) {
    throw new EsError(
      'bad-request',
      `no index matching "${opts.indexPattern}" has an aggregatable event ID field (winlog.event_id, event_id or EventID) and @timestamp`,
    );
  }
  const buckets: Bucket[] = [];
  const skipped: Record<string, number> = {};
  let documents = 0;
  report('edges');
  for (const g of groups)
    for (const agg of AGGREGATIONS) {
      const { keys, keyPaths } = keysFor(g, agg.fields);
      const query = buildFilter(opts.range, g.eventIdFields, agg.ids);
      let after: Record<string, unknown> | null = null;
      const byPath = (key: Record<string, unknown>) => (path: string) => {
        const name = keyPaths.get(path);
        return name === undefined ? undefined : key[name];
      };
      const only = new Set<PlanField>(agg.fields);
      for (;;) {
        const res: EsResponse<CompositeAnswer> = await client.request<CompositeAnswer>({
          method: 'POST',
          path: `/${g.target}/_search`,
          query: { filter_path: COMPOSITE_FILTER_PATH, ignore_unavailable: true, allow_no_indices: true },
          body: buildCompositeSearch({
            query,
            keys,
            hourly: true,
            after,
            ...(opts.pageSize ? { size: opts.pageSize } : {}),
          }),
          ...sig,
        });
        checkShards(res.body);
        const edges: CompositeEdges | undefined = res.body.aggregations?.edges;
        const page = edges?.buckets ?? [];
        for (const b of page) {
          const first = normalizeTime(b.first?.value);
          const last = normalizeTime(b.last?.value);
          const ev = first ? eventFromGetter(byPath(b.key), first, only) : null;
          documents += b.doc_count;
          if (!ev || !first || !last) {
            skipped['no-event-id'] = (skipped['no-event-id'] ?? 0) + b.doc_count;
            continue;
          }
          buckets.push({ event: ev, count: b.doc_count, first, last });
        }
        progress.pages++;
        progress.buckets = buckets.length;
        progress.events = documents;
        report('edges');
        if (page.length === 0 || !edges?.after_key) break;
        after = edges.after_key;
      }
    }

  report('raw-events');
  const rawEvents: LogonEvent[] = [];
  for (const g of groups) {
    const query = buildFilter(opts.range, g.eventIdFields, RAW_EVENT_IDS);
    for await (const source of searchAfterAll(
      client,
      info,
      g.target,
      query,
      opts.rawPageSize ?? 2000,
      signal,
    )) {
      documents++;
      const ev = eventFromSource(source);
      if (ev) rawEvents.push(ev);
      else skipped['no-event-id'] = (skipped['no-event-id'] ?? 0) + 1;
      progress.events = documents;
      if (rawEvents.length % 2000 === 0) report('raw-events');
    }
  }
  report('raw-events');
  return {
    info,
    indices,
    shapes,
    buckets,
    rawEvents,
    documents,
    skipped,
    bytesReceived: client.bytesReceived,
    requests: client.requests,
  };
}

function checkShards(body: {
  _shards?: { failures?: Array<{ reason?: { reason?: string } }> };
  timed_out?: boolean;
}): void {
  const f = body._shards?.failures;
  if (f && f.length > 0) {
    // A partial answer would be a half graph presented as whole: fail instead.
    throw new EsError(
      'server',
      `the cluster answered with ${f.length} shard failure(s): ${String(f[0]?.reason?.reason ?? '').slice(0, 300)}`,
    );
  }
  if (body.timed_out)
    throw new EsError('timeout', 'the cluster timed out on the search (partial results refused)');
}

interface HitsAnswer {
  pit_id?: string;
  hits?: { hits?: Array<{ _source?: unknown; sort?: unknown[] }> };
  _shards?: { failures?: Array<{ reason?: { reason?: string } }> };
  timed_out?: boolean;
}

/**
 * Every matching document in time order with search_after, inside a point in time where the
 * cluster has one (ES `_pit`, OpenSearch ≥ 2.4 `_search/point_in_time`), plain otherwise.
 */
export async function* searchAfterAll(
  client: EsClient,
  info: ClusterInfo,
  target: string,
  query: Record<string, unknown>,
  pageSize: number,
  signal?: AbortSignal,
  sourceIncludes: string[] = allPlanPaths(),
): AsyncGenerator<unknown> {
  const sig = signal ? { signal } : {};
  const open = openPitRequest(info.pit, target);
  let pitId: string | null = null;
  if (open) {
    const r = await client.request({ ...open, ...sig });
    pitId = pitIdOf(r.body);
  }
  try {
    let after: unknown[] | null = null;
    for (;;) {
      const { body, withIndexInPath } = buildSearchAfterPage({
        query,
        size: pageSize,
        sourceIncludes,
        searchAfter: after,
        pit: pitId ? { dialect: info.pit, id: pitId } : null,
      });
      const res = await client.request<HitsAnswer>({
        method: 'POST',
        path: withIndexInPath ? `/${target}/_search` : '/_search',
        query: withIndexInPath ? { ignore_unavailable: true, allow_no_indices: true } : {},
        body,
        ...sig,
      });
      checkShards(res.body);
      if (typeof res.body.pit_id === 'string') pitId = res.body.pit_id;
      const hits = res.body.hits?.hits ?? [];
      for (const h of hits) yield h._source;
      if (hits.length < pageSize) break;
      after = hits[hits.length - 1]?.sort ?? null;
      if (!after) break;
    }
  } finally {
    if (pitId) {
      const close = closePitRequest(info.pit, pitId);
      if (close) await client.request({ ...close, okStatuses: [404] }).catch(() => undefined);
    }
  }
}

/**
 * Replays a read as LogonEvents in time order: raw events as read, each bucket as `count` events
 * (count-1 at its first time, one at its last). Memory stays proportional to buckets.
 */
export function* replayEvents(read: Pick<ClusterRead, 'buckets' | 'rawEvents'>): Generator<LogonEvent> {
  type Point = { time: string; bucket: Bucket | null; raw: LogonEvent | null; n: number };
  const points: Point[] = [];
  for (const b of read.buckets) {
    if (b.count >= 2) {
      points.push({ time: b.first, bucket: b, raw: null, n: b.count - 1 });
      points.push({ time: b.last, bucket: b, raw: null, n: 1 });
    } else points.push({ time: b.first, bucket: b, raw: null, n: 1 });
  }
  for (const r of read.rawEvents) points.push({ time: r.time, bucket: null, raw: r, n: 1 });
  // Time order, then record order for events of the same instant (the order a log file has them
  // in, which decides the order of flags that share a time).
  points.sort(
    (a, b) =>
      timeKey(a.time) - timeKey(b.time) ||
      (a.time < b.time ? -1 : a.time > b.time ? 1 : 0) ||
      (a.raw?.recordId ?? 0) - (b.raw?.recordId ?? 0),
  );
  for (const p of points) {
    if (p.raw) {
      yield p.raw;
      continue;
    }
    const b = p.bucket;
    if (!b) continue;
    for (let i = 0; i < p.n; i++) {
      // No record id: the aggregation does not know them, and null keeps the builder from
      // de-duplicating replayed events or citing invented ids as evidence.
      yield { ...b.event, time: p.time, recordId: null };
    }
  }
}

function timeKey(iso: string): number {
  return Date.parse(iso);
}
