import './status-line.css';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../stores/ui-store';

export interface StatusCounts {
  shown: { nodes: number; edges: number };
  totals: { nodes: number; edges: number };
  capped: boolean;
}

/** "12 nodes · 30 edges (of 40 nodes · 95 edges in window)", in the UI's language. */
export function statusText(t: TFunction<'app'>, language: string, { shown, totals }: StatusCounts): string {
  const n = (v: number) => v.toLocaleString(language);
  return t('status.counts', {
    nodes: n(shown.nodes),
    edges: n(shown.edges),
    totalNodes: n(totals.nodes),
    totalEdges: n(totals.edges),
  });
}

export interface StatusLineProps extends StatusCounts {
  label: (id: string) => string;
  /**
   * The request the counts answer (useWindowView's viewKey), as `data-view`: a new view with the
   * same counts (a cap raised above the view's size) is still a new view (the graph bench waits on it).
   */
  viewKey?: string | null;
}

export function StatusLine(props: StatusLineProps) {
  const { t, i18n } = useTranslation('app');
  const hovered = useUiStore((s) => s.hovered);
  const layoutRunning = useUiStore((s) => s.layoutRunning);
  return (
    <div className="status-line">
      <span data-testid="status" data-view={props.viewKey ?? undefined}>
        {statusText(t, i18n.language, props)}
      </span>
      {props.capped && <span className="badge warn">{t('status.capped')}</span>}
      {layoutRunning && <span className="muted">{t('status.layingOut')}</span>}
      {hovered !== null && <span className="hovered">{props.label(hovered)}</span>}
    </div>
  );
}
