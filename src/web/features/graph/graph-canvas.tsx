import cytoscape, {
  type Core,
  type ElementDefinition,
  type EventObject,
  type NodeCollection,
  type NodeSingular,
  type SingularElementReturnValue,
  type StylesheetJson,
} from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Viewport } from '../../lib/url-state';
import type { LayoutName } from '../../stores/ui-store';
import { ADD_CHUNK, applyInSlices, type ElementChanges } from './apply-in-slices';
import { computeLayout, type LayoutRequest, type Point, type Positions } from './layout-compute';
import { cachedLayout, keepLayout } from './layout-cache';
import { classChanges } from './mark-classes';
import { restyleInSlices, styledWith } from './restyle-in-slices';
import { applyViewport, layoutKeyOf, readViewport, sameViewport, useViewportReport } from './viewport-sync';
import { LatestOnlyClient, workerPort, type Outcome } from './worker-protocol';

/**
 * The only module that touches the real Cytoscape renderer (component tests mock it: the canvas
 * renderer cannot start in jsdom). The instance is created here, once per renderer choice, and
 * elements are then updated in place by id: added, removed, or given new data. Layouts run in the
 * layout worker, as a pure function of the view (the same view always gets the same picture, so a
 * shared link shows what its author saw). Positions, zoom and pan live in the Cytoscape instance,
 * never in React state; zoom and pan are mirrored into the URL (viewport-sync).
 */
export interface GraphCanvasProps {
  elements: ElementDefinition[];
  stylesheet: StylesheetJson;
  topologyKey: string;
  layout: LayoutName;
  selected: string | null;
  webgl: boolean;
  /** Elements to highlight (evidence, a path, a chain): they get `emphasis`, the rest `dimmed`. */
  emphasis?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  /** Edges new in this window compared with the previous one: class `new`. */
  marks?: { newEdges: ReadonlySet<string> } | null;
  /**
   * Nodes and links carrying an analyst's note or tag: class `noted`; those tagged `compromised`
   * also `noted-compromised` (a stronger mark).
   */
  noted?: NotedMarks | null;
  onSelect(id: string | null): void;
  onHover(id: string | null): void;
  onLayoutRunning(running: boolean): void;
  /** Told the Cytoscape instance when it is created and null when it goes (exports draw from it). */
  onCy?: ((cy: Core | null) => void) | undefined;
  /** Zoom and pan from the URL: applied after a layout instead of fitting, and on back/forward. */
  viewport?: Viewport | null;
  /** The viewport once the analyst stops panning or zooming (and after a fit). */
  onViewportChange?(viewport: Viewport): void;
  /** Changing it asks for a fresh layout of the current view (the one a link reproduces). */
  freshToken?: number;
  /** Whether the positions drawn are the view's fresh layout (what its link shows elsewhere). */
  onPictureFresh?(fresh: boolean): void;
}

export interface NotedMarks {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Node or link ids (they never collide) of the noted elements tagged `compromised`. */
  compromised: ReadonlySet<string>;
}

/** What GraphCanvas toggles by id, as classes, over the elements it draws. */
interface ClassMarks {
  emphasis: GraphCanvasProps['emphasis'];
  marks: GraphCanvasProps['marks'];
  noted: GraphCanvasProps['noted'];
}

const FILL = { width: '100%', height: '100%' };
/** Space around the graph when fitting, so that labels at the edges are not cut off. */
const FIT_PADDING = 40;
/** A fitted small graph is not blown up past this zoom (3 nodes must not fill the screen). */
const MAX_FIT_ZOOM = 1.25;
/** Above this many elements, the canvas renderer draws a snapshot while panning and zooming. */
const VIEWPORT_TEXTURE_MIN = 2000;

interface Handlers {
  onSelect(id: string | null): void;
  onHover(id: string | null): void;
  onLayoutRunning(running: boolean): void;
  onCy?: ((cy: Core | null) => void) | undefined;
  onPictureFresh?: ((fresh: boolean) => void) | undefined;
}

export type WebglSupport = 'hardware' | 'software' | 'none';

/**
 * Whether this browser gives WebGL2 (Cytoscape's WebGL mode needs it), and whether a GPU draws it.
 * Without a GPU, Chromium emulates WebGL on the CPU (SwiftShader): measured here, its first frame of
 * a 2,500-node view took twice as long as the canvas renderer's, so WebGL is used on a GPU only.
 */
