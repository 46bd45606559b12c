import type { Dataset } from '../../core/dataset/index.js';
import type { SourceRef } from '../lib/url-state';
import { useKeptFiles } from './use-kept-files';

/**
 * What the analyst calls the dataset in exports (file names and inside the files): its title (a
 * server dataset's name, an analysis' title), else the name of the kept file it was opened from
 * without its extension, else `dataset`. Hostile text: every export makes it safe its own way.
 */
export function useDatasetName(dataset: Dataset, source: SourceRef | null): string {
  const files = useKeptFiles();
  if (dataset.title !== null && dataset.title.trim() !== '') return dataset.title;
  const key = source?.kind === 'file' ? source.key : null;
  const kept = key === null ? undefined : files.data?.find((f) => f.key === key);
  return kept === undefined ? 'dataset' : kept.name.replace(/\.json$/i, '') || 'dataset';
}
