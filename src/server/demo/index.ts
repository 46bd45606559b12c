import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JobManager } from '../jobs/job-manager.js';
import type { Logger } from '../logger.js';
import { newId, type Store } from '../store/store.js';
import type { JobInfo } from '../store/types.js';

export const DEMO_DATASET_NAME = 'Demo: sample Security logs';
/** Written once the demo import has been started, so that a deleted demo stays deleted. */
export const DEMO_MARKER = 'demo-imported';

/**
 * Imports the demo logs (src/server/demo/*.evtx, see NOTICE) into a dataset, once per data
 * directory. Returns the job, or null when it was imported before or the files are missing.
 */
export function ensureDemoDataset(
  store: Store,
  jobs: JobManager,
  uploadDir: string,
  sourceDir: string,
  logger: Logger,
): JobInfo | null {
  const marker = path.join(store.dataDir, DEMO_MARKER);
  if (existsSync(marker)) return null;
  if (!existsSync(sourceDir)) {
    logger.warn(`demo logs not found in ${sourceDir}; starting without the demo dataset`);
    return null;
  }
  const names = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.evtx'))
    .sort();
  if (names.length === 0) return null;
  mkdirSync(uploadDir, { recursive: true });
  // The job deletes its spooled files when done: import copies, never the shipped files.
  const files = names.map((name) => {
    const copy = path.join(uploadDir, `${newId('demo')}.part`);
    copyFileSync(path.join(sourceDir, name), copy);
    return { path: copy, name, size: statSync(copy).size };
  });
  const dataset = store.createDataset(DEMO_DATASET_NAME);
  const job = jobs.enqueue(dataset.id, DEMO_DATASET_NAME, files);
  writeFileSync(marker, `${new Date().toISOString()} ${dataset.id}\n`);
  logger.info(`importing the demo logs (${names.length} files) into "${DEMO_DATASET_NAME}"`);
  return job;
}