export function webglSupport(): WebglSupport {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (gl === null) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info === null ? '' : gl.getParameter(info.UNMASKED_RENDERER_WEBGL));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software|basic render/i.test(name) ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}

/**
 * Measurement switch (bench/graph-browser.bench.ts): localStorage `logonlens:webgl` = `always` uses
 * WebGL even when it runs on the CPU, to compare both renderers on a machine without a GPU.
 */
function forceSoftwareWebgl(): boolean {
  try {
    return globalThis.localStorage?.getItem('logonlens:webgl') === 'always';
  } catch {
    return false;
  }
}

function createCy(container: HTMLElement, style: StylesheetJson, webgl: boolean): Core {
  const base = {
    container,
    style,
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
  };
  if (webgl) {
    try {
      return cytoscape({ ...base, renderer: { name: 'canvas', webgl: true } } as cytoscape.CytoscapeOptions);
    } catch {
      // WebGL listed but unusable (a blocked driver): the plain canvas renderer draws instead.
      container.replaceChildren();
    }
  }
  return cytoscape(base);
}

/** The layout worker, shared by the canvases of the page (one at a time in practice). */
let layoutClient: LatestOnlyClient | null = null;
function layoutWorker(): LatestOnlyClient | null {
  if (layoutClient !== null) return layoutClient;
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    layoutClient = new LatestOnlyClient(workerPort(worker));
  } catch {
    layoutClient = null;
  }
  return layoutClient;
}

/** Positions from the worker; computed here when no worker can run (same function, this thread). */
function requestLayout(req: LayoutRequest): Promise<Outcome<Positions>> {
  const client = layoutWorker();
  if (client !== null) return client.request<Positions>('layout', req);
  try {
    return Promise.resolve({ status: 'done', result: computeLayout(req) });
  } catch (e) {
    return Promise.resolve({ status: 'error', message: String(e) });
  }
}

/** The renderer's switches (not in Cytoscape's types). */
interface RendererSwitches {
  webgl?: boolean;
  textureOnViewport?: boolean;
  hideEdgesOnViewport?: boolean;
  /** Pixels per CSS pixel; null: the screen's. */
  forcedPixelRatio?: number | null;
  data?: { eleTxrCache?: { getElement?: unknown } };
}
function rendererOf(cy: Core): RendererSwitches | undefined {
  return (cy as unknown as { renderer(): RendererSwitches | undefined }).renderer();
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}

const isNode = (e: ElementDefinition) => e.data.source === undefined;

