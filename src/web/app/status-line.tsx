import './status-line.css';
import { useUiStore } from '../stores/ui-store';

export interface StatusCounts {
  shown: { nodes: number; edges: number };
  totals: { nodes: number; edges: number };
  capped: boolean;
}

const n = (v: number) => v.toLocaleString('en');

/** "12 nodes · 30 edges (of 40 nodes · 95 edges in window)" */
export function statusText({ shown, totals }: StatusCounts): string {
  return `${n(shown.nodes)} nodes · ${n(shown.edges)} edges (of ${n(totals.nodes)} nodes · ${n(totals.edges)} edges in window)`;
}

export function StatusLine(props: StatusCounts & { label: (id: string) => string }) {
  const hovered = useUiStore((s) => s.hovered);
  const layoutRunning = useUiStore((s) => s.layoutRunning);
  return (
    <div className="status-line">
      <span data-testid="status">{statusText(props)}</span>
      {props.capped && <span className="badge warn">capped</span>}
      {layoutRunning && <span className="muted">laying out…</span>}
      {hovered !== null && <span className="hovered">{props.label(hovered)}</span>}
    </div>
  );
}
