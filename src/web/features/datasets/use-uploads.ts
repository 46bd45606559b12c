import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { uploadManager, type StartUpload } from './upload-manager';

export type { StartUpload, UploadEntry, UploadPhase } from './upload-manager';

/** The uploads of this browser tab (see upload-manager.ts), and how to start, cancel and dismiss them. */
export function useUploads() {
  const queryClient = useQueryClient();
  const entries = useSyncExternalStore(uploadManager.subscribe, uploadManager.getSnapshot);
  const start = useCallback((req: StartUpload) => uploadManager.start(req, queryClient), [queryClient]);
  return { entries, start, cancel: uploadManager.cancel, dismiss: uploadManager.dismiss };
}
