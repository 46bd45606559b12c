import { MAX_DATASET_TEXT, type Dataset } from '../../../core/dataset/index.js';
import { i18n } from '../../i18n';
import type { FileStore } from '../../lib/file-store';
import { sha256Hex } from '../../lib/hash';
import { parseDatasetKeyed } from '../../lib/parse-dataset';
import { readText } from '../../lib/read-text';

export type OpenResult =
  | {
      ok: true;
      name: string;
      key: string;
      dataset: Dataset;
      kept: boolean;
      /** What was left out without making the file invalid (unreadable notes). */
      notices: string[];
    }
  | { ok: false; name: string; problems: string[] };

/**
 * Reads, validates and keeps a dataset file. The file is parsed (off the main thread when large)
 * before anything else changes, so an invalid file leaves the current view as it was.
 */
export async function openDatasetFile(file: File, store: FileStore): Promise<OpenResult> {
  const name = file.name.slice(0, 200);
  if (file.size > MAX_DATASET_TEXT) return { ok: false, name, problems: [i18n.t('ingest:tooLarge')] };
  let text: string;
  try {
    text = await readText(file);
  } catch (e) {
    return {
      ok: false,
      name,
      problems: [i18n.t('ingest:unreadable', { error: e instanceof Error ? e.message : String(e) })],
    };
  }
  const parsed = await parseDatasetKeyed(text, true);
  const result = parsed.result;
  if (!result.ok) return { ok: false, name, problems: result.problems };
  const key = parsed.key ?? (await sha256Hex(text));
  let kept = true;
  try {
    await store.put({ key, name, size: file.size, addedAt: new Date().toISOString() }, text);
  } catch {
    // Private windows and full disks refuse IndexedDB: the file still opens, only the link won't last.
    kept = false;
  }
  return { ok: true, name, key, dataset: result.dataset, kept, notices: result.notices ?? [] };
}
