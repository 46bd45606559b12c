import type { GraphCanvasProps } from '../features/graph/graph-canvas';

/** Stands in for the Cytoscape canvas in jsdom: lists the drawn elements as buttons to click. */
export function GraphCanvas({
  elements,
  selected,
  onSelect,
  emphasis = null,
  marks = null,
}: GraphCanvasProps) {
  return (
    <ul aria-label="Graph elements (test double)">
      {elements.map((e) => {
        const id = String(e.data.id);
        // The classes the real canvas would set (emphasis / dimmed / new), for tests to read.
        const isEdge = e.data.source !== undefined;
        const classes = [
          emphasis === null ? '' : (isEdge ? emphasis.edges : emphasis.nodes).has(id) ? 'emphasis' : 'dimmed',
          marks !== null && marks.newEdges.has(id) ? 'new' : '',
        ].filter(Boolean);
        return (
          <li key={id} className={classes.length > 0 ? classes.join(' ') : undefined}>
            <button type="button" aria-pressed={id === selected} onClick={() => onSelect(id)}>
              {String(e.data.label)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
