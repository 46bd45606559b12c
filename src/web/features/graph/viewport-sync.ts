import type { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { VIEWPORT_SETTLE_MS, roundViewport, type Viewport } from '../../lib/url-state';
import type { LayoutNode } from './layout-compute';
import { seedOf } from './seeded-random';

/**
 * The canvas's side of exact permalinks (issue 13). The viewport is mirrored into the URL once the
 * analyst stops panning or zooming; a viewport from the URL (a shared link, back/forward) is applied
 * after the layout instead of fitting. Layouts are deterministic (seeded-random), so the same view
 * and viewport give the same picture.
 */

export function readViewport(cy: Core): Viewport {
  const pan = cy.pan();
  return roundViewport({ zoom: cy.zoom(), x: pan.x, y: pan.y });
}

/** Equal within the URL's rounding (zoom to 1/1000, pan to a pixel). */
export function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.zoom - b.zoom) < 0.0015 && Math.abs(a.x - b.x) < 1.5 && Math.abs(a.y - b.y) < 1.5;
}

export function applyViewport(cy: Core, vp: Viewport): void {
  cy.stop();
  cy.viewport({ zoom: vp.zoom, pan: { x: vp.x, y: vp.y } });
}

/**
 * What a layout's result depends on: the layout, the nodes (id, size, label) and the edges. The
 * canvas lays the graph out afresh whenever it changes, so that positions are a function of the view
 * alone (a colleague opening the link gets the same picture, whatever was shown before).
 */
export function layoutKeyOf(
  layout: string,
  nodes: readonly LayoutNode[],
  edges: ReadonlyArray<{ source: string; target: string }>,
): string {
  const n = nodes.map((x) => `${x.id}\u0001${x.size}\u0001${x.label}`).sort();
  const e = edges.map((x) => `${x.source}\u0001${x.target}`).sort();
  // Two hashes over different orders: a collision of both is not a practical concern.
  return `${layout}:${n.length}:${e.length}:${seedOf([...n, '|', ...e])}:${seedOf([...e, '|', ...n])}`;
}

/** Calls `report` with the viewport once it has settled after a pan, a zoom or a fit. */
export function useViewportReport(cy: Core | null, report: ((vp: Viewport) => void) | undefined): void {
  const latest = useRef(report);
  useEffect(() => {
    latest.current = report;
  });
  useEffect(() => {
    if (cy === null || cy.destroyed()) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onViewport = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!cy.destroyed()) latest.current?.(readViewport(cy));
      }, VIEWPORT_SETTLE_MS);
    };
    cy.on('viewport', onViewport);
    return () => {
      clearTimeout(timer);
      if (!cy.destroyed()) cy.off('viewport', onViewport);
    };
  }, [cy]);
}
