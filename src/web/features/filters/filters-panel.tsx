import { useState } from 'react';
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
  const set = (patch: Partial<ViewFilters>) => onChange({ ...filters, ...patch });
  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <SearchBox key={filters.search} value={filters.search} onCommit={(search) => set({ search })} />
      <fieldset>
        <legend>Event IDs</legend>
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
          <legend>Logon types</legend>
          {logonTypes.map((t) => (
            <label key={t} className="check">
              <input
                type="checkbox"
                checked={filters.logonTypes === null || filters.logonTypes.includes(t)}
                onChange={() => set({ logonTypes: toggleInList(filters.logonTypes, logonTypes, t) })}
              />
              {t}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>Outcome</legend>
        {(['any', 'success', 'failure'] as const).map((o) => (
          <label key={o} className="check">
            <input
              type="radio"
              name="outcome"
              checked={filters.outcome === o}
              onChange={() => set({ outcome: o })}
            />
            {o}
          </label>
        ))}
      </fieldset>
      <label className="field">
        Minimum count
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
        show hidden (machine, anonymous, local)
      </label>
      <button type="button" onClick={() => onChange({ ...DEFAULT_FILTERS })}>
        Reset filters
      </button>
    </form>
  );
}

/** The search is committed on Enter or when leaving the box: one history entry per search, not per key. */
function SearchBox({ value, onCommit }: { value: string; onCommit(v: string): void }) {
  const [text, setText] = useState(value);
  const commit = () => {
    if (text !== value) onCommit(text.slice(0, 200));
  };
  return (
    <label className="field">
      Search accounts, hosts, IPs
      <input
        type="search"
        value={text}
        maxLength={200}
        placeholder="name or address, Enter to apply"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
