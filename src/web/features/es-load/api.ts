// Calls of the Load-from-ES dialog (docs/elasticsearch.md "The HTTP API").
import { z } from 'zod';
import { apiJson, getJob, parseWith, type Job } from '../../lib/api';

const clusterSchema = z.object({
  name: z.string().max(100),
  url: z.string().max(2000),
  auth: z.string().max(20),
  indexPatterns: z.array(z.string().max(1000)).max(100),
  defaultIndexPattern: z.string().max(1000),
});
export type EsCluster = z.infer<typeof clusterSchema>;

const testSchema = z.object({
  cluster: z.string().max(100),
  distribution: z.string().max(40),
  version: z.string().max(40),
  indexPattern: z.string().max(1000),
  indices: z.number().int().nonnegative(),
  shapes: z.array(z.string().max(40)).max(10),
  securityEvents: z.number().int().nonnegative(),
});
export type EsTestResult = z.infer<typeof testSchema>;

const loadSchema = z.object({
  dataset: z.object({ id: z.string().min(1).max(200), name: z.string().max(4000) }),
  job: z.object({ id: z.string().min(1).max(200) }),
});

export interface EsRangeRequest {
  cluster: string;
  indexPattern: string;
  from: string;
  to: string;
}

export async function listClusters(signal?: AbortSignal): Promise<EsCluster[]> {
  const r = await apiJson(
    '/es/clusters',
    parseWith(z.object({ clusters: z.array(clusterSchema).max(100) }), 'clusterList'),
    {
      signal,
    },
  );
  return r.clusters;
}

export function testConnection(req: EsRangeRequest, signal?: AbortSignal): Promise<EsTestResult> {
  return apiJson('/es/test', parseWith(testSchema, 'connectionTest'), { method: 'POST', json: req, signal });
}

export function startLoad(req: EsRangeRequest & { name?: string }): Promise<z.infer<typeof loadSchema>> {
  return apiJson('/es/load', parseWith(loadSchema, 'loadAnswer'), { method: 'POST', json: req });
}

/** The next window (or a refresh) into a dataset loaded from a cluster: its cluster and pattern. */
export function startNextWindow(req: {
  datasetId: string;
  from: string;
  to: string;
}): Promise<z.infer<typeof loadSchema>> {
  return apiJson('/es/load', parseWith(loadSchema, 'loadAnswer'), { method: 'POST', json: req });
}

/** Polls the load job until it ends (ES load jobs are followed by polling). */
export async function waitForLoad(
  jobId: string,
  onUpdate: (job: Job) => void,
  signal?: AbortSignal,
  pollMs = 500,
): Promise<Job> {
  for (;;) {
    const job = await getJob(jobId, signal);
    onUpdate(job);
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, pollMs);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          reject(new DOMException('aborted', 'AbortError'));
        },
        { once: true },
      );
    });
  }
}

const exportSchema = z.object({
  cluster: z.string().max(100),
  windowId: z.string().max(200),
  accounts: z.number().int().nonnegative(),
  hosts: z.number().int().nonnegative(),
  detections: z.number().int().nonnegative(),
});
export type EsExportResult = z.infer<typeof exportSchema>;

/** Writes a server dataset's window into a cluster (`POST /api/es/export`, like `logonlens es-export`). */
export function exportWindowToCluster(req: {
  cluster: string;
  datasetId: string;
  from: string;
  to: string;
}): Promise<EsExportResult> {
  return apiJson('/es/export', parseWith(exportSchema, 'exportAnswer'), { method: 'POST', json: req });
}
