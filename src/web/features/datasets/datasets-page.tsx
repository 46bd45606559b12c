import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  apiKeys,
  createDataset,
  deleteDataset,
  errorMessage,
  listDatasets,
  renameDataset,
  type DatasetSummary,
} from '../../lib/api';
import { DatasetTable } from './dataset-table';
import { UploadPanel } from './upload-panel';
import { useUploads } from './use-uploads';

/** While a dataset is importing, the list refreshes at this pace (the upload row has its own live bar). */
const IMPORTING_REFRESH_MS = 2000;

function isBusy(d: DatasetSummary): boolean {
  return d.state === 'importing' || d.state === 'running' || d.state === 'queued';
}

export interface DatasetsPageProps {
  /** Show this dataset in the graph view (the app changes the URL). */
  onOpen: (datasetId: string) => void;
  /** The URL of the graph view of a dataset, for real links. */
  openHref?: (datasetId: string) => string;
}

/** The datasets on the LogonLens server: list, create, upload with progress, rename, delete, open. */
export function DatasetsPage({ onOpen, openHref }: DatasetsPageProps) {
  const { t } = useTranslation('datasets');
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: apiKeys.datasets(),
    queryFn: ({ signal }) => listDatasets(signal),
    refetchInterval: (q) => (q.state.data?.some(isBusy) ? IMPORTING_REFRESH_MS : false),
  });
  const uploads = useUploads();

  const rename = useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => renameDataset(id, name),
    onSuccess: (_d, { id }) => {
      void queryClient.invalidateQueries({ queryKey: apiKeys.datasets(), exact: true });
      void queryClient.invalidateQueries({ queryKey: apiKeys.dataset(id), exact: true });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteDataset(id),
    onSuccess: (_d, id) => {
      queryClient.setQueryData<DatasetSummary[]>(apiKeys.datasets(), (old) =>
        old?.filter((d) => d.id !== id),
      );
      queryClient.removeQueries({ queryKey: apiKeys.dataset(id) });
      void queryClient.invalidateQueries({ queryKey: apiKeys.datasets(), exact: true });
    },
  });

  const datasets = list.data ?? [];
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);

  // Log files dropped on this page are chosen for upload here, not opened as a dataset file by the
  // app-wide drop zone (which would refuse an EVTX): the events stop at this page.
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    setDragging(false);
    const dropped = Array.from(e.dataTransfer.files);
    if (dropped.length > 0) setFiles(dropped);
  };

  return (
    <main
      className={dragging ? 'datasets-page dragging' : 'datasets-page'}
      aria-labelledby="datasets-title"
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h1 id="datasets-title">{t('title')}</h1>
      <UploadPanel
        files={files}
        onFiles={setFiles}
        datasets={datasets}
        entries={uploads.entries}
        onUpload={(req) => void uploads.start(req)}
        onCancel={uploads.cancel}
        onDismiss={uploads.dismiss}
        onOpen={onOpen}
      />
      <section aria-label={t('onServerLabel')}>
        <h2>{t('onServer')}</h2>
        <CreateDatasetForm />
        {list.isPending ? (
          <p role="status">{t('loading')}</p>
        ) : list.isError ? (
          <div role="alert" className="error">
            <p>{t('loadFailed', { error: errorMessage(list.error) })}</p>
            <button type="button" onClick={() => void list.refetch()}>
              {t('tryAgain')}
            </button>
          </div>
        ) : datasets.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <DatasetTable
            datasets={datasets}
            actions={{
              onOpen,
              openHref,
              onRename: (id, name) =>
                rename.mutateAsync({ id, name }).catch((e: unknown) => {
                  throw new Error(errorMessage(e));
                }),
              onDelete: (id) =>
                remove.mutateAsync(id).catch((e: unknown) => {
                  throw new Error(errorMessage(e));
                }),
            }}
          />
        )}
      </section>
    </main>
  );
}

function CreateDatasetForm() {
  const { t } = useTranslation('datasets');
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const id = useId();
  const create = useMutation({
    mutationFn: (n: string) => createDataset(n),
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: apiKeys.datasets(), exact: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() !== '') create.mutate(name.trim());
  };
  return (
    <form onSubmit={submit} className="inline-form create-dataset">
      <label htmlFor={id}>{t('newEmpty')}</label>
      <input id={id} type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={name.trim() === '' || create.isPending}>
        {t('create')}
      </button>
      {create.isError && (
        <p role="alert" className="error">
          {errorMessage(create.error)}
        </p>
      )}
    </form>
  );
}
