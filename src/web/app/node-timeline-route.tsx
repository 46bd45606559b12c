import { useMemo } from 'react';
import { nodeTimeline } from '../../core/analysis/index.js';
import type { Dataset, DatasetNode, TimeRange } from '../../core/dataset/index.js';
import { Panel } from '../components/panel';
import { NodeTimelineChart } from '../features/timeline';
import type { Navigate } from '../lib/use-view-state';
import { useUiStore } from '../stores/ui-store';

const HOUR_MS = 3_600_000;
const dateOfHour = (h: number) => new Date(h * HOUR_MS).toISOString().slice(0, 10);

/**
 * The selected account's or host's timeline under the graph. A file dataset holds every event, so
 * the timeline covers the whole dataset; a server dataset's /graph holds the window only, and the
 * panel says so.
 */
export function NodeTimelineSection({
  dataset,
  node,
  window,
  serverWindowOnly,
  showHidden,
  navigate,
}: {
  dataset: Dataset;
  node: DatasetNode | null;
  window: TimeRange | null;
  serverWindowOnly: boolean;
  showHidden: boolean;
  navigate: Navigate;
}) {
  const open = useUiStore((s) => s.panels.timeline);
  const toggle = useUiStore((s) => s.togglePanel);
  const timeline = useMemo(
    () => (node === null || !open ? null : nodeTimeline(dataset, node.id, { showHidden })),
    [dataset, node, open, showHidden],
  );
  if (node === null || node.kind === 'domain') return null;
  return (
    <div className="node-timeline-section">
      <Panel title="Node timeline" open={open} onToggle={() => toggle('timeline')}>
        {serverWindowOnly && (
          <p className="muted">
            This server dataset is loaded one window at a time: the timeline shows this window.
          </p>
        )}
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
