import type { Core, ElementDefinition, EventObject, StylesheetJson } from 'cytoscape';
import { useCallback, useEffect, useRef } from 'react';
import CytoscapeComponent from 'react-cytoscapejs';
import type { LayoutName } from '../../stores/ui-store';
import { layoutOptions } from './layouts';

/**
 * The only module that touches the real Cytoscape renderer (component tests mock it: the canvas
 * renderer cannot start in jsdom). Props are stable and flat; positions, zoom and pan live in the
 * Cytoscape instance, which is never kept in React state.
 */
export interface GraphCanvasProps {
  elements: ElementDefinition[];
  stylesheet: StylesheetJson;
  topologyKey: string;
  layout: LayoutName;
  selected: string | null;
  webgl: boolean;
  onSelect(id: string | null): void;
  onHover(id: string | null): void;
  onLayoutRunning(running: boolean): void;
  /** Elements to highlight (evidence, path, chain): class `emphasis`; every other one gets `dimmed`. */
  emphasis?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  /** Edges new in this window (compared with the previous one): class `new`. */
  marks?: { newEdges: ReadonlySet<string> } | null;
}

const STYLE = { width: '100%', height: '100%' };
/** Identity comparison: elements and stylesheet are memoized, so a new reference means a change. */
const byReference = (a: unknown, b: unknown) => a !== b;

interface Handlers {
  onSelect(id: string | null): void;
  onHover(id: string | null): void;
}

export function GraphCanvas(props: GraphCanvasProps) {
  const { elements, stylesheet, topologyKey, layout, selected, webgl, onLayoutRunning } = props;
  const cyRef = useRef<Core | null>(null);
  // Handlers change identity with every render; events read the latest through this ref.
  const handlers = useRef<Handlers>(props);
  useEffect(() => {
    handlers.current = { onSelect: props.onSelect, onHover: props.onHover };
  });

  // Called by react-cytoscapejs after every mount and update. StrictMode mounts twice and
  // react-cytoscapejs re-creates `cy` each time (its issue #106), so binding is idempotent per instance.
  const bind = useCallback(
    (cy: Core) => {
      cyRef.current = cy;
      if (cy.scratch('_logonlens_bound') === true) return;
      cy.scratch('_logonlens_bound', true);
      if (webgl) enableWebgl(cy);
      cy.on('tap', (e: EventObject) => {
        if (e.target === cy) handlers.current.onSelect(null);
        else handlers.current.onSelect(String(e.target.id()));
      });
      cy.on('mouseover', 'node', (e: EventObject) => handlers.current.onHover(String(e.target.id())));
      cy.on('mouseout', 'node', () => handlers.current.onHover(null));
    },
    [webgl],
  );

  // The selection as of the last render, for the end of a layout (which runs after a timer).
  const selectedRef = useRef(selected);
  useEffect(() => {
    selectedRef.current = selected;
  }, [selected]);
  const layoutRunning = useRef(false);
  /** The selection the viewport was last centred on: each selection is centred once. */
  const centredFor = useRef<string | null>(null);

  // Layout only when the set of elements (or the layout choice) changes, never on style changes.
  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null || cy.destroyed()) return;
    layoutRunning.current = true;
    onLayoutRunning(true);
    const run = cy.layout(layoutOptions(layout, cy.nodes().length));
    run.one('layoutstop', () => {
      layoutRunning.current = false;
      if (!cy.destroyed()) {
        cy.fit(undefined, 30);
        // The fit moves every node: a selection (from a shared URL at load, or kept across a window
        // change) is centred now that it has its final position, not before the layout placed it.
        const sel = selectedRef.current;
        if (sel !== null && centreOn(cy, sel, false)) centredFor.current = sel;
      }
      onLayoutRunning(false);
    });
    // Non-animated layouts run synchronously: give the browser a frame to paint "laying out…" first.
    const timer = setTimeout(() => {
      if (!cy.destroyed()) run.run();
    }, 16);
    return () => {
      clearTimeout(timer);
      run.stop();
      layoutRunning.current = false;
      onLayoutRunning(false);
    };
  }, [topologyKey, layout, onLayoutRunning]);

  // Selection from the URL (a ranking row, back/forward): select it, and centre it once per
  // selection change (while a layout runs, its end does the centring).
  useEffect(() => {
    const cy = cyRef.current;
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
  }, [selected, topologyKey]);

  // Emphasis and marks change classes in place, in one batch: no element is rebuilt, no layout runs.
  const { emphasis = null, marks = null } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null || cy.destroyed()) return;
    cy.batch(() => {
      cy.elements().removeClass('emphasis dimmed new');
      if (emphasis !== null) {
        cy.nodes().forEach((n) => {
          n.addClass(emphasis.nodes.has(n.id()) ? 'emphasis' : 'dimmed');
        });
        cy.edges().forEach((e) => {
          e.addClass(emphasis.edges.has(e.id()) ? 'emphasis' : 'dimmed');
        });
      }
      if (marks !== null) {
        cy.edges().forEach((e) => {
          if (marks.newEdges.has(e.id())) e.addClass('new');
        });
      }
    });
  }, [emphasis, marks, topologyKey, elements]);

  return (
    <CytoscapeComponent
      elements={elements}
      stylesheet={stylesheet}
      cy={bind}
      diff={byReference}
      style={STYLE}
      className="graph-canvas"
      boxSelectionEnabled={false}
      minZoom={0.02}
      maxZoom={4}
      // Skip edges while panning and zooming: large windows stay interactive.
      hideEdgesOnViewport={elements.length > 4000}
    />
  );
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

/** Swaps the canvas renderer for its WebGL mode (opt-in: react-cytoscapejs offers no renderer prop). */
function enableWebgl(cy: Core): void {
  const c = cy as Core & { destroyRenderer?: () => void; initRenderer?: (o: object) => void };
  if (typeof c.destroyRenderer !== 'function' || typeof c.initRenderer !== 'function') return;
  try {
    c.destroyRenderer();
    c.initRenderer({ name: 'canvas', webgl: true, container: cy.container() });
  } catch {
    // No WebGL2 here: stay on the plain canvas renderer.
    c.initRenderer({ name: 'canvas', container: cy.container() });
  }
}
