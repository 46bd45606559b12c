/**
 * What Cytoscape shows, read into a Scene for the SVG writer (core/export/scene-svg.ts): node
 * positions, sizes, shapes, colours, effective opacity (dimmed elements stay dimmed) and the labels
 * the stylesheet shows, and the straight edges between their end points. Graph coordinates: the
 * SVG's viewBox is the graph's bounds (full) or the visible extent.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Scene, SceneEdge, SceneNode } from '../../../core/export/index.js';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Space around the full graph, in graph units: labels under the outermost nodes stay inside. */
const FULL_PADDING = 30;

function meets(a: Box, b: Box): boolean {
  return a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;
}

/** Cytoscape's parsed style of an element (`pstyle`, not in its types): pfValue in graph units. */
function parsed(ele: NodeSingular | EdgeSingular, name: string): { pfValue?: unknown; strValue?: unknown } {
  const e = ele as unknown as { pstyle(n: string): { pfValue?: unknown; strValue?: unknown } | undefined };
  return e.pstyle(name) ?? {};
}

function pf(ele: NodeSingular | EdgeSingular, name: string): number {
  const v = parsed(ele, name).pfValue;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function str(ele: NodeSingular | EdgeSingular, name: string): string {
  const v = parsed(ele, name);
  return typeof v.strValue === 'string' ? v.strValue : '';
}

/** The label the stylesheet gives the element (empty when the level of detail hides it). */
function labelOf(ele: NodeSingular | EdgeSingular): string {
  return str(ele, 'label');
}

function sceneNode(n: NodeSingular): SceneNode {
  const p = n.position();
  return {
    x: p.x,
    y: p.y,
    width: n.width(),
    height: n.height(),
    shape: str(n, 'shape') || 'ellipse',
    fill: n.style('background-color') as string,
    border: n.style('border-color') as string,
    borderWidth: pf(n, 'border-width'),
    opacity: n.effectiveOpacity(),
    label: labelOf(n),
    fontSize: pf(n, 'font-size') || 10,
    color: n.style('color') as string,
    outlineColor: n.style('text-outline-color') as string,
    outlineWidth: pf(n, 'text-outline-width'),
    labelMargin: pf(n, 'text-margin-y'),
  };
}

function sceneEdge(e: EdgeSingular): SceneEdge {
  const a = e.sourceEndpoint();
  const b = e.targetEndpoint();
  return {
    x1: a.x,
    y1: a.y,
    x2: b.x,
    y2: b.y,
    width: pf(e, 'width') || 1,
    color: e.style('line-color') as string,
    opacity: e.effectiveOpacity(),
    dashed: str(e, 'line-style') === 'dashed',
    label: labelOf(e),
    fontSize: pf(e, 'font-size') || 9,
    labelColor: e.style('color') as string,
  };
}

/** The scene of the whole graph or of the visible part, `scale` pixels per screen pixel. */
export function readScene(cy: Core, full: boolean, scale: number, background: string): Scene {
  let box: Box;
  let pixelsPerUnit: number;
  if (full) {
    const bb = cy.elements().boundingBox();
    box = {
      x1: bb.x1 - FULL_PADDING,
      y1: bb.y1 - FULL_PADDING,
      x2: bb.x2 + FULL_PADDING,
      y2: bb.y2 + FULL_PADDING,
    };
    pixelsPerUnit = scale;
  } else {
    const ex = cy.extent();
    box = { x1: ex.x1, y1: ex.y1, x2: ex.x2, y2: ex.y2 };
    pixelsPerUnit = cy.zoom() * scale;
  }
  const nodes: SceneNode[] = [];
  const edges: SceneEdge[] = [];
  // Visible elements only (a big graph's visible part stays a small file), in drawing order.
  cy.edges(':visible').forEach((e) => {
    if (full || meets(e.boundingBox(), box)) edges.push(sceneEdge(e));
  });
  cy.nodes(':visible')
    .sort((a, b) => pf(a, 'z-index') - pf(b, 'z-index'))
    .forEach((n) => {
      if (full || meets(n.boundingBox(), box)) nodes.push(sceneNode(n));
    });
  const width = box.x2 - box.x1;
  const height = box.y2 - box.y1;
  return {
    viewBox: { x: box.x1, y: box.y1, width, height },
    width: Math.max(1, Math.round(width * pixelsPerUnit)),
    height: Math.max(1, Math.round(height * pixelsPerUnit)),
    background,
    nodes,
    edges,
  };
}
