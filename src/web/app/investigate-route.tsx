import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  computeView,
  diffViews,
  lateralChainSearch,
  previousWindow,
  pathSearch,
  type LateralChain,
  type LogonPath,
  type ViewFilters,
  type WindowDiff,
  type WindowView,
} from '../../core/analysis/index.js';
import type { Dataset, TimeRange } from '../../core/dataset/index.js';
import { InvestigatePanel } from '../features/investigate';
import { useServerGraph } from '../lib/api';
import { elementIdsOf, linkId, type ElementIds } from '../lib/graph-ids';
import { focusCut } from '../lib/view-cut';
import type { ViewState } from '../lib/url-state';
import type { Navigate } from '../lib/use-view-state';

export interface Investigation {
  /** The window view cut to the focus and/or to what is new (what the graph and ranking draw). */
  shown: WindowView;
  paths: LogonPath[] | null;
  /** Which search answered: logon direction, reverse, or undirected (null: none found). */
  pathDirection: 'logon' | 'reverse' | 'any' | null;
  chains: { chains: LateralChain[]; truncated: boolean } | null;
  diff: WindowDiff | null;
  /** Path or chain elements to emphasize (null: none chosen). */
  emphasis: ElementIds | null;
  marks: { newEdges: ReadonlySet<string> } | null;
  /** Set when the server's previous window could not be loaded. */
  compareError: string | null;
}

export { restrictView } from '../lib/view-cut';

export function pathElements(paths: readonly LogonPath[]): ElementIds {
  const nodes = new Set<string>();
  const links = new Set<string>();
  for (const p of paths) {
    for (const id of p.nodes) nodes.add(id);
    for (const s of p.steps) for (const role of s.roles) links.add(linkId(s.account, s.other, role));
  }
  return { nodes, edges: links };
}

export function chainLinks(chains: readonly LateralChain[]): ElementIds {
  const nodes = new Set<string>();
  const links = new Set<string>();
  for (const c of chains)
    for (const s of c.steps) {
      nodes.add(s.account);
      nodes.add(s.to);
      links.add(linkId(s.account, s.to, 'to'));
      if (s.from !== null) {
        nodes.add(s.from);
        links.add(linkId(s.account, s.from, 'from'));
      }
    }
  return { nodes, edges: links };
}

/**
 * Focus, paths, chains and the comparison with the previous window, from the URL state, over the
 * window view (the analysis' investigate functions). A server dataset holds one window: its
 * previous window is asked from /graph like any other.
 */
export function useInvestigation(
  dataset: Dataset,
  view: WindowView,
  state: ViewState,
  window: TimeRange | null,
  filters: ViewFilters,
  /**
   * The comparison computed in the view worker with `view` (a file dataset's; useWindowView with
   * `compare`). Undefined: computed here, on this thread.
   */
  workerDiff?: WindowDiff | null,
): Investigation {
  const serverId = state.source?.kind === 'server' ? state.source.id : null;
  const previous = state.cmp && window !== null ? previousWindow(window) : null;
  const prevServer = useServerGraph(state.cmp && serverId !== null && previous !== null ? serverId : null, {
    from: previous?.from ?? null,
    to: previous?.to ?? null,
    ...filters,
  });
  const prevData = prevServer.isPlaceholderData ? undefined : prevServer.data;

  const diff = useMemo(() => {
    if (previous === null) return null;
    if (serverId === null) {
      // The worker's comparison when it came with this view (the usual case: no second window view
      // computed on the page's thread); it matches only the view it was computed with.
      if (workerDiff !== undefined)
        return workerDiff !== null && workerDiff.previous.from === previous.from ? workerDiff : null;
      const before = computeView(dataset, previous, filters);
      return diffViews(dataset, view, before, previous);
    }
    if (prevData === undefined) return null;
    return diffViews(dataset, view, computeView(prevData, previous, filters), previous);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- previous is keyed by its bounds
  }, [dataset, view, previous?.from, previous?.to, serverId, prevData, filters, workerDiff]);

  const shown = useMemo(
    () => focusCut(view, { focus: state.focus, hops: state.hops, newOnly: state.newOnly }, diff),
    [view, state.focus, state.hops, state.newOnly, diff],
  );

  const pathFrom = state.path?.from ?? null;
  const pathTo = state.path?.to ?? null;
  const found = useMemo(
    () => (pathFrom === null || pathTo === null ? null : pathSearch(view.edges, pathFrom, pathTo)),
    [view, pathFrom, pathTo],
  );
  const paths = found?.paths ?? null;
  const chains = useMemo(
    () => (state.chain === null ? null : lateralChainSearch(view.edges, state.chain)),
    [view, state.chain],
  );
  const emphasis = useMemo(
    () => (paths !== null ? pathElements(paths) : chains !== null ? chainLinks(chains.chains) : null),
    [paths, chains],
  );
  const marks = useMemo(() => {
    if (diff === null) return null;
    // A drawn link is marked when a logon behind it is new in this window (a new path, or a new
    // kind of logon on a known one: a first failure, a new logon type).
    const fresh = new Set(diff.newEdges);
    return { newEdges: elementIdsOf(shown.edges.filter((e) => fresh.has(e.id))).edges };
  }, [diff, shown]);

  return {
    shown,
    paths,
    pathDirection: found?.direction ?? null,
    chains,
    diff,
    emphasis,
    marks,
    compareError: state.cmp && prevServer.isError ? prevServer.error.message : null,
  };
}

export function InvestigateSection({
  investigation,
  state,
  navigate,
  label,
}: {
  investigation: Investigation;
  state: ViewState;
  navigate: Navigate;
  label(id: string): string;
}) {
  const { t } = useTranslation('app');
  const selected = state.sel !== null && !state.sel.startsWith('link:') ? state.sel : null;
  return (
    <>
      {investigation.compareError !== null && (
        <p className="notice warn" role="status">
          {t('page.previousWindowFailed', { error: investigation.compareError })}
        </p>
      )}
      <InvestigatePanel
        selected={selected}
        label={label}
        onSelectNode={(id) => navigate((s) => ({ ...s, sel: id }))}
        focus={state.focus}
        hops={state.hops}
        onFocus={(focus, hops) => navigate((s) => ({ ...s, focus, hops }))}
        path={state.path}
        paths={investigation.paths}
        pathDirection={investigation.pathDirection}
        onPath={(path) => navigate((s) => ({ ...s, path, chain: path === null ? s.chain : null }))}
        chain={state.chain}
        chains={investigation.chains}
        onChain={(chain) => navigate((s) => ({ ...s, chain, path: chain === null ? s.path : null }))}
        compare={state.cmp}
        newOnly={state.newOnly}
        diff={investigation.diff}
        onCompare={(cmp, newOnly) => navigate((s) => ({ ...s, cmp, newOnly: cmp && newOnly }))}
      />
    </>
  );
}
