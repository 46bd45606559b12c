import {
  detectionEvidence,
  type DetectionFilter as CoreDetectionFilter,
} from '../../../core/analysis/index.js';
import type { DatasetEdge, DatasetNode, Detection, Flag } from '../../../core/dataset/index.js';

/** Pure helpers of the detections panel: counts, filters, window overlap and evidence. */
export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
export type Severity = Detection['severity'];

export interface DetectionFilter {
  severity: Severity | 'all';
  kind: string | 'all';
}

export const ALL_DETECTIONS: DetectionFilter = { severity: 'all', kind: 'all' };

const HOUR_MS = 3_600_000;
const hourOf = (iso: string): number => Math.floor(Date.parse(iso) / HOUR_MS);

/** Kinds with their number of detections (listDetections' byKind), most frequent first. */
export function kindCounts(byKind: Record<string, number>): Array<{ kind: string; count: number }> {
  return Object.entries(byKind)
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

/** The panel's filter in the analysis' terms. */
export function coreFilter(f: DetectionFilter): CoreDetectionFilter {
  return {
    severities: f.severity === 'all' ? null : [f.severity],
    kinds: f.kind === 'all' ? null : [f.kind],
  };
}

/** The dataset edges behind a detection in a view (the analysis' detectionEvidence). */
export function evidenceEdges<E extends DatasetEdge>(edges: readonly E[], d: Detection): E[] {
  const ids = detectionEvidence(edges, d).edges;
  return edges.filter((e) => ids.has(e.id));
}

/** The flags (events) of the detection's nodes that it rests on: in its hours, of its event IDs. */
export function evidenceFlags(
  nodes: ReadonlyMap<string, DatasetNode>,
  d: Detection,
): Array<{ node: DatasetNode; flag: Flag }> {
  const first = hourOf(d.first);
  const last = hourOf(d.last);
  const ids = new Set(d.evidence.eventIds);
  const out: Array<{ node: DatasetNode; flag: Flag }> = [];
  for (const id of d.nodes) {
    const node = nodes.get(id);
    if (node === undefined) continue;
    for (const flag of node.flags) {
      const h = hourOf(flag.time);
      if (h >= first && h <= last && (ids.size === 0 || ids.has(flag.eventId))) out.push({ node, flag });
    }
  }
  return out.sort((a, b) => (a.flag.time < b.flag.time ? -1 : a.flag.time > b.flag.time ? 1 : 0));
}
