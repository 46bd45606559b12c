import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_FILTERS, type ViewFilters } from '../../../core/analysis/index.js';

export interface FiltersPanelProps {
  filters: ViewFilters;
  /** Choices present in the dataset. */
  eventIds: number[];
  logonTypes: string[];
  onChange(filters: ViewFilters): void;
}

/** Toggles one value in a "null = all" list. */
export function toggleInList<T>(list: T[] | null, all: T[], value: T): T[] | null {
  const current = list ?? all;
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  if (next.length === all.length && all.every((v) => next.includes(v))) return null;
  return next;
}

export function FiltersPanel({ filters, eventIds, logonTypes, onChange }: FiltersPanelProps) {
  const { t } = useTranslation('filters');
  const set = (patch: Partial<ViewFilters>) => onChange({ ...filters, ...patch });
  return (
    <form className="filters" aria-label={t('label')} onSubmit={(e) => e.preventDefault()}>
      <SearchBox key={filters.search} value={filters.search} onCommit={(search) => set({ search })} />
      <fieldset>
        <legend>{t('eventIds')}</legend>
        {eventIds.map((id) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={filters.eventIds === null || filters.eventIds.includes(id)}
              onChange={() => set({ eventIds: toggleInList(filters.eventIds, eventIds, id) })}
            />
            {id}
          </label>
        ))}
      </fieldset>
      {logonTypes.length > 0 && (
        <fieldset>
          <legend>{t('logonTypes')}</legend>
          {logonTypes.map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={filters.logonTypes === null || filters.logonTypes.includes(type)}
                onChange={() => set({ logonTypes: toggleInList(filters.logonTypes, logonTypes, type) })}
              />
              {type}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('outcome')}</legend>
        {(['any', 'success', 'failure'] as const).map((o) => (
          <label key={o} className="check">
            <input
              type="radio"
              name="outcome"
              checked={filters.outcome === o}
              onChange={() => set({ outcome: o })}
            />
            {t(`outcomes.${o}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('minCount')}
        <input
          type="number"
          min={1}
          step={1}
          value={filters.minCount}
          onChange={(e) => {
            const n = Math.floor(Number(e.target.value));
            if (Number.isFinite(n) && n >= 1) set({ minCount: n });
          }}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.showHidden}
          onChange={(e) => set({ showHidden: e.target.checked })}
        />
        {t('showHidden')}
      </label>
      <button type="button" onClick={() => onChange({ ...DEFAULT_FILTERS })}>
        {t('reset')}
      </button>
    </form>
  );
}

/** The search is committed on Enter or when leaving the box: one history entry per search, not per key. */
function SearchBox({ value, onCommit }: { value: string; onCommit(v: string): void }) {
  const { t } = useTranslation('filters');
  const [text, setText] = useState(value);
  const commit = () => {
    if (text !== value) onCommit(text.slice(0, 200));
  };
  return (
    <label className="field">
      {t('search')}
      <input
        type="search"
        value={text}
        maxLength={200}
        placeholder={t('searchPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
