import type { WindowView } from '../../../core/analysis/index.js';
import type { DatasetNode } from '../../../core/dataset/index.js';
import { parseLinkId } from '../../lib/graph-ids';
import type { InspectorTarget } from './inspector';

/** What the selection id points at in the view (a node, a drawn link, or nothing any more). */
export function inspectorTarget(
  view: WindowView,
  nodesById: Map<string, DatasetNode>,
  sel: string | null,
): InspectorTarget | null {
  if (sel === null) return null;
  const label = (id: string) => nodesById.get(id)?.label ?? id;
  const ends = parseLinkId(sel);
  if (ends !== null) {
    if (ends.role === 'member') return { kind: 'link', ends, edges: [], label };
    const edges = view.edges.filter(
      (e) => e.account === ends.account && (ends.role === 'from' ? e.source : e.target) === ends.other,
    );
    return edges.length > 0 ? { kind: 'link', ends, edges, label } : { kind: 'missing', id: sel };
  }
  const node = view.nodes.find((n) => n.id === sel);
  if (node === undefined) return { kind: 'missing', id: sel };
  return { kind: 'node', node, ranking: view.rankings.get(sel) };
}
