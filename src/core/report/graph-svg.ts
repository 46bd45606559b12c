/**
 * The report's picture of a window: an inline SVG of the view's nodes (sized by PageRank, coloured
 * like the app after LogonTracer's palette) and their links, laid out by forceLayout. Text in it is
 * escaped; node ids never reach the markup (elements are numbered, the script works on numbers).
 */
import type { DatasetNode, Ranking } from '../dataset/schema.js';
import type { WindowView } from '../analysis/view.js';
import { forceLayout } from './layout.js';
import { logText } from './escape.js';
import { edgeState, mixHex, PALETTES, type NodePaint } from '../palette.js';

/** The report draws in the app's standard palette (LogonTracer's colours; src/core/palette.ts). */
const PALETTE = PALETTES.standard;
type StyleKind = NodePaint;

/** Node diameters, lowest to highest PageRank (the app's range, a little larger at the bottom for print). */
const SIZE_RANGE: [number, number] = [20, 64];
const SHAPE_FLAGS = new Set(['created', 'deleted', 'group-added', 'group-removed', 'dcsync', 'dcshadow']);
const WIDTH = 1200;
const HEIGHT = 800;
/** Labels of every node up to this many; past it only the highest-ranked carry one. */
const ALL_LABELS_UP_TO = 120;
const TOP_LABELS = 40;

export function styleKind(node: DatasetNode): StyleKind {
  if (node.kind === 'account')
    return node.flags.some((f) => f.kind === 'privileged') ? 'privileged' : 'account';
  return node.kind;
}

export interface GraphLink {
  a: number;
  b: number;
  count: number;
  failures: number;
}

/**
 * Links between drawn nodes, merged like the app's: source → account and account → target, one
 * link per pair and direction, with the events and failures summed.
 */
export function graphLinks(view: WindowView, indexOf: Map<string, number>): GraphLink[] {
  const links = new Map<string, GraphLink>();
  const add = (from: string, to: string, count: number, failed: boolean): void => {
    const a = indexOf.get(from);
    const b = indexOf.get(to);
    if (a === undefined || b === undefined || a === b) return;
    const key = `${a}>${b}`;
    let l = links.get(key);
    if (l === undefined) links.set(key, (l = { a, b, count: 0, failures: 0 }));
    l.count += count;
    if (failed) l.failures += count;
  };
  for (const e of view.edges) {
    if (e.source !== null) add(e.source, e.account, e.count, e.failure);
    if (e.target !== null) add(e.account, e.target, e.count, e.failure);
  }
  return [...links.values()];
}

function shapeMarkup(
  kind: DatasetNode['kind'],
  flagged: boolean,
  r: number,
  fill: string,
  stroke: string,
): string {
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="${stroke === '#ffffff' ? 1 : 3}"`;
  const poly = (pts: Array<[number, number]>): string =>
    `<polygon points="${pts.map(([x, y]) => `${(x * r).toFixed(1)},${(y * r).toFixed(1)}`).join(' ')}" ${paint}/>`;
  if (kind === 'account' && flagged) {
    const pts: Array<[number, number]> = [];
    for (let i = 0; i < 8; i++) {
      const a = Math.PI / 8 + (i * Math.PI) / 4;
      pts.push([Math.cos(a), Math.sin(a)]);
    }
    return poly(pts);
  }
  if (kind === 'host')
    return poly([
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
    ]);
  if (kind === 'ip')
    return poly([
      [0, -1],
      [0.95, 0.8],
      [-0.95, 0.8],
    ]);
  if (kind === 'domain')
    return `<rect x="${(-r).toFixed(1)}" y="${(-r * 0.7).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${(1.4 * r).toFixed(1)}" rx="4" ${paint}/>`;
  return `<circle r="${r.toFixed(1)}" ${paint}/>`;
}

/**
 * The SVG of the drawn nodes and their links (whose ends are positions in `drawn`). Each node and
 * link carries the nodes' public numbers (`numbers[i]` for `drawn[i]`: its rank in the report's
 * tables), which is what the script selects by.
 */
export function renderGraphSvg(
  drawn: readonly DatasetNode[],
  numbers: readonly number[],
  links: readonly GraphLink[],
  rankings: Map<string, Ranking>,
): string {
  const scores = drawn.map((n) => rankings.get(n.id)?.scores.pagerank ?? 0);
  const min = Math.min(...scores, Infinity);
  const max = Math.max(...scores, -Infinity);
  const span = max > min ? max - min : 1;
  const t = (v: number): number => (max > min ? (v - min) / span : 1);
  // A crowded drawing gets smaller nodes: the layout spaces nodes evenly, whatever their size.
  const shrink = Math.min(1, Math.sqrt(60 / Math.max(1, drawn.length)));
  const diameter = (v: number): number =>
    shrink * Math.sqrt(SIZE_RANGE[0] ** 2 + (SIZE_RANGE[1] ** 2 - SIZE_RANGE[0] ** 2) * t(v));
  const positions = forceLayout(
    drawn.map((n) => n.id),
    links.map((l) => [l.a, l.b] as const),
    { width: WIDTH, height: HEIGHT, margin: 50 },
  );
  const at = (i: number): { x: number; y: number } => positions.get(drawn[i]!.id) ?? { x: 0, y: 0 };
  const labelled = new Set<number>();
  const byScore = drawn.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  for (const i of drawn.length <= ALL_LABELS_UP_TO ? byScore : byScore.slice(0, TOP_LABELS)) labelled.add(i);

  const parts: string[] = [];
  parts.push(
    `<svg id="graph" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Logon graph of the window: ${drawn.length} nodes, ${links.length} links">`,
  );
  parts.push('<g class="links">');
  for (const l of links) {
    const p = at(l.a);
    const q = at(l.b);
    const color = PALETTE.edges[edgeState(l.count, l.failures)];
    const width = Math.min(8, 1 + Math.log2(Math.max(1, l.count)) * 0.8).toFixed(1);
    parts.push(
      `<line data-a="${numbers[l.a]}" data-b="${numbers[l.b]}" x1="${p.x}" y1="${p.y}" x2="${q.x}" y2="${q.y}" stroke="${color}" stroke-width="${width}"><title>${l.count} events${l.failures > 0 ? `, ${l.failures} failed` : ''}</title></line>`,
    );
  }
  parts.push('</g><g class="nodes">');
  drawn.forEach((n, i) => {
    const p = at(i);
    const kind = styleKind(n);
    const score = scores[i]!;
    const r = diameter(score) / 2;
    const fill = mixHex(PALETTE.nodes[kind].pale, PALETTE.nodes[kind].strong, 0.25 + 0.75 * t(score));
    const stroke = kind === 'privileged' ? PALETTE.privilegedRing : '#ffffff';
    const flagged = n.flags.some((f) => SHAPE_FLAGS.has(f.kind));
    const label = labelled.has(i)
      ? `<text text-anchor="middle" y="${(r + 13).toFixed(1)}">${logText(n.label, 40)}</text>`
      : '';
    parts.push(
      `<g class="node" data-n="${numbers[i]}" transform="translate(${p.x} ${p.y})">${shapeMarkup(n.kind, flagged, r, fill, stroke)}<title>${logText(n.label, 300)} (${n.kind})</title>${label}</g>`,
    );
  });
  parts.push('</g></svg>');
  return parts.join('');
}
