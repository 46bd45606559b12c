import './server-events.css';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeRange } from '../../core/dataset/index.js';
import { DrilldownPanel, type DrilldownTarget } from '../features/drilldown';
import type { InspectorTarget } from '../features/inspector';

/** What to drill into for the inspector's selection: a node, or the dataset edges behind a link. */
export function drillTarget(
  target: InspectorTarget | null,
  t: TFunction<'app'>,
): { target: DrilldownTarget; label: string } | null {
  if (target === null || target.kind === 'missing') return null;
  if (target.kind === 'node')
    return { target: { kind: 'node', id: target.node.id }, label: target.node.label };
  const account = target.label(target.ends.account);
  const other = target.label(target.ends.other);
  const label =
    target.ends.role === 'from'
      ? t('link.from', { account, other })
      : target.ends.role === 'to'
        ? t('link.to', { account, other })
        : t('link.in', { account, other });
  return { target: { kind: 'edges', ids: target.edges.map((e) => e.id) }, label };
}

/**
 * The raw events behind the selection of a server dataset in the current window (features/drilldown),
 * opened on demand; once open it follows the selection.
 */
export function ServerEvents({
  datasetId,
  window,
  target,
}: {
  datasetId: string;
  window: TimeRange | null;
  target: InspectorTarget | null;
}) {
  const { t } = useTranslation('app');
  const [open, setOpen] = useState(false);
  const drill = drillTarget(target, t);
  if (drill === null) return null;
  if (!open) {
    return (
      <div className="server-events">
        <button type="button" onClick={() => setOpen(true)}>
          {t('page.showEvents')}
        </button>
      </div>
    );
  }
  return (
    <div className="server-events">
      <DrilldownPanel
        datasetId={datasetId}
        from={window?.from ?? null}
        to={window?.to ?? null}
        target={drill.target}
        targetLabel={drill.label}
        onClose={() => setOpen(false)}
      />
    </div>
  );
}
