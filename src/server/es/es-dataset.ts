// A cluster's time range → a Dataset (format v1), through the same analysis as `logonlens analyze`.
import { analyzeEvents } from '../../core/analysis/index.js';
import type { Dataset } from '../../core/dataset/index.js';
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
  o.onProgress?.({
    phase: 'analyse',
    pages: 0,
    buckets: read.buckets.length,
    events: read.documents,
    bytesReceived: read.bytesReceived,
  });
  return analyzeEvents(replayEvents(read), {
    sources: [
      {
        kind: 'elasticsearch',
        cluster: o.cluster,
        indexPattern: o.indexPattern,
        from: isoZ(o.range.from),
        to: isoZ(o.range.to),
        distribution: read.info.distribution,
        version: read.info.version,
      },
    ],
    readStats: { recordsRead: read.documents, eventsSkipped: read.skipped, warnings: 0 },
    window: null,
    title: o.title ?? null,
    ...(o.now ? { now: o.now } : {}),
  });
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