export function GraphCanvas(props: GraphCanvasProps) {
  const {
    elements,
    stylesheet,
    layout,
    selected,
    webgl,
    emphasis = null,
    marks = null,
    noted = null,
  } = props;
  const { t } = useTranslation('graph');
  const viewport = props.viewport ?? null;
  const freshToken = props.freshToken ?? 0;
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const [renderer, setRenderer] = useState<{ name: 'webgl' | 'canvas'; support: WebglSupport } | null>(null);
  // Handlers change identity with every render; events read the latest through this ref.
  const handlers = useRef<Handlers>(props);
  useEffect(() => {
    handlers.current = props;
  });
  /** The data last given to each element of this instance: only changed elements are updated. */
  const applied = useRef(new Map<string, Record<string, unknown>>());
  /** The layout the current positions came from: another one lays out afresh. */
  const laidOutWith = useRef<string | null>(null);
  /** The view key of the last fresh layout, and the last fresh-layout request served. */
  const freshKey = useRef<string | null>(null);
  const freshDone = useRef(freshToken);
  const viewportRef = useRef(viewport);
  useEffect(() => {
    viewportRef.current = viewport;
  }, [viewport]);
  useViewportReport(cy, props.onViewportChange);
  // The latest emphasis, marks and notes: a layout that ends later applies these, not those of its
  // start (a comparison turned on, or a note saved, while the layout ran must still show).
  const classesRef = useRef<ClassMarks>({ emphasis, marks, noted });
  useEffect(() => {
    classesRef.current = { emphasis, marks, noted };
  }, [emphasis, marks, noted]);
  const selectedRef = useRef(selected);
  useEffect(() => {
    selectedRef.current = selected;
  }, [selected]);
  const layoutRunning = useRef(false);
  /** The selection the viewport was last centred on: each selection is centred once. */
  const centredFor = useRef<string | null>(null);

  // One instance per renderer choice; the stylesheet is applied in place below.
  const initialStyle = useRef(stylesheet);
  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const support = webgl ? webglSupport() : 'none';
    const useGl = support === 'hardware' || (support === 'software' && forceSoftwareWebgl());
    const instance = createCy(container, initialStyle.current, useGl);
    styledWith(instance, initialStyle.current);
    const gl = rendererOf(instance)?.webgl === true;
    // Without a GPU (or without knowing of one) the canvas is drawn on the CPU: see drawOnCpu.
    if (!gl && (webgl ? support : webglSupport()) !== 'hardware') drawOnCpu(instance);
    instance.on('tap', (e: EventObject) => {
      if (e.target === instance) handlers.current.onSelect(null);
      else handlers.current.onSelect(String(e.target.id()));
    });
    instance.on('mouseover', 'node', (e: EventObject) => {
      e.target.addClass('hover');
      handlers.current.onHover(String(e.target.id()));
    });
    instance.on('mouseout', 'node', (e: EventObject) => {
      e.target.removeClass('hover');
      handlers.current.onHover(null);
    });
    // Level of detail: on big views, labels only past a zoom threshold (checked once per frame).
    let lodFrame = 0;
    instance.on('zoom', () => {
      if (lodFrame !== 0) return;
      lodFrame = requestAnimationFrame(() => {
        lodFrame = 0;
        if (!instance.destroyed()) applyLod(instance);
      });
    });
    // Panels opening and closing change the canvas size: Cytoscape must know, or it draws nothing.
    const observer =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(container);
    applied.current = new Map();
    laidOutWith.current = null;
    setCy(instance);
    setRenderer({ name: gl ? 'webgl' : 'canvas', support });
    handlers.current.onCy?.(instance);
    return () => {
      cancelAnimationFrame(lodFrame);
      observer?.disconnect();
      handlers.current.onCy?.(null);
      setCy(null);
      instance.destroy();
      container.replaceChildren();
      container.removeAttribute('data-restyling');
    };
  }, [webgl]);

  // A theme or palette switch: a big view is restyled in slices (`data-restyling` meanwhile).
  useEffect(() => {
    if (cy === null || cy.destroyed()) return;
    restyleInSlices(cy, stylesheet, (busy) => {
      if (busy) containerRef.current?.setAttribute('data-restyling', 'true');
      else containerRef.current?.removeAttribute('data-restyling');
    });
  }, [cy, stylesheet]);

  // Elements in place by id; a layout (in the worker) only when what it depends on changes.
  useEffect(() => {
    if (cy === null || cy.destroyed()) return;
    // One pass over each side: looking elements up one by one builds a collection per call.
    const present = new Map<string, SingularElementReturnValue>();
    cy.elements().forEach((ele) => {
      present.set(ele.id(), ele);
    });
    const next = new Set(elements.map((e) => String(e.data.id)));
    const gone = cy.elements().filter((ele) => !next.has(ele.id()));
    const added = elements.filter((e) => !present.has(String(e.data.id)));
    const addedNodes = added.filter(isNode);
    const nodes = elements.filter(isNode);
    const layoutNodes = nodes.map((e) => ({
      id: String(e.data.id),
      size: Number(e.data.size) || 20,
      label: String(e.data.label ?? ''),
    }));
    const layoutEdges = elements
      .filter((e) => !isNode(e))
      .map((e) => ({ source: String(e.data.source), target: String(e.data.target) }));
    // Two rules meet here. A fresh layout is a function of the view alone (layout-compute, seeded):
    // a link opened elsewhere draws the same picture (issue 13). Stepping through windows keeps the
    // positions of the nodes that stay and places only the new ones (issue 14), so that the picture
    // does not jump; such a picture depends on the way taken, and "Copy link" first asks for the
    // fresh one (`freshToken`). Fresh: the first picture, a new layout, or that request.
    const key = layoutKeyOf(layout, layoutNodes, layoutEdges);
    const freshAsked = freshToken !== freshDone.current;
    const report = (fresh: boolean) => handlers.current.onPictureFresh?.(fresh);
    const relayout = laidOutWith.current !== layout || cy.nodes().length === 0 || freshAsked;
    freshDone.current = freshToken;
    let live = true;
    const setBusy = (running: boolean) => {
      if (layoutRunning.current === running) return;
      layoutRunning.current = running;
      handlers.current.onLayoutRunning(running);
    };

    // Data of elements that stay: unchanged ones are recorded now, changed ones once applied.
    const update: ElementChanges['update'] = [];
    for (const e of elements) {
      const id = String(e.data.id);
      const ele = present.get(id);
      if (ele === undefined) continue;
      const before = applied.current.get(id);
      // No record: an element whose removal was cut short by newer elements; its data is set again.
      if (before === undefined || !sameData(before, e.data)) update.push([ele, e.data]);
      else applied.current.set(id, e.data);
    }
    const sliced = gone.length + update.length + added.length > ADD_CHUNK;

    const apply = async (positions: Positions | null, refit: boolean) => {
      if (refit && positions !== null)
        cy.batch(() => {
          for (const [id, ele] of present) {
            const p = positions[id];
            if (p !== undefined) ele.position(p);
          }
        });
      for (const id of gone.map((g) => g.id())) applied.current.delete(id);
      const fresh = added.map((e) => {
        const p = positions?.[String(e.data.id)];
        return p !== undefined && isNode(e) ? { ...e, position: { ...p } } : e;
      });
      // A big view is added over several tasks: its viewport is set first, from the positions.
      if (refit && positions !== null && sliced) fitToPoints(cy, Object.values(positions));
      let complete: boolean;
      try {
        complete = await applyInSlices(
          cy,
          { remove: gone, update, add: fresh },
          () => live,
          (id, data) => applied.current.set(id, data),
        );
      } catch (e) {
        // Not expected (ids are unique); the graph must not stay "busy" for ever if it happens.
        console.warn(`the graph could not be updated: ${String(e)}`);
        complete = !cy.destroyed();
      }
      if (!complete || cy.destroyed()) return;
      cy.resize();
      tuneRenderer(cy, elements.length);
      applyClasses(cy, classesRef.current);
      const vp = viewportRef.current;
      if (refit && vp !== null) {
        // The URL's viewport belongs to this picture (a new picture drops it: carryViewport).
        applyViewport(cy, vp);
        centredFor.current = selectedRef.current;
      } else if (refit) fitView(cy);
      else if (vp !== null && !sameViewport(readViewport(cy), vp)) {
        // Back/forward onto a view drawn with kept positions: the entry's zoom and pan still apply.
        applyViewport(cy, vp);
        centredFor.current = selectedRef.current;
      }
      applyLod(cy, true);
      const sel = selectedRef.current;
      // The selection from the URL is drawn selected once its node exists (a page opened on a link,
      // or a selected node that a slice added after the selection effect ran).
      if (sel !== null) cy.getElementById(sel).select();
      if (sel !== null && centredFor.current !== sel && centreOn(cy, sel, false)) centredFor.current = sel;
      setBusy(false);
    };

    if (addedNodes.length === 0 && !relayout) {
      if (sliced) setBusy(true);
      void apply(null, false);
      // Elements removed or restyled: the positions are still the fresh layout only of this same view.
      if (freshKey.current !== key) freshKey.current = null;
      report(freshKey.current === key);
      return () => {
        live = false;
        setBusy(false);
      };
    }
    const fixed: Positions | null = relayout ? null : {};
    if (fixed !== null)
      for (const e of nodes) {
        const ele = present.get(String(e.data.id));
        if (ele !== undefined) fixed[ele.id()] = { ...ele.position() };
      }
    const req: LayoutRequest = { layout, nodes: layoutNodes, edges: layoutEdges, fixed };
    // Busy from the layout request until the last slice of elements is in.
    setBusy(true);
    // Fresh layouts are cached by view: back/forward and revisited windows skip the worker.
    const cached = fixed === null ? cachedLayout(key) : undefined;
    const pending: Promise<Outcome<Positions>> =
      cached !== undefined ? Promise.resolve({ status: 'done', result: cached }) : requestLayout(req);
    void pending.then((outcome) => {
      if (!live || cy.destroyed() || outcome.status === 'cancelled') return;
      if (outcome.status === 'error') {
        // Still draw the graph: new nodes at the origin are better than a missing window.
        console.warn(`layout failed: ${outcome.message}`);
        void apply(null, fixed === null);
        return;
      }
      laidOutWith.current = layout;
      // New nodes placed around kept ones: the picture now depends on the way taken.
      freshKey.current = fixed === null ? key : null;
      if (fixed === null) keepLayout(key, outcome.result);
      report(freshKey.current === key);
      void apply(outcome.result, fixed === null);
    });
    return () => {
      live = false;
      setBusy(false);
    };
    // emphasis, marks and notes are applied by their own effect; here they only follow new elements.
  }, [cy, elements, layout, freshToken]);

  useEffect(() => {
    if (cy !== null && !cy.destroyed()) applyClasses(cy, { emphasis, marks, noted });
  }, [cy, emphasis, marks, noted]);

  // A viewport from the URL that the canvas does not show (back/forward, an edited link): apply it,
  // and do not centre the selection it comes with (the viewport already says where to look).
  // Declared before the selection effect, which runs after it.
  useEffect(() => {
    if (cy === null || cy.destroyed() || viewport === null || layoutRunning.current) return;
    if (cy.nodes().empty() || sameViewport(readViewport(cy), viewport)) return;
    applyViewport(cy, viewport);
    centredFor.current = selectedRef.current;
  }, [cy, viewport]);

  // Selection from the URL (a ranking row, back/forward): select it, and centre it once per
  // selection change (while a layout runs, its end does the centring).
  useEffect(() => {
    if (cy === null || cy.destroyed()) return;
    cy.elements(':selected').unselect();
    if (selected === null) {
      centredFor.current = null;
      return;
    }
    const ele = cy.getElementById(selected);
    if (ele.empty()) return;
    ele.select();
    if (layoutRunning.current || centredFor.current === selected) return;
    if (centreOn(cy, selected, true)) centredFor.current = selected;
  }, [cy, selected, elements]);

  return (
    <>
      <div ref={containerRef} className="graph-canvas" style={FILL} data-renderer={renderer?.name} />
      {webgl && renderer?.name === 'canvas' && (
        <p className="graph-renderer-note">
          {renderer.support === 'software' ? t('renderer.software') : t('renderer.unavailable')}
        </p>
      )}
    </>
  );
}

