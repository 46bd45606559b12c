import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../core/dataset/index.js';
import { EsNextWindowDialog } from '../features/es-load';
import type { ViewState } from '../lib/url-state';
import type { Navigate } from '../lib/use-view-state';
import { useTimeFormat } from '../lib/use-time-format';

/**
 * For a server dataset loaded from a cluster: where it came from and "Load another window…"
 * (features/es-load). After a load the cached answers are dropped and the view moves to the new
 * range's first day.
 */
export function ClusterSourceBar({
  dataset,
  state,
  navigate,
}: {
  dataset: Dataset;
  state: ViewState;
  navigate: Navigate;
}) {
  const { t } = useTranslation('app');
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const time = useTimeFormat();
  const ranges = dataset.sources.flatMap((s) => (s.kind === 'elasticsearch' ? [s] : []));
  const last = ranges[ranges.length - 1];
  if (state.source?.kind !== 'server' || last === undefined) return null;
  const datasetId = state.source.id;
  const span = (r: { from: string; to: string }) =>
    t('cluster.range', {
      from: time(r.from, 'minute', { bare: true }),
      to: time(r.to, 'minute'),
    });
  return (
    <>
      <p className="notice cluster-source">
        {t('cluster.from', { cluster: last.cluster })} <code>{last.indexPattern}</code>:{' '}
        {ranges.map(span).join(', ')}{' '}
        <button type="button" aria-haspopup="dialog" disabled={open} onClick={() => setOpen(true)}>
          {t('cluster.loadAnother')}
        </button>
      </p>
      {open && (
        <EsNextWindowDialog
          datasetId={datasetId}
          source={last}
          onClose={() => setOpen(false)}
          onLoaded={(from) => {
            setOpen(false);
            void client.invalidateQueries();
            navigate((s) => ({ ...s, from: from.slice(0, 10), sel: null }));
          }}
        />
      )}
    </>
  );
}
