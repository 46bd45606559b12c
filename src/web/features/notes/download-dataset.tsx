import { useTranslation } from 'react-i18next';
import type { Annotation, Dataset } from '../../../core/dataset';
import { datasetWithAnnotations } from './use-annotations';

/** A file name of safe characters: the dataset's title is log or user text. */
export function notesFileName(dataset: Dataset, now: Date): string {
  const base =
    (dataset.title ?? 'dataset')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'dataset';
  return `logonlens-${base}-notes-${now.toISOString().slice(0, 19).replace(/:/g, '')}Z.json`;
}

/**
 * Downloads the open file dataset with its notes (format v1's `annotations`): the file to keep or
 * hand on; opened again, it shows the notes.
 */
export function DownloadDataset({
  dataset,
  annotations,
}: {
  dataset: Dataset;
  annotations: readonly Annotation[];
}) {
  const { t } = useTranslation('notes');
  const download = (): void => {
    const text = JSON.stringify(datasetWithAnnotations(dataset, annotations));
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = notesFileName(dataset, new Date());
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" className="notes-download" onClick={download}>
      {t('download')}
    </button>
  );
}
