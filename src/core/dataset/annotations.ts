import { z } from 'zod';
import { isoTime } from './iso-time.js';

/**
 * The analyst's notes and tags (issue 13): a note and free tags on a node, an edge or a detection.
 * One shape everywhere: the dataset file's optional `annotations` field (format v1), the server's
 * SQLite table and REST API, the browser's IndexedDB copy of a file dataset, and the report.
 *
 * Notes are written by people but travel in files that anyone can edit, so they are untrusted like
 * the logs: sizes are bounded, text is kept exactly as written (the display escapes it), and an
 * entry that does not fit is counted and left out, never a crash.
 */

export const ANNOTATION_KINDS = ['node', 'edge', 'detection'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const ANNOTATION_LIMITS = {
  /** Characters (UTF-16 code units, as JavaScript counts) of a note. */
  note: 10_000,
  /** Tags on one target. */
  tags: 32,
  /** Characters of one tag. */
  tag: 64,
  /** Characters of a target id (node, edge and detection ids are bounded the same way). */
  id: 4096,
} as const;

/** Annotations in one dataset at most: more than any case needs, and a bound on an edited file. */
export const MAX_ANNOTATIONS = 10_000;

/** The tags offered first; any other tag may be typed. */
export const SUGGESTED_TAGS = ['compromised', 'suspicious', 'benign', 'reviewed', 'false-positive'] as const;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What a tag is once normalised: lower-case, no outer or inner spaces, no control characters. */
const tagSchema = z
  .string()
  .min(1)
  .max(ANNOTATION_LIMITS.tag)
  .refine((t) => t === normaliseTag(t), 'tags are lower-case, without spaces or control characters');

export const annotationTargetSchema = z.object({
  kind: z.enum(ANNOTATION_KINDS),
  id: z.string().min(1).max(ANNOTATION_LIMITS.id),
});

export const annotationSchema = z.object({
  target: annotationTargetSchema,
  note: z.string().max(ANNOTATION_LIMITS.note),
  tags: z.array(tagSchema).max(ANNOTATION_LIMITS.tags),
  /** When the note was last changed (UTC ISO), by the clock of whoever saved it. */
  updated: isoTime,
});

export type AnnotationTarget = z.infer<typeof annotationTargetSchema>;
export type Annotation = z.infer<typeof annotationSchema>;

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A tag as stored: trimmed, lower-case (locale-independent), inner spaces as one `-`, so that
 * "False positive" and "false-positive" are one tag. Null when nothing usable is left, when it is
 * too long, or when it holds control characters (a tag is a label, not text).
 */
export function normaliseTag(raw: string): string | null {
  const tag = raw.trim().toLowerCase().replace(/\s+/g, '-');
  if (tag === '' || tag.length > ANNOTATION_LIMITS.tag || CONTROL.test(tag)) return null;
  return tag;
}

/** Tags normalised and de-duplicated, in the order given; a problem names the first bad one. */
export function checkTags(raw: unknown): Checked<string[]> {
  if (raw === undefined) return { ok: true, value: [] };
  if (!Array.isArray(raw)) return { ok: false, problem: 'tags must be an array of strings' };
  const tags: string[] = [];
  for (const [i, t] of raw.entries()) {
    if (typeof t !== 'string') return { ok: false, problem: `tags.${i} must be a string` };
    const tag = normaliseTag(t);
    if (tag === null)
      return {
        ok: false,
        problem: `tags.${i} must be 1 to ${ANNOTATION_LIMITS.tag} characters without control characters`,
      };
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > ANNOTATION_LIMITS.tags)
    return { ok: false, problem: `at most ${ANNOTATION_LIMITS.tags} tags on one target` };
  return { ok: true, value: tags };
}

export function checkTarget(raw: unknown): Checked<AnnotationTarget> {
  if (!isRecord(raw)) return { ok: false, problem: 'target must be an object { kind, id }' };
  const { kind, id } = raw;
  if (typeof kind !== 'string' || !(ANNOTATION_KINDS as readonly string[]).includes(kind))
    return { ok: false, problem: `target.kind must be one of ${ANNOTATION_KINDS.join(', ')}` };
  if (typeof id !== 'string' || id === '' || id.length > ANNOTATION_LIMITS.id)
    return { ok: false, problem: `target.id must be a string of 1 to ${ANNOTATION_LIMITS.id} characters` };
  return { ok: true, value: { kind: kind as AnnotationKind, id } };
}

export function checkNote(raw: unknown): Checked<string> {
  if (raw === undefined) return { ok: true, value: '' };
  if (typeof raw !== 'string') return { ok: false, problem: 'note must be a string' };
  if (raw.length > ANNOTATION_LIMITS.note)
    return { ok: false, problem: `note is limited to ${ANNOTATION_LIMITS.note} characters` };
  return { ok: true, value: raw };
}

/**
 * What an analyst sends to save (the API's PUT body, the editor's state): a target, a note and tags,
 * stamped with `updated` by the saver's clock. An annotation with neither note nor tag is refused:
 * deleting is its own request.
 */
export function checkAnnotationInput(raw: unknown, updated: string): Checked<Annotation> {
  if (!isRecord(raw)) return { ok: false, problem: 'expected an object { target, note, tags }' };
  const target = checkTarget(raw.target);
  if (!target.ok) return target;
  const note = checkNote(raw.note);
  if (!note.ok) return note;
  const tags = checkTags(raw.tags);
  if (!tags.ok) return tags;
  const annotation = { target: target.value, note: note.value, tags: tags.value, updated };
  if (isEmptyAnnotation(annotation))
    return { ok: false, problem: 'an annotation needs a note or a tag (delete it instead)' };
  return { ok: true, value: annotation };
}

/** One stored annotation (a file's entry, a database row): the input rules plus its own `updated`. */
export function checkAnnotation(raw: unknown): Checked<Annotation> {
  if (!isRecord(raw)) return { ok: false, problem: 'expected an object { target, note, tags, updated }' };
  const updated = isoTime.safeParse(raw.updated);
  if (!updated.success) return { ok: false, problem: 'updated must be a UTC time like 2021-12-03T12:06:03Z' };
  return checkAnnotationInput(raw, updated.data);
}

export interface AnnotationList {
  annotations: Annotation[];
  /** Entries present but not readable (wrong shape, too large, beyond MAX_ANNOTATIONS). */
  skipped: number;
}

/**
 * Reads an optional `annotations` value of unknown origin: each readable entry is kept (two for
 * the same target: the newer), the others are counted. Absent gives an empty list.
 */
export function readAnnotationList(raw: unknown): AnnotationList {
  if (raw === undefined || raw === null) return { annotations: [], skipped: 0 };
  if (!Array.isArray(raw)) return { annotations: [], skipped: 1 };
  const readable: Annotation[] = [];
  let skipped = Math.max(0, raw.length - MAX_ANNOTATIONS);
  for (const entry of raw.slice(0, MAX_ANNOTATIONS)) {
    const a = checkAnnotation(entry);
    if (a.ok) readable.push(a.value);
    else skipped++;
  }
  return { annotations: mergeAnnotations([], readable), skipped };
}

export function isEmptyAnnotation(a: Pick<Annotation, 'note' | 'tags'>): boolean {
  return a.note.trim() === '' && a.tags.length === 0;
}

/** The identity of a target: one annotation per target. */
export function annotationKey(target: AnnotationTarget): string {
  return `${target.kind}\u0000${target.id}`;
}

export function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** The list with `a` in place of the annotation of the same target, or added at the end. */
export function upsertAnnotation(list: readonly Annotation[], a: Annotation): Annotation[] {
  const at = list.findIndex((x) => sameTarget(x.target, a.target));
  if (at < 0) return [...list, a];
  const next = [...list];
  next[at] = a;
  return next;
}

export function removeAnnotation(list: readonly Annotation[], target: AnnotationTarget): Annotation[] {
  return list.filter((x) => !sameTarget(x.target, target));
}

const timeOf = (a: Annotation): number => {
  const t = Date.parse(a.updated);
  return Number.isNaN(t) ? -Infinity : t;
};

/**
 * Both lists in one, one annotation per target: the later `updated` wins, and on a tie the one from
 * `incoming` (what was just read or saved). Used when a file's notes meet the browser's copy.
 */
export function mergeAnnotations(base: readonly Annotation[], incoming: readonly Annotation[]): Annotation[] {
  const byKey = new Map<string, Annotation>();
  for (const a of base) byKey.set(annotationKey(a.target), a);
  for (const a of incoming) {
    const key = annotationKey(a.target);
    const old = byKey.get(key);
    if (old === undefined || timeOf(a) >= timeOf(old)) byKey.set(key, a);
  }
  return [...byKey.values()];
}

/** The annotation of one target, if any. */
export function annotationOf(list: readonly Annotation[], target: AnnotationTarget): Annotation | undefined {
  return list.find((x) => sameTarget(x.target, target));
}

/** The ids of the targets of one kind carrying `tag` (normalised first). */
export function targetsTagged(list: readonly Annotation[], kind: AnnotationKind, tag: string): Set<string> {
  const wanted = normaliseTag(tag);
  const ids = new Set<string>();
  if (wanted === null) return ids;
  for (const a of list) if (a.target.kind === kind && a.tags.includes(wanted)) ids.add(a.target.id);
  return ids;
}

/**
 * The nodes an edge target names. An edge target id is what the app selects: a drawn link,
 * `link:["<account>","<other>","from"|"to"|"member"]` (one link stands for the dataset edges with
 * those ends), or a dataset edge id. Null when it is neither; `edges` resolves dataset edge ids.
 */
export function edgeTargetEnds(
  id: string,
  edges: readonly { id: string; account: string; source: string | null; target: string | null }[] = [],
): { account: string; other: string | null; role: 'from' | 'to' | 'member' | null } | null {
  if (id.startsWith('link:')) {
    try {
      const v: unknown = JSON.parse(id.slice(5));
      if (Array.isArray(v) && v.length === 3) {
        const [account, other, role] = v as unknown[];
        if (
          typeof account === 'string' &&
          typeof other === 'string' &&
          (role === 'from' || role === 'to' || role === 'member')
        )
          return { account, other, role };
      }
    } catch {
      return null;
    }
    return null;
  }
  const e = edges.find((x) => x.id === id);
  if (e === undefined) return null;
  return { account: e.account, other: e.source ?? e.target, role: null };
}
