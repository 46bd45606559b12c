import './graph-page.css';
import { useCallback, useMemo } from 'react';
import {
  hourlyHistogram,
  nearestActiveWindow,
  nearestWindowIn,
  type ViewFilters,
  type WindowView,
} from '../../core/analysis/index.js';
import type { Dataset } from '../../core/dataset/index.js';
import { StateMessage } from '../components/state-message';
import { Notices } from '../components/notices';
import { Panel } from '../components/panel';
import { CoverageNote } from '../features/source-coverage';
import { FiltersPanel } from '../features/filters';
import { buildElements, domainIndex, GraphView, useWindowView } from '../features/graph';
import { Inspector, inspectorTarget } from '../features/inspector';
import { RankingList } from '../features/ranking';
import { Histogram, WindowBar } from '../features/timeline';
import { useServerHistogram } from '../lib/api';
import { datasetFacets } from '../lib/facets';
import { resolveWindow } from '../lib/time-window';
import type { ViewState } from '../lib/url-state';
import type { Navigate } from '../lib/use-view-state';
import { useUiStore } from '../stores/ui-store';
import { ViewControls } from './settings-menu';
import { StatusLine } from './status-line';
import { ServerEvents } from './server-events';
import {
  ActiveDetection,
  detectionEmphasis,
  DetectionsSection,
  useDatasetDetections,
} from './detections-route';
import { NodeTimelineSection } from './node-timeline-route';
import { InvestigateSection, useInvestigation } from './investigate-route';

const NO_HOURS: Array<[number, number]> = [];
/** What the investigation works on before the first window is computed. */
const EMPTY_VIEW: WindowView = {
  window: null,
  nodes: [],
  edges: [],
  rankings: new Map(),
  detections: [],
  totals: { nodes: 0, edges: 0 },
};

export interface GraphPageProps {
  dataset: Dataset;
  state: ViewState;
  navigate: Navigate;
}

