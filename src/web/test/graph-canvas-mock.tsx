import type { GraphCanvasProps } from '../features/graph/graph-canvas';

/** Stands in for the Cytoscape canvas in jsdom: lists the drawn elements as buttons to click. */
export function GraphCanvas({ elements, selected, onSelect }: GraphCanvasProps) {
  return (
    <ul aria-label="Graph elements (test double)">
      {elements.map((e) => {
        const id = String(e.data.id);
        return (
          <li key={id}>
            <button type="button" aria-pressed={id === selected} onClick={() => onSelect(id)}>
              {String(e.data.label)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
