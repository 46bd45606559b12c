import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openDatasetFile } from '../features/ingest';
import { fileStore } from '../lib/file-store';
import { DEFAULT_VIEW } from '../lib/url-state';
import type { Navigate } from '../lib/use-view-state';
import { useUiStore } from '../stores/ui-store';
import { fileDatasetKey } from './data-source';
import { KEPT_FILES_KEY } from './use-kept-files';

export interface OpenError {
  name: string;
  problems: string[];
}

/**
 * Opening a file: validate first; only a valid dataset changes the URL (a new history entry with
 * the file's key). An invalid one sets `error` and leaves the current view alone.
 */
export function useOpenFile(navigate: Navigate) {
  const { t } = useTranslation('app');
  const client = useQueryClient();
  const pushToast = useUiStore((s) => s.pushToast);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OpenError | null>(null);

  const open = useCallback(
    async (file: File) => {
      setBusy(true);
      try {
        const result = await openDatasetFile(file, fileStore());
        if (!result.ok) {
          setError({ name: result.name, problems: result.problems });
          return;
        }
        setError(null);
        client.setQueryData(fileDatasetKey(result.key), result.dataset);
        void client.invalidateQueries({ queryKey: KEPT_FILES_KEY });
        navigate((s) => ({
          ...DEFAULT_VIEW,
          span: s.span,
          overlay: s.overlay,
          source: { kind: 'file', key: result.key },
        }));
        pushToast(
          result.kept ? 'info' : 'error',
          result.kept
            ? t('open.opened', { name: result.name })
            : t('open.openedNotKept', { name: result.name }),
        );
        // Notes that could not be read were left out (docs/dataset-format.md, "Annotations").
        for (const notice of result.notices) pushToast('error', notice);
      } finally {
        setBusy(false);
      }
    },
    [client, navigate, pushToast, t],
  );
  return { open, busy, error, clearError: () => setError(null) };
}
