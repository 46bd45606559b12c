import { z } from 'zod';
import type { NodeTimeline } from '../../../core/analysis/index.js';
import { apiJson } from './client';
import { parseWith } from './schemas';

const series = z.array(z.number().finite()).max(2_000_000);
const timelineSchema = z.object({
  hours: z.array(z.number().int()).max(2_000_000),
  success: series,
  failure: series,
  byEventId: z.record(z.string().max(10), series),
  anomaly: series,
  anomalyPeak: z.object({ hour: z.number().int(), score: z.number().finite() }).nullable(),
});

/** GET /api/datasets/:id/timeline?node=: one node's events per hour over the whole dataset. */
export async function getNodeTimeline(
  datasetId: string,
  node: string,
  signal?: AbortSignal,
): Promise<NodeTimeline> {
  return apiJson(
    `/datasets/${encodeURIComponent(datasetId)}/timeline?node=${encodeURIComponent(node)}`,
    parseWith(timelineSchema, 'nodeTimeline'),
    { signal },
  );
}
