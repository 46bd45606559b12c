/**
 * A drawn graph as SVG, written here rather than by replaying a canvas renderer (the cytoscape-svg
 * extension is GPL-3.0 and loses rounded shapes): the app reads what Cytoscape shows (positions,
 * sizes, colours, opacity, labels: features/exports/scene.ts) into a Scene, and this pure function
 * writes it. Every label is escaped and every colour checked, so that the file is well-formed XML
 * whatever the logs hold; labels stay text (searchable, selectable).
 */
import { xmlText } from './image-meta.js';

export interface SceneNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** A Cytoscape shape name; unknown shapes are drawn as ellipses. */
  shape: string;
  fill: string;
  border: string;
  borderWidth: number;
  opacity: number;
  label: string;
  fontSize: number;
  color: string;
  outlineColor: string;
  outlineWidth: number;
  /** Space between the node's bottom and its label. */
  labelMargin: number;
}

export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
  opacity: number;
  dashed: boolean;
  label: string;
  fontSize: number;
  labelColor: string;
}

export interface Scene {
  /** The drawn area in graph coordinates. */
  viewBox: { x: number; y: number; width: number; height: number };
  /** Size of the picture in pixels. */
  width: number;
  height: number;
  background: string;
  nodes: SceneNode[];
  edges: SceneEdge[];
}

const FONT = 'Helvetica Neue, Helvetica, Arial, sans-serif';

/** A colour as CSS gives it (`#abc`, `rgb(…)`, `rgba(…)`, a name); anything else becomes black. */
export function safeColor(value: string): string {
  const v = value.trim();
  return /^(#[0-9a-f]{3,8}|rgba?\([\d.,\s%]+\)|[a-z]{3,20})$/i.test(v) ? v : '#000000';
}

function num(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '0';
}

/** A regular polygon of `sides` fitted to the unit square, as Cytoscape draws its n-gon shapes. */
function ngon(sides: number): Array<[number, number]> {
  const step = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2;
  const pts: Array<[number, number]> = [];
  for (let i = 0; i < sides; i++) {
    const a = start + i * step;
    pts.push([Math.cos(a), -Math.sin(a)]);
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return pts.map(([x, y]) => [((x - x0) / (x1 - x0)) * 2 - 1, ((y - y0) / (y1 - y0)) * 2 - 1]);
}

const POLYGONS: Record<string, Array<[number, number]>> = {
  triangle: ngon(3),
  'round-triangle': ngon(3),
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  'round-diamond': [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  pentagon: ngon(5),
  'round-pentagon': ngon(5),
  hexagon: ngon(6),
  'round-hexagon': ngon(6),
  heptagon: ngon(7),
  'round-heptagon': ngon(7),
  octagon: ngon(8),
  'round-octagon': ngon(8),
};

function shapeMarkup(n: SceneNode): string {
  const rx = n.width / 2;
  const ry = n.height / 2;
  const paint =
    `fill="${safeColor(n.fill)}"` +
    (n.borderWidth > 0 ? ` stroke="${safeColor(n.border)}" stroke-width="${num(n.borderWidth)}"` : '');
  const round = n.shape.startsWith('round-') ? ' stroke-linejoin="round"' : '';
  const poly = POLYGONS[n.shape];
  if (poly !== undefined) {
    const pts = poly.map(([x, y]) => `${num(n.x + x * rx)},${num(n.y + y * ry)}`).join(' ');
    return `<polygon points="${pts}" ${paint}${round}/>`;
  }
  if (n.shape === 'rectangle' || n.shape === 'round-rectangle' || n.shape === 'square') {
    const r = n.shape === 'round-rectangle' ? Math.min(n.width, n.height) / 4 : 0;
    return `<rect x="${num(n.x - rx)}" y="${num(n.y - ry)}" width="${num(n.width)}" height="${num(n.height)}" rx="${num(r)}" ${paint}/>`;
  }
  return `<ellipse cx="${num(n.x)}" cy="${num(n.y)}" rx="${num(rx)}" ry="${num(ry)}" ${paint}/>`;
}

function opacity(o: number): string {
  return o >= 1 ? '' : ` opacity="${num(Math.max(0, o))}"`;
}

function label(
  text: string,
  x: number,
  y: number,
  size: number,
  color: string,
  outline: string,
  width: number,
) {
  if (text === '') return '';
  const halo =
    width > 0 ? ` stroke="${safeColor(outline)}" stroke-width="${num(width * 2)}" paint-order="stroke"` : '';
  return `<text x="${num(x)}" y="${num(y)}" font-size="${num(size)}" fill="${safeColor(color)}"${halo} text-anchor="middle">${xmlText(text)}</text>`;
}

/** The scene as an SVG document: a background, the edges, then the nodes with their labels. */
export function sceneSvg(scene: Scene): string {
  const { viewBox: v } = scene;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(scene.width)}" height="${num(scene.height)}" viewBox="${num(v.x)} ${num(v.y)} ${num(v.width)} ${num(v.height)}" font-family="${FONT}">`,
    `<rect x="${num(v.x)}" y="${num(v.y)}" width="${num(v.width)}" height="${num(v.height)}" fill="${safeColor(scene.background)}"/>`,
    '<g class="edges">',
  ];
  for (const e of scene.edges) {
    const dash = e.dashed ? ` stroke-dasharray="${num(e.width * 3)} ${num(e.width * 2)}"` : '';
    parts.push(
      `<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke="${safeColor(e.color)}" stroke-width="${num(e.width)}"${dash}${opacity(e.opacity)}/>`,
    );
  }
  parts.push('</g><g class="edge-labels">');
  for (const e of scene.edges) {
    parts.push(label(e.label, (e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2, e.fontSize, e.labelColor, '#ffffff', 2));
  }
  parts.push('</g><g class="nodes">');
  for (const n of scene.nodes) {
    const text = label(
      n.label,
      n.x,
      n.y + n.height / 2 + n.labelMargin + n.fontSize,
      n.fontSize,
      n.color,
      n.outlineColor,
      n.outlineWidth,
    );
    parts.push(`<g${opacity(n.opacity)}>${shapeMarkup(n)}${text}</g>`);
  }
  parts.push('</g></svg>');
  return parts.join('\n');
}