/**
 * Emphasis (everything else dimmed), new-edge marks and notes, in one batch: only the classes that
 * differ from what the elements carry are toggled (each toggle restyles its element).
 */
function applyClasses(cy: Core, { emphasis, marks, noted }: ClassMarks) {
  const changes = classChanges(cy.elements(), {
    emphasis: emphasis ?? null,
    newEdges: marks?.newEdges ?? null,
    noted: noted ?? null,
  });
  if (changes.length === 0) return;
  cy.batch(() => {
    for (const { ele, cls, on } of changes) {
      if (on) ele.addClass(cls);
      else ele.removeClass(cls);
    }
  });
}

/** Below this zoom the labels of big views (`lod` = 1) are hidden. */
const LOD_ZOOM = 0.9;

/**
 * Whether each instance shows its big-view labels, and which toggle is the latest (an older one still
 * in slices stops). Kept here, not in `cy.scratch`: writing the core's scratch restyles every element
 * (Cytoscape treats it as core data), a 200 ms frame on a 5,000-node view (found with a CPU profile of
 * the graph bench).
 */
const lodShown = new WeakMap<Core, { show: boolean; turn: number }>();

/**
 * Shows or hides the node labels of a big view when the zoom crosses LOD_ZOOM (or its elements
 * changed). Each node toggled is restyled: 5,000 at once took 0.6–0.8 s (graph bench's 26k view,
 * load 11), so past ADD_CHUNK nodes the toggle runs in slices, one task each, the nodes in view first.
 */
