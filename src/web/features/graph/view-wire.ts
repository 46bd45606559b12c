import { cutEdge, windowHours, type WindowView } from '../../../core/analysis/index.js';
import type {
  Dataset,
  DatasetEdge,
  DatasetNode,
  Detection,
  Ranking,
  TimeRange,
} from '../../../core/dataset/index.js';

/**
 * A window view as it crosses from the view worker to the page. The page holds the dataset the
 * worker computed the view from, so the view's nodes, edges and detections go as their positions in
 * the dataset's arrays (typed arrays: a memory copy, no object cloning) and the page takes its own
 * objects back. A 26k-node week view holds 68k edges with their hourly buckets: cloned, they cost
 * the page seconds of short tasks and a second copy of every edge in memory.
 *
 * Edges cut to the window are cut again on the page (cutEdge is pure: the same edge and window give
 * the same cut). Nodes whose flags were cut to the window, and anything not found in the dataset
 * (ids that are not unique), go whole.
 */
export interface ViewWire {
  window: TimeRange | null;
  totals: { nodes: number; edges: number };
  nodes: Int32Array;
  edges: Int32Array;
  detections: Int32Array;
  /** Items sent whole, by their position in the view (their index above is -1). */
  nodeCopies: Array<[number, DatasetNode]>;
  edgeCopies: Array<[number, DatasetEdge]>;
  detectionCopies: Array<[number, Detection]>;
  /** Computed for this view: they are not in the dataset. */
  rankings: Ranking[];
}

/** Positions by id; ids found twice are left out (those items go whole). */
function positions<T extends { id: string }>(items: readonly T[]): Map<string, number> {
  const at = new Map<string, number>();
  const twice = new Set<string>();
  items.forEach((item, i) => {
    if (at.has(item.id)) twice.add(item.id);
    else at.set(item.id, i);
  });
  for (const id of twice) at.delete(id);
  return at;
}

/** The worker's side: the dataset's positions are indexed once, on the first view. */
export class ViewEncoder {
  private index: {
    nodes: Map<string, number>;
    edges: Map<string, number>;
    detections: Map<string, number>;
  } | null = null;

  constructor(private readonly dataset: Dataset) {}

  encode(view: WindowView): ViewWire {
    const ds = this.dataset;
    this.index ??= {
      nodes: positions(ds.nodes),
      edges: positions(ds.edges),
      detections: positions(ds.detections),
    };
    const { nodes, edges, detections } = this.index;
    // A node equal to the dataset's object goes by position; a copy (flags cut to the window) whole.
    const node = encodeList(view.nodes, nodes, (n, k) => ds.nodes[k] === n);
    // An edge goes by position when the page's cut of the dataset edge gives the view's edge.
    const edge = encodeList(view.edges, edges, (e, k) => ds.edges[k]!.id === e.id);
    const detection = encodeList(view.detections, detections, (d, k) => ds.detections[k] === d);
    return {
      window: view.window,
      totals: view.totals,
      nodes: node.at,
      edges: edge.at,
      detections: detection.at,
      nodeCopies: node.copies,
      edgeCopies: edge.copies,
      detectionCopies: detection.copies,
      rankings: [...view.rankings.values()],
    };
  }
}

function encodeList<T extends { id: string }>(
  items: readonly T[],
  index: Map<string, number>,
  same: (item: T, k: number) => boolean,
): { at: Int32Array; copies: Array<[number, T]> } {
  const at = new Int32Array(items.length);
  const copies: Array<[number, T]> = [];
  items.forEach((item, i) => {
    const k = index.get(item.id);
    if (k !== undefined && same(item, k)) at[i] = k;
    else {
      at[i] = -1;
      copies.push([i, item]);
    }
  });
  return { at, copies };
}

/**
 * Items decoded per task by decodeViewInTasks: an edge cut to the window is a new object with its
 * own buckets and times (a 26k-node day view cuts 40k edges: 170 ms on a busy machine in one task).
 */
export const DECODE_CHUNK = 5000;

/** The page's side: the view over the page's own dataset objects. */
export function decodeView(wire: ViewWire, dataset: Dataset): WindowView {
  const steps = decodeSteps(wire, dataset, Infinity);
  let r = steps.next();
  while (r.done !== true) r = steps.next();
  return r.value;
}

/** decodeView over several tasks, DECODE_CHUNK items each, so that no task is long. */
export async function decodeViewInTasks(wire: ViewWire, dataset: Dataset): Promise<WindowView> {
  const steps = decodeSteps(wire, dataset, DECODE_CHUNK);
  let r = steps.next();
  while (r.done !== true) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    r = steps.next();
  }
  return r.value;
}

/** The decoding, pausing (yield) after every `chunk` items. */
function* decodeSteps(wire: ViewWire, dataset: Dataset, chunk: number): Generator<void, WindowView> {
  const { fromHour, toHour } = windowHours(wire.window);
  const inWindow = wire.window !== null;
  const cut = (k: number) => {
    const e = dataset.edges[k]!;
    return inWindow ? (cutEdge(e, fromHour, toHour) ?? e) : e;
  };
  const edges: DatasetEdge[] = yield* decodeList(wire.edges, wire.edgeCopies, cut, chunk);
  const nodes: DatasetNode[] = yield* decodeList(
    wire.nodes,
    wire.nodeCopies,
    (k) => dataset.nodes[k]!,
    chunk,
  );
  const detections: Detection[] = yield* decodeList(
    wire.detections,
    wire.detectionCopies,
    (k) => dataset.detections[k]!,
    chunk,
  );
  return {
    window: wire.window,
    totals: wire.totals,
    nodes,
    edges,
    detections,
    rankings: new Map(wire.rankings.map((r) => [r.node, r])),
  };
}

function* decodeList<T>(
  at: Int32Array,
  copies: ReadonlyArray<[number, T]>,
  take: (k: number) => T,
  chunk: number,
): Generator<void, T[]> {
  const out = new Array<T>(at.length);
  for (let i = 0; i < at.length; i++) {
    if (at[i]! >= 0) out[i] = take(at[i]!);
    if ((i + 1) % chunk === 0) yield;
  }
  for (const [i, item] of copies) out[i] = item;
  return out;
}
