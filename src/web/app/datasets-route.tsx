import './datasets-route.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DatasetsPage } from '../features/datasets';
import { EsLoadDialog } from '../features/es-load';
import { DEFAULT_VIEW } from '../lib/url-state';
import { serializeViewState } from '../lib/url-state';
import type { Navigate } from '../lib/use-view-state';

/** The server's datasets (features/datasets); opening one shows it in the graph view. "Load from ES"
 * opens the cluster dialog (features/es-load); a loaded range opens as `source=server:<id>`. */
export function DatasetsRoute({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation('app');
  const [esOpen, setEsOpen] = useState(false);
  const open = (id: string) =>
    navigate((s) => ({
      ...DEFAULT_VIEW,
      span: s.span,
      overlay: s.overlay,
      source: { kind: 'server', id },
    }));
  return (
    <>
      <div className="datasets-actions">
        <button type="button" aria-haspopup="dialog" onClick={() => setEsOpen(true)} disabled={esOpen}>
          {t('loadFromEs')}
        </button>
      </div>
      {esOpen && (
        <EsLoadDialog
          onLoaded={(id) => {
            setEsOpen(false);
            open(id);
          }}
          onClose={() => setEsOpen(false)}
        />
      )}
      <DatasetsPage
        onOpen={open}
        openHref={(id) => `?${serializeViewState({ ...DEFAULT_VIEW, source: { kind: 'server', id } })}`}
      />
    </>
  );
}
