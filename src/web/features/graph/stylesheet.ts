import type { StylesheetJson } from 'cytoscape';
import {
  PALETTES,
  type EdgeState,
  type NodePaint,
  type Palette,
  type PaletteName,
} from '../../../core/palette.js';

export type ResolvedTheme = 'light' | 'dark';

/** Canvas colours per theme: the graph is drawn dark in dark mode, labels light on a dark halo. */
const CANVAS: Record<ResolvedTheme, { text: string; halo: string; edgeText: string; ring: string }> = {
  light: { text: '#1f2937', halo: '#ffffff', edgeText: '#374151', ring: '#ffffff' },
  dark: { text: '#e5e7eb', halo: '#0b1220', edgeText: '#d1d5db', ring: '#0b1220' },
};

const PAINTS: NodePaint[] = ['privileged', 'account', 'host', 'ip', 'domain'];
const EDGE_STATES: EdgeState[] = ['failed', 'mixed', 'ok', 'member'];

/**
 * The Cytoscape stylesheet for a theme and palette. Elements carry no colours, only what they are
 * (`paint`, `tone` 0–1 from the overlay score, edge `state`): switching theme or palette swaps this
 * stylesheet and rebuilds no element. Edge states differ by line style too (failed solid, mixed
 * dotted, member and new dashed), so colour is never the only cue.
 */
function buildStylesheet(
  theme: ResolvedTheme,
  paletteName: PaletteName,
  edgeLabels: boolean,
): StylesheetJson {
  const palette = PALETTES[paletteName];
  const canvas = CANVAS[theme];
  const emphasis = palette.emphasis[theme];
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        shape: 'data(shape)' as never,
        label: 'data(label)',
        'border-color': canvas.ring,
        'border-width': 1,
        'font-size': 10,
        color: canvas.text,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': canvas.halo,
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
      },
    },
    ...PAINTS.map((paint) => ({
      selector: `node[paint = "${paint}"]`,
      style: {
        'background-color': `mapData(tone, 0, 1, ${palette.nodes[paint].pale}, ${palette.nodes[paint].strong})`,
      },
    })),
    // Privileged accounts keep their ring even when the overlay recolours them.
    {
      selector: 'node[paint = "privileged"]',
      style: { 'border-color': palette.privilegedRing, 'border-width': 3 },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'curve-style': 'haystack',
        'haystack-radius': 0,
        opacity: 0.8,
        'font-size': 9,
        color: canvas.edgeText,
        'text-background-color': canvas.halo,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
      },
    },
    ...EDGE_STATES.map((state) => ({
      selector: `edge[state = "${state}"]`,
      style: { 'line-color': palette.edges[state] },
    })),
    { selector: 'edge[state = "mixed"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge[role = "member"]', style: { 'line-style': 'dashed', opacity: 0.5 } },
  ];
  if (edgeLabels) sheet.push({ selector: 'edge[role != "member"]', style: { label: 'data(label)' } });
  sheet.push(
    { selector: 'edge:selected', style: { label: 'data(label)', 'line-color': emphasis, opacity: 1 } },
    { selector: 'node:selected', style: { 'border-color': emphasis, 'border-width': 5 } },
    // Level of detail on big views (`lod` = 1 past 1,000 nodes): no labels until GraphCanvas marks the
    // nodes `lod-show` past a zoom threshold (the WebGL renderer ignores min-zoomed-font-size; hidden by
    // default, opening a big view restyles nothing). Hover and selection always show theirs.
    { selector: '[lod = 1]', style: { label: '' } },
    { selector: 'node.lod-show', style: { label: 'data(label)' } },
    { selector: 'edge:selected', style: { label: 'data(label)', 'min-zoomed-font-size': 0 } },
    {
      selector: 'node.hover, node:selected',
      style: { label: 'data(label)', 'min-zoomed-font-size': 0, 'z-index': 10 },
    },
    // Emphasis (evidence, a path, a chain) and new edges, toggled by id by GraphCanvas.
    { selector: '.dimmed', style: { opacity: 0.15 } },
    { selector: 'node.emphasis', style: { 'border-color': emphasis, 'border-width': 4, 'z-index': 9 } },
    { selector: 'edge.emphasis', style: { opacity: 1, 'line-color': emphasis, 'z-index': 9 } },
    { selector: 'edge.new', style: { 'line-style': 'dashed', 'line-color': palette.added, opacity: 1 } },
    ...notedRules(theme, palette),
  );
  return sheet;
}

/**
 * Elements carrying an analyst's note (classes toggled by id by GraphCanvas). A node gets a dashed
 * ring drawn outside its border, so that the privileged ring, the selection and the emphasis stay
 * readable, over a highlighter halo; a link gets the halo, which also makes it wider. Tagged
 * `compromised` (the tag that changes what an analyst does next) is marked harder: a thick double
 * ring in red, a wider and stronger halo. The cues are shape and size first (dashed, double,
 * wider), colour second, so they hold in the colour-blind palette and on both canvases.
 */
function notedRules(theme: ResolvedTheme, palette: Palette): StylesheetJson {
  const highlight = palette.notes.highlight[theme];
  const { compromised } = palette.notes;
  return [
    {
      selector: 'node.noted',
      style: {
        'outline-style': 'dashed',
        'outline-width': 2,
        'outline-offset': 2,
        'outline-color': CANVAS[theme].text,
        'underlay-color': highlight,
        'underlay-opacity': theme === 'light' ? 0.7 : 0.55,
        'underlay-padding': 7,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'node.noted-compromised',
      style: {
        'outline-style': 'double',
        'outline-width': 6,
        'outline-color': compromised,
        'underlay-opacity': theme === 'light' ? 0.85 : 0.7,
        'underlay-padding': 11,
      },
    },
    {
      selector: 'edge.noted',
      style: {
        opacity: 1,
        'underlay-color': highlight,
        'underlay-opacity': theme === 'light' ? 0.8 : 0.7,
        'underlay-padding': 4,
      },
    },
    {
      selector: 'edge.noted-compromised',
      style: { 'underlay-color': compromised, 'underlay-opacity': 0.55, 'underlay-padding': 6 },
    },
  ];
}

/**
 * Stable references per combination: GraphCanvas re-applies a stylesheet, restyling every element,
 * only when the reference changes.
 */
const cache = new Map<string, StylesheetJson>();
export function graphStylesheet(
  theme: ResolvedTheme,
  palette: PaletteName,
  edgeLabels: boolean,
): StylesheetJson {
  const key = `${theme}/${palette}/${edgeLabels ? 1 : 0}`;
  let sheet = cache.get(key);
  if (sheet === undefined) cache.set(key, (sheet = buildStylesheet(theme, palette, edgeLabels)));
  return sheet;
}

/** The light, standard stylesheets (what the graph drew before themes; tests and benches use them). */
export const GRAPH_STYLE: StylesheetJson = graphStylesheet('light', 'standard', false);
export const GRAPH_STYLE_WITH_EDGE_LABELS: StylesheetJson = graphStylesheet('light', 'standard', true);
