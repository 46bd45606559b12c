/**
 * Time helpers for the analysis. Everything is UTC and parsed by hand: `Date.parse` of a string
 * with 7 or 9 fractional digits is engine-dependent, and nothing here may depend on the local zone.
 */

export const HOUR_MS = 3_600_000;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/** Epoch ms of each `YYYY-MM-DD` seen (validated once through the full parser). */
const dayCache = new Map<string, number>();
/**
 * The day last looked up, and its epoch ms: events come in time order, so most times fall on the
 * day of the one before, and a prefix comparison is cheaper than slicing and hashing the day.
 */
let lastDay = '';
let lastDayMs = 0;

/** Epoch milliseconds of a UTC ISO time (`...Z`, up to 9 fractional digits); NaN when malformed. */
export function isoToMs(iso: string): number {
  // Fast path (the graph builder and the views parse many times): the date part is looked up in a
  // cache of days already validated; the time of day is read digit by digit.
  const len = iso.length;
  if (
    len >= 20 &&
    len <= 30 &&
    iso.charCodeAt(len - 1) === 90 /* Z */ &&
    iso.charCodeAt(10) === 84 /* T */ &&
    iso.charCodeAt(13) === 58 &&
    iso.charCodeAt(16) === 58
  ) {
    let day: number | undefined = lastDayMs;
    if (lastDay === '' || !iso.startsWith(lastDay)) {
      const key = iso.slice(0, 10);
      day = dayCache.get(key);
      if (day !== undefined) {
        lastDay = key;
        lastDayMs = day;
      }
    }
    if (day !== undefined) {
      const hh = digit(iso, 11) * 10 + digit(iso, 12);
      const min = digit(iso, 14) * 10 + digit(iso, 15);
      const sec = digit(iso, 17) * 10 + digit(iso, 18);
      let ms = 0;
      if (len > 20) {
        if (iso.charCodeAt(19) !== 46 /* . */) return Number.NaN;
        const fracLen = len - 21;
        if (fracLen < 1 || fracLen > 9) return Number.NaN;
        for (let i = 20; i < len - 1; i++) if (Number.isNaN(digit(iso, i))) return Number.NaN;
        ms =
          digit(iso, 20) * 100 + (fracLen > 1 ? digit(iso, 21) * 10 : 0) + (fracLen > 2 ? digit(iso, 22) : 0);
      } else if (iso.charCodeAt(19) !== 90) return Number.NaN;
      // NaN digits make these comparisons false.
      if (hh < 24 && min < 60 && sec < 60) return day + hh * HOUR_MS + min * 60_000 + sec * 1000 + ms;
      return Number.NaN;
    }
  }
  const t = isoToMsSlow(iso);
  if (!Number.isNaN(t)) {
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(iso.slice(0, 10), t - (((t % 86_400_000) + 86_400_000) % 86_400_000));
  }
  return t;
}

function isoToMsSlow(iso: string): number {
  const m = ISO_RE.exec(iso);
  if (m === null) return Number.NaN;
  const frac = m[7] ?? '';
  const ms = frac === '' ? 0 : Number((frac + '00').slice(0, 3));
  const [year, month, day, hh, mm, ss] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (hh > 23 || mm > 59 || ss > 59) return Number.NaN;
  const t = Date.UTC(year, month - 1, day, hh, mm, ss, ms);
  // Date.UTC rolls 2021-02-30 over into March: such a date is malformed.
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return Number.NaN;
  return t;
}

/** Unix hour (floor(epoch ms / 3,600,000)) of a UTC ISO time; NaN when malformed. */
export function unixHourOf(iso: string): number {
  return Math.floor(isoToMs(iso) / HOUR_MS);
}

const hourIsos = new Map<number, string>();

/** `2021-12-03T12:00:00Z` for a Unix hour. */
export function hourToIso(hour: number): string {
  let iso = hourIsos.get(hour);
  if (iso === undefined) {
    iso = msToIso(hour * HOUR_MS);
    if (hourIsos.size > 100_000) hourIsos.clear();
    hourIsos.set(hour, iso);
  }
  return iso;
}

/** `2021-12-03T12:59:59.999Z`: the last millisecond of a Unix hour. */
export function hourEndIso(hour: number): string {
  return `${hourToIso(hour).slice(0, 13)}:59:59.999Z`;
}

/** `2021-12-03T12:06:03Z` (milliseconds only when non-zero). */
export function msToIso(ms: number): string {
  const s = new Date(ms).toISOString();
  return s.endsWith('.000Z') ? s.slice(0, 19) + 'Z' : s;
}

const hourLabels = new Map<number, string>();

/** `2021-12-03 12:00 UTC`: how reasons print an hour. */
export function hourLabel(hour: number): string {
  let label = hourLabels.get(hour);
  if (label === undefined) {
    label = new Date(hour * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    if (hourLabels.size > 100_000) hourLabels.clear();
    hourLabels.set(hour, label);
  }
  return label;
}

/**
 * Compares two UTC ISO times of possibly different fractional precision (string comparison is
 * wrong for `...03Z` vs `...03.5Z`). Negative, zero or positive.
 */
export function compareIso(a: string, b: string): number {
  if (a === b) return 0;
  const d = isoToMs(a) - isoToMs(b);
  if (d !== 0) return d;
  // Same millisecond: compare the full fractions.
  return fraction(a).localeCompare(fraction(b));
}

function fraction(iso: string): string {
  const dot = iso.indexOf('.');
  return dot < 0 ? '000000000' : iso.slice(dot + 1, -1).padEnd(9, '0');
}

/**
 * The hours a window covers, as a half-open range of Unix hours [fromHour, toHour). Windows are cut
 * on hourly buckets, so a window is widened to whole hours: an hour is in when it overlaps the window.
 */
export function windowHours(window: { from: string; to: string } | null): {
  fromHour: number;
  toHour: number;
} {
  if (window === null) return { fromHour: -Infinity, toHour: Infinity };
  const from = isoToMs(window.from);
  const to = isoToMs(window.to);
  if (Number.isNaN(from) || Number.isNaN(to)) return { fromHour: -Infinity, toHour: Infinity };
  const fromHour = Math.floor(from / HOUR_MS);
  // `to` is exclusive: a window ending exactly on an hour boundary does not take that hour.
  const toHour = Math.max(fromHour, Math.ceil(to / HOUR_MS));
  return { fromHour, toHour: to === from ? fromHour + 1 : toHour };
}
