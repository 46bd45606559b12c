import { useMemo } from 'react';
import { scaleFromRange } from '../../lib/encodings';
import type { Viewport } from '../../lib/url-state';
import { useUiStore, type LayoutName } from '../../stores/ui-store';
import type { GraphElements } from './elements';
import { GraphCanvas, type GraphCanvasProps } from './graph-canvas';
import { layoutDowngraded } from './layouts';
import { Legend } from './legend';
import { GRAPH_STYLE, GRAPH_STYLE_WITH_EDGE_LABELS } from './stylesheet';

export interface GraphViewProps {
  /** Elements (buildElements) for the window view. */
  graph: GraphElements;
  /** Nodes in the filtered view, before the rendering cap. */
  viewNodes: number;
  /** A newer view is being computed: this one stays shown meanwhile. */
  pending?: boolean;
  /** Passed to the canvas: elements to highlight (the rest is dimmed) and new edges to mark. */
  emphasis?: GraphCanvasProps['emphasis'];
  marks?: GraphCanvasProps['marks'];
  selected: string | null;
  onSelect(id: string | null): void;
  /** The URL's layout (fcose when left out). */
  layout?: LayoutName;
  /** The URL's viewport, and where the canvas reports a settled pan or zoom (exact permalinks). */
  viewport?: Viewport | null;
  onViewportChange?(viewport: Viewport): void;
}

/** Draws the elements, with a cap notice and the legend. */
export function GraphView({
  graph,
  viewNodes,
  pending = false,
  emphasis,
  marks,
  selected,
  onSelect,
  layout = 'fcose',
  viewport = null,
  onViewportChange,
}: GraphViewProps) {
  const settings = useUiStore((s) => s.settings);
  const setHovered = useUiStore((s) => s.setHovered);
  const setLayoutRunning = useUiStore((s) => s.setLayoutRunning);
  const layoutRunning = useUiStore((s) => s.layoutRunning);
  const downgraded = layoutDowngraded(layout, graph.shown.nodes);
  const scale = useMemo(() => scaleFromRange(graph.scale), [graph.scale]);

  return (
    <div className="graph-view">
      {graph.capped && (
        <p className="notice warn" role="status">
          Showing {graph.shown.nodes.toLocaleString('en')} of {viewNodes.toLocaleString('en')} nodes (the most
          connected): narrow the window or add filters to see the rest.
        </p>
      )}
      {downgraded && (
        <p className="notice" role="status">
          {layout} is too slow for {graph.shown.nodes.toLocaleString('en')} nodes; using concentric (by rank).
        </p>
      )}
      <div className="graph-area" aria-label="Graph" aria-busy={layoutRunning || pending}>
        <GraphCanvas
          key={settings.webgl ? 'webgl' : 'canvas'}
          elements={graph.elements}
          stylesheet={settings.edgeLabels ? GRAPH_STYLE_WITH_EDGE_LABELS : GRAPH_STYLE}
          topologyKey={graph.topologyKey}
          layout={layout}
          selected={selected}
          webgl={settings.webgl}
          emphasis={emphasis ?? null}
          marks={marks ?? null}
          onSelect={onSelect}
          onHover={setHovered}
          onLayoutRunning={setLayoutRunning}
          viewport={viewport}
          {...(onViewportChange === undefined ? {} : { onViewportChange })}
        />
        {pending ? (
          <div className="graph-busy" aria-live="polite">
            computing the window…
          </div>
        ) : (
          layoutRunning && <div className="graph-busy">laying out…</div>
        )}
      </div>
      <Legend scale={scale} />
    </div>
  );
}
