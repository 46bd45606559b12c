import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowView } from '../../core/analysis/index.js';
import type { Dataset, DatasetNode, Detection, TimeRange } from '../../core/dataset/index.js';
import { DetectionEvidence, DetectionsPanel, evidenceEdges } from '../features/detections';
import { useServerDetections } from '../lib/api';
import { elementIdsOf, type ElementIds } from '../lib/graph-ids';
import type { ViewState } from '../lib/url-state';
import type { Navigate } from '../lib/use-view-state';
import { detectionStart } from './story-window';

const NONE: Detection[] = [];

/**
 * Every detection of the dataset: a file dataset holds them all; a server dataset's /graph holds the
 * window's only, so the whole list comes from GET /detections (the window's while it loads or fails).
 */
export function useDatasetDetections(dataset: Dataset, state: ViewState) {
  const serverId = state.source?.kind === 'server' ? state.source.id : null;
  const server = useServerDetections(serverId);
  if (serverId === null) return { detections: dataset.detections, error: null };
  return {
    detections: server.data?.detections ?? (server.isError ? dataset.detections : NONE),
    error: server.isError ? server.error.message : null,
  };
}

/** The account a detection is about: its first account node, else its first node. */
export function detectionFocusNode(d: Detection, nodes: ReadonlyMap<string, DatasetNode>): string | null {
  return d.nodes.find((id) => nodes.get(id)?.kind === 'account') ?? d.nodes[0] ?? null;
}

/** Selecting a detection: its id, the window holding it, its account selected. */
export function useSelectDetection(navigate: Navigate, nodes: ReadonlyMap<string, DatasetNode>) {
  return useCallback(
    (d: Detection) =>
      navigate((s) => ({
        ...s,
        det: d.id,
        from: detectionStart(d, s.span, s.tz),
        sel: detectionFocusNode(d, nodes),
      })),
    [navigate, nodes],
  );
}

/** The elements of the chosen detection in the window: its nodes, its evidence edges. */
export function detectionEmphasis(detection: Detection | null, view: WindowView): ElementIds | null {
  if (detection === null) return null;
  return elementIdsOf(evidenceEdges(view.edges, detection), detection.nodes);
}

export function DetectionsSection({
  detections,
  error,
  window,
  state,
  navigate,
  nodes,
  marker,
}: {
  detections: readonly Detection[];
  error: string | null;
  window: TimeRange | null;
  state: ViewState;
  navigate: Navigate;
  /** The analyst's note and tags marker of a detection (features/notes). */
  marker?: (id: string) => ReactNode;
  nodes: ReadonlyMap<string, DatasetNode>;
}) {
  const { t } = useTranslation('app');
  const select = useSelectDetection(navigate, nodes);
  return (
    <>
      {error !== null && (
        <p className="notice warn" role="status">
          {t('page.detectionsListFailed', { error })}
        </p>
      )}
      <DetectionsPanel
        detections={detections}
        window={window}
        selected={state.det}
        onSelect={select}
        onClear={() => navigate((s) => ({ ...s, det: null }))}
        {...(marker === undefined ? {} : { marker })}
      />
    </>
  );
}

export function ActiveDetection({
  detection,
  view,
  nodes,
  navigate,
}: {
  detection: Detection;
  view: WindowView;
  nodes: ReadonlyMap<string, DatasetNode>;
  navigate: Navigate;
}) {
  const label = useCallback((id: string) => nodes.get(id)?.label ?? id, [nodes]);
  // The view's nodes carry only the window's flags: look the evidence up there, so that what is
  // listed is what the graph shows.
  const viewNodes = useMemo(() => new Map(view.nodes.map((n) => [n.id, n])), [view]);
  return (
    <DetectionEvidence
      detection={detection}
      edges={view.edges}
      nodes={viewNodes}
      label={label}
      onSelectNode={(id) => navigate((s) => ({ ...s, sel: id }))}
    />
  );
}
