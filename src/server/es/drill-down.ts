// Drill-down on a dataset loaded from a cluster: such a dataset keeps roll-ups, not documents, so
// `GET /api/datasets/:id/events` reads the documents behind a node or an edge from the cluster
// (PIT + search_after, both dialects) and keeps those edge-matcher.ts puts there.
// Registered before the stored-events route; datasets with file sources fall through to it.
import { Hono } from 'hono';
import type { DatasetEdge, DatasetSource } from '../../core/dataset/index.js';
import { SECURITY_EVENT_IDS, type LogonEvent } from '../../core/events/logon-event.js';
import type { Services } from '../http/context.js';
import { parseDrillTarget } from '../http/drill-target.js';
import { badRequest } from '../http/errors.js';
import { parseInteger, parseWindow } from '../http/query.js';
import type { EventLinks } from '../store/import-writer.js';
import { EsClient } from './client.js';
import { createEdgeMatcher } from './edge-matcher.js';
import { loadEsConfig, resolveConnection, type ClusterConfig } from './config.js';
import { getClusterInfo } from './info.js';
import { groupIndices, searchAfterAll } from './loader.js';
import { getMappings } from './mapping.js';
import { buildFilter } from './queries.js';
import { esApiError } from './routes.js';
import { eventFromSource } from './to-event.js';

const DEFAULT_LIMIT = 100;
/** Documents read per request at most: a sparse node in a busy range answers a partial page with a cursor. */
export const MAX_SCANNED = 50_000;
const PAGE_SIZE = 1000;

type EsSource = Extract<DatasetSource, { kind: 'elasticsearch' }>;

/**
 * Where the scan stopped: the cluster range and index group, the time (ms) of the last document
 * read and how many documents of that millisecond were read (documents are sorted by time, then
 * by the cluster's tiebreaker, which is stable for an unchanged index).
 */
export interface ClusterCursor {
  range: number;
  group: number;
  timeMs: number;
  skip: number;
}

export function encodeClusterCursor(c: ClusterCursor): string {
  return Buffer.from(`es:${c.range}:${c.group}:${c.timeMs}:${c.skip}`).toString('base64url');
}

export function decodeClusterCursor(cursor: string): ClusterCursor {
  const m =
    cursor.length <= 120
      ? /^es:(\d{1,4}):(\d{1,4}):(-?\d{1,16}):(\d{1,9})$/.exec(
          Buffer.from(cursor, 'base64url').toString('utf8'),
        )
      : null;
  if (m === null) throw badRequest('cursor is not valid (use nextCursor as given)', 'bad_query');
  return { range: Number(m[1]), group: Number(m[2]), timeMs: Number(m[3]), skip: Number(m[4]) };
}

/** The part of [from, to) inside every bound given (null when empty). */
function clip(
  range: { from: string; to: string },
  ...bounds: Array<{ fromMs: number; toMs: number } | null>
): { from: string; to: string } | null {
  let from = Date.parse(range.from);
  let to = Date.parse(range.to);
  for (const b of bounds) {
    if (b === null) continue;
    from = Math.max(from, b.fromMs);
    to = Math.min(to, b.toMs);
  }
  return to > from ? { from: new Date(from).toISOString(), to: new Date(to).toISOString() } : null;
}

interface Linking {
  link: (e: LogonEvent) => EventLinks;
  edges: Map<string, DatasetEdge>;
}

