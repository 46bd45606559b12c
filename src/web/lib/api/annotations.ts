import { z } from 'zod';
import { annotationSchema, type Annotation, type AnnotationTarget } from '../../../core/dataset';
import { apiFetch, apiJson } from './client';
import { ApiError } from './errors';
import { parseWith } from './schemas';

const listSchema = z.object({ annotations: z.array(annotationSchema).max(100_000) });
const oneSchema = z.object({ annotation: annotationSchema });

const path = (datasetId: string): string => `/datasets/${encodeURIComponent(datasetId)}/annotations`;

/** GET /api/datasets/:id/annotations: the analyst's notes and tags on the dataset (docs/api.md). */
export async function getAnnotations(datasetId: string, signal?: AbortSignal): Promise<Annotation[]> {
  const answer = await apiJson(path(datasetId), parseWith(listSchema, 'noteList'), { signal });
  return answer.annotations;
}

/** PUT: saves the note of one target; the server stamps and normalises it and answers what it kept. */
export async function putAnnotation(
  datasetId: string,
  input: { target: AnnotationTarget; note: string; tags: string[] },
): Promise<Annotation> {
  const answer = await apiJson(path(datasetId), parseWith(oneSchema, 'note'), {
    method: 'PUT',
    json: input,
  });
  return answer.annotation;
}

/** DELETE ?kind=&id=: removes the note of one target (a 404, none there, counts as done). */
export async function deleteAnnotation(datasetId: string, target: AnnotationTarget): Promise<void> {
  const q = new URLSearchParams({ kind: target.kind, id: target.id });
  try {
    await apiFetch(`${path(datasetId)}?${q.toString()}`, { method: 'DELETE' });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return;
    throw e;
  }
}
