/**
 * Time helpers for the analysis. Everything is UTC and parsed by hand: `Date.parse` of a string
 * with 7 or 9 fractional digits is engine-dependent, and nothing here may depend on the local zone.
 */

export const HOUR_MS = 3_600_000;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

let cachedHourPrefix = '';
let cachedHourMs = 0;

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/** Epoch milliseconds of a UTC ISO time (`...Z`, up to 9 fractional digits); NaN when malformed. */
export function isoToMs(iso: string): number {
  // Fast path (the graph builder parses every event's time): `YYYY-MM-DDTHH:` is usually the same
  // as the previous call's; then only minutes, seconds and milliseconds are read, digit by digit.
  const len = iso.length;
  if (
    len >= 20 &&
    len <= 30 &&
    iso.charCodeAt(len - 1) === 90 /* Z */ &&
    iso.charCodeAt(13) === 58 &&
    iso.charCodeAt(16) === 58
  ) {
    const prefix = iso.slice(0, 13);
    if (prefix === cachedHourPrefix) {
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
      if (min < 60 && sec < 60) return cachedHourMs + min * 60_000 + sec * 1000 + ms;
      return Number.NaN;
    }
  }
  const t = isoToMsSlow(iso);
  if (!Number.isNaN(t)) {
    cachedHourPrefix = iso.slice(0, 13);
    cachedHourMs = Math.floor(t / HOUR_MS) * HOUR_MS;
  }
  return t;
}

function isoToMsSlow(iso: string): number {
  const m = ISO_RE.exec(iso);
  if (m === null) return Number.NaN;
  const frac = m[7] ?? '';
  const ms = frac === '' ? 0 : Number((frac + '00').slice(0, 3));
  const t = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
    ms,
  );
  return t;
}

/** Unix hour (floor(epoch ms / 3,600,000)) of a UTC ISO time; NaN when malformed. */
export function unixHourOf(iso: string): number {
  return Math.floor(isoToMs(iso) / HOUR_MS);
}

/** `2021-12-03T12:00:00Z` for a Unix hour. */
export function hourToIso(hour: number): string {
  return msToIso(hour * HOUR_MS);
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
