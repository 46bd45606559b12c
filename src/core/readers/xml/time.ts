/**
 * Event time normalization shared by the text readers. Every source spelling becomes UTC ISO 8601
 * with a `Z`, keeping the fractional digits the source wrote (Windows 7, libevtx 9 of which the last
 * two are always 0 because FILETIME counts 100 ns, python-evtx 6, Elastic Agent 3).
 */

export interface ParsedTime {
  /** `YYYY-MM-DDTHH:MM:SS[.f…]Z` */
  iso: string;
  /** False when the text carried no zone (python-evtx, NXLog EventTime): the caller decides what that means. */
  hadZone: boolean;
}

const TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,12}))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parses a date-time (a bare date means its midnight); null when it is not one (or names an impossible date). */
export function parseTime(text: string): ParsedTime | null {
  const m = TIME_RE.exec(text.trim());
  if (m === null) return null;
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = hs === undefined ? 0 : Number(hs);
  const mi = mis === undefined ? 0 : Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  let ms = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59));
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  let offsetMin = 0;
  if (zone !== undefined && zone !== 'Z' && zone !== 'z' && zone !== 'UTC') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
    if (Math.abs(offsetMin) > 18 * 60) return null;
  }
  ms -= offsetMin * 60_000;
  return { iso: formatIso(ms, trimFraction(frac ?? '')), hadZone: zone !== undefined };
}

/** Beyond 7 digits (FILETIME resolution) only zeros are dropped, so nothing a source wrote is lost. */
function trimFraction(frac: string): string {
  let f = frac;
  while (f.length > 7 && f.endsWith('0')) f = f.slice(0, -1);
  return f;
}

/** Formats whole milliseconds-since-epoch (seconds precision used) plus a fraction string. */
export function formatIso(msSinceEpoch: number, frac: string): string {
  const iso = new Date(Math.floor(msSinceEpoch / 1000) * 1000).toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z
  return iso.slice(0, 19) + (frac === '' ? '' : '.' + frac) + 'Z';
}

/**
 * A string that sorts like the instant: fixed 9 fractional digits. ISO strings with different
 * fraction lengths do not compare correctly as text (`…00Z` > `…00.5Z`).
 */
export function timeSortKey(iso: string): string {
  const dot = iso.indexOf('.', 19);
  const body = iso.slice(0, 19);
  const frac = dot === -1 ? '' : iso.slice(dot + 1, iso.length - 1);
  return body + '.' + (frac + '000000000').slice(0, 9);
}
