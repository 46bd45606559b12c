import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANNOTATION_LIMITS,
  normaliseTag,
  type Annotation,
  type AnnotationTarget,
} from '../../../core/dataset';
import { displaySafe } from '../../../core/text/display-safe';
import type { NoteInput } from './use-annotations';

export interface NotesEditorProps {
  target: AnnotationTarget;
  /** The saved note of the target, if any. */
  annotation: Annotation | undefined;
  /** Tags offered (the usual ones and those used in this dataset). */
  suggestions: readonly string[];
  home: 'server' | 'file';
  onSave(input: NoteInput): Promise<void>;
  onDelete(): Promise<void>;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'error'; message: string };

/**
 * A note and tags on one node, link or detection. Mount it with a `key` per target and saved
 * version: the draft starts from what is saved. Text is shown as typed (React escapes it; bidi
 * controls in tags are made visible), and kept exactly.
 */
export function NotesEditor({ target, annotation, suggestions, home, onSave, onDelete }: NotesEditorProps) {
  const { t } = useTranslation('notes');
  const [note, setNote] = useState(annotation?.note ?? '');
  const [tags, setTags] = useState<string[]>(annotation?.tags ?? []);
  const [newTag, setNewTag] = useState('');
  const [tagProblem, setTagProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const changed =
    note !== (annotation?.note ?? '') || JSON.stringify(tags) !== JSON.stringify(annotation?.tags ?? []);
  const empty = note.trim() === '' && tags.length === 0;
  const idBase = `note-${target.kind}`;

  const addTag = (raw: string): void => {
    const tag = normaliseTag(raw);
    if (tag === null) return setTagProblem(t('badTag'));
    if (!tags.includes(tag) && tags.length >= ANNOTATION_LIMITS.tags) return setTagProblem(t('tooManyTags'));
    setTagProblem(null);
    setNewTag('');
    if (!tags.includes(tag)) setTags([...tags, tag]);
  };

  const run = async (work: () => Promise<void>): Promise<void> => {
    setStatus({ kind: 'saving' });
    try {
      await work();
      setStatus({ kind: 'idle' });
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    // Saving an emptied note removes it: an annotation holds a note or a tag.
    void run(() => (empty ? onDelete() : onSave({ note, tags })));
  };

  const offered = suggestions.filter((s) => !tags.includes(s));

  return (
    <form
      className="notes-editor"
      aria-label={t('heading', { kind: t(`kind.${target.kind}`) })}
      onSubmit={submit}
    >
      <h3>{t('heading', { kind: t(`kind.${target.kind}`) })}</h3>
      <label htmlFor={`${idBase}-text`}>{t('note')}</label>
      <textarea
        id={`${idBase}-text`}
        value={note}
        maxLength={ANNOTATION_LIMITS.note}
        rows={4}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="muted notes-left">{t('left', { count: ANNOTATION_LIMITS.note - note.length })}</div>
      <div className="notes-tags" role="group" aria-label={t('tags')}>
        {tags.map((tag) => (
          <span key={tag} className="tag-chip">
            {displaySafe(tag)}
            <button
              type="button"
              aria-label={t('removeTag', { tag: displaySafe(tag) })}
              onClick={() => setTags(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <div className="notes-add-tag">
        <label htmlFor={`${idBase}-tag`} className="visually-hidden">
          {t('newTag')}
        </label>
        <input
          id={`${idBase}-tag`}
          value={newTag}
          placeholder={t('newTag')}
          list={`${idBase}-suggestions`}
          maxLength={ANNOTATION_LIMITS.tag + 20}
          onChange={(e) => setNewTag(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (newTag.trim() !== '') addTag(newTag);
            }
          }}
        />
        <datalist id={`${idBase}-suggestions`}>
          {offered.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="button" onClick={() => addTag(newTag)} disabled={newTag.trim() === ''}>
          {t('addTag')}
        </button>
      </div>
      {tagProblem !== null && (
        <p className="notice warn" role="alert">
          {tagProblem}
        </p>
      )}
      {offered.length > 0 && (
        <div className="notes-suggested" role="group" aria-label={t('suggested')}>
          {offered.slice(0, 12).map((s) => (
            <button key={s} type="button" className="tag-suggestion" onClick={() => addTag(s)}>
              + {displaySafe(s)}
            </button>
          ))}
        </div>
      )}
      <div className="notes-actions">
        <button type="submit" disabled={!changed || status.kind === 'saving'}>
          {status.kind === 'saving' ? t('saving') : t('save')}
        </button>
        {annotation !== undefined && (
          <button type="button" disabled={status.kind === 'saving'} onClick={() => void run(onDelete)}>
            {t('delete')}
          </button>
        )}
        <span className="muted" role="status">
          {changed
            ? t('unsaved')
            : annotation !== undefined
              ? t('saved', { time: annotation.updated.slice(0, 19).replace('T', ' ') })
              : ''}
        </span>
      </div>
      {status.kind === 'error' && (
        <p className="notice error" role="alert">
          {t('saveFailed', { message: status.message })}
        </p>
      )}
      <p className="muted notes-home">{home === 'server' ? t('keptServer') : t('keptFile')}</p>
    </form>
  );
}
