import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../core/dataset';
import { displaySafe } from '../../../core/text/display-safe';

export interface NotesListProps {
  annotations: readonly Annotation[];
  /** What a target is called on screen (a node's label, a link's ends, a detection's title). */
  label(a: Annotation): string;
  onOpen(a: Annotation): void;
}

/** Rows listed at most; the tag filter and the report show every note. */
const MAX_LISTED = 200;
/** Characters of a note shown in the list. */
const EXCERPT = 80;

/** Every note of the dataset, newest first: one click selects its node, link or detection. */
export function NotesList({ annotations, label, onOpen }: NotesListProps) {
  const { t } = useTranslation('notes');
  if (annotations.length === 0) return null;
  const rows = [...annotations].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  return (
    <details className="notes-list">
      <summary>{t('all', { count: annotations.length })}</summary>
      <ul>
        {rows.slice(0, MAX_LISTED).map((a) => (
          <li key={`${a.target.kind}\u0000${a.target.id}`}>
            <button type="button" className="link" onClick={() => onOpen(a)}>
              {t(`kind.${a.target.kind}`)}: {displaySafe(label(a))}
            </button>
            {a.tags.map((tag) => (
              <span key={tag} className="tag-chip small">
                {displaySafe(tag)}
              </span>
            ))}
            {a.note !== '' && (
              <div className="muted notes-excerpt">
                {displaySafe(a.note.length > EXCERPT ? `${a.note.slice(0, EXCERPT)}…` : a.note)}
              </div>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
