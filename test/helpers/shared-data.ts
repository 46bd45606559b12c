import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (this file is test/helpers/shared-data.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The real sample logs, copied into the repository (test/fixtures/logs) with their sources and
 * licences in test/fixtures/logs/MANIFEST.md, so that a fresh clone runs every test on its own.
 */
export const SHARED_DATA = path.resolve(REPO_ROOT, 'test/fixtures/logs');

if (!existsSync(path.join(SHARED_DATA, 'MANIFEST.md'))) {
  // The logs ship with the repository: their absence is a broken checkout, never a reason to skip.
  throw new Error(`sample logs missing: not found at ${SHARED_DATA} (they ship with the repository)`);
}

/** Path of a sample log under test/fixtures/logs. */
export function sharedData(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}
