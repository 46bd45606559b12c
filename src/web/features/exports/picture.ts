/**
 * The graph as a picture, from the live instance (positions, styles, emphasis and the selection as
 * on screen). PNG: drawn by Cytoscape's canvas renderer (`cy.png`); when the page draws with WebGL, a
 * hidden twin instance with the canvas renderer is made for the export (same elements, style and
 * viewport) and destroyed after. SVG: written from what the instance shows (scene.ts, whatever the
 * renderer), so labels stay text.
 */
import cytoscape, { type Core } from 'cytoscape';
import {
  pngMetaEntries,
  sceneSvg,
  withPngText,
  withSvgMetadata,
  type ExportMeta,
  type PictureOf,
} from '../../../core/export/index.js';
import { readScene } from './scene';

/** Longest side and area of a PNG at most: Chromium refuses larger canvases (and memory runs out). */
const MAX_SIDE = 16_384;
const MAX_AREA = 64_000_000;

export const SCALES = [1, 2, 4] as const;
export type Scale = (typeof SCALES)[number];

interface RendererLike {
  webgl?: boolean;
  getPixelRatio?(): number;
}
function rendererOf(cy: Core): RendererLike | undefined {
  return (cy as unknown as { renderer(): RendererLike | undefined }).renderer();
}

/** The size of the picture at 1× in CSS pixels: the graph's bounds, or the visible canvas. */
function baseSize(cy: Core, full: boolean): { w: number; h: number } {
  if (!full) return { w: cy.width(), h: cy.height() };
  const bb = cy.elements().boundingBox();
  return { w: Math.max(1, Math.ceil(bb.w)), h: Math.max(1, Math.ceil(bb.h)) };
}

/** The scale actually used: the one asked for, reduced when the picture would be too large. */
export function fittedScale(size: { w: number; h: number }, scale: number): number {
  const limit = Math.min(MAX_SIDE / size.w, MAX_SIDE / size.h, Math.sqrt(MAX_AREA / (size.w * size.h)));
  return Math.min(scale, limit);
}

/** The page's background behind the graph (an exported picture is not transparent). */
function background(cy: Core): string {
  const container = cy.container();
  let el: Element | null = container;
  while (el !== null) {
    const bg = getComputedStyle(el).backgroundColor;
    if (bg !== '' && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
    el = el.parentElement;
  }
  return '#ffffff';
}

/** Calls `draw` with an instance drawn by the canvas renderer: the live one, or a hidden twin. */
async function withCanvasRenderer<T>(live: Core, draw: (cy: Core) => T | Promise<T>): Promise<T> {
  if (rendererOf(live)?.webgl !== true) return draw(live);
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = `position:fixed;left:-100000px;top:0;width:${live.width()}px;height:${live.height()}px;`;
  document.body.append(box);
  const twin = cytoscape({
    container: box,
    style: (live.style() as unknown as { json(): cytoscape.StylesheetJson }).json(),
    elements: live.elements().jsons() as unknown as cytoscape.ElementDefinition[],
    layout: { name: 'preset' },
    minZoom: live.minZoom(),
    maxZoom: live.maxZoom(),
    zoom: live.zoom(),
    pan: live.pan(),
  });
  try {
    return await draw(twin);
  } finally {
    twin.destroy();
    box.remove();
  }
}

export interface Picture {
  blob: Blob;
  /** The scale used (below the one asked for when the picture would have been too large). */
  scale: number;
}

/** The graph as PNG, with the dataset, window and export time in its text chunks. */
export async function graphPng(live: Core, full: boolean, asked: Scale, meta: ExportMeta): Promise<Picture> {
  return withCanvasRenderer(live, async (cy) => {
    const scale = fittedScale(baseSize(cy, full), asked);
    // Cytoscape multiplies `scale` by the screen's pixel ratio: divide it out, so that 2× is 2×.
    const ratio = rendererOf(cy)?.getPixelRatio?.() ?? 1;
    const blob = await cy.png({ output: 'blob-promise', full, scale: scale / ratio, bg: background(cy) });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const picture: PictureOf = { full, scale };
    const withText = withPngText(bytes, pngMetaEntries(meta, picture));
    return { blob: new Blob([withText as Uint8Array<ArrayBuffer>], { type: 'image/png' }), scale };
  });
}

/** The graph as SVG (written from what Cytoscape shows), with <title>, <desc> and <metadata>. */
export async function graphSvg(live: Core, full: boolean, asked: Scale, meta: ExportMeta): Promise<Picture> {
  const scene = readScene(live, full, asked, background(live));
  const text = withSvgMetadata(sceneSvg(scene), meta, { full, scale: asked });
  return Promise.resolve({ blob: new Blob([text], { type: 'image/svg+xml' }), scale: asked });
}
