/**
 * The analyst's notes as the report reads them. Issue 13 adds an optional `annotations` field to
 * dataset format v1 (notes and tags on a node, an edge or a detection); its schema belongs to that
 * work, not to the report. Until then this reads whatever is there defensively: an entry that does
 * not look like a note is counted and skipped, never trusted and never a crash.
 */

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
const MAX_TEXT = 20_000;
const MAX_TAGS = 50;
const TARGET_KINDS = new Set<string>(['node', 'edge', 'detection', 'dataset']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown, max = MAX_TEXT): string | null => (typeof v === 'string' ? v.slice(0, max) : null);

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
  const kind = text(t.kind ?? t.type, 20);
  if (kind === null || !TARGET_KINDS.has(kind)) return null;
  return { kind: kind as AnnotationTargetKind, id: text(t.id, 4096) };
}

function readEntry(entry: unknown): ReportAnnotation | null {
  if (!isRecord(entry)) return null;
  const target = targetOf(entry);
  if (target === null) return null;
  const note = text(entry.note ?? entry.text) ?? '';
  const tags = Array.isArray(entry.tags)
    ? entry.tags.filter((t): t is string => typeof t === 'string' && t !== '').slice(0, MAX_TAGS)
    : [];
  if (note === '' && tags.length === 0) return null;
  return {
    target,
    note,
    tags: tags.map((t) => t.slice(0, 200)),
    updatedAt: text(entry.updatedAt ?? entry.createdAt, 40),
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
