import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (this file is test/helpers/shared-data.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The real sample logs, read-only, beside the repository (../shared/data). A user's fresh clone has
 * none: tests that need them skip with this printed reason; CI has them and runs them all.
 */
export const SHARED_DATA = path.resolve(REPO_ROOT, '../shared/data');
export const HAS_SHARED_DATA = existsSync(path.join(SHARED_DATA, 'MANIFEST.md'));
export const SHARED_DATA_SKIP_REASON = `sample logs not found at ${SHARED_DATA} (a fresh clone has no ../shared/data; CI has it)`;

if (!HAS_SHARED_DATA && process.env.CI) {
  // In CI the data must be there: a silent skip would hide a broken setup.
  throw new Error(`CI run without sample data: ${SHARED_DATA_SKIP_REASON}`);
}

let warned = false;
/** Path of a file under ../shared/data; prints the skip reason once when the data is missing. */
export function sharedData(...parts: string[]): string {
  if (!HAS_SHARED_DATA && !warned) {
    warned = true;
    console.warn(`[skip] ${SHARED_DATA_SKIP_REASON}`);
  }
  return path.join(SHARED_DATA, ...parts);
}
