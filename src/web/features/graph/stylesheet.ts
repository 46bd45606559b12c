import type { StylesheetJson } from 'cytoscape';

/**
 * Module-level stylesheets (stable references: GraphCanvas re-applies a stylesheet, restyling every
 * element, only when the reference changes). Every visual varies through `data(...)` fields set by
 * buildElements, and through the classes GraphCanvas toggles (hover, lod-show, emphasis, dimmed, new).
 */
const base: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      width: 'data(size)',
      height: 'data(size)',
      shape: 'data(shape)' as never,
      label: 'data(label)',
      'border-color': 'data(borderColor)',
      'border-width': 'data(borderWidth)',
      'font-size': 10,
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'min-zoomed-font-size': 7,
    },
  },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(color)',
      'curve-style': 'haystack',
      'haystack-radius': 0,
      opacity: 0.8,
      'font-size': 9,
      color: '#374151',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'edge[role = "member"]', style: { 'line-style': 'dashed', opacity: 0.5 } },
  { selector: 'edge:selected', style: { label: 'data(label)', 'line-color': '#d97706', opacity: 1 } },
  { selector: 'node:selected', style: { 'border-color': '#d97706', 'border-width': 5 } },
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
  { selector: 'node.emphasis', style: { 'border-color': '#d97706', 'border-width': 4, 'z-index': 9 } },
  { selector: 'edge.emphasis', style: { opacity: 1, 'line-color': '#d97706', 'z-index': 9 } },
  { selector: 'edge.new', style: { 'line-style': 'dashed', 'line-color': '#0e9f6e', opacity: 1 } },
];

/** Edge labels only on the selected edge. */
export const GRAPH_STYLE: StylesheetJson = base;
/** Edge labels everywhere (event ID, count, logon type, auth package). */
export const GRAPH_STYLE_WITH_EDGE_LABELS: StylesheetJson = [
  ...base.slice(0, 3),
  { selector: 'edge[role != "member"]', style: { label: 'data(label)' } },
  ...base.slice(3),
];
