import './app.css';
import { useCallback } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
import { LanguageSwitch } from '../i18n';
import { AppearanceSwitch } from './appearance-switch';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { ZoneSwitch } from '../features/share';
import { useOpenFile } from './use-open-file';

/** The app shell: header, URL notices, open-file errors, and the page the URL asks for. */
export function App() {
  const { t } = useTranslation(['app', 'a11y']);
  const { state, notices, navigate } = useViewState();
  const opener = useOpenFile(navigate);
  const onFile = useCallback((file: File) => void opener.open(file), [opener]);
  const go = (page: ViewState['page']) => navigate((s) => ({ ...s, page }));

  return (
    <DropZone onFile={onFile}>
      <div className="app">
        <a className="skip-link" href="#content">
          {t('a11y:skipToContent')}
        </a>
        <header className="app-header">
          <h1>
            <a href="?" onClick={(e) => (e.preventDefault(), navigate(DEFAULT_VIEW))}>
              LogonLens
            </a>
          </h1>
          <nav aria-label={t('pages')}>
            <button
              type="button"
              aria-current={state.page === 'graph' ? 'page' : undefined}
              onClick={() => go('graph')}
            >
              {t('graph')}
            </button>
            <button
              type="button"
              aria-current={state.page === 'datasets' ? 'page' : undefined}
              onClick={() => go('datasets')}
            >
              {t('serverDatasets')}
            </button>
          </nav>
          <OpenButton busy={opener.busy} onFile={onFile} />
          <KeptFilesToggle />
          <ZoneSwitch zone={state.tz} onChange={(tz) => navigate((s) => ({ ...s, tz }))} />
          <LanguageSwitch />
          <AppearanceSwitch />
          <KeyboardShortcuts navigate={navigate} />
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
        {/* The skip link's target: focusable by script only, so Tab order is unchanged. */}
        <div id="content" className="app-content" tabIndex={-1}>
          {state.page === 'datasets' ? (
            <DatasetsRoute navigate={navigate} />
          ) : (
            <GraphRoute state={state} navigate={navigate} />
          )}
        </div>
      </div>
      <Toasts />
      <TokenDialog />
    </DropZone>
  );
}

function KeptFilesToggle() {
  const { t } = useTranslation('app');
  const open = useUiStore((s) => s.panels.files);
  const toggle = useUiStore((s) => s.togglePanel);
  return (
    <button type="button" aria-expanded={open} onClick={() => toggle('files')}>
      {t('keptFiles')}
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
  const { t } = useTranslation('app');
  const open = useUiStore((s) => s.panels.files);
  const toggle = useUiStore((s) => s.togglePanel);
  if (!open) return null;
  return (
    <div className="files-drawer">
      <Panel title={t('keptFilesTitle')} open onToggle={() => toggle('files')}>
        <KeptFilesList state={state} navigate={navigate} />
      </Panel>
    </div>
  );
}

function GraphRoute({ state: urlState, navigate }: { state: ViewState; navigate: Navigate }) {
  const { t } = useTranslation('app');
  // Without a date in the URL, the dataset opens where its story is (story-window.ts); the URL
  // stays as shared, the rule gives the same window on every open.
  const fileQuery = useDataset(urlState, { wait: urlState.source?.kind === 'server' });
  const story = useStoryFrom(urlState, urlState.source?.kind === 'file' ? fileQuery.data : undefined);
  const state = story.from === null ? urlState : { ...urlState, from: story.from };
  const serverQuery = useDataset(state, { wait: urlState.source?.kind !== 'server' || story.pending });
  const query = urlState.source?.kind === 'server' ? serverQuery : fileQuery;
  if (state.source === null) {
    return (
      <StateMessage kind="empty" title={t('empty.title')}>
        <p>
          <Trans t={t} i18nKey="empty.body" components={{ strong: <strong /> }} />
        </p>
        <KeptFilesList state={state} navigate={navigate} />
        <HomeServerDatasets navigate={navigate} />
      </StateMessage>
    );
  }
  if (query.isPending || (state.source.kind === 'server' && story.pending)) {
    return <StateMessage kind="loading" title={t('loadingDataset')} />;
  }
  if (query.isError) {
    return (
      <StateMessage kind="error" title={t('loadFailed')}>
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
