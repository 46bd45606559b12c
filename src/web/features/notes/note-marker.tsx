import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../core/dataset';
import { displaySafe } from '../../../core/text/display-safe';

/** Tags shown on a marker at most; the rest are in its label and in the editor. */
const SHOWN_TAGS = 3;

/** A small mark after a name in a list: the target has a note, with its first tags. */
export function NoteMarker({ annotation }: { annotation: Annotation | undefined }) {
  const { t } = useTranslation('notes');
  if (annotation === undefined) return null;
  const tags = annotation.tags.map(displaySafe);
  const label = tags.length === 0 ? t('marker') : t('markerTags', { tags: tags.join(', ') });
  return (
    <span className="note-marker" role="img" aria-label={label} title={label}>
      <span aria-hidden="true">✎</span>
      {tags.slice(0, SHOWN_TAGS).map((tag) => (
        <span key={tag} className="tag-chip small" aria-hidden="true">
          {tag}
        </span>
      ))}
      {tags.length > SHOWN_TAGS && <span aria-hidden="true">+{tags.length - SHOWN_TAGS}</span>}
    </span>
  );
}
