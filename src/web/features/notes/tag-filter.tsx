import { useTranslation } from 'react-i18next';
import { displaySafe } from '../../../core/text/display-safe';

export interface TagFilterProps {
  /** The tags in use in the dataset's notes. */
  tags: readonly string[];
  /** The tag filter of the URL (null: none). */
  value: string | null;
  /** Nodes tagged in this window (null while unknown). */
  matches: number | null;
  onChange(tag: string | null): void;
}

/** "Show only what is tagged X, and its neighbours" (the URL's `tag=`). */
export function TagFilter({ tags, value, matches, onChange }: TagFilterProps) {
  const { t } = useTranslation('notes');
  const options = value !== null && !tags.includes(value) ? [...tags, value] : tags;
  if (options.length === 0) return null;
  return (
    <div className="tag-filter">
      <label htmlFor="tag-filter">{t('filter')}</label>
      <select
        id="tag-filter"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('filterAll')}</option>
        {options.map((tag) => (
          <option key={tag} value={tag}>
            {displaySafe(tag)}
          </option>
        ))}
      </select>
      {value !== null && matches !== null && (
        <p className={matches === 0 ? 'notice warn' : 'muted'} role="status">
          {matches === 0
            ? t('filterNone', { tag: displaySafe(value) })
            : t('filterStatus', { count: matches })}{' '}
          <button type="button" className="link" onClick={() => onChange(null)}>
            {t('clearFilter')}
          </button>
        </p>
      )}
    </div>
  );
}
