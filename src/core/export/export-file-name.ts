import type { ExportMeta } from './export-meta.js';

/** Characters of the dataset part of a name at most (file systems allow 255 bytes in all). */
const MAX_NAME = 60;

/**
 * The dataset's name made safe for a file name: letters and digits of any script, `.`, `_` and `-`;
 * every other run of characters (separators, quotes, control and direction characters, `..`) becomes
 * one `-`. A name with nothing left is `dataset`. Dataset names come from uploads and logs: hostile.
 */
export function safeNamePart(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
  const cut = Array.from(cleaned)
    .slice(0, MAX_NAME)
    .join('')
    .replace(/[-.]+$/, '');
  return cut === '' ? 'dataset' : cut;
}

/** `2021-12-03T10:00:00.123Z` → `20211203T100000Z` (a file-name-safe UTC instant; bad input → `unknown`). */
export function compactInstant(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  return m === null ? 'unknown' : `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}Z`;
}

/**
 * `logonlens_<dataset>_<from>_<to>_<exported>.<ext>` (`all` for the window of a whole dataset), e.g.
 * `logonlens_corp-week_20260302T000000Z_20260303T000000Z_20260310T141503Z.png`. An optional `part`
 * (`nodes`, `edges`, `report`) goes before the extension.
 */
export function exportFileName(meta: ExportMeta, ext: string, part?: string): string {
  const window =
    meta.window === null ? 'all' : `${compactInstant(meta.window.from)}_${compactInstant(meta.window.to)}`;
  const tail = part === undefined ? '' : `_${safeNamePart(part)}`;
  const extension = ext.replace(/[^A-Za-z0-9]/g, '') || 'bin';
  return `logonlens_${safeNamePart(meta.dataset)}_${window}_${compactInstant(meta.exportedAt)}${tail}.${extension}`;
}
