import { scaleLinear, scaleSqrt } from 'd3-scale';
import type { DatasetNode, Ranking } from '../../core/dataset/index.js';
import { mixHex, PALETTES, type NodePaint, type PaletteName } from '../../core/palette.js';
import type { Overlay } from './url-state';

/**
 * Visual encodings shared by the graph and its legend: the palette (after LogonTracer) and the
 * score overlay (size and colour strength from the chosen score, through d3-scale).
 */
export type NodeStyleKind = NodePaint;

/**
 * Each kind's shape and legend label. Its colours (pale → strong: a higher score gets the stronger
 * colour) come from the chosen palette, in src/core/palette.ts with the report's.
 */
export const PALETTE: Record<NodeStyleKind, { label: string; shape: string }> = {
  privileged: { label: 'privileged account', shape: 'ellipse' },
  account: { label: 'account', shape: 'ellipse' },
  host: { label: 'host', shape: 'diamond' },
  ip: { label: 'IP address', shape: 'round-triangle' },
  domain: { label: 'domain', shape: 'round-rectangle' },
};
/** Accounts that were created, deleted, changed group or replicated the directory. */
export const FLAGGED_SHAPE = 'octagon';
const SHAPE_FLAGS = new Set(['created', 'deleted', 'group-added', 'group-removed', 'dcsync', 'dcshadow']);

export const SIZE_RANGE: [number, number] = [16, 64];
const PLAIN_SIZE = 26;

export function styleKind(node: DatasetNode): NodeStyleKind {
  if (node.kind === 'account')
    return node.flags.some((f) => f.kind === 'privileged') ? 'privileged' : 'account';
  return node.kind;
}

export function isShapeFlagged(node: DatasetNode): boolean {
  return node.kind === 'account' && node.flags.some((f) => SHAPE_FLAGS.has(f.kind));
}

export function nodeShape(node: DatasetNode): string {
  return isShapeFlagged(node) ? FLAGGED_SHAPE : PALETTE[styleKind(node)].shape;
}

export interface OverlayScale {
  overlay: Overlay;
  min: number;
  max: number;
  /** Node diameter in px. */
  size(score: number | undefined): number;
  /** Colour strength at a score, 0 (pale) to 1 (strong); the stylesheet maps it to the palette. */
  tone(score: number | undefined): number;
  /** Fill colour for a kind at a score in a palette (the legend's; the graph maps `tone`). */
  color(kind: NodeStyleKind, score: number | undefined, palette?: PaletteName): string;
}

export function scoreOf(rankings: Map<string, Ranking>, id: string, overlay: Overlay): number | undefined {
  if (overlay === 'none') return undefined;
  return rankings.get(id)?.scores[overlay];
}

/** Scales over the scores of the nodes on screen (so the window's own extremes span the range). */
export function overlayScale(
  overlay: Overlay,
  rankings: Map<string, Ranking>,
  ids: Iterable<string>,
): OverlayScale {
  let min = Infinity;
  let max = -Infinity;
  if (overlay !== 'none') {
    for (const id of ids) {
      const v = rankings.get(id)?.scores[overlay];
      if (v === undefined || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min === Infinity) {
    min = 0;
    max = 0;
  }
  return scaleFromRange({ overlay, min, max });
}

/** The plain-data part of an OverlayScale: what a Web Worker can send back (functions cannot be cloned). */
export interface ScaleRange {
  overlay: Overlay;
  min: number;
  max: number;
}

/** The scale for a known score range (the worker sends the range; the page rebuilds the functions). */
export function scaleFromRange({ overlay, min, max }: ScaleRange): OverlayScale {
  const domain: [number, number] = max > min ? [min, max] : [min, min + 1];
  const size = scaleSqrt().domain(domain).range(SIZE_RANGE).clamp(true);
  const t = scaleLinear().domain(domain).range([0, 1]).clamp(true);
  const tone = (score: number | undefined): number =>
    overlay === 'none' || score === undefined ? 1 : t(score);
  return {
    overlay,
    min,
    max,
    size: (score) => (overlay === 'none' || score === undefined ? PLAIN_SIZE : size(score)),
    tone,
    color: (kind, score, palette = 'standard') => {
      const { pale, strong } = PALETTES[palette].nodes[kind];
      return mixHex(pale, strong, tone(score));
    },
  };
}

/** Edge width from its event count: thin for one event, thicker on a log scale. */
export function edgeWidth(count: number): number {
  return Math.min(8, 1 + Math.log2(Math.max(1, count)) * 0.8);
}

/** Score values for display: integers as they are, fractions to 3 significant digits. */
export function formatScore(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);
}
