// `/api/es`: configured clusters, "test connection", and loading a time range into a new dataset
// as a job (docs/elasticsearch.md, docs/api.md). Registered by createApp with one line.
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError, badRequest, conflict } from '../http/errors.js';
import type { Services } from '../http/context.js';
import type { DatasetInfo, JobInfo } from '../store/types.js';
import { EsClient, EsError } from './client.js';
import {
  loadEsConfig,
  publicCluster,
  resolveConnection,
  DEFAULT_INDEX_PATTERN,
  type ClusterConfig,
} from './config.js';
import { isoZ, mergeRanges } from './es-dataset.js';
import { esLoadTask, type LoadSpec } from './load-job.js';
import { getClusterInfo } from './info.js';
import { groupIndices } from './loader.js';
import { SECURITY_EVENT_IDS } from '../../core/events/logon-event.js';
import { getMappings } from './mapping.js';
import { exportWindow } from './export.js';
import { collectWindow } from '../graph/stream-window.js';
import { windowCost } from '../graph/window-runner.js';
import type { Dataset } from '../../core/dataset/index.js';
import { NO_FILTERS } from '../../core/analysis/index.js';
import { buildCountSearch, buildFilter } from './queries.js';

/** Longest range one load may ask for (a year): bounded work per request. */
const MAX_RANGE_MS = 366 * 24 * 3_600_000;

const requestSchema = z.object({
  cluster: z.string().max(100).nullish(),
  url: z.string().max(2000).nullish(),
  indexPattern: z.string().min(1).max(1000).nullish(),
  from: z.string().min(1).max(40),
  to: z.string().min(1).max(40),
  name: z.string().max(200).nullish(),
  /** Load the range into this dataset (loaded from a cluster before): next window or refresh. */
  datasetId: z.string().max(100).nullish(),
});
type EsRequestBody = z.infer<typeof requestSchema>;

/** Cluster failures are the cluster's, not the caller's: 502 with a specific code (never 401, which
 * the app reads as "our bearer token is wrong"). Configuration refusals are 403. */
export function esApiError(e: unknown): unknown {
  if (!(e instanceof EsError)) return e;
  if (e.code === 'forbidden' && e.status === null) return new ApiError(403, 'forbidden', e.message);
  if (e.code === 'bad-request' && e.status === null) return new ApiError(400, 'bad_request', e.message);
  return new ApiError(502, `es_${e.code.replace(/-/g, '_')}`, e.message);
}

function parseRange(b: EsRequestBody): { from: string; to: string } {
  let from: string;
  let to: string;
  try {
    from = isoZ(b.from);
    to = isoZ(b.to);
  } catch {
    throw badRequest('from and to must be ISO 8601 times with a zone, e.g. 2021-12-03T00:00:00Z');
  }
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(b.from) || !/(Z|[+-]\d{2}:?\d{2})$/i.test(b.to)) {
    throw badRequest('from and to need an explicit time zone (Z or ±hh:mm)');
  }
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) throw badRequest('to must be after from');
  if (span > MAX_RANGE_MS) throw badRequest('the range is longer than a year: load it in parts');
  return { from, to };
}

