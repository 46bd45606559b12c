import { DatasetsPage } from '../features/datasets';
import { DEFAULT_VIEW } from '../lib/url-state';
import { serializeViewState } from '../lib/url-state';
import type { Navigate } from '../lib/use-view-state';

/** The server's datasets (features/datasets); opening one shows it in the graph view. */
export function DatasetsRoute({ navigate }: { navigate: Navigate }) {
  return (
    <DatasetsPage
      onOpen={(id) =>
        navigate((s) => ({
          ...DEFAULT_VIEW,
          span: s.span,
          overlay: s.overlay,
          source: { kind: 'server', id },
        }))
      }
      openHref={(id) => `?${serializeViewState({ ...DEFAULT_VIEW, source: { kind: 'server', id } })}`}
    />
  );
}
