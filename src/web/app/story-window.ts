import { useMemo } from 'react';
import { detectionWindow, storyWindow, storyWindowOf, zoneWindowStart } from '../../core/analysis/index.js';
import type { Dataset, Detection } from '../../core/dataset/index.js';
import { useServerDetections, useServerHistogram } from '../lib/api';
import type { Span } from '../lib/time-window';
import type { ViewState } from '../lib/url-state';

/**
 * The window start (`YYYY-MM-DD`) that holds a detection's first event (the analysis' rule), in the
 * view's zone when one is chosen (a Tokyo day must hold the detection it is opened for).
 */
export function detectionStart(d: Detection, span: Span, zone: string | null = null): string {
  const ms = Date.parse(d.first);
  if (zone === null || Number.isNaN(ms)) return detectionWindow(d, span);
  return zoneWindowStart(ms, span, zone);
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
    const input = {
      hourly: histogram.data?.hours ?? [],
      detections: detections.data?.detections ?? [],
      fallback: range.from,
    };
    return { from: storyWindowOf(input, state.span).from, pending: false };
  }, [state.from, state.source, state.span, fileDataset, detections, histogram]);
}
