import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_LIMITS,
  MAX_ANNOTATIONS,
  checkAnnotation,
  checkAnnotationInput,
  mergeAnnotations,
  normaliseTag,
  readAnnotationList,
  removeAnnotation,
  targetsTagged,
  upsertAnnotation,
  type Annotation,
} from './annotations.js';

const HOSTILE = "<script>alert(1)</script>\"'&x\u202Eexe.txt\u0007\n=cmd|' /C calc'!A0";
const T0 = '2026-12-06T07:00:00Z';
const T1 = '2026-12-06T08:00:00.123Z';

function note(id: string, updated: string, text = 'x', tags: string[] = []): Annotation {
  return { target: { kind: 'node', id }, note: text, tags, updated };
}

describe('annotation validation', () => {
  it('keeps hostile text exactly as written and normalises tags', () => {
    const r = checkAnnotation({
      target: { kind: 'edge', id: HOSTILE },
      note: HOSTILE,
      tags: ['  Compromised ', 'False   Positive', 'compromised', '<b>x</b>'],
      updated: T1,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        target: { kind: 'edge', id: HOSTILE },
        note: HOSTILE,
        tags: ['compromised', 'false-positive', '<b>x</b>'],
        updated: T1,
      },
    });
  });

  it('refuses oversized and malformed input with a reason, without throwing', () => {
    const base = { target: { kind: 'node', id: 'a' }, note: 'n', tags: [], updated: T0 };
    const problem = (patch: Record<string, unknown>): string | null => {
      const r = checkAnnotation({ ...base, ...patch });
      return r.ok ? null : r.problem;
    };
    expect(problem({})).toBeNull();
    expect(problem({ note: 'x'.repeat(ANNOTATION_LIMITS.note) })).toBeNull();
    expect(problem({ note: 'x'.repeat(ANNOTATION_LIMITS.note + 1) })).toMatch(/note is limited/);
    expect(problem({ tags: Array.from({ length: 33 }, (_, i) => `t${i}`) })).toMatch(/at most 32 tags/);
    expect(problem({ tags: ['x'.repeat(65)] })).toMatch(/tags.0 must be 1 to 64/);
    expect(problem({ tags: ['a\u0000b'] })).toMatch(/control characters/);
    expect(problem({ tags: ['   '] })).toMatch(/tags.0/);
    expect(problem({ tags: 'compromised' })).toMatch(/array/);
    expect(problem({ tags: [1] })).toMatch(/tags.0 must be a string/);
    expect(problem({ target: { kind: 'planet', id: 'a' } })).toMatch(/target.kind/);
    expect(problem({ target: { kind: 'node', id: '' } })).toMatch(/target.id/);
    expect(problem({ target: { kind: 'node', id: 'x'.repeat(ANNOTATION_LIMITS.id + 1) } })).toMatch(
      /target.id/,
    );
    expect(problem({ target: 'node:a' })).toMatch(/target must be/);
    expect(problem({ note: 42 })).toMatch(/note must be a string/);
    expect(problem({ updated: '2026-12-06 07:00' })).toMatch(/updated/);
    expect(problem({ updated: undefined })).toMatch(/updated/);
    expect(problem({ note: '  ', tags: [] })).toMatch(/needs a note or a tag/);
    for (const junk of [null, 'x', 3, [], { target: null }]) expect(checkAnnotation(junk).ok).toBe(false);
  });

  it('stamps input with the saver’s time and ignores a time sent with it', () => {
    const r = checkAnnotationInput(
      { target: { kind: 'detection', id: 'd1' }, tags: ['Reviewed'], updated: T0 },
      T1,
    );
    expect(r).toEqual({
      ok: true,
      value: { target: { kind: 'detection', id: 'd1' }, note: '', tags: ['reviewed'], updated: T1 },
    });
  });
});

describe('reading a list of annotations', () => {
  it('counts unreadable entries, keeps the rest, and one per target (the newer)', () => {
    const r = readAnnotationList([
      note('a', T0, 'old'),
      'junk',
      null,
      { ...note('b', T0), note: 'x'.repeat(ANNOTATION_LIMITS.note + 1) },
      note('a', T1, 'new'),
      note('c', T0),
    ]);
    expect(r.skipped).toBe(3);
    expect(r.annotations.map((a) => [a.target.id, a.note])).toEqual([
      ['a', 'new'],
      ['c', 'x'],
    ]);
  });

  it('reads absent as empty and a non-list as one skipped entry', () => {
    expect(readAnnotationList(undefined)).toEqual({ annotations: [], skipped: 0 });
    expect(readAnnotationList({ items: [] })).toEqual({ annotations: [], skipped: 1 });
  });

  it('bounds the number of entries it reads', () => {
    const many = Array.from({ length: MAX_ANNOTATIONS + 5 }, (_, i) => note(`n${i}`, T0));
    const r = readAnnotationList(many);
    expect(r.annotations).toHaveLength(MAX_ANNOTATIONS);
    expect(r.skipped).toBe(5);
  });
});

describe('upsert, remove and merge', () => {
  it('replaces the annotation of the same target in place, or appends', () => {
    const list = [note('a', T0), note('b', T0)];
    const edge: Annotation = { ...note('a', T1, 'edge'), target: { kind: 'edge', id: 'a' } };
    expect(upsertAnnotation(list, note('a', T1, 'changed')).map((a) => a.note)).toEqual(['changed', 'x']);
    expect(upsertAnnotation(list, edge)).toHaveLength(3);
    expect(removeAnnotation(list, { kind: 'node', id: 'a' }).map((a) => a.target.id)).toEqual(['b']);
    expect(removeAnnotation(list, { kind: 'edge', id: 'a' })).toHaveLength(2);
    expect(list).toHaveLength(2); // never changed in place
  });

  it('merges with the newer annotation winning, the incoming one on a tie', () => {
    const base = [note('a', T1, 'base newer'), note('b', T0, 'base tie'), note('c', T0, 'base only')];
    const incoming = [note('a', T0, 'incoming older'), note('b', T0, 'incoming tie'), note('d', T0, 'new')];
    expect(mergeAnnotations(base, incoming).map((a) => a.note)).toEqual([
      'base newer',
      'incoming tie',
      'base only',
      'new',
    ]);
  });

  it('finds the targets carrying a tag, whatever its case', () => {
    const list = [note('a', T0, '', ['compromised']), note('b', T0, '', ['benign'])];
    expect([...targetsTagged(list, 'node', 'Compromised')]).toEqual(['a']);
    expect(targetsTagged(list, 'edge', 'compromised').size).toBe(0);
    expect(normaliseTag('\u0007')).toBeNull();
  });
});
