import './node-timeline-route.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeTimeline, zoneDateOf } from '../../core/analysis/index.js';
import type { Dataset, DatasetNode, TimeRange } from '../../core/dataset/index.js';
import { Panel } from '../components/panel';
import { NodeTimelineChart } from '../features/timeline';
import { useServerNodeTimeline } from '../lib/api';
import type { Navigate } from '../lib/use-view-state';
import { useUiStore } from '../stores/ui-store';
import { useTimeZone } from '../lib/use-time-format';

const HOUR_MS = 3_600_000;

/**
 * The selected account's or host's timeline under the graph. A file dataset holds every event, so
 * the timeline covers the whole dataset; a server dataset's /graph holds the window only, and the
 * panel says so.
 */
export function NodeTimelineSection({
  dataset,
  node,
  window,
  serverId,
  showHidden,
  navigate,
}: {
  dataset: Dataset;
  node: DatasetNode | null;
  window: TimeRange | null;
  /** A server dataset's id: its timeline comes from the server (the page holds one window). */
  serverId: string | null;
  showHidden: boolean;
  navigate: Navigate;
}) {
  const { t } = useTranslation('app');
  const open = useUiStore((s) => s.panels.timeline);
  // A picked hour opens the day that holds it in the view's zone.
  const zone = useTimeZone();
  const dateOfHour = (h: number) => zoneDateOf(h * HOUR_MS, zone);
  const toggle = useUiStore((s) => s.togglePanel);
  const wanted = node !== null && node.kind !== 'domain' && open;
  const server = useServerNodeTimeline(serverId !== null && wanted ? serverId : null, node?.id ?? null);
  const local = useMemo(
    () =>
      !wanted || node === null || serverId !== null ? null : nodeTimeline(dataset, node.id, { showHidden }),
    [dataset, node, wanted, serverId, showHidden],
  );
  // A server that cannot answer (older version) still gets the window's timeline, said so.
  const windowOnly = serverId !== null && server.isError;
  const fallback = useMemo(
    () => (windowOnly && node !== null ? nodeTimeline(dataset, node.id, { showHidden }) : null),
    [windowOnly, dataset, node, showHidden],
  );
  const timeline = local ?? server.data ?? fallback;
  if (node === null || node.kind === 'domain') return null;
  return (
    <div className="node-timeline-section">
      <Panel title={t('page.nodeTimeline')} open={open} onToggle={() => toggle('timeline')}>
        {windowOnly && <p className="muted">{t('page.timelineWindowOnly')}</p>}
        {timeline !== null && (
          <NodeTimelineChart
            timeline={timeline}
            label={node.label}
            window={window}
            onPickHour={(h) => navigate((s) => ({ ...s, from: dateOfHour(h) }))}
            onPickRange={(a, b) =>
              navigate((s) => ({
                ...s,
                from: dateOfHour(a),
                span: dateOfHour(a) === dateOfHour(b) ? 'day' : 'week',
              }))
            }
          />
        )}
      </Panel>
    </div>
  );
}
