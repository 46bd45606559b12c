import { detectFromEdges, detectFromFlags, sortDetections } from '../../core/analysis/index.js';
import type { Detection } from '../../core/dataset/index.js';
import type { Store } from '../store/store.js';

/**
 * Every detection of a stored dataset, over its whole time range: the flag-based ones (DCSync, log
 * cleared, group changes, ...) from its flagged nodes, and password guessing/spraying from its
 * failed-logon edges. The app lists them all, in or out of the window on screen, so that nothing is
 * missed by looking at the wrong day. Only flagged nodes and failure edges are read. The import's
 * own detections (stored since schema 4: event-based ones such as pass-the-hash or Sigma hits exist
 * only there) come first; detection ids are made from kind, node and first time, so the ones made
 * again here from the roll-ups (for datasets imported before) are not listed twice.
 */
export function datasetDetections(store: Store, datasetId: string): Detection[] {
  const all = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] as const;
  const flagged = store.nodesByIds(datasetId, store.flaggedNodes(datasetId, ...all));
  const failureRows = store.windowEdgeRows(datasetId, ...all).filter((e) => e.failure);
  const failures = store.edgesByIds(
    datasetId,
    failureRows.map((e) => e.id),
  );
  const ends = new Set<string>();
  for (const e of failures) {
    ends.add(e.account);
    if (e.source !== null) ends.add(e.source);
    if (e.target !== null) ends.add(e.target);
  }
  const nodes = new Map(flagged.map((n) => [n.id, n]));
  for (const n of store.nodesByIds(
    datasetId,
    [...ends].filter((id) => !nodes.has(id)),
  ))
    nodes.set(n.id, n);
  const seen = new Set<string>();
  return sortDetections(
    [...store.detections(datasetId), ...detectFromFlags(flagged), ...detectFromEdges(failures, nodes)].filter(
      (d) => !seen.has(d.id) && (seen.add(d.id), true),
    ),
  );
}
