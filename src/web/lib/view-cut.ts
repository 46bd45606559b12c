import {
  neighbourhood,
  taggedNodeIds,
  tagNeighbourhood,
  type WindowDiff,
  type WindowView,
} from '../../core/analysis/index.js';
import type { Annotation } from '../../core/dataset/index.js';
import { elementIdsOf } from './graph-ids';
import type { Hops } from './url-state';

/**
 * The parts of a window view the graph draws when the analyst narrows it (issues 9 and 13): a
 * focus' neighbourhood, only what is new since the previous window, and what a tag points at with
 * its neighbours. One module, so that the page (exports, the tag's match count) and the view worker
 * (the elements drawn) cut the same way.
 */
export interface ViewCut {
  focus: string | null;
  hops: Hops;
  /** Only the logons new in this window (when the comparison `diff` is known). */
  newOnly: boolean;
  tag: string | null;
  /** The notes the tag filter reads (empty without a tag). */
  annotations: readonly Annotation[];
}

/** Keeps the edges in `edges` and the nodes in `nodes` (which hold every kept edge's ends). */
export function restrictView(
  view: WindowView,
  edges: ReadonlySet<string>,
  nodes: ReadonlySet<string>,
): WindowView {
  return {
    ...view,
    edges: view.edges.filter((e) => edges.has(e.id)),
    nodes: view.nodes.filter((n) => nodes.has(n.id)),
  };
}

/** The focus and new-only cut (the view itself when neither applies). */
export function focusCut(
  view: WindowView,
  cut: Pick<ViewCut, 'focus' | 'hops' | 'newOnly'>,
  diff: WindowDiff | null,
): WindowView {
  let v = view;
  if (cut.focus !== null) {
    const n = neighbourhood(v.edges, [cut.focus], cut.hops);
    v = restrictView(v, n.edges, n.nodes);
  }
  if (cut.newOnly && diff !== null) {
    const fresh = new Set(diff.newEdges);
    const edges = v.edges.filter((e) => fresh.has(e.id));
    v = restrictView(v, new Set(edges.map((e) => e.id)), elementIdsOf(edges).nodes);
  }
  return v;
}

/** The tag cut of a (focus-cut) view, and how many tagged nodes it holds (null without a tag). */
export function tagCut(
  shown: WindowView,
  annotations: readonly Annotation[],
  tag: string | null,
): { view: WindowView; matches: number | null } {
  if (tag === null) return { view: shown, matches: null };
  const cut = tagNeighbourhood(shown.edges, annotations, tag, shown.detections);
  const view = restrictView(shown, cut.edges, cut.nodes);
  const tagged = taggedNodeIds(annotations, tag, shown.edges, shown.detections);
  return { view, matches: view.nodes.filter((n) => tagged.has(n.id)).length };
}

/** Everything the graph draws of `view` under `cut`. */
export function cutView(view: WindowView, cut: ViewCut, diff: WindowDiff | null): WindowView {
  return tagCut(focusCut(view, cut, diff), cut.annotations, cut.tag).view;
}
