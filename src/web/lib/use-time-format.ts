import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../i18n';
import { formatInstant, zoneLabel, type Precision } from './time-format';
import { parseViewState } from './url-state';

function subscribe(onChange: () => void): () => void {
  // The same events use-view-state listens to: back/forward, and our own pushes and replaces.
  window.addEventListener('popstate', onChange);
  window.addEventListener('logonlens:navigate', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('logonlens:navigate', onChange);
  };
}
// Parsed once per URL: every component that shows a time reads this on each render.
let lastSearch: string | null = null;
let lastZone = '';
const getZone = () => {
  const search = window.location.search;
  if (search !== lastSearch) {
    lastSearch = search;
    lastZone = parseViewState(search).state.tz ?? '';
  }
  return lastZone;
};

/** The view's time zone (URL `tz=`), null for UTC. Any component can read it without props. */
export function useTimeZone(): string | null {
  const zone = useSyncExternalStore(subscribe, getZone, getZone);
  return zone === '' ? null : zone;
}

export interface TimeFormatter {
  (time: string | number, precision?: Precision, options?: { bare?: boolean }): string;
  zone: string | null;
  /** `UTC` or the IANA name, for headers and captions. */
  zoneName: string;
}

/** Formats instants in the view's zone and the UI language (re-rendering when either changes). */
export function useTimeFormat(): TimeFormatter {
  const zone = useTimeZone();
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const locale = isLanguage(lng) ? lng : 'en';
  const format = useCallback(
    (time: string | number, precision: Precision = 'second', options: { bare?: boolean } = {}) =>
      formatInstant(time, { zone, locale, precision, bare: options.bare ?? false }),
    [zone, locale],
  );
  return useMemo(() => Object.assign(format, { zone, zoneName: zoneLabel(zone) }), [format, zone]);
}
