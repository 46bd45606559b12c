import type { TimeRange } from '../../core/dataset/index.js';
import { KNOWN_LOGON_TYPES, SECURITY_EVENT_IDS } from '../../core/events/index.js';
import { badRequest } from './errors.js';
import type { ViewFilters } from '../../core/analysis/view-filters.js';
import { isValidTimeZone, zoneMidnight } from '../../core/analysis/time-zone.js';

/** Filters of /graph and /export: the app's view filters, defined once in core. */
export type GraphFilters = ViewFilters;
export { NO_FILTERS } from '../../core/analysis/view-filters.js';

type Query = Record<string, string | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?[^Z+-]*(?:Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * Whether every part of a date or time names a real calendar value. Date.parse is lenient
 * (2017-02-30 becomes March 2nd), and a window that silently moves is worse than a 400.
 */
function isRealCalendarValue(value: string): boolean {
  const m = PARTS.exec(value);
  if (m === null) return false;
  const [year, month, day, hour, minute, second, offH, offM] = m
    .slice(1)
    .map((x) => (x === undefined ? 0 : Number(x)));
  if (month === undefined || month < 1 || month > 12 || day === undefined || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
  return (
    day <= daysInMonth &&
    (hour ?? 0) <= 23 &&
    (minute ?? 0) <= 59 &&
    (second ?? 0) <= 59 &&
    (offH ?? 0) <= 14 &&
    (offM ?? 0) <= 59
  );
}

/**
 * The `tz` of a request: an IANA zone (`Asia/Tokyo`) or an offset (`+09:00`); null without one. In a
 * query string `+` reads as a space, so ` 09:00` is taken as `+09:00`.
 */
export function parseZone(q: Query): string | null {
  const raw = q['tz'];
  if (raw === undefined || raw === '') return null;
  const zone = /^ \d{2}:\d{2}$/.test(raw) ? `+${raw.slice(1)}` : raw;
  if (zone.length > 64 || !isValidTimeZone(zone))
    throw badRequest(
      `tz must be an IANA time zone like Asia/Tokyo or an offset like +09:00 (got ${JSON.stringify(raw.slice(0, 40))})`,
      'bad_query',
    );
  return zone;
}

/**
 * A `from`/`to` value: a day (`2021-12-03`, midnight UTC, or midnight in `zone` when one is given:
 * the zone's day, DST included, by core's one rule) or a time with its zone.
 */
export function parseTime(name: string, value: string, zone: string | null = null): number {
  if (value.length > 40 || !(DAY.test(value) || TIME.test(value))) {
    throw badRequest(
      `${name} must be a date like 2021-12-03 or a UTC time like 2021-12-03T12:00:00Z`,
      'bad_query',
    );
  }
  const ms = DAY.test(value) ? zoneMidnight(value, zone) : Date.parse(value);
  if (!Number.isFinite(ms) || !isRealCalendarValue(value))
    throw badRequest(`${name} is not a real date or time: ${value}`, 'bad_query');
  return ms;
}

/**
 * The window of a request: null when neither `from` nor `to` is given (everything); a missing end
 * is taken from the dataset's time range. `to` is exclusive. Days are UTC days unless `tz` names a
 * zone (`from=2021-12-03&to=2021-12-04&tz=Asia/Tokyo` is Tokyo's 3 December).
 */
export function parseWindow(q: Query, range: TimeRange | null): TimeRange | null {
  const from = q['from'];
  const to = q['to'];
  const zone = parseZone(q);
  if ((from === undefined || from === '') && (to === undefined || to === '')) return null;
  const fromMs =
    from !== undefined && from !== ''
      ? parseTime('from', from, zone)
      : range !== null
        ? Date.parse(range.from)
        : 0;
  const toMs =
    to !== undefined && to !== ''
      ? parseTime('to', to, zone)
      : range !== null
        ? Date.parse(range.to) + 1
        : fromMs + 1;
  if (!(toMs > fromMs)) throw badRequest('to must be after from', 'bad_query');
  return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
}

function list(name: string, value: string | undefined, max: number): string[] | null {
  if (value === undefined || value === '') return null;
  if (value.length > 2000) throw badRequest(`${name} is too long`, 'bad_query');
  const items = value.split(',').map((s) => s.trim());
  if (items.length > max || items.some((s) => s === '')) {
    throw badRequest(`${name} must be a comma-separated list of at most ${max} values`, 'bad_query');
  }
  return items;
}

const ANALYSED_EVENT_IDS: ReadonlySet<number> = new Set(SECURITY_EVENT_IDS);

export function parseFilters(q: Query): GraphFilters {
  const ids = list('eventIds', q['eventIds'], 100);
  const eventIds =
    ids === null
      ? null
      : ids.map((s) => {
          if (!/^\d{1,5}$/.test(s) || Number(s) > 65535)
            throw badRequest(`eventIds: ${s.slice(0, 20)} is not an event ID`, 'bad_query');
          // Only these are imported and analysed: any other ID can only ever match nothing.
          if (!ANALYSED_EVENT_IDS.has(Number(s)))
            throw badRequest(
              `eventIds: ${s} is not an event ID LogonLens analyses (${[...ANALYSED_EVENT_IDS].join(', ')})`,
              'bad_query',
            );
          return Number(s);
        });
  const logonTypes = list('logonTypes', q['logonTypes'], 50);
  const unknownType = logonTypes?.find((t) => !KNOWN_LOGON_TYPES.includes(t));
  if (unknownType !== undefined)
    throw badRequest(
      `logonTypes: ${unknownType.slice(0, 20)} is not a Windows logon type (${KNOWN_LOGON_TYPES.join(', ')})`,
      'bad_query',
    );
  const outcome = q['outcome'] ?? 'any';
  if (outcome !== 'any' && outcome !== 'success' && outcome !== 'failure') {
    throw badRequest('outcome must be any, success or failure', 'bad_query');
  }
  const minCount = parseInteger('minCount', q['minCount'], 0, 0, 1_000_000_000);
  const search = q['search'] ?? '';
  if (search.length > 200) throw badRequest('search is limited to 200 characters', 'bad_query');
  const hidden = q['hidden'];
  if (hidden !== undefined && !['0', '1', 'true', 'false', ''].includes(hidden)) {
    throw badRequest('hidden must be 1 or 0', 'bad_query');
  }
  return {
    eventIds,
    logonTypes,
    outcome,
    minCount,
    search: search.toLowerCase(),
    showHidden: hidden === '1' || hidden === 'true',
  };
}

export function parseInteger(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,12}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw badRequest(`${name} must be a whole number from ${min} to ${max}`, 'bad_query');
  }
  return Number(value);
}
