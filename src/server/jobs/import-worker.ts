// The import worker thread: reads the uploaded files (EVTX in further worker threads through
// readInputFile), stores their events and rebuilds the roll-ups, on its own database connections,
// so that the HTTP thread keeps answering while a large file is imported.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/database.js';
import { importFiles, type ImportJob, type ImportMessage } from '../ingest/import-files.js';
import { defaultImportDeps } from '../ingest/default-deps.js';

export interface ImportWorkerData {
  dataDir: string;
  job: ImportJob;
}

export type ImportWorkerMessage = ImportMessage | { type: 'failed'; message: string } | { type: 'finished' };

const port = parentPort;
if (port === null) throw new Error('import-worker must run in a worker thread');
const data = workerData as ImportWorkerData;
const post = (m: ImportWorkerMessage): void => port.postMessage(m);

const db = openDatabase(data.dataDir);
const readDb = openDatabase(data.dataDir, { readonly: true });
try {
  await importFiles(db, readDb, defaultImportDeps, data.job, post, () => new Date().toISOString());
  post({ type: 'finished' });
} catch (e) {
  post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
} finally {
  readDb.close();
  db.close();
}
