import './app.css';
import { useCallback } from 'react';
import { Notices } from '../components/notices';
import { Panel } from '../components/panel';
import { StateMessage } from '../components/state-message';
import { Toasts } from '../components/toasts';
import { DropZone, KeptFiles, OpenButton, OpenError } from '../features/ingest';
import { DEFAULT_VIEW, type ViewState } from '../lib/url-state';
import { useViewState, type Navigate } from '../lib/use-view-state';
import { useUiStore } from '../stores/ui-store';
import { TokenDialog } from '../lib/api';
import { useDataset } from './data-source';
import { DatasetsRoute } from './datasets-route';
import { ClusterSourceBar } from './cluster-source-bar';
import { EsExportWindow } from '../features/es-load';
import { GraphPage } from './graph-page';
import { useStoryFrom } from './story-window';
import { HomeServerDatasets } from './home-datasets';
import { useKeptFiles, useRemoveKeptFile } from './use-kept-files';
import { useOpenFile } from './use-open-file';

/** The app shell: header, URL notices, open-file errors, and the page the URL asks for. */
export function App() {
  const { state, notices, navigate } = useViewState();
  const opener = useOpenFile(navigate);
  const onFile = useCallback((file: File) => void opener.open(file), [opener]);
  const go = (page: ViewState['page']) => navigate((s) => ({ ...s, page }));

  return (
    <DropZone onFile={onFile}>
      <div className="app">
        <header className="app-header">
          <h1>
            <a href="?" onClick={(e) => (e.preventDefault(), navigate(DEFAULT_VIEW))}>
              LogonLens
            </a>
          </h1>
          <nav aria-label="Pages">
            <button
              type="button"
              aria-current={state.page === 'graph' ? 'page' : undefined}
              onClick={() => go('graph')}
            >
              Graph
            </button>
            <button
              type="button"
              aria-current={state.page === 'datasets' ? 'page' : undefined}
              onClick={() => go('datasets')}
            >
              Server datasets
            </button>
          </nav>
          <OpenButton busy={opener.busy} onFile={onFile} />
          <KeptFilesToggle />
        </header>
        <Notices notices={notices} />
        {opener.error !== null && (
          <OpenError
            name={opener.error.name}
            problems={opener.error.problems}
            onDismiss={opener.clearError}
          />
        )}
        <FilesDrawer state={state} navigate={navigate} />
        {state.page === 'datasets' ? (
          <DatasetsRoute navigate={navigate} />
        ) : (
          <GraphRoute state={state} navigate={navigate} />
        )}
      </div>
      <Toasts />
      <TokenDialog />
    </DropZone>
  );
}

function KeptFilesToggle() {
  const open = useUiStore((s) => s.panels.files);
  const toggle = useUiStore((s) => s.togglePanel);
  return (
    <button type="button" aria-expanded={open} onClick={() => toggle('files')}>
      Kept files
    </button>
  );
}

function KeptFilesList({ state, navigate }: { state: ViewState; navigate: Navigate }) {
  const files = useKeptFiles();
  const remove = useRemoveKeptFile();
  const currentKey = state.source?.kind === 'file' ? state.source.key : null;
  return (
    <KeptFiles
      files={files.data}
      error={files.error ? files.error.message : null}
      currentKey={currentKey}
      onOpen={(key) =>
        navigate((s) => ({
          ...DEFAULT_VIEW,
          span: s.span,
          overlay: s.overlay,
          source: { kind: 'file', key },
        }))
      }
      onRemove={(key) => {
        remove.mutate(key);
        if (key === currentKey) navigate((s) => ({ ...s, source: null, from: null, sel: null }));
      }}
    />
  );
}

function FilesDrawer({ state, navigate }: { state: ViewState; navigate: Navigate }) {
  const open = useUiStore((s) => s.panels.files);
  const toggle = useUiStore((s) => s.togglePanel);
  if (!open) return null;
  return (
    <div className="files-drawer">
      <Panel title="Files kept in this browser" open onToggle={() => toggle('files')}>
        <KeptFilesList state={state} navigate={navigate} />
      </Panel>
    </div>
  );
}

function GraphRoute({ state: urlState, navigate }: { state: ViewState; navigate: Navigate }) {
  // Without a date in the URL, the dataset opens where its story is (story-window.ts); the URL
  // stays as shared, the rule gives the same window on every open.
  const fileQuery = useDataset(urlState, { wait: urlState.source?.kind === 'server' });
  const story = useStoryFrom(urlState, urlState.source?.kind === 'file' ? fileQuery.data : undefined);
  const state = story.from === null ? urlState : { ...urlState, from: story.from };
  const serverQuery = useDataset(state, { wait: urlState.source?.kind !== 'server' || story.pending });
  const query = urlState.source?.kind === 'server' ? serverQuery : fileQuery;
  if (state.source === null) {
    return (
      <StateMessage kind="empty" title="Open a dataset to start">
        <p>
          Choose <strong>Open dataset…</strong> or drop a LogonLens dataset file (.json) here. It stays on
          this computer, kept in this browser so that the page&apos;s link works after a reload.
        </p>
        <KeptFilesList state={state} navigate={navigate} />
        <HomeServerDatasets navigate={navigate} />
      </StateMessage>
    );
  }
  if (query.isPending || (state.source.kind === 'server' && story.pending)) {
    return <StateMessage kind="loading" title="Loading the dataset…" />;
  }
  if (query.isError) {
    return (
      <StateMessage kind="error" title="The dataset could not be loaded">
        <p>{query.error.message}</p>
        <KeptFilesList state={state} navigate={navigate} />
      </StateMessage>
    );
  }
  return (
    <>
      <ClusterSourceBar dataset={query.data} state={state} navigate={navigate} />
      {state.source?.kind === 'server' && query.data.window !== null && (
        <EsExportWindow datasetId={state.source.id} window={query.data.window} />
      )}
      <GraphPage dataset={query.data} state={state} navigate={navigate} />
    </>
  );
}
