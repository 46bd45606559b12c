/**
 * Time zones for windows (issue 13): a "day" is UTC's day unless the analyst chose a zone, and then
 * it is that zone's day, from its local midnight to the next. Offsets come from Intl (the IANA
 * database of the engine), never from a fixed table, so that a day across a DST change is 23 or 25
 * hours long as it really was. The app, the server's `tz=` and the CLI use these functions: one rule.
 *
 * A zone is an IANA name (`Asia/Tokyo`, `UTC`) or a fixed offset (`+09:00`, `-05:30`), which the
 * server accepts for clients that only know their offset.
 */

const DAY_MS = 86_400_000;
const OFFSET_RE = /^([+-])(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** IANA names are short ASCII paths (`America/Argentina/Buenos_Aires`); anything else is refused early. */
const NAME_RE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** The formatters by zone: building one costs far more than using it. */
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    if (partsFormatters.size > 200) partsFormatters.clear();
    partsFormatters.set(zone, f);
  }
  return f;
}

function fixedOffsetMinutes(zone: string): number | null {
  const m = OFFSET_RE.exec(zone);
  if (m === null) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** True for `UTC`, an IANA zone this engine knows, or a `±HH:MM` offset. */
export function isValidTimeZone(zone: string): boolean {
  if (fixedOffsetMinutes(zone) !== null) return true;
  if (!NAME_RE.test(zone)) return false;
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** True when the zone is UTC itself (its days are the UTC days). */
export function isUtcZone(zone: string | null | undefined): boolean {
  return zone === null || zone === undefined || zone === 'UTC' || zone === 'Etc/UTC' || zone === '+00:00';
}

/** The zone's offset from UTC at an instant, in minutes (Tokyo: 540; New York in winter: -300). */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== null) return fixed;
  if (isUtcZone(zone)) return 0;
  const wall = wallClock(zone, ms);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // The wall clock drops the milliseconds: compare with the instant rounded down to its second.
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The date and time a clock in the zone showed at an instant. */
export function wallClock(zone: string, ms: number): WallClock {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== null || isUtcZone(zone)) {
    const d = new Date(ms + (fixed ?? 0) * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of partsFormatter(zone).formatToParts(ms)) {
    if (part.type in out) out[part.type as keyof WallClock] = Number(part.value);
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The zone's calendar date (`YYYY-MM-DD`) at an instant; UTC's date when the zone is null. */
export function zoneDateOf(ms: number, zone: string | null): string {
  if (isUtcZone(zone)) return new Date(ms).toISOString().slice(0, 10);
  const w = wallClock(zone!, ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * The first instant of a calendar date in the zone (its local midnight). Where a DST change skips
 * midnight (clocks jump from 23:59 to 01:00), the day starts at the first instant that exists. NaN
 * for a date that is not real.
 */
export function zoneMidnight(date: string, zone: string | null): number {
  const m = DATE_RE.exec(date);
  if (m === null) return Number.NaN;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(utc).toISOString().slice(0, 10) !== date) return Number.NaN;
  if (isUtcZone(zone)) return utc;
  // The offset at the wall-clock midnight read as UTC is off by at most the DST step: two rounds
  // find the instant whose offset agrees with itself.
  let guess = utc - zoneOffsetMinutes(zone!, utc) * 60_000;
  for (let i = 0; i < 2; i++) {
    const next = utc - zoneOffsetMinutes(zone!, guess) * 60_000;
    if (next === guess) break;
    guess = next;
  }
  // A skipped midnight: the guess lands on the previous day's evening; the day begins one step later.
  if (zoneDateOf(guess, zone) !== date) {
    const later = utc - zoneOffsetMinutes(zone!, guess + DAY_MS / 24) * 60_000;
    return Math.max(later, guess);
  }
  return guess;
}

/** The calendar date `days` after a `YYYY-MM-DD` date (calendar arithmetic: no zone involved). */
export function addDays(date: string, days: number): string {
  const m = DATE_RE.exec(date);
  if (m === null) return date;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** An instant as the ISO UTC text windows use (`2021-12-02T15:00:00Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/**
 * The window of `days` calendar days starting on `date` in the zone, as UTC instants with an
 * exclusive end: `2021-12-03` for one day in Asia/Tokyo is 2021-12-02T15:00:00Z to
 * 2021-12-03T15:00:00Z. null when the date is not real.
 */
export function zoneDaysWindow(
  date: string,
  days: number,
  zone: string | null,
): { from: string; to: string } | null {
  const start = zoneMidnight(date, zone);
  const end = zoneMidnight(addDays(date, days), zone);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return { from: isoSeconds(start), to: isoSeconds(end) };
}

/**
 * An ISO UTC time as the zone's wall-clock time with its offset, ISO 8601 style
 * (`2021-12-03T14:05:09Z` in Asia/Tokyo → `2021-12-03 23:05:09 +09:00`): unambiguous in a report or
 * an export. UTC (null) writes `2021-12-03 14:05:09 UTC`. Text that is not a time is returned as is.
 */
export function zonedTimeText(iso: string, zone: string | null): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const utc = isUtcZone(zone);
  const w = wallClock(utc ? 'UTC' : zone!, ms);
  const text = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  if (utc) return `${text} UTC`;
  return `${text} ${offsetText(zoneOffsetMinutes(zone!, ms))}`;
}

/** A UTC offset in minutes as `+09:00`, `-05:30`. */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The first day of the window of `span` that holds an instant, in the zone's calendar: its date for
 * a day, the Monday of its ISO week for a week (as the UTC rule in story-window.ts).
 */
export function zoneWindowStart(ms: number, span: 'day' | 'week', zone: string | null): string {
  const date = zoneDateOf(ms, zone);
  if (span === 'day') return date;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}