export function esRoutes(s: Services, clusters: ClusterConfig[] = loadEsConfig()): Hono {
  const app = new Hono();

  const connect = (b: EsRequestBody): { client: EsClient; config: ClusterConfig; indexPattern: string } => {
    try {
      const indexPattern = b.indexPattern ?? undefined;
      const { config, client } = resolveConnection(clusters, {
        cluster: b.cluster ?? null,
        url: b.url ?? null,
        indexPattern: indexPattern ?? null,
      });
      return {
        client: new EsClient(client),
        config,
        indexPattern: indexPattern ?? config.defaultIndexPattern ?? DEFAULT_INDEX_PATTERN,
      };
    } catch (e) {
      throw esApiError(e);
    }
  };

  const body = async (c: { req: { json: () => Promise<unknown> } }): Promise<EsRequestBody> => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw badRequest('expected a JSON body');
    }
    const r = requestSchema.safeParse(raw);
    if (!r.success)
      throw badRequest(
        `invalid request: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    return r.data;
  };

  app.get('/clusters', (c) => c.json({ clusters: clusters.map(publicCluster) }));

  /** "Test connection": distribution, version, matching indices and Security documents in the range. */
  app.post('/test', async (c) => {
    const b = await body(c);
    const range = parseRange(b);
    const { client, config, indexPattern } = connect(b);
    try {
      const info = await getClusterInfo(client);
      const indices = await getMappings(client, indexPattern);
      if (indices.length === 0) {
        throw new ApiError(
          404,
          'es_no_index',
          `the index pattern "${indexPattern}" matches no index on ${config.name}`,
        );
      }
      const groups = groupIndices(indices, indexPattern);
      let securityEvents = 0;
      for (const g of groups) {
        const res = await client.request<{ hits?: { total?: { value?: number } | number } }>({
          method: 'POST',
          path: `/${g.target}/_search`,
          query: { filter_path: 'hits.total', ignore_unavailable: true, allow_no_indices: true },
          body: buildCountSearch(buildFilter(range, g.eventIdFields, [...SECURITY_EVENT_IDS])),
        });
        const t = res.body.hits?.total;
        securityEvents += typeof t === 'number' ? t : (t?.value ?? 0);
      }
      return c.json({
        cluster: config.name,
        distribution: info.distribution,
        version: info.version,
        indexPattern,
        indices: indices.length,
        shapes: [...new Set(indices.flatMap((i) => i.shapes))],
        securityEvents,
        range,
      });
    } catch (e) {
      throw esApiError(e);
    } finally {
      client.close();
    }
  });

  /**
   * Creates a dataset from the range as a job; 202 { dataset, job }. With `datasetId`, loads the
   * range into that dataset (one loaded from a cluster): the next window, or the same range again
   * (a refresh). The dataset is then rebuilt from the union of its ranges, read again from the
   * cluster (a cluster dataset keeps roll-ups, not documents), under its cluster and index pattern.
   */
  app.post('/load', async (c) => {
    const b = await body(c);
    const range = parseRange(b);
    if (b.datasetId !== null && b.datasetId !== undefined) {
      const dataset = s.store.getDataset(b.datasetId);
      const sources = s.store.sources(dataset.id);
      const es = sources.flatMap((x) => (x.kind === 'elasticsearch' ? [x] : []));
      const first = es[0];
      if (first === undefined || es.length !== sources.length)
        throw conflict('only a dataset loaded from a cluster (and nothing else) can load another range');
      if (
        (b.cluster != null && b.cluster !== first.cluster) ||
        (b.indexPattern != null && b.indexPattern !== first.indexPattern)
      )
        throw badRequest(
          `this dataset reads ${first.cluster} ${first.indexPattern}; leave cluster and indexPattern out`,
        );
      if (s.jobs.busy(dataset.id)) throw conflict('a load or import into this dataset is running');
      const { client, config, indexPattern } = connect({
        ...b,
        cluster: first.cluster,
        url: null,
        indexPattern: first.indexPattern,
      });
      const ranges = mergeRanges([...es, range]);
      const span = Date.parse(ranges.at(-1)?.to ?? range.to) - Date.parse(ranges[0]?.from ?? range.from);
      if (span > 4 * MAX_RANGE_MS) {
        client.close();
        throw badRequest('the dataset would span more than four years: start a new one');
      }
      const job = startLoadJob(s, dataset, client, { cluster: config.name, indexPattern, ranges });
      return c.json({ dataset: s.store.getDataset(dataset.id), job }, 202);
    }
    const { client, config, indexPattern } = connect(b);
    const name =
      b.name?.trim() ||
      `${config.name} ${indexPattern} ${range.from.slice(0, 16)} → ${range.to.slice(0, 16)}`;
    const dataset = s.store.createDataset(name);
    const job = startLoadJob(s, dataset, client, { cluster: config.name, indexPattern, ranges: [range] });
    return c.json({ dataset: s.store.getDataset(dataset.id), job }, 202);
  });

  /**
   * Writes the window of a stored dataset (account and host rankings with their reasons, detections
   * with their evidence) into the cluster, as `logonlens es-export` does: the app's "Export window".
   * Same deterministic ids as the CLI, so exporting a window again replaces its documents.
   * 200 { cluster, windowId, accounts, hosts, detections }.
   */
  app.post('/export', async (c) => {
    const b = await body(c);
    const range = parseRange(b);
    if (b.datasetId === null || b.datasetId === undefined) throw badRequest('give the datasetId to export');
    const info = s.store.getDataset(b.datasetId);
    // Every edge of the window, unfiltered and uncapped: the export describes the window, not a view.
    // Cut and ranked in the window pool like /graph, so that a large export does not stall the server.
    const bytes = await collectWindow(
      s.windows,
      {
        format: 'json',
        datasetId: info.id,
        window: range,
        filters: NO_FILTERS,
        maxEdges: Number.MAX_SAFE_INTEGER,
        now: s.clock.now().toISOString(),
      },
      windowCost(range, info.timeRange, 'export'),
    );
    const dataset = JSON.parse(new TextDecoder().decode(bytes)) as Dataset;
    const { client, config } = connect(b);
    try {
      const result = await exportWindow(client, dataset, range, {
        key: `dataset:${info.id}`,
        description: info.name,
      });
      return c.json({ cluster: config.name, ...result });
    } catch (e) {
      throw esApiError(e);
    } finally {
      client.close();
    }
  });

  return app;
}

/** Queues a load of the ranges into the dataset as a job (GET /api/jobs/:id follows it). */
function startLoadJob(s: Services, dataset: DatasetInfo, client: EsClient, spec: LoadSpec): JobInfo {
  return s.jobs.start(
    dataset.id,
    esLoadTask(s.store, client, spec, () => s.clock.now().toISOString()),
  );
}
