import { isUtcZone, offsetText, wallClock, zoneOffsetMinutes } from '../../core/analysis/index.js';
import { currentLanguage, type Language } from '../i18n';

/**
 * How the app writes an instant: in the chosen zone (UTC unless the analyst chose another) and in
 * the UI's language. Digits are zero-padded and the hour runs 00–23 in every language: a time in an
 * incident timeline must compare at a glance and never be read as AM/PM. English writes dates the
 * ISO way (2021-12-03), Japanese the way Japanese dates are written (2021/12/03). A time outside
 * UTC carries its offset (`+09:00`), so a copied line still says which clock it came from.
 */
export type Precision = 'date' | 'hour' | 'minute' | 'second';

export interface TimeFormatOptions {
  /** IANA zone; null or `UTC` for UTC. */
  zone: string | null;
  precision?: Precision;
  /** The UI language; the current one when left out. */
  locale?: Language;
  /** Leave out the zone suffix (a column whose header names the zone). */
  bare?: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The name shown for a zone: `UTC`, or the IANA name. */
export function zoneLabel(zone: string | null): string {
  return isUtcZone(zone) ? 'UTC' : zone!;
}

/** Epoch ms of an ISO time or a number; NaN when it is not a time. */
function toMs(time: string | number): number {
  return typeof time === 'number' ? time : Date.parse(time);
}

/**
 * An instant as text in the zone: `2021-12-03 14:05:09 UTC`, `2021/12/03 23:05:09 +09:00` (ja).
 * Text that is not a time is returned unchanged (log data is shown as given, never hidden).
 */
export function formatInstant(time: string | number, options: TimeFormatOptions): string {
  const ms = toMs(time);
  if (!Number.isFinite(ms)) return String(time);
  const zone = isUtcZone(options.zone) ? 'UTC' : options.zone!;
  const locale = options.locale ?? currentLanguage();
  const precision = options.precision ?? 'second';
  let w;
  try {
    w = wallClock(zone, ms);
  } catch {
    // A zone the engine does not know (the URL parser refuses them; this is a last guard).
    return formatInstant(ms, { ...options, zone: null });
  }
  const sep = locale === 'ja' ? '/' : '-';
  const date = `${pad(w.year, 4)}${sep}${pad(w.month)}${sep}${pad(w.day)}`;
  let text = date;
  if (precision === 'hour') text += ` ${pad(w.hour)}:00`;
  else if (precision === 'minute') text += ` ${pad(w.hour)}:${pad(w.minute)}`;
  else if (precision === 'second') text += ` ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  if (options.bare || precision === 'date') return text;
  return `${text} ${zone === 'UTC' ? 'UTC' : offsetText(zoneOffsetMinutes(zone, ms))}`;
}

/** The browser's own zone (`Intl`), UTC when it cannot say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The zones this browser knows (for the zone picker's suggestions). */
export function knownTimeZones(): string[] {
  try {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return ['UTC'];
  }
}
