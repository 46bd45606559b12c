/**
 * The tag filter (issue 13): "show only what is tagged compromised, and its neighbours". The nodes
 * carrying the tag, the ends of tagged edges and the nodes of tagged detections are the start; the
 * focus' neighbourhood rule (one hop, a logon never drawn in half) gives what is shown.
 */
import { edgeTargetEnds, normaliseTag, type Annotation } from '../../dataset/annotations.js';
import type { DatasetEdge, Detection } from '../../dataset/schema.js';
import { neighbourhood } from './neighbourhood.js';

/** The node ids a tag points at, through the nodes, edges and detections carrying it. */
export function taggedNodeIds(
  annotations: readonly Annotation[],
  tag: string,
  edges: readonly DatasetEdge[],
  detections: readonly Pick<Detection, 'id' | 'nodes'>[],
): Set<string> {
  const wanted = normaliseTag(tag);
  const ids = new Set<string>();
  if (wanted === null) return ids;
  for (const a of annotations) {
    if (!a.tags.includes(wanted)) continue;
    const { kind, id } = a.target;
    if (kind === 'node') ids.add(id);
    else if (kind === 'edge') {
      const ends = edgeTargetEnds(id, edges);
      if (ends !== null) {
        ids.add(ends.account);
        if (ends.other !== null) ids.add(ends.other);
      }
    } else {
      for (const n of detections.find((d) => d.id === id)?.nodes ?? []) ids.add(n);
    }
  }
  return ids;
}

/** What the tag filter shows of a view's edges: the tagged nodes and their neighbours, one hop. */
export function tagNeighbourhood(
  edges: readonly DatasetEdge[],
  annotations: readonly Annotation[],
  tag: string,
  detections: readonly Pick<Detection, 'id' | 'nodes'>[],
): { nodes: Set<string>; edges: Set<string> } {
  const start = taggedNodeIds(annotations, tag, edges, detections);
  return neighbourhood(edges, [...start], 1);
}
