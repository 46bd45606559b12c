import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../../stores/ui-store';
import { effectiveLayout, layoutOptions } from './layouts';
import { seedOf, withSeededRandom } from './seeded-random';

cytoscape.use(fcose);

export interface Point {
  x: number;
  y: number;
}
export type Positions = Record<string, Point>;

export interface LayoutNode {
  id: string;
  size: number;
  label: string;
}

export interface LayoutRequest {
  layout: LayoutName;
  nodes: LayoutNode[];
  edges: Array<{ source: string; target: string }>;
  /** Positions of the nodes that stay, kept exactly; null lays out every node afresh. */
  fixed: Positions | null;
}

/** Font size of node labels (stylesheet) and the width of one character of it, roughly. */
const LABEL_LINE = 14;
const CHAR_WIDTH = 6;
/** Space kept between two nodes' boxes. */
const GAP = 6;
/** Overlap removal compares every pair: it runs on graphs up to this size. */
const SEPARATE_MAX = 600;

/**
 * A node's box with its label: the label is drawn under the node, so the box is as wide as the
 * label and tall enough for a line of text on both sides (the layouts centre boxes on nodes).
 */
export function labelBox(n: LayoutNode): { w: number; h: number } {
  return { w: Math.max(n.size, n.label.length * CHAR_WIDTH + 4), h: n.size + 2 * LABEL_LINE };
}

/**
 * Node positions for a graph, computed in the layout worker with headless Cytoscape. With `fixed`,
 * nodes that stay keep their positions and only new nodes are placed: beside their neighbours that
 * stay, or (when they have none) laid out on their own to the right of the existing picture.
 */
export function computeLayout(req: LayoutRequest): Positions {
  const boxes = new Map(req.nodes.map((n) => [n.id, labelBox(n)]));
  const fixed = req.fixed === null ? null : new Map(Object.entries(req.fixed));
  const stay = fixed === null ? [] : req.nodes.filter((n) => fixed.has(n.id));
  const positions: Positions = {};
  if (fixed === null || stay.length === 0) {
    Object.assign(positions, runLayout(req.layout, req.nodes, req.edges));
  } else {
    for (const n of stay) positions[n.id] = fixed.get(n.id)!;
    const fresh = req.nodes.filter((n) => !fixed.has(n.id));
    const alone = placeBesideNeighbours(fresh, req.edges, positions);
    if (alone.length > 0) {
      const ids = new Set(alone.map((n) => n.id));
      const inner = runLayout(
        req.layout,
        alone,
        req.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
      );
      Object.assign(positions, besideRight(inner, positions, boxes));
    }
  }
  if (req.nodes.length <= SEPARATE_MAX) {
    separateBoxes(positions, boxes, new Set(stay.map((n) => n.id)));
  }
  return positions;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const edgeKey = (e: { source: string; target: string }) => `${e.source}\u0000${e.target}`;

/**
 * One layout run, a pure function of its input (exact permalinks): nodes and edges are given to
 * Cytoscape in id order, and the random start of the force-directed layouts is seeded from them.
 */
function runLayout(
  layout: LayoutName,
  unordered: LayoutNode[],
  unorderedEdges: LayoutRequest['edges'],
): Positions {
  const nodes = [...unordered].sort(byId);
  const edges = unorderedEdges
    .map((e) => ({ e, key: edgeKey(e) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.e);
  const seed = seedOf([layout, ...nodes.map((n) => n.id), ...edges.map(edgeKey)]);
  return withSeededRandom(seed, () => runOrderedLayout(layout, nodes, edges));
}

function runOrderedLayout(layout: LayoutName, nodes: LayoutNode[], edges: LayoutRequest['edges']): Positions {
  const elements: ElementDefinition[] = nodes.map((n) => ({
    data: { id: n.id, size: n.size, ...labelBox(n) },
  }));
  const effective = effectiveLayout(layout, nodes.length);
  // Concentric and grid place nodes by score or order alone: building thousands of edges in
  // Cytoscape (seconds on a busy machine) would buy nothing. Sizes are always needed: the rings'
  // spacing comes from them.
  const needsEdges = effective !== 'concentric' && effective !== 'grid';
  const ids = new Set(nodes.map((n) => n.id));
  let k = 0;
  if (needsEdges)
    for (const e of edges)
      if (ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
        elements.push({ data: { id: `e${k++}`, source: e.source, target: e.target } });
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
  });
  try {
    cy.layout(layoutOptions(layout, nodes.length)).run();
    const out: Positions = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      out[n.id()] = { x: Number.isFinite(p.x) ? p.x : 0, y: Number.isFinite(p.y) ? p.y : 0 };
    });
    return out;
  } finally {
    cy.destroy();
  }
}

