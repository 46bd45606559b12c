import './graph-page.css';
import type { Core } from 'cytoscape';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
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
import { ExportMenu } from '../features/exports';
import { FiltersPanel } from '../features/filters';
import { buildElements, domainIndex, GraphView, useWindowView } from '../features/graph';
import { Inspector, inspectorTarget } from '../features/inspector';
import { RankingList } from '../features/ranking';
import { Histogram, WindowBar } from '../features/timeline';
import { CopyLinkButton } from '../features/share';
import { useServerHistogram } from '../lib/api';
import type { Facets } from '../lib/facets';
import type { ViewCut } from '../lib/view-cut';
import { resolveWindow } from '../lib/time-window';
import type { Viewport, ViewState } from '../lib/url-state';
import type { Navigate } from '../lib/use-view-state';
import { useUiStore } from '../stores/ui-store';
import { ViewControls } from './settings-menu';
import { StatusLine } from './status-line';
import { useDatasetName } from './dataset-name';
import { ServerEvents } from './server-events';
import {
  ActiveDetection,
  detectionEmphasis,
  DetectionsSection,
  useDatasetDetections,
} from './detections-route';
import { NodeTimelineSection } from './node-timeline-route';
import { InvestigateSection, useInvestigation } from './investigate-route';
import { notedElementIds, useAnnotations } from '../features/notes';
import { NotesTools, selectionTarget, TargetNotes, useNoteMarkers, useTagCut } from './notes-route';

