// An Elasticsearch/OpenSearch load as a job of the JobManager, like an upload's import: queued
// behind the dataset's other jobs, the same states and server-sent events, the same failure and
// restart rules (docs/elasticsearch.md).
import type { JobTask } from '../jobs/job-manager.js';
import { ImportWriter } from '../store/import-writer.js';
import type { Store } from '../store/store.js';
import type { JobInfo, JobResult } from '../store/types.js';
import type { EsClient } from './client.js';
import { datasetFromReads, esSource } from './es-dataset.js';
import { readClusterRange, type ClusterRead, type LoadProgress } from './loader.js';

export interface LoadSpec {
  cluster: string;
  indexPattern: string;
  ranges: ReadonlyArray<{ from: string; to: string }>;
}

/**
 * Reads every range of `spec` from the cluster, analyses them as one dataset and writes its
 * roll-ups in one transaction at the end, so a failed load leaves no partial graph. The client is
 * closed when the job ends, whether it ran or not.
 */
export function esLoadTask(store: Store, client: EsClient, spec: LoadSpec, now: () => string): JobTask {
  return {
    kind: 'es load',
    run: (job, changed) => load(store, client, spec, now, job, changed),
    cleanup: () => client.close(),
  };
}

async function load(
  store: Store,
  client: EsClient,
  spec: LoadSpec,
  now: () => string,
  job: JobInfo,
  changed: () => void,
): Promise<JobResult> {
  // Documents and bytes of the ranges already read (a dataset with several ranges reads each).
  let before = { events: 0, bytes: 0 };
  const onProgress = (p: LoadProgress): void => {
    job.progress.phase = p.phase === 'analyse' ? 'analyzing' : 'reading';
    job.progress.records = p.phase === 'analyse' ? p.events : before.events + p.events;
    job.progress.bytes = p.phase === 'analyse' ? p.bytesReceived : before.bytes + p.bytesReceived;
    changed();
  };
  const parts: Array<{ read: ClusterRead; range: { from: string; to: string } }> = [];
  for (const range of spec.ranges) {
    const read = await readClusterRange(client, { indexPattern: spec.indexPattern, range, onProgress });
    parts.push({ read, range });
    before = { events: before.events + read.documents, bytes: before.bytes + read.bytesReceived };
  }
  const ds = datasetFromReads(parts, { cluster: spec.cluster, indexPattern: spec.indexPattern, onProgress });
  const documents = before.events;
  if (store.findDataset(job.datasetId) === null) throw new Error('the dataset was deleted');
  job.progress.phase = 'storing';
  changed();
  const writer = new ImportWriter(store.db);
  const label = `elasticsearch:${spec.cluster}/${spec.indexPattern} ${spec.ranges.map((r) => `${r.from} → ${r.to}`).join(', ')}`;
  const importId = writer.beginImport(
    job.datasetId,
    job.id,
    {
      name: label.slice(0, 4000),
      size: before.bytes,
      sources: parts.map((p) => esSource(p.read, spec, p.range)),
    },
    now(),
  );
  writer.markParsed(importId, {
    sha256: null,
    format: 'elasticsearch',
    recordsRead: documents,
    eventsNew: documents,
    eventsDuplicate: 0,
    skipped: sumSkipped(parts.map((p) => p.read.skipped)),
    warnings: 0,
  });
  writer.replaceRollupsSuperseding(job.datasetId, importId, ds, documents);
  const info = store.getDataset(job.datasetId);
  job.progress.filesDone = 1;
  return {
    files: [],
    eventsNew: documents,
    eventsDuplicate: 0,
    counts: info.counts,
    timeRange: info.timeRange,
  };
}

function sumSkipped(all: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const one of all) for (const [k, v] of Object.entries(one)) out[k] = (out[k] ?? 0) + v;
  return out;
}
