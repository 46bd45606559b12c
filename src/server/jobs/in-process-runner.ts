import { openDatabase } from '../store/database.js';
import { importFiles, type ImportDeps } from '../ingest/import-files.js';
import type { ImportRunner } from './job-manager.js';

/**
 * Runs imports on the calling thread, on their own connections to the data directory's database.
 * Used when the sources run under vitest/tsx (a worker thread cannot load .ts modules there) and
 * by unit tests with stand-in readers.
 */
export function inProcessImportRunner(dataDir: string, deps: ImportDeps): ImportRunner {
  return async (job, onMessage) => {
    const db = openDatabase(dataDir);
    const readDb = openDatabase(dataDir, { readonly: true });
    try {
      await importFiles(db, readDb, deps, job, onMessage, () => new Date().toISOString());
    } finally {
      readDb.close();
      db.close();
    }
  };
}
