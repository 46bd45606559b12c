import { useMemo } from 'react';
import { detectionWindow, storyWindow } from '../../core/analysis/index.js';
import { DATASET_FORMAT_V1, type Dataset, type Detection, type TimeRange } from '../../core/dataset/index.js';
import { useServerDetections, useServerHistogram } from '../lib/api';
import type { Span } from '../lib/time-window';
import type { ViewState } from '../lib/url-state';

/** The window start (`YYYY-MM-DD`) that holds a detection's first event (the analysis' rule). */
export function detectionStart(d: Detection, span: Span): string {
  return detectionWindow(d, span);
}

/**
 * A stand-in dataset holding only what the "where is the story" rules read (detections, events per
 * hour): a server dataset arrives one window at a time, so its whole-dataset detections and
 * histogram are put in this shape for the analysis' storyWindow and nearestActiveWindow, and the
 * rule stays in one place.
 */
export function activityDataset(
  hours: ReadonlyArray<readonly [number, number]>,
  detections: readonly Detection[],
  timeRange: TimeRange | null,
): Dataset {
  const total = hours.reduce((s, [, n]) => s + n, 0);
  const iso = (h: number) => new Date(h * 3_600_000).toISOString().slice(0, 19) + 'Z';
  const first = hours[0];
  const last = hours[hours.length - 1];
  return {
    format: DATASET_FORMAT_V1,
    generator: { name: 'logonlens-app', version: '0' },
    createdAt: timeRange?.from ?? '1970-01-01T00:00:00Z',
    title: null,
    sources: [],
    timeRange,
    window: null,
    readStats: { recordsRead: 0, eventsUsed: 0, eventsSkipped: {}, warnings: 0 },
    nodes: [],
    edges:
      first === undefined || last === undefined || total === 0
        ? []
        : [
            {
              id: 'activity',
              account: 'activity',
              source: null,
              target: null,
              eventId: 0,
              logonType: null,
              status: null,
              subStatus: null,
              authPackage: null,
              failure: false,
              count: total,
              first: iso(first[0]),
              last: iso(last[0]),
              hourly: hours.map(([h, n]) => [h, n] as [number, number]),
            },
          ],
    rankings: [],
    detections: [...detections],
  };
}

/**
 * Where a dataset opens when the URL names no date: the window of its first high-severity
 * detection, else its busiest window (the analysis' storyWindow). A file dataset answers from
 * itself; a server dataset from its detections and histogram endpoints (if both fail, its first
 * day, as before). `pending` while those answers are on their way.
 */
export function useStoryFrom(
  state: ViewState,
  fileDataset: Dataset | undefined,
): { from: string | null; pending: boolean } {
  const serverId = state.source?.kind === 'server' && state.from === null ? state.source.id : null;
  const detections = useServerDetections(serverId);
  const histogram = useServerHistogram(serverId);
  return useMemo(() => {
    if (state.from !== null || state.source === null) return { from: null, pending: false };
    if (state.source.kind === 'file') {
      if (fileDataset === undefined) return { from: null, pending: true };
      return {
        from: fileDataset.timeRange === null ? null : storyWindow(fileDataset, state.span).from,
        pending: false,
      };
    }
    // Pending only until each answer first arrives: a failed query goes back to pending when it is
    // fetched again (a new observer mounts), and the page must not flip back to "loading" then.
    const settled = (q: { dataUpdatedAt: number; errorUpdatedAt: number }) =>
      q.dataUpdatedAt > 0 || q.errorUpdatedAt > 0;
    if (!settled(detections) || !settled(histogram)) return { from: null, pending: true };
    if (detections.isError && histogram.isError) return { from: null, pending: false };
    const range = histogram.data?.timeRange ?? detections.data?.timeRange ?? null;
    if (range === null) return { from: null, pending: false };
    const stand = activityDataset(histogram.data?.hours ?? [], detections.data?.detections ?? [], range);
    return { from: storyWindow(stand, state.span).from, pending: false };
  }, [state.from, state.source, state.span, fileDataset, detections, histogram]);
}