const NO_HOURS: Array<[number, number]> = [];
const NO_FACETS: Facets = { eventIds: [], logonTypes: [] };
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
  const { t, i18n } = useTranslation('app');
  const num = (v: number) => v.toLocaleString(i18n.language);
  const panels = useUiStore((s) => s.panels);
  const togglePanel = useUiStore((s) => s.togglePanel);
  const maxNodes = state.maxNodes;

  const resolved = useMemo(
    () => resolveWindow(dataset.timeRange, state.from, state.span, state.tz),
    [dataset, state.from, state.span, state.tz],
  );
  // The parsed URL gives new objects on every change (overlay, selection): key the view on the
  // filters' value so that only a filter change recomputes it.
  const filtersKey = JSON.stringify(state.filters);
  const filters = useMemo(() => JSON.parse(filtersKey) as ViewFilters, [filtersKey]);
  // Notes and tags (issue 13): the tag filter cuts what the graph draws, like the focus.
  const notes = useAnnotations(state.source, dataset);
  const serverId = state.source?.kind === 'server' ? state.source.id : null;
  // What the graph draws of the view (focus, new only, tag) is cut and built in the worker too;
  // but a server dataset's comparison comes from /graph, on this page: its new-only cut is built here.
  const newOnly = state.cmp && state.newOnly;
  const cutHere = newOnly && serverId !== null;
  const narrowed = state.focus !== null || newOnly || state.tag !== null;
  const cut: ViewCut | null =
    !narrowed || cutHere
      ? null
      : {
          focus: state.focus,
          hops: state.hops,
          newOnly,
          tag: state.tag,
          annotations: state.tag === null ? [] : notes.list,
        };
  // Window, filters, ranks, cap and elements are computed in a Web Worker (features/graph).
  const { view, graph, diff, pending, error, viewKey, overview } = useWindowView(dataset, {
    window: resolved.window,
    filters,
    overlay: state.overlay,
    maxNodes,
    selected: state.sel,
    compare: state.cmp,
    cut,
  });
  const nodesById = useMemo(() => new Map(dataset.nodes.map((n) => [n.id, n])), [dataset]);
  // Focus, paths, chains and the comparison (issue 9): `shown` is the view cut to the focus, to what
  // is new or to a tag (lib/view-cut.ts, the rule the worker cut the drawn elements with): exports
  // and the tag's match count read it. The comparison comes from the worker too (file datasets).
  const investigation = useInvestigation(dataset, view ?? EMPTY_VIEW, state, resolved.window, filters, diff);
  const marker = useNoteMarkers(notes.list);
  // The noted nodes and links, marked on the canvas (a ring and a halo; stronger when compromised).
  const noted = useMemo(() => notedElementIds(notes.list, dataset.edges), [notes.list, dataset.edges]);
  const tagCut = useTagCut(investigation.shown, notes.list, state.tag);
  const shown = tagCut.view;
  const domains = useMemo(() => domainIndex(dataset.nodes), [dataset]);
  const cutGraph = useMemo(() => {
    if (!cutHere || view === null || shown === view) return null;
    const needsSelected = shown.nodes.length > maxNodes ? state.sel : null;
    return buildElements(shown, { overlay: state.overlay, maxNodes, domains, selected: needsSelected });
  }, [cutHere, view, shown, state.overlay, maxNodes, domains, state.sel]);
  const drawn = cutGraph ?? graph;
  // A server sends /graph for the window only: the timeline comes from its histogram of the whole
  // dataset (the local one, of the window, only if that request fails).
  const serverHourly = useServerHistogram(serverId);
  // The dataset's own timeline and filter choices come from the view worker (a pass over every edge).
  const localHourly = overview?.hourly ?? NO_HOURS;
  const hourly =
    serverId === null || serverHourly.isError ? localHourly : (serverHourly.data?.hours ?? NO_HOURS);
  const facets = overview?.facets ?? NO_FACETS;
  const target = useMemo(
    () => (view === null ? null : inspectorTarget(view, nodesById, state.sel)),
    [view, nodesById, state.sel],
  );
  const label = useCallback((id: string) => nodesById.get(id)?.label ?? id, [nodesById]);

  const select = useCallback((id: string | null) => navigate((s) => ({ ...s, sel: id })), [navigate]);
  // Stable callbacks for the memoised panels (histogram, ranking): the page re-renders on every pan.
  const pickDay = useCallback((d: string) => navigate((s) => ({ ...s, from: d })), [navigate]);
  const nodeMarker = useMemo(() => marker('node'), [marker]);
  const detectionMarker = useMemo(() => marker('detection'), [marker]);
  // The graph's Cytoscape instance, for the picture exports (features/exports).
  const cyRef = useRef<Core | null>(null);
  const onCy = useCallback((cy: Core | null) => (cyRef.current = cy), []);
  const getCy = useCallback(() => cyRef.current, []);
  const datasetName = useDatasetName(dataset, state.source);
  // Zoom and pan replace the current history entry: panning must not flood back/forward.
  const onViewportChange = useCallback(
    (vp: Viewport) => navigate((s) => ({ ...s, vp }), { replace: true }),
    [navigate],
  );
  const from = resolved.from;

  // Investigation (issue 9): the dataset's detections, the chosen one and what it highlights.
  const allDetections = useDatasetDetections(dataset, state);
  const detection = useMemo(
    () => (state.det === null ? null : (allDetections.detections.find((d) => d.id === state.det) ?? null)),
    [allDetections.detections, state.det],
  );
  const findDetection = useCallback(
    (id: string) => allDetections.detections.find((d) => d.id === id),
    [allDetections.detections],
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
          {t('page.serverCapped', {
            nodesShown: num(dataset.caps.nodesShown),
            nodesTotal: num(dataset.caps.nodesTotal),
            edgesShown: num(dataset.caps.edgesShown),
            edgesTotal: num(dataset.caps.edgesTotal),
          })}
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
          <Histogram hourly={hourly} range={dataset.timeRange} window={resolved.window} onPick={pickDay} />
        </div>
      )}
      <div className="workspace">
        <aside className="side left">
          <Panel title={t('page.filters')} open={panels.filters} onToggle={() => togglePanel('filters')}>
            <FiltersPanel
              filters={state.filters}
              eventIds={facets.eventIds}
              logonTypes={facets.logonTypes}
              onChange={(filters) => navigate((s) => ({ ...s, filters }))}
            />
            <NotesTools
              notes={notes}
              dataset={dataset}
              state={state}
              navigate={navigate}
              matches={tagCut.matches}
              findDetection={findDetection}
              nodes={nodesById}
            />
          </Panel>
          <Panel
            title={t('page.investigate')}
            open={panels.investigate}
            onToggle={() => togglePanel('investigate')}
          >
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
              layout={state.layout}
              onLayout={(layout) => navigate((s) => ({ ...s, layout }))}
              maxNodes={state.maxNodes}
              onMaxNodes={(max) => navigate((s) => ({ ...s, maxNodes: max }))}
            />
            <ExportMenu
              dataset={dataset}
              datasetName={datasetName}
              view={view === null ? null : shown}
              window={resolved.window}
              filters={filters}
              serverId={serverId}
              getCy={getCy}
              annotations={notes.list}
              timeZone={state.tz}
            />
            <CopyLinkButton />
          </div>
          {view !== null && drawn !== null && (
            <StatusLine
              shown={drawn.shown}
              totals={view.totals}
              capped={drawn.capped}
              label={label}
              viewKey={viewKey}
            />
          )}
          {error !== null && view !== null && (
            <p className="notice warn" role="alert">
              {t('page.windowFailedKeptPrevious', { error })}
            </p>
          )}
          {dataset.timeRange === null ? (
            <StateMessage kind="empty" title={t('page.noEventsTitle')}>
              <p>{t('page.noEventsBody', { records: num(dataset.readStats.recordsRead) })}</p>
            </StateMessage>
          ) : view === null || drawn === null ? (
            error !== null ? (
              <StateMessage kind="error" title={t('page.windowFailed')}>
                <p>{error}</p>
              </StateMessage>
            ) : (
              <StateMessage kind="loading" title={t('page.computing')} />
            )
          ) : view.edges.length === 0 && view.nodes.length === 0 ? (
            <StateMessage kind="empty" title={t('page.emptyWindowTitle')}>
              <p>
                {view.totals.edges > 0
                  ? t('page.filtersHideAll', { edges: num(view.totals.edges) })
                  : t('page.moveWindow')}
              </p>
              {nearest !== null && (
                <p>
                  <button type="button" onClick={() => navigate((s) => ({ ...s, from: nearest }))}>
                    {t('page.goToNearest', { date: nearest, context: state.span })}
                  </button>
                </p>
              )}
            </StateMessage>
          ) : state.newOnly && investigation.diff !== null && shown.edges.length === 0 ? (
            <StateMessage kind="empty" title={t('page.nothingNewTitle')}>
              <p>{t('page.nothingNewBody')}</p>
            </StateMessage>
          ) : (
            <GraphView
              graph={drawn}
              pending={pending}
              selected={state.sel}
              onSelect={select}
              emphasis={emphasis}
              marks={investigation.marks}
              noted={noted}
              onCy={onCy}
              layout={state.layout}
              viewport={state.vp}
              onViewportChange={onViewportChange}
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
          <Panel
            title={t('page.detections')}
            open={panels.detections}
            onToggle={() => togglePanel('detections')}
          >
            <DetectionsSection
              detections={allDetections.detections}
              error={allDetections.error}
              window={resolved.window}
              state={state}
              navigate={navigate}
              nodes={nodesById}
              marker={detectionMarker}
            />
            <CoverageNote coverage={dataset.coverage} />
          </Panel>
          <Panel
            title={t('page.selection')}
            open={panels.inspector}
            onToggle={() => togglePanel('inspector')}
          >
            {detection !== null && (
              <ActiveDetection
                detection={detection}
                view={view ?? EMPTY_VIEW}
                nodes={nodesById}
                navigate={navigate}
              />
            )}
            {detection !== null && (
              <TargetNotes notes={notes} target={{ kind: 'detection', id: detection.id }} />
            )}
            <Inspector target={target} onClose={() => select(null)} />
            <TargetNotes notes={notes} target={selectionTarget(target, state.sel)} />
          </Panel>
          <Panel title={t('page.ranking')} open={panels.ranking} onToggle={() => togglePanel('ranking')}>
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
                marker={nodeMarker}
              />
            )}
          </Panel>
        </aside>
      </div>
    </div>
  );
}
