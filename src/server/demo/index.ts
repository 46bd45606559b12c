import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { JobManager } from '../jobs/job-manager.js';
import type { Logger } from '../logger.js';
import { newId, type Store } from '../store/store.js';
import type { JobInfo } from '../store/types.js';
import { ATTACK } from './story/attack.js';
import { STORY_FILE_NAME } from './story/generate.js';

export { ATTACK };

export const DEMO_DATASET_NAME = 'Demo: sample Security logs';
/** Written once the demo import has been started, so that a deleted demo stays deleted. */
export const DEMO_MARKER = 'demo-imported';
export const STORY_DATASET_NAME = 'Demo: a week at CORP with an attack (generated)';
/** Like DEMO_MARKER, for the generated week; holds the dataset id so that later starts can link to it. */
export const STORY_MARKER = 'demo-story-imported';

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
  const files = spool(sourceDir, names, uploadDir);
  const dataset = store.createDataset(DEMO_DATASET_NAME);
  const job = jobs.enqueue(dataset.id, DEMO_DATASET_NAME, files);
  writeFileSync(marker, `${new Date().toISOString()} ${dataset.id}\n`);
  logger.info(`importing the demo logs (${names.length} files) into "${DEMO_DATASET_NAME}"`);
  return job;
}

/** The generated week's dataset: its id, and the import job when this start began it. */
export interface StoryDataset {
  datasetId: string;
  job: JobInfo | null;
}

/**
 * Imports the generated week (src/server/demo/story, `npm run demo:generate`) into its own dataset,
 * once per data directory: its own dataset so that it opens on its own attack, not on the sample
 * logs' years. Returns the dataset (also when imported before and still there), or null when it
 * was deleted or the file is missing.
 */
export function ensureStoryDataset(
  store: Store,
  jobs: JobManager,
  uploadDir: string,
  sourceDir: string,
  logger: Logger,
): StoryDataset | null {
  const marker = path.join(store.dataDir, STORY_MARKER);
  if (existsSync(marker)) {
    const id = readFileSync(marker, 'utf8').trim().split(' ')[1];
    return id !== undefined && store.findDataset(id) !== null ? { datasetId: id, job: null } : null;
  }
  if (!existsSync(path.join(sourceDir, STORY_FILE_NAME))) {
    logger.warn(`the demo week ${STORY_FILE_NAME} is not in ${sourceDir}; run npm run demo:generate`);
    return null;
  }
  const files = spool(sourceDir, [STORY_FILE_NAME], uploadDir);
  const dataset = store.createDataset(STORY_DATASET_NAME);
  const job = jobs.enqueue(dataset.id, STORY_DATASET_NAME, files);
  writeFileSync(marker, `${new Date().toISOString()} ${dataset.id}\n`);
  logger.info(`importing the demo week into "${STORY_DATASET_NAME}"`);
  return { datasetId: dataset.id, job };
}

/** The app's graph page of the demo week, on the day of its attack. */
export function storyUrl(baseUrl: string, datasetId: string): string {
  return `${baseUrl}/?source=server:${encodeURIComponent(datasetId)}&from=${ATTACK.day}`;
}

/** Resolves true once the import job is done, false when it failed. */
export function whenImported(jobs: JobManager, job: JobInfo): Promise<boolean> {
  return new Promise((resolve) => {
    const now = jobs.get(job.id);
    if (now !== null && (now.state === 'done' || now.state === 'failed')) {
      resolve(now.state === 'done');
      return;
    }
    const stop = jobs.subscribe(job.id, (j) => {
      if (j.state !== 'done' && j.state !== 'failed') return;
      stop();
      resolve(j.state === 'done');
    });
  });
}

/** Copies shipped files to the upload spool: the job deletes its spooled files when done, never the shipped ones. */
function spool(
  sourceDir: string,
  names: string[],
  uploadDir: string,
): Array<{ path: string; name: string; size: number }> {
  mkdirSync(uploadDir, { recursive: true });
  return names.map((name) => {
    const copy = path.join(uploadDir, `${newId('demo')}.part`);
    copyFileSync(path.join(sourceDir, name), copy);
    return { path: copy, name, size: statSync(copy).size };
  });
}
