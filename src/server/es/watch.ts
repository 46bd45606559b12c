// `logonlens es-watch`: analyse each closed day (or hour) of a cluster's logs and export it,
// resuming after a restart where it stopped. The resume point lives in the cluster itself
// (index logonlens-watch-state, one document per source), written after each window's export,
// so a restart — on this machine or another — never writes a finished window again.
import { createHash } from 'node:crypto';
import type { EsClient } from './client.js';
import { EsError } from './client.js';
import { loadEsDataset } from './es-dataset.js';
import { exportWindow, type ExportResult } from './export.js';

export const WATCH_STATE_INDEX = 'logonlens-watch-state';

export interface WatchOptions {
  client: EsClient;
  cluster: string;
  indexPattern: string;
  interval: 'day' | 'hour';
  /** First window start when there is no saved state (aligned down to the interval). */
  start: string;
  /** Stop after the window ending at or before this time; null = run forever. */
  until?: string | null;
  /** How long after a window ends before it counts as closed (late events), default 10 min. */
  graceMs?: number;
  /** Process the windows closed now, then return (cron style). */
  once?: boolean;
  pollMs?: number;
  now?: () => Date;
  signal?: AbortSignal;
  log?: (line: string) => void;
  onWindow?: (r: ExportResult & { from: string; to: string }) => void;
}

const STEP = { day: 86_400_000, hour: 3_600_000 } as const;

export function sourceKey(cluster: string, indexPattern: string, interval: string): string {
  return `elasticsearch:${cluster}/${indexPattern}/${interval}`;
}

function stateId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}

export async function readWatchState(client: EsClient, key: string): Promise<string | null> {
  const r = await client.request<{ found?: boolean; _source?: { next?: string } }>({
    method: 'GET',
    path: `/${WATCH_STATE_INDEX}/_doc/${stateId(key)}`,
    okStatuses: [404],
  });
  return r.status === 404 ? null : (r.body._source?.next ?? null);
}

async function writeWatchState(client: EsClient, key: string, next: string): Promise<void> {
  await client.request({
    method: 'PUT',
    path: `/${WATCH_STATE_INDEX}/_doc/${stateId(key)}`,
    query: { refresh: 'true' },
    body: { source: key, next, updated: new Date().toISOString() },
  });
}

/** Runs the watch loop; resolves when `until` is reached, `once` is done, or the signal aborts. */
export async function runWatch(o: WatchOptions): Promise<ExportResult[]> {
  const step = STEP[o.interval];
  const grace = o.graceMs ?? 10 * 60_000;
  const now = o.now ?? (() => new Date());
  const key = sourceKey(o.cluster, o.indexPattern, o.interval);
  const log = o.log ?? (() => undefined);
  const saved = await readWatchState(o.client, key);
  let next = saved !== null ? Date.parse(saved) : Math.floor(Date.parse(o.start) / step) * step;
  if (!Number.isFinite(next)) throw new EsError('bad-request', 'invalid start time');
  log(
    saved !== null
      ? `resuming at ${new Date(next).toISOString()}`
      : `starting at ${new Date(next).toISOString()}`,
  );
  const until = o.until ? Date.parse(o.until) : Infinity;
  const done: ExportResult[] = [];
  for (;;) {
    if (o.signal?.aborted) return done;
    const to = next + step;
    if (to > until) return done;
    if (to + grace > now().getTime()) {
      if (o.once) return done;
      await sleep(Math.min(o.pollMs ?? 60_000, Math.max(1000, to + grace - now().getTime())), o.signal);
      continue;
    }
    const window = { from: new Date(next).toISOString(), to: new Date(to).toISOString() };
    const { dataset } = await loadEsDataset(o.client, {
      cluster: o.cluster,
      indexPattern: o.indexPattern,
      range: window,
      ...(o.signal ? { signal: o.signal } : {}),
    });
    const r = await exportWindow(o.client, dataset, window, {
      key,
      description: `${o.cluster} ${o.indexPattern}`,
    });
    await writeWatchState(o.client, key, window.to);
    done.push(r);
    log(
      `exported ${window.from} → ${window.to}: ${r.accounts} accounts, ${r.hosts} hosts, ${r.detections} detections`,
    );
    o.onWindow?.({ ...r, ...window });
    next = to;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
