import { z } from 'zod';
import { detectionSchema, timeRangeSchema } from '../../../core/dataset';
import { apiJson } from './client';
import { parseWith } from './schemas';

export const detectionsAnswerSchema = z.object({
  timeRange: timeRangeSchema.nullable(),
  detections: z.array(detectionSchema).max(1_000_000),
});
export type ServerDetections = z.infer<typeof detectionsAnswerSchema>;

/**
 * GET /api/datasets/:id/detections: every detection of the whole dataset (docs/api.md); /graph
 * sends those of its window only, and the detections panel lists them all.
 */
export async function getDetections(datasetId: string, signal?: AbortSignal): Promise<ServerDetections> {
  return apiJson(
    `/datasets/${encodeURIComponent(datasetId)}/detections`,
    parseWith(detectionsAnswerSchema, 'detections'),
    { signal },
  );
}
