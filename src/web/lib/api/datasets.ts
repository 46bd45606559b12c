import { z } from 'zod';
import { apiFetch, apiJson } from './client';
import { datasetSummarySchema, jobSchema, parseWith, type DatasetSummary, type Job } from './schemas';

const listSchema = z.object({ datasets: z.array(datasetSummarySchema).max(100_000) });
const oneSchema = z.object({ dataset: datasetSummarySchema });
const jobOnlySchema = z.object({ job: jobSchema });

const enc = encodeURIComponent;

export async function listDatasets(signal?: AbortSignal): Promise<DatasetSummary[]> {
  const body = await apiJson('/datasets', parseWith(listSchema, 'datasetList'), { signal });
  return body.datasets;
}

/** GET /api/datasets/:id (the answer may be the summary itself or `{ dataset }`). */
export async function getDataset(id: string, signal?: AbortSignal): Promise<DatasetSummary> {
  return apiJson(
    `/datasets/${enc(id)}`,
    parseWith(z.union([oneSchema.transform((b) => b.dataset), datasetSummarySchema]), 'dataset'),
    { signal },
  );
}

/** Creates an empty dataset (files are appended later). */
export async function createDataset(name: string): Promise<DatasetSummary> {
  const body = await apiJson('/datasets', parseWith(oneSchema, 'newDataset'), {
    method: 'POST',
    json: { name },
  });
  return body.dataset;
}

export async function renameDataset(id: string, name: string): Promise<DatasetSummary> {
  return apiJson(
    `/datasets/${enc(id)}`,
    parseWith(z.union([oneSchema.transform((b) => b.dataset), datasetSummarySchema]), 'dataset'),
    { method: 'PATCH', json: { name } },
  );
}

export async function deleteDataset(id: string): Promise<void> {
  const res = await apiFetch(`/datasets/${enc(id)}`, { method: 'DELETE' });
  await res.body?.cancel().catch(() => undefined);
}

export async function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return apiJson(
    `/jobs/${enc(id)}`,
    parseWith(z.union([jobOnlySchema.transform((b) => b.job), jobSchema]), 'job'),
    { signal },
  );
}

export const uploadAnswerSchema = z.object({ dataset: datasetSummarySchema.optional(), job: jobSchema });
export type UploadAnswer = z.infer<typeof uploadAnswerSchema>;
