import { z } from 'zod';
import { timeRangeSchema } from '../../../core/dataset';
import { apiJson } from './client';
import { parseWith } from './schemas';

/** A whole Unix hour (ms / 3,600,000) and its event count. */
const hourSchema = z.tuple([z.number().int(), z.number().int().nonnegative()]);

export const histogramSchema = z.object({
  timeRange: timeRangeSchema.nullable(),
  // One entry per hour with events: bounded by the server's events, kept sane here all the same.
  hours: z.array(hourSchema).max(2_000_000),
});
export type ServerHistogram = z.infer<typeof histogramSchema>;

/**
 * GET /api/datasets/:id/histogram: events per hour over the whole dataset, from the server's hourly
 * roll-ups (docs/api.md). The timeline draws it, so it covers the whole dataset while /graph is
 * asked for one window only.
 */
export async function getHistogram(datasetId: string, signal?: AbortSignal): Promise<ServerHistogram> {
  return apiJson(
    `/datasets/${encodeURIComponent(datasetId)}/histogram`,
    parseWith(histogramSchema, 'histogram'),
    { signal },
  );
}
