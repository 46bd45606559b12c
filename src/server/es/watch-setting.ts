// `LOGONLENS_ES_WATCH`: the server runs `es-watch` loops itself (docs/elasticsearch.md). Each
// entry names a configured cluster; the loop analyses and exports each closed window, resumes from
// the state kept in the cluster, and after a cluster failure waits and tries again instead of
// stopping the server.
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { EsClient } from './client.js';
import { DEFAULT_INDEX_PATTERN, resolveConnection, type ClusterConfig } from './config.js';
import { runWatch, type WatchOptions } from './watch.js';

const time = z
  .string()
  .max(40)
  .refine((t) => /(Z|[+-]\d{2}:?\d{2})$/i.test(t) && Number.isFinite(Date.parse(t)), {
    message: 'a time with a zone, e.g. 2021-12-01T00:00:00Z',
  });

const entrySchema = z
  .object({
    cluster: z.string().min(1).max(100),
    indexPattern: z.string().min(1).max(1000).optional(),
    interval: z.enum(['day', 'hour']).default('day'),
    start: time,
    until: time.optional(),
    graceMinutes: z.number().min(0).max(10_000).default(10),
  })
  .strict();

export interface WatchSetting {
  cluster: string;
  /** Default: the cluster's default index pattern. */
  indexPattern: string | null;
  interval: 'day' | 'hour';
  start: string;
  until: string | null;
  graceMs: number;
}

/** Parses `LOGONLENS_ES_WATCH` (one JSON object or an array); unset or empty = no watch. */
export function parseWatchSetting(text: string | undefined): WatchSetting[] {
  if (text === undefined || text.trim() === '') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('LOGONLENS_ES_WATCH is not valid JSON');
  }
  // One schema or the other by shape, so that errors name the field (a union names none).
  const r = Array.isArray(raw) ? z.array(entrySchema).max(100).safeParse(raw) : entrySchema.safeParse(raw);
  if (!r.success)
    throw new Error(
      `LOGONLENS_ES_WATCH: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return (Array.isArray(r.data) ? r.data : [r.data]).map((e) => ({
    cluster: e.cluster,
    indexPattern: e.indexPattern ?? null,
    interval: e.interval,
    start: e.start,
    until: e.until ?? null,
    graceMs: e.graceMinutes * 60_000,
  }));
}

export interface RunningWatches {
  stop(): Promise<void>;
}

/**
 * Starts one watch loop per setting in the background. A cluster name, URL or index pattern the
 * configuration refuses throws here (the server does not start with a watch it cannot run).
 */
export function startWatches(
  settings: readonly WatchSetting[],
  clusters: readonly ClusterConfig[],
  logger: Logger,
  options: { retryMs?: number; onWindow?: WatchOptions['onWindow'] } = {},
): RunningWatches {
  const abort = new AbortController();
  const loops: Promise<void>[] = [];
  for (const w of settings) {
    const { config, client: conn } = resolveConnection([...clusters], {
      cluster: w.cluster,
      url: null,
      indexPattern: w.indexPattern,
    });
    const indexPattern = w.indexPattern ?? config.defaultIndexPattern ?? DEFAULT_INDEX_PATTERN;
    const label = `es-watch ${config.name} ${indexPattern} (${w.interval})`;
    loops.push(
      (async () => {
        while (!abort.signal.aborted) {
          const client = new EsClient(conn);
          try {
            await runWatch({
              client,
              cluster: config.name,
              indexPattern,
              interval: w.interval,
              start: w.start,
              until: w.until,
              graceMs: w.graceMs,
              signal: abort.signal,
              log: (line) => logger.info(`${label}: ${line}`),
              ...(options.onWindow ? { onWindow: options.onWindow } : {}),
            });
            return; // reached `until`, or stopped
          } catch (e) {
            if (abort.signal.aborted) return;
            logger.warn(
              `${label} failed: ${e instanceof Error ? e.message : String(e)}; retrying in ${Math.round((options.retryMs ?? 60_000) / 1000)} s`,
            );
            await new Promise<void>((resolve) => {
              const t = setTimeout(resolve, options.retryMs ?? 60_000);
              abort.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
            });
          } finally {
            client.close();
          }
        }
      })(),
    );
  }
  return {
    async stop() {
      abort.abort();
      await Promise.allSettled(loops);
    },
  };
}