function applyLod(cy: Core, force = false) {
  const show = cy.zoom() >= LOD_ZOOM;
  const before = lodShown.get(cy);
  if (!force && before?.show === show) return;
  const turn = (before?.turn ?? 0) + 1;
  lodShown.set(cy, { show, turn });
  const nodes = show ? cy.nodes('[lod = 1]').not('.lod-show') : cy.nodes('.lod-show');
  const toggle = (part: NodeCollection) =>
    cy.batch(() => {
      if (show) part.addClass('lod-show');
      else part.removeClass('lod-show');
    });
  if (nodes.length <= ADD_CHUNK) {
    toggle(nodes);
    return;
  }
  const { x1, x2, y1, y2 } = cy.extent();
  const inView = nodes.filter((n: NodeSingular) => {
    const p = n.position();
    return p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
  });
  const ordered = [inView, nodes.difference(inView)];
  const parts: NodeCollection[] = [];
  for (const group of ordered)
    for (let i = 0; i < group.length; i += ADD_CHUNK) parts.push(group.slice(i, i + ADD_CHUNK));
  const step = (i: number) => {
    if (cy.destroyed() || lodShown.get(cy)?.turn !== turn) return;
    toggle(parts[i]!);
    if (i + 1 < parts.length) setTimeout(() => step(i + 1), 0);
  };
  step(0);
}

