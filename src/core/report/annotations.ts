/**
 * The analyst's notes as the report reads them. The rules of a note (target kinds, sizes, tag
 * normalisation) are the dataset format's (core/dataset/annotations.ts); this adds only what a
 * report may meet besides: a note on the whole dataset, the target's kind and id written beside the
 * note, a list under `items`, an `author`, and no time. An entry that does not look like a note is
 * counted and skipped, never trusted and never a crash.
 */
import { checkNote, checkTags, checkTarget, isEmptyAnnotation } from '../dataset/annotations.js';

export type AnnotationTargetKind = 'node' | 'edge' | 'detection' | 'dataset';

export interface ReportAnnotation {
  target: { kind: AnnotationTargetKind; id: string | null };
  note: string;
  tags: string[];
  /** When the note was last changed, as written (shown, not parsed). */
  updatedAt: string | null;
  author: string | null;
}

export interface ReportAnnotations {
  items: ReportAnnotation[];
  /** Entries present but not readable as a note. */
  skipped: number;
}

const MAX_ITEMS = 10_000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown, max: number): string | null => (typeof v === 'string' ? v.slice(0, max) : null);

/** The entries of `annotations`: an array, or an object holding one under `items`/`notes`. */
function entriesOf(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (isRecord(raw)) {
    for (const key of ['items', 'notes', 'annotations']) {
      const v = raw[key];
      if (Array.isArray(v)) return v;
    }
  }
  return [];
}

function targetOf(entry: Record<string, unknown>): ReportAnnotation['target'] | null {
  const t = isRecord(entry.target) ? entry.target : entry;
  const kind = t.kind ?? t.type;
  if (kind === 'dataset') return { kind: 'dataset', id: null };
  const checked = checkTarget({ kind, id: t.id });
  return checked.ok ? checked.value : null;
}

function readEntry(entry: unknown): ReportAnnotation | null {
  if (!isRecord(entry)) return null;
  const target = targetOf(entry);
  const note = checkNote(entry.note ?? entry.text);
  const tags = checkTags(entry.tags);
  if (target === null || !note.ok || !tags.ok) return null;
  if (isEmptyAnnotation({ note: note.value, tags: tags.value })) return null;
  return {
    target,
    note: note.value,
    tags: tags.value,
    updatedAt: text(entry.updated ?? entry.updatedAt ?? entry.createdAt, 40),
    author: text(entry.author, 200),
  };
}

/** Reads an optional `annotations` value of unknown shape; absent or unreadable gives no items. */
export function readAnnotations(raw: unknown): ReportAnnotations {
  const entries = entriesOf(raw);
  const items: ReportAnnotation[] = [];
  let skipped = 0;
  for (const entry of entries.slice(0, MAX_ITEMS)) {
    const a = readEntry(entry);
    if (a === null) skipped++;
    else items.push(a);
  }
  skipped += Math.max(0, entries.length - MAX_ITEMS);
  return { items, skipped };
}