/** Golden-angle spiral offsets: new nodes around one neighbour spread out instead of stacking. */
function spiral(i: number): Point {
  const angle = i * 2.399963;
  const r = 60 + 14 * Math.sqrt(i);
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
}

/** Puts each new node near the centre of its placed neighbours; returns those with none placed. */
function placeBesideNeighbours(fresh: LayoutNode[], edges: LayoutRequest['edges'], positions: Positions) {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const l = neighbours.get(a);
    if (l === undefined) neighbours.set(a, [b]);
    else l.push(b);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const crowd = new Map<string, number>();
  let pending = fresh;
  // Twice: a new node whose only neighbours are new gets placed once those are.
  for (let round = 0; round < 2 && pending.length > 0; round++) {
    const later: LayoutNode[] = [];
    for (const n of pending) {
      const placed = (neighbours.get(n.id) ?? []).filter((id) => positions[id] !== undefined);
      if (placed.length === 0) {
        later.push(n);
        continue;
      }
      let x = 0;
      let y = 0;
      for (const id of placed) {
        x += positions[id]!.x;
        y += positions[id]!.y;
      }
      const anchor = placed.slice().sort()[0]!;
      const i = crowd.get(anchor) ?? 0;
      crowd.set(anchor, i + 1);
      const off = spiral(i);
      positions[n.id] = { x: x / placed.length + off.x, y: y / placed.length + off.y };
    }
    pending = later;
  }
  return pending;
}

function bounds(positions: Positions, boxes: Map<string, { w: number; h: number }>) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const [id, p] of Object.entries(positions)) {
    const b = boxes.get(id) ?? { w: 0, h: 0 };
    x1 = Math.min(x1, p.x - b.w / 2);
    x2 = Math.max(x2, p.x + b.w / 2);
    y1 = Math.min(y1, p.y - b.h / 2);
    y2 = Math.max(y2, p.y + b.h / 2);
  }
  return x1 === Infinity ? null : { x1, y1, x2, y2 };
}

/** Moves a separately laid-out group to the right of what is already placed. */
function besideRight(group: Positions, placed: Positions, boxes: Map<string, { w: number; h: number }>) {
  const a = bounds(placed, boxes);
  const b = bounds(group, boxes);
  if (a === null || b === null) return group;
  const dx = a.x2 + 80 - b.x1;
  const dy = a.y1 - b.y1;
  const out: Positions = {};
  for (const [id, p] of Object.entries(group)) out[id] = { x: p.x + dx, y: p.y + dy };
  return out;
}

/**
 * Pushes overlapping boxes apart (labels included), along the axis where they overlap least. Nodes
 * in `pinned` never move (positions of nodes that stay are kept); the other one moves the whole way.
 */
export function separateBoxes(
  positions: Positions,
  boxes: Map<string, { w: number; h: number }>,
  pinned: ReadonlySet<string>,
  rounds = 60,
): void {
  const ids = Object.keys(positions).sort();
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = ids[i]!;
        const b = ids[j]!;
        const pa = positions[a]!;
        const pb = positions[b]!;
        const ba = boxes.get(a) ?? { w: 0, h: 0 };
        const bb = boxes.get(b) ?? { w: 0, h: 0 };
        const ox = (ba.w + bb.w) / 2 + GAP - Math.abs(pa.x - pb.x);
        const oy = (ba.h + bb.h) / 2 + GAP - Math.abs(pa.y - pb.y);
        if (ox <= 0 || oy <= 0) continue;
        const fa = pinned.has(a) ? 0 : 1;
        const fb = pinned.has(b) ? 0 : 1;
        if (fa + fb === 0) continue;
        moved = true;
        // Same spot: a fixed direction, so that results do not depend on chance.
        const sx = pa.x === pb.x ? (a < b ? -1 : 1) : Math.sign(pa.x - pb.x);
        const sy = pa.y === pb.y ? (a < b ? -1 : 1) : Math.sign(pa.y - pb.y);
        const share = 1 / (fa + fb);
        if (ox < oy) {
          pa.x += sx * ox * share * fa;
          pb.x -= sx * ox * share * fb;
        } else {
          pa.y += sy * oy * share * fa;
          pb.y -= sy * oy * share * fb;
        }
      }
    }
    if (!moved) break;
  }
}