/** Canvas renderers that draw on the CPU (no GPU): see drawOnCpu. */
const cpuDrawn = new WeakSet<Core>();

/**
 * Without a GPU, Chromium rasterizes the 2D canvas on the CPU, and Cytoscape's node textures (each
 * node drawn once into a shared texture canvas per zoom level, then copied) cost more than they save:
 * the copies are most of a frame's time (likely a snapshot of a texture canvas just written to), and
 * a zoom past a power of two redraws every node's texture in one frame (2–4 s for a 5,000-node view
 * in the graph bench, with a CPU profile). Drawn directly, each node is one small path: scripted
 * pan/zoom of a 5,000-node view went from 1.3–2.4 to 1.8–7.0 frames per second in paired runs (load
 * 8–15), drag and wheel unchanged within the noise. With a GPU the textures are cheap and stay. An
 * internal of Cytoscape 3.x: left alone if its shape differs.
 */
function drawOnCpu(cy: Core) {
  const cache = rendererOf(cy)?.data?.eleTxrCache;
  if (cache === undefined || typeof cache.getElement !== 'function') return;
  // No texture for any node: the renderer falls back to drawing the node itself.
  cache.getElement = () => null;
  cpuDrawn.add(cy);
}

/**
 * Big graphs on the canvas renderer: draw a snapshot and skip edges while the viewport moves; drawn
 * on the CPU, also one pixel per CSS pixel (a HiDPI screen's two would draw four times the pixels).
 */
function tuneRenderer(cy: Core, count: number) {
  const r = rendererOf(cy);
  if (r === undefined) return;
  const big = count > VIEWPORT_TEXTURE_MIN;
  r.textureOnViewport = big;
  r.hideEdgesOnViewport = big;
  if (cpuDrawn.has(cy)) r.forcedPixelRatio = big ? 1 : null;
}

/** Above this many nodes the fit reads node positions only (measuring every label and edge takes seconds). */
const FIT_BY_POSITIONS_MIN = 500;

/** Fits the graph with room for its labels, without blowing a small graph up to fill the screen. */
function fitView(cy: Core) {
  const nodes = cy.nodes();
  if (nodes.empty()) return;
  if (nodes.length <= FIT_BY_POSITIONS_MIN) {
    cy.fit(undefined, FIT_PADDING);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    return;
  }
  fitToPoints(
    cy,
    nodes.map((n) => n.position()),
  );
}

/** Fits the viewport to node centres (with room for the largest node and a label under the outermost). */
function fitToPoints(cy: Core, points: readonly Point[]) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    x2 = Math.max(x2, p.x);
    y1 = Math.min(y1, p.y);
    y2 = Math.max(y2, p.y);
  }
  if (x1 === Infinity) return;
  const margin = FIT_PADDING + 40;
  const zoom = Math.min(
    MAX_FIT_ZOOM,
    Math.max(
      cy.minZoom(),
      Math.min((cy.width() - 2 * margin) / (x2 - x1 || 1), (cy.height() - 2 * margin) / (y2 - y1 || 1)),
    ),
  );
  cy.viewport({
    zoom,
    pan: { x: cy.width() / 2 - (zoom * (x1 + x2)) / 2, y: cy.height() / 2 - (zoom * (y1 + y2)) / 2 },
  });
}

/** Centres the viewport on a node (zooming in to at least 1:1); false when it is not drawn. */
function centreOn(cy: Core, id: string, animate: boolean): boolean {
  const ele = cy.getElementById(id);
  if (ele.empty()) return false;
  const zoom = Math.max(cy.zoom(), 1);
  if (animate) {
    cy.stop();
    cy.animate({ center: { eles: ele }, zoom }, { duration: 250 });
  } else {
    cy.zoom(zoom);
    cy.center(ele);
  }
  return true;
}