/** The analyst's view of one dataset: window, filters, graph, ranking and inspector, all for the window. */
export function GraphPage({ dataset, state, navigate }: GraphPageProps) {
  const panels = useUiStore((s) => s.panels);
  const togglePanel = useUiStore((s) => s.togglePanel);
  const maxNodes = useUiStore((s) => s.settings.maxNodes);

  const resolved = useMemo(
    () => resolveWindow(dataset.timeRange, state.from, state.span),
    [dataset, state.from, state.span],
  );
  // The parsed URL gives new objects on every change (overlay, selection): key the view on the
  // filters' value so that only a filter change recomputes it.
  const filtersKey = JSON.stringify(state.filters);
  const filters = useMemo(() => JSON.parse(filtersKey) as ViewFilters, [filtersKey]);
  // Window, filters, ranks, cap and elements are computed in a Web Worker (features/graph).
  const { view, graph, diff, pending, error } = useWindowView(dataset, {
    window: resolved.window,
    filters,
    overlay: state.overlay,
    maxNodes,
    selected: state.sel,
    compare: state.cmp,
  });
  const nodesById = useMemo(() => new Map(dataset.nodes.map((n) => [n.id, n])), [dataset]);
  // Focus, paths, chains and the comparison (issue 9): `shown` is the view cut to the focus or to
  // what is new. The worker's elements draw the whole view; a cut view (a neighbourhood, or what is
  // new: a part of a view already computed) is drawn from elements built here.
  // The comparison with the previous window comes from the worker too (file datasets).
  const investigation = useInvestigation(dataset, view ?? EMPTY_VIEW, state, resolved.window, filters, diff);
  const shown = investigation.shown;
  const domains = useMemo(() => domainIndex(dataset.nodes), [dataset]);
  const cutGraph = useMemo(() => {
    if (view === null || shown === view) return null;
    const needsSelected = shown.nodes.length > maxNodes ? state.sel : null;
    return buildElements(shown, { overlay: state.overlay, maxNodes, domains, selected: needsSelected });
  }, [view, shown, state.overlay, maxNodes, domains, state.sel]);
  const drawn = cutGraph ?? graph;
  // A server sends /graph for the window only: the timeline comes from its histogram of the whole
  // dataset (the local one, of the window, only if that request fails).
  const serverId = state.source?.kind === 'server' ? state.source.id : null;
  const serverHourly = useServerHistogram(serverId);
  const localHourly = useMemo(() => hourlyHistogram(dataset), [dataset]);
  const hourly =
    serverId === null || serverHourly.isError ? localHourly : (serverHourly.data?.hours ?? NO_HOURS);
  const facets = useMemo(() => datasetFacets(dataset), [dataset]);
  const target = useMemo(
    () => (view === null ? null : inspectorTarget(view, nodesById, state.sel)),
    [view, nodesById, state.sel],
  );
  const label = useCallback((id: string) => nodesById.get(id)?.label ?? id, [nodesById]);

  const select = useCallback((id: string | null) => navigate((s) => ({ ...s, sel: id })), [navigate]);
  const from = resolved.from;

  // Investigation (issue 9): the dataset's detections, the chosen one and what it highlights.
  const allDetections = useDatasetDetections(dataset, state);
  const detection = useMemo(
    () => (state.det === null ? null : (allDetections.detections.find((d) => d.id === state.det) ?? null)),
    [allDetections.detections, state.det],
  );
  const detectionElements = useMemo(
    () => detectionEmphasis(detection, view ?? EMPTY_VIEW),
    [detection, view],
  );
  const emphasis = investigation.emphasis ?? detectionElements;
  // An empty window offers the nearest one with events (a server dataset's from its histogram).
  const emptyWindow =
    view !== null && view.edges.length === 0 && view.nodes.length === 0 && view.totals.edges === 0;
  const nearest = useMemo(() => {
    if (!emptyWindow || from === null) return null;
    const near =
      serverId === null
        ? nearestActiveWindow(dataset, from, state.span)
        : nearestWindowIn(
            hourly.map(([h]) => h),
            from,
            state.span,
          );
    return near === from ? null : near;
  }, [emptyWindow, from, serverId, dataset, hourly, state.span]);

  return (
    <div className="graph-page">
      <Notices notices={resolved.notice === null ? [] : [resolved.notice]} />
      {dataset.caps && (
        <p className="notice warn" role="status">
          The server capped this window: {dataset.caps.nodesShown.toLocaleString('en')} of{' '}
          {dataset.caps.nodesTotal.toLocaleString('en')} nodes and{' '}
          {dataset.caps.edgesShown.toLocaleString('en')} of {dataset.caps.edgesTotal.toLocaleString('en')}{' '}
          edges.
        </p>
      )}
      {dataset.timeRange !== null && from !== null && (
        <div className="timeline">
          <WindowBar
            range={dataset.timeRange}
            from={from}
            span={state.span}
            onChange={(w) => navigate((s) => ({ ...s, from: w.from, span: w.span }))}
          />
          <Histogram
            hourly={hourly}
            range={dataset.timeRange}
            window={resolved.window}
            onPick={(d) => navigate((s) => ({ ...s, from: d }))}
          />
        </div>
      )}
      <div className="workspace">
        <aside className="side left">
          <Panel title="Filters" open={panels.filters} onToggle={() => togglePanel('filters')}>
            <FiltersPanel
              filters={state.filters}
              eventIds={facets.eventIds}
              logonTypes={facets.logonTypes}
              onChange={(filters) => navigate((s) => ({ ...s, filters }))}
            />
          </Panel>
          <Panel title="Investigate" open={panels.investigate} onToggle={() => togglePanel('investigate')}>
            <InvestigateSection
              investigation={investigation}
              state={state}
              navigate={navigate}
              label={label}
            />
          </Panel>
        </aside>
        <main className="center">
          <div className="toolbar">
            <ViewControls
              overlay={state.overlay}
              onOverlay={(overlay) => navigate((s) => ({ ...s, overlay }))}
            />
          </div>
          {view !== null && drawn !== null && (
            <StatusLine shown={drawn.shown} totals={view.totals} capped={drawn.capped} label={label} />
          )}
          {error !== null && view !== null && (
            <p className="notice warn" role="alert">
              This window could not be computed ({error}); the previous one is shown.
            </p>
          )}
          {dataset.timeRange === null ? (
            <StateMessage kind="empty" title="This dataset holds no events">
              <p>
                It was read from {dataset.readStats.recordsRead.toLocaleString('en')} records, none of which
                made a logon edge.
              </p>
            </StateMessage>
          ) : view === null || drawn === null ? (
            error !== null ? (
              <StateMessage kind="error" title="This window could not be computed">
                <p>{error}</p>
              </StateMessage>
            ) : (
              <StateMessage kind="loading" title="Computing the window…" />
            )
          ) : view.edges.length === 0 && view.nodes.length === 0 ? (
            <StateMessage kind="empty" title="No events in this window">
              <p>
                {view.totals.edges > 0
                  ? `The filters hide all ${view.totals.edges.toLocaleString('en')} edges of this window: loosen them or reset the filters.`
                  : 'Move the window (previous/next, the date, or a bar of the histogram above) to a time with events.'}
              </p>
              {nearest !== null && (
                <p>
                  <button type="button" onClick={() => navigate((s) => ({ ...s, from: nearest }))}>
                    Go to {nearest}, the nearest {state.span} with events
                  </button>
                </p>
              )}
            </StateMessage>
          ) : state.newOnly && investigation.diff !== null && shown.edges.length === 0 ? (
            <StateMessage kind="empty" title="Nothing new in this window">
              <p>
                Every logon shown here was already in the previous window. Untick “Only what is new” to see
                them.
              </p>
            </StateMessage>
          ) : (
            <GraphView
              graph={drawn}
              viewNodes={view.nodes.length}
              pending={pending}
              selected={state.sel}
              onSelect={select}
              emphasis={emphasis}
              marks={investigation.marks}
            />
          )}
          <NodeTimelineSection
            dataset={dataset}
            node={target?.kind === 'node' ? (nodesById.get(target.node.id) ?? target.node) : null}
            window={resolved.window}
            serverId={serverId}
            showHidden={state.filters.showHidden}
            navigate={navigate}
          />
          {state.source?.kind === 'server' && (
            <ServerEvents datasetId={state.source.id} window={resolved.window} target={target} />
          )}
        </main>
        <aside className="side right">
          <Panel title="Detections" open={panels.detections} onToggle={() => togglePanel('detections')}>
            <DetectionsSection
              detections={allDetections.detections}
              error={allDetections.error}
              window={resolved.window}
              state={state}
              navigate={navigate}
              nodes={nodesById}
            />
            <CoverageNote coverage={dataset.coverage} />
          </Panel>
          <Panel title="Selection" open={panels.inspector} onToggle={() => togglePanel('inspector')}>
            {detection !== null && (
              <ActiveDetection
                detection={detection}
                view={view ?? EMPTY_VIEW}
                nodes={nodesById}
                navigate={navigate}
              />
            )}
            <Inspector target={target} onClose={() => select(null)} />
          </Panel>
          <Panel title="Ranking" open={panels.ranking} onToggle={() => togglePanel('ranking')}>
            {view !== null && (
              <RankingList
                key={state.overlay}
                view={view}
                initialSort={
                  state.overlay === 'none' || state.overlay === 'pagerankLogontracer'
                    ? 'pagerank'
                    : state.overlay
                }
                selected={state.sel}
                onSelect={select}
              />
            )}
          </Panel>
        </aside>
      </div>
    </div>
  );
}
