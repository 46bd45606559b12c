import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { scaleFromRange } from '../../lib/encodings';
import type { Viewport } from '../../lib/url-state';
import { useUiStore, type LayoutName } from '../../stores/ui-store';
import type { GraphElements } from './elements';
import { GraphCanvas, type GraphCanvasProps } from './graph-canvas';
import { layoutDowngraded } from './layouts';
import { Legend, type LegendNotes } from './legend';
import { graphStylesheet } from './stylesheet';
import { useResolvedTheme } from '../../lib/appearance';

export interface GraphViewProps {
  /** Elements (buildElements) for the window view. */
  graph: GraphElements;
  /** A newer view is being computed: this one stays shown meanwhile. */
  pending?: boolean;
  /** Passed to the canvas: elements to highlight (the rest is dimmed) and new edges to mark. */
  emphasis?: GraphCanvasProps['emphasis'];
  marks?: GraphCanvasProps['marks'];
  /** Nodes and links carrying an analyst's note (marked on the canvas, explained in the legend). */
  noted?: GraphCanvasProps['noted'];
  selected: string | null;
  onSelect(id: string | null): void;
  /** Given the Cytoscape instance while it lives (exports of the picture). */
  onCy?: GraphCanvasProps['onCy'];
  /** The URL's layout (fcose when left out). */
  layout?: LayoutName;
  /** The URL's viewport, and where the canvas reports a settled pan or zoom (exact permalinks). */
  viewport?: Viewport | null;
  onViewportChange?(viewport: Viewport): void;
}

/** What the legend explains of the notes: nothing when no node or link carries one. */
function legendNotes(noted: GraphCanvasProps['noted']): LegendNotes | null {
  if (!noted || noted.nodes.size + noted.edges.size === 0) return null;
  return { compromised: noted.compromised.size > 0 };
}

/** Draws the elements, with a cap notice and the legend. */
export function GraphView({
  graph,
  pending = false,
  emphasis,
  marks,
  noted = null,
  selected,
  onSelect,
  onCy,
  layout = 'fcose',
  viewport = null,
  onViewportChange,
}: GraphViewProps) {
  const settings = useUiStore((s) => s.settings);
  const appearance = useUiStore((s) => s.appearance);
  const theme = useResolvedTheme(appearance.theme);
  const setHovered = useUiStore((s) => s.setHovered);
  const setLayoutRunning = useUiStore((s) => s.setLayoutRunning);
  const freshToken = useUiStore((s) => s.freshLayoutToken);
  const setPictureFresh = useUiStore((s) => s.setPictureFresh);
  const layoutRunning = useUiStore((s) => s.layoutRunning);
  const downgraded = layoutDowngraded(layout, graph.shown.nodes);
  const scale = useMemo(() => scaleFromRange(graph.scale), [graph.scale]);
  const { t } = useTranslation('graph');

  return (
    <div className="graph-view">
      {graph.capped && (
        <p className="notice warn" role="status">
          {/* The nodes that pass the filters, which the cap chooses from; the status line's total is
              every node in the window (hidden kinds included), so the notice says which it counts. */}
          {t('capped', { shown: graph.shown.nodes, total: graph.inView })}
        </p>
      )}
      {downgraded && (
        <p className="notice" role="status">
          {t('downgraded', { layout, count: graph.shown.nodes })}
        </p>
      )}
      <div className="graph-area" aria-label={t('area')} aria-busy={layoutRunning || pending}>
        <GraphCanvas
          key={settings.webgl ? 'webgl' : 'canvas'}
          elements={graph.elements}
          stylesheet={graphStylesheet(theme, appearance.palette, settings.edgeLabels)}
          topologyKey={graph.topologyKey}
          layout={layout}
          selected={selected}
          webgl={settings.webgl}
          emphasis={emphasis ?? null}
          marks={marks ?? null}
          noted={noted}
          onSelect={onSelect}
          onHover={setHovered}
          onLayoutRunning={setLayoutRunning}
          freshToken={freshToken}
          onPictureFresh={setPictureFresh}
          onCy={onCy}
          viewport={viewport}
          {...(onViewportChange === undefined ? {} : { onViewportChange })}
        />
        {pending ? (
          <div className="graph-busy" aria-live="polite">
            {t('computing')}
          </div>
        ) : (
          layoutRunning && <div className="graph-busy">{t('layingOut')}</div>
        )}
      </div>
      <Legend scale={scale} palette={appearance.palette} theme={theme} notes={legendNotes(noted)} />
    </div>
  );
}
