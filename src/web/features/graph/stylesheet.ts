import type { StylesheetJson } from 'cytoscape';

/**
 * Module-level stylesheets (stable references: react-cytoscapejs re-applies a stylesheet whenever
 * the prop changes). Every visual varies through `data(...)` fields set by buildElements.
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
  // Investigation (issue 9): evidence, path or chain emphasized, the rest dimmed; new edges marked.
  { selector: '.dimmed', style: { opacity: 0.15 } },
  { selector: 'node.emphasis', style: { 'border-color': '#7c3aed', 'border-width': 4 } },
  { selector: 'edge.emphasis', style: { 'line-color': '#7c3aed', opacity: 1, 'z-index': 10 } },
  { selector: 'edge.new', style: { 'line-color': '#059669', 'line-style': 'dashed', opacity: 1 } },
];

/** Edge labels only on the selected edge. */
export const GRAPH_STYLE: StylesheetJson = base;
/** Edge labels everywhere (event ID, count, logon type, auth package). */
export const GRAPH_STYLE_WITH_EDGE_LABELS: StylesheetJson = [
  ...base.slice(0, 3),
  { selector: 'edge[role != "member"]', style: { label: 'data(label)' } },
  ...base.slice(3),
];
