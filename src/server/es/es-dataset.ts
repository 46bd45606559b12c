// A cluster's time range → a Dataset (format v1), through the same analysis as `logonlens analyze`.
import { analyzeEvents } from '../../core/analysis/index.js';
import type { Dataset, DatasetSource } from '../../core/dataset/index.js';
import type { EsClient } from './client.js';
import { readClusterRange, replayEvents, type ClusterRead, type LoadOptions } from './loader.js';

export interface EsDatasetOptions extends LoadOptions {
  /** Configured cluster name (recorded as the dataset's source). */
  cluster: string;
  title?: string | null;
  /** createdAt for tests. */
  now?: string;
}

export function datasetFromRead(read: ClusterRead, o: EsDatasetOptions): Dataset {
  return datasetFromReads([{ read, range: o.range }], o);
}

/** The source a read of one range is recorded as. */
export function esSource(
  read: Pick<ClusterRead, 'info'>,
  o: { cluster: string; indexPattern: string },
  range: { from: string; to: string },
): DatasetSource {
  return {
    kind: 'elasticsearch',
    cluster: o.cluster,
    indexPattern: o.indexPattern,
    from: isoZ(range.from),
    to: isoZ(range.to),
    distribution: read.info.distribution,
    version: read.info.version,
  };
}

/**
 * Several disjoint ranges of one cluster and index pattern (a dataset with its next window
 * loaded) analysed together, as one graph: the buckets and raw events of every read are replayed
 * into one builder, each range is one source.
 */
export function datasetFromReads(
  parts: ReadonlyArray<{ read: ClusterRead; range: { from: string; to: string } }>,
  o: Omit<EsDatasetOptions, 'range'>,
): Dataset {
  const documents = parts.reduce((n, p) => n + p.read.documents, 0);
  const skipped: Record<string, number> = {};
  for (const p of parts)
    for (const [k, v] of Object.entries(p.read.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
  const merged = {
    buckets: parts.flatMap((p) => p.read.buckets),
    rawEvents: parts.flatMap((p) => p.read.rawEvents),
  };
  o.onProgress?.({
    phase: 'analyse',
    pages: 0,
    buckets: merged.buckets.length,
    events: documents,
    bytesReceived: parts.reduce((n, p) => n + p.read.bytesReceived, 0),
  });
  return analyzeEvents(replayEvents(merged), {
    sources: parts.map((p) => esSource(p.read, o, p.range)),
    readStats: { recordsRead: documents, eventsSkipped: skipped, warnings: 0 },
    window: null,
    title: o.title ?? null,
    ...(o.now ? { now: o.now } : {}),
  });
}

/** Sorted union of half-open ranges: overlapping or touching ranges become one. */
export function mergeRanges(
  ranges: ReadonlyArray<{ from: string; to: string }>,
): Array<{ from: string; to: string }> {
  const sorted = ranges
    .map((r) => ({ from: Date.parse(r.from), to: Date.parse(r.to) }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const out: Array<{ from: number; to: number }> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out.map((r) => ({ from: new Date(r.from).toISOString(), to: new Date(r.to).toISOString() }));
}

/** Reads the range and analyses it. Throws EsError when the cluster fails: no partial dataset. */
export async function loadEsDataset(
  client: EsClient,
  o: EsDatasetOptions,
): Promise<{ dataset: Dataset; read: ClusterRead }> {
  const read = await readClusterRange(client, o);
  return { dataset: datasetFromRead(read, o), read };
}

/** The dataset schema wants `...Z` UTC times. */
export function isoZ(t: string): string {
  const ms = Date.parse(t);
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${t.slice(0, 60)}`);
  return new Date(ms).toISOString();
}
