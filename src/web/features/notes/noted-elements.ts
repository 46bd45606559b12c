import type { Annotation } from '../../../core/dataset';
import { edgeLinkIds, linkId, parseLinkId } from '../../lib/graph-ids';

/** The tag marked harder on the graph: the one that changes what an analyst does next. */
export const STRONG_TAG = 'compromised';

/** The drawn elements (node ids and link ids) that carry an analyst's note or tag. */
export interface NotedElements {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Of those, the ones tagged `compromised` (node and link ids never collide: links are `link:…`). */
  compromised: ReadonlySet<string>;
}

interface EdgeEnds {
  id: string;
  account: string;
  source: string | null;
  target: string | null;
}

/**
 * The graph's ids of the noted nodes and links. A node note's id is the node's id. An edge note's id
 * is what the app selected: a drawn link, `link:[account, other, role]`, written again in the form
 * the graph draws (a file edited by hand may space its JSON differently), or a dataset edge id, which
 * marks its drawn links (source → account and account → target). Detection notes are not drawn on
 * the canvas. An edge id that is neither is kept as written: it marks nothing unless drawn as such.
 */
export function notedElementIds(
  list: readonly Annotation[],
  datasetEdges: readonly EdgeEnds[] = [],
): NotedElements {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const compromised = new Set<string>();
  // Dataset edges by id, only if a note needs them (most edge notes name drawn links).
  let edgesById: Map<string, EdgeEnds> | null = null;
  const edgeById = (id: string): EdgeEnds | undefined => {
    edgesById ??= new Map(datasetEdges.map((e) => [e.id, e]));
    return edgesById.get(id);
  };
  for (const a of list) {
    let ids: string[];
    if (a.target.kind === 'node') ids = [a.target.id];
    else if (a.target.kind === 'edge') ids = drawnLinkIds(a.target.id, edgeById);
    else continue;
    const set = a.target.kind === 'node' ? nodes : edges;
    const strong = a.tags.includes(STRONG_TAG);
    for (const id of ids) {
      set.add(id);
      if (strong) compromised.add(id);
    }
  }
  return { nodes, edges, compromised };
}

function drawnLinkIds(id: string, edgeById: (id: string) => EdgeEnds | undefined): string[] {
  const ends = parseLinkId(id);
  if (ends !== null) return [linkId(ends.account, ends.other, ends.role)];
  const edge = edgeById(id);
  return edge === undefined ? [id] : edgeLinkIds(edge);
}
