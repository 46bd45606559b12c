import { DATASET_FORMAT_V1 } from './schema.js';

export type MigrateResult = { ok: true; value: unknown } | { ok: false; problems: string[] };

/**
 * The migration hook: brings an older dataset version up to the current one before validation.
 * Version 1 is the first, so there is nothing to migrate yet; when version 2 comes, add a step
 * `v1 → v2` here and keep reading version 1 files.
 */
export function migrateDataset(value: unknown): MigrateResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problems: ['(top level): expected a JSON object with "format": "logonlens.dataset/1"'],
    };
  }
  const format = (value as { format?: unknown }).format;
  if (format === DATASET_FORMAT_V1) return { ok: true, value };
  if (typeof format === 'string' && /^logonlens\.dataset\/\d+$/.test(format)) {
    return {
      ok: false,
      problems: [`format: ${format} is newer than this LogonLens understands (${DATASET_FORMAT_V1})`],
    };
  }
  return {
    ok: false,
    problems: ['format: not a LogonLens dataset (missing "format": "logonlens.dataset/1")'],
  };
}