export function esEventRoutes(s: Services, clusters: ClusterConfig[] = loadEsConfig()): Hono {
  const app = new Hono();
  // The matcher over the dataset's whole graph, per dataset revision (a few recent ones).
  const linkers = new Map<string, Linking>();
  const linking = (id: string, revision: number): Linking => {
    const key = `${id}@${revision}`;
    const hit = linkers.get(key);
    if (hit !== undefined) return hit;
    const { nodes, edges } = s.store.wholeGraph(id);
    const link = createEdgeMatcher({ nodes, edges });
    const made = { link, edges: new Map(edges.map((e) => [e.id, e])) };
    if (linkers.size >= 4) linkers.delete(linkers.keys().next().value ?? '');
    linkers.set(key, made);
    return made;
  };

  app.get('/:id/events', async (c, next) => {
    const id = c.req.param('id');
    const info = s.store.findDataset(id);
    const sources = info === null ? [] : s.store.sources(id);
    const es = sources.filter((x): x is EsSource => x.kind === 'elasticsearch');
    if (info === null || es.length === 0 || es.length !== sources.length) {
      await next();
      return;
    }
    const q = c.req.query();
    const target = parseDrillTarget(s.store, id, q);
    const { ref } = target;
    const edgeRow = target.kind === 'edge' ? target.edge : null;
    const window = parseWindow(q, info.timeRange);
    const limit = parseInteger('limit', q['limit'], DEFAULT_LIMIT, 1, s.limits.maxEventsPage);
    const cursor = q['cursor'];
    const start =
      cursor === undefined || cursor === ''
        ? { range: 0, group: 0, timeMs: Number.MIN_SAFE_INTEGER, skip: 0 }
        : decodeClusterCursor(cursor);

    const { link, edges } = linking(id, info.revision);
    const keep = (e: LogonEvent): boolean => {
      const l = link(e);
      if (target.kind === 'edge') return l.edge === ref;
      if (l.flaggedNodes.includes(ref)) return true;
      const le = l.edge === null ? undefined : edges.get(l.edge);
      return le !== undefined && (le.account === ref || le.source === ref || le.target === ref);
    };
    // An edge's documents lie within its first/last (times truncated to the millisecond).
    const edgeBounds =
      edgeRow === null
        ? null
        : { fromMs: Date.parse(edgeRow.first), toMs: Math.floor(Date.parse(edgeRow.last)) + 1 };
    const windowBounds =
      window === null ? null : { fromMs: Date.parse(window.from), toMs: Date.parse(window.to) };
    const eventIds = edgeRow === null ? [...SECURITY_EVENT_IDS] : [edgeRow.eventId];

    const first = es[0] as EsSource;
    let client: EsClient;
    try {
      client = new EsClient(
        resolveConnection(clusters, { cluster: first.cluster, url: null, indexPattern: first.indexPattern })
          .client,
      );
    } catch (e) {
      throw esApiError(e);
    }
    const events: LogonEvent[] = [];
    let nextCursor: ClusterCursor | null = null;
    try {
      const clusterInfo = await getClusterInfo(client);
      const groups = groupIndices(await getMappings(client, first.indexPattern), first.indexPattern);
      let scanned = 0;
      scan: for (let r = start.range; r < es.length; r++) {
        const src = es[r] as EsSource;
        for (let g = r === start.range ? start.group : 0; g < groups.length; g++) {
          const group = groups[g];
          if (group === undefined) continue;
          const resume = r === start.range && g === start.group ? start : null;
          const bounds = clip(
            src,
            windowBounds,
            edgeBounds,
            resume === null ? null : { fromMs: resume.timeMs, toMs: Number.MAX_SAFE_INTEGER },
          );
          if (bounds === null) continue;
          let lastMs = Number.NaN;
          let atLast = 0;
          let toSkip = resume?.skip ?? 0;
          for await (const doc of searchAfterAll(
            client,
            clusterInfo,
            group.target,
            buildFilter(bounds, group.eventIdFields, eventIds),
            PAGE_SIZE,
          )) {
            const ev = eventFromSource(doc);
            const ms = ev === null ? lastMs : Math.floor(Date.parse(ev.time));
            if (ms === lastMs) atLast++;
            else {
              lastMs = ms;
              atLast = 1;
            }
            // Documents of the resumed millisecond already read by the previous page.
            if (resume !== null && ms === resume.timeMs && toSkip > 0) {
              toSkip--;
              continue;
            }
            scanned++;
            // The scan starts at a millisecond's first document, so atLast counts from there.
            const skipAtLast = atLast;
            if (ev !== null && keep(ev)) {
              if (events.length === limit) {
                // One more match: the page is full, and the next one starts at this document.
                nextCursor = { range: r, group: g, timeMs: ms, skip: skipAtLast - 1 };
                break scan;
              }
              events.push(ev);
            }
            if (scanned >= MAX_SCANNED) {
              nextCursor = { range: r, group: g, timeMs: ms, skip: skipAtLast };
              break scan;
            }
          }
        }
      }
    } catch (e) {
      throw esApiError(e);
    } finally {
      client.close();
    }
    return c.json({ events, nextCursor: nextCursor === null ? null : encodeClusterCursor(nextCursor) });
  });
  return app;
}
