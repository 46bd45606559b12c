import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isUtcZone, isValidTimeZone } from '../../../core/analysis/index.js';
import { browserTimeZone, knownTimeZones } from '../../lib/time-format';

export interface ZoneSwitchProps {
  /** The URL's zone; null = UTC. */
  zone: string | null;
  onChange(zone: string | null): void;
}

/**
 * The time zone of the view (URL `tz=`): UTC by default, the browser's zone in one click, or any
 * IANA zone typed or picked from the browser's list. A value is applied once it names a real zone
 * (picked from the list, or confirmed with Enter or by leaving the field); anything else is refused
 * with a message and the view keeps its zone.
 */
export function ZoneSwitch({ zone, onChange }: ZoneSwitchProps) {
  const { t } = useTranslation('share');
  const listId = useId();
  const shown = isUtcZone(zone) ? 'UTC' : zone!;
  const [draft, setDraft] = useState(shown);
  const [bad, setBad] = useState<string | null>(null);
  // The URL changed the zone (back/forward, a link): the field follows it.
  const [synced, setSynced] = useState(shown);
  if (synced !== shown) {
    setSynced(shown);
    setDraft(shown);
  }
  const zones = useMemo(() => knownTimeZones(), []);
  const known = useMemo(() => new Set(zones), [zones]);
  // Some 400 options: built once, and only once the field is used (the header renders on every
  // page, and most analysts never open the list).
  const [listed, setListed] = useState(false);
  const options = useMemo(
    () => (listed ? zones.map((z) => <option key={z} value={z} />) : null),
    [listed, zones],
  );
  const mine = useMemo(() => browserTimeZone(), []);

  const apply = (value: string) => {
    const v = value.trim();
    if (v === shown) return setBad(null);
    if (v === '' || !isValidTimeZone(v)) {
      setBad(v);
      return;
    }
    setBad(null);
    onChange(isUtcZone(v) ? null : v);
  };

  return (
    <span className="zone-switch" title={t('zoneTitle')}>
      <label>
        {t('zone')}{' '}
        <input
          list={listId}
          value={draft}
          size={16}
          spellCheck={false}
          aria-invalid={bad !== null}
          onChange={(e) => {
            setDraft(e.target.value);
            // A zone picked from the list applies at once; typed text waits for Enter or blur.
            if (known.has(e.target.value)) apply(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply(draft);
            if (e.key === 'Escape') {
              setDraft(shown);
              setBad(null);
            }
          }}
          onFocus={() => setListed(true)}
          onBlur={() => apply(draft)}
        />
      </label>
      <datalist id={listId}>{options}</datalist>
      {!isUtcZone(zone) && (
        <button type="button" onClick={() => onChange(null)}>
          {t('utc')}
        </button>
      )}
      {mine !== shown && !isUtcZone(mine) && (
        <button type="button" onClick={() => onChange(mine)}>
          {t('browserZone', { zone: mine })}
        </button>
      )}
      {bad !== null && (
        <span className="zone-error" role="alert">
          {t('badZone', { zone: bad.slice(0, 60) })}
        </span>
      )}
    </span>
  );
}
