import {
  computeView,
  diffViews,
  previousWindow,
  type ViewFilters,
  type WindowDiff,
  type WindowView,
} from '../../../core/analysis/index.js';
import type { Dataset, DatasetNode, Ranking, TimeRange } from '../../../core/dataset/index.js';
import type { Overlay } from '../../lib/url-state';
import { cutView, type ViewCut } from '../../lib/view-cut';
import { buildElements, domainIndex, type GraphElements } from './elements';

/** What the page asks for: the window, the filters and how to draw them. */
export interface WindowParams {
  window: TimeRange | null;
  filters: ViewFilters;
  overlay: Overlay;
  maxNodes: number;
  /** Kept when capping (only sent while the view is capped: otherwise it changes nothing). */
  selected: string | null;
  /**
   * Compare with the previous window of the same length (a file dataset's: a server dataset holds
   * one window, and its previous window comes from /graph).
   */
  compare?: boolean;
  /**
   * What the graph draws of the view when the analyst narrows it (focus, new only, tag): the
   * elements are built for that cut, here, and the view stays whole. Null or absent: the whole view.
   * New only needs this worker's comparison (`compare`, a file dataset's).
   */
  cut?: ViewCut | null;
}

/** The window view and its Cytoscape elements: plain data, so it crosses from the worker as it is. */
export interface WindowGraph {
  view: WindowView;
  /** The elements of the view, or of its cut when one was asked for. */
  graph: GraphElements;
  /** What changed since the previous window, when asked (`compare`) and possible (a file dataset). */
  diff: WindowDiff | null;
}

/**
 * One dataset's window views, with what is worth keeping between requests: the domain index, and
 * the last view (so that an overlay, cap or selection change only rebuilds the elements).
 */
export class WindowGraphs {
  private readonly domains: Map<string, DatasetNode>;
  private readonly serverRankings: Map<string, Ranking> | null;
  private last: { key: string; view: WindowView } | null = null;
  private lastDiff: { key: string; diff: WindowDiff } | null = null;

  constructor(private readonly dataset: Dataset) {
    this.domains = domainIndex(dataset.nodes);
    this.serverRankings = dataset.window === null ? null : new Map(dataset.rankings.map((r) => [r.node, r]));
  }

  compute(params: WindowParams): WindowGraph {
    const key = JSON.stringify([params.window, params.filters]);
    let view = this.last?.key === key ? this.last.view : null;
    if (view === null) {
      view = computeView(this.dataset, params.window, params.filters, this.rankingOptions(params.window));
      this.last = { key, view };
    }
    const diff = params.compare === true ? this.diff(view, params, key) : null;
    const shown = params.cut ? cutView(view, params.cut, diff) : view;
    const graph = buildElements(shown, {
      overlay: params.overlay,
      maxNodes: params.maxNodes,
      domains: this.domains,
      selected: params.selected,
    });
    return { view, graph, diff };
  }

  /** The comparison with the previous window: its view is computed here too, off the page's thread. */
  private diff(view: WindowView, params: WindowParams, key: string): WindowDiff | null {
    if (params.window === null || this.dataset.window !== null) return null;
    if (this.lastDiff?.key === key) return this.lastDiff.diff;
    const previous = previousWindow(params.window);
    const before = computeView(this.dataset, previous, params.filters);
    const diff = diffViews(this.dataset, view, before, previous);
    this.lastDiff = { key, diff };
    return diff;
  }

  /**
   * One ranking per view. A server dataset (`window` set) is /graph's answer for exactly this window
   * and these filters: the server applies every ViewFilters field itself (serverGraphParams), so its
   * rankings are the view's and no filter demands ranking again here. Only when the page shows the
   * dataset under another window (the previous answer kept while the next one loads) are the ranks
   * computed in the worker, for what is drawn. File datasets are always ranked per window.
   */
  private rankingOptions(window: TimeRange | null): { rankings?: Map<string, Ranking> } {
    const w = this.dataset.window;
    if (this.serverRankings === null || w === null || window === null) return {};
    return w.from === window.from && w.to === window.to ? { rankings: this.serverRankings } : {};
  }
}
