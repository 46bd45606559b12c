import type { DatasetEdge, DatasetNode, Detection, Flag, TimeRange } from '../../../core/dataset/index.js';

/** Pure helpers of the detections panel: counts, filters, window overlap and evidence. */
export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface DetectionFilter {
  severity: Severity | 'all';
  kind: string | 'all';
}

export const ALL_DETECTIONS: DetectionFilter = { severity: 'all', kind: 'all' };

const HOUR_MS = 3_600_000;
const hourOf = (iso: string): number => Math.floor(Date.parse(iso) / HOUR_MS);

/** Kinds with their number of detections, most frequent first (then by name). */
export function countsByKind(list: readonly Detection[]): Array<{ kind: string; count: number }> {
  const counts = new Map<string, number>();
  for (const d of list) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return [...counts]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

export function filterDetections(list: readonly Detection[], f: DetectionFilter): Detection[] {
  return list.filter(
    (d) => (f.severity === 'all' || d.severity === f.severity) && (f.kind === 'all' || d.kind === f.kind),
  );
}

/** Whether the detection's hours [first, last] overlap the window [from, to). */
export function overlapsWindow(d: Detection, window: TimeRange | null): boolean {
  if (window === null) return true;
  return hourOf(d.last) >= hourOf(window.from) && hourOf(d.first) < hourOf(window.to);
}

/**
 * The logon edges behind a detection in a view: edges touching one of its nodes with events in its
 * hours; when some of them carry one of its evidence event IDs (4625, 4771 for password guessing),
 * only those.
 */
export function evidenceEdges<E extends DatasetEdge>(edges: readonly E[], d: Detection): E[] {
  const nodes = new Set(d.nodes);
  const first = hourOf(d.first);
  const last = hourOf(d.last);
  const touching = edges.filter(
    (e) =>
      (nodes.has(e.account) ||
        (e.source !== null && nodes.has(e.source)) ||
        (e.target !== null && nodes.has(e.target))) &&
      e.hourly.some(([h]) => h >= first && h <= last),
  );
  const ids = new Set(d.evidence.eventIds);
  const byEvent = touching.filter((e) => ids.has(e.eventId));
  return byEvent.length > 0 ? byEvent : touching;
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

/** `2020-08-02 12:02:34` from an ISO UTC time. */
export function utcText(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
}
