import type { LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../../stores/ui-store';

/** Above this many nodes cose (force-directed, ~27 s at 1k nodes here) is replaced by concentric. */
export const COSE_MAX_NODES = 400;
/** fcose runs in the layout worker; past this many nodes it takes many seconds there too. */
export const FCOSE_MAX_NODES = 1500;
/** Up to this many nodes fcose refines its spectral start ("default"); above, the draft is kept. */
const FCOSE_REFINE_MAX = 600;
/** Overlap avoidance is quadratic: past this many nodes it costs seconds (measured in Chromium). */
const AVOID_OVERLAP_MAX = 500;

/** The layout actually run: cose and fcose give way to concentric on graphs too big for them. */
export function effectiveLayout(name: LayoutName, nodeCount: number): LayoutName {
  if (name === 'cose' && nodeCount > COSE_MAX_NODES) return 'concentric';
  if (name === 'fcose' && nodeCount > FCOSE_MAX_NODES) return 'concentric';
  return name;
}

/**
 * Layout options. fcose (force-directed) is the default for small and medium graphs; concentric is
 * "by rank": fast at thousands of nodes, with the largest nodes (highest score) in the middle.
 * Nodes are laid out with boxes that include their labels (`w`/`h` data, see layout-compute), so
 * that labels do not land on other nodes.
 */
export function layoutOptions(name: LayoutName, nodeCount: number): LayoutOptions {
  switch (effectiveLayout(name, nodeCount)) {
    case 'fcose':
      return {
        name: 'fcose',
        animate: false,
        quality: nodeCount > FCOSE_REFINE_MAX ? 'draft' : 'default',
        randomize: true,
        packComponents: true,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 90,
        nodeSeparation: 90,
        tile: true,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        animate: false,
        concentric: (n: NodeSingular) => Number(n.data('size')) || 1,
        levelWidth: () => 8,
        minNodeSpacing: 6,
        avoidOverlap: nodeCount < AVOID_OVERLAP_MAX,
      } as LayoutOptions;
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        animate: false,
        directed: false,
        spacingFactor: 0.9,
        avoidOverlap: nodeCount < AVOID_OVERLAP_MAX,
      } as LayoutOptions;
    case 'grid':
      return { name: 'grid', animate: false, avoidOverlap: true } as LayoutOptions;
    case 'cose':
      return { name: 'cose', animate: false, numIter: 500 } as LayoutOptions;
  }
}

/** True when the chosen layout is replaced because the graph is too large for it. */
export function layoutDowngraded(name: LayoutName, nodeCount: number): boolean {
  return effectiveLayout(name, nodeCount) !== name;
}
