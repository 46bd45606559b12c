// Rendering of EVTX substitution values as strings, the way Windows renders them in its XML
// (Event Viewer, wevtutil): hex integers unpadded in lower case (`0x3e7`), GUIDs upper case in
// braces, SIDs as `S-1-5-...`, FILETIMEs as ISO 8601 UTC with 7 fractional digits.
import { decodeAnsi, decodeUtf16 } from './text.js';

export const VT_NULL = 0x00;
export const VT_STRING = 0x01;
export const VT_ANSI = 0x02;
export const VT_INT8 = 0x03;
export const VT_UINT8 = 0x04;
export const VT_INT16 = 0x05;
export const VT_UINT16 = 0x06;
export const VT_INT32 = 0x07;
export const VT_UINT32 = 0x08;
export const VT_INT64 = 0x09;
export const VT_UINT64 = 0x0a;
export const VT_FLOAT = 0x0b;
export const VT_DOUBLE = 0x0c;
export const VT_BOOL = 0x0d;
export const VT_BINARY = 0x0e;
export const VT_GUID = 0x0f;
export const VT_SIZE_T = 0x10;
export const VT_FILETIME = 0x11;
export const VT_SYSTEMTIME = 0x12;
export const VT_SID = 0x13;
export const VT_HEX32 = 0x14;
export const VT_HEX64 = 0x15;
export const VT_BINXML = 0x21;
export const VT_ARRAY = 0x80;

const HEX = '0123456789ABCDEF';
const FILETIME_EPOCH_OFFSET_S = 11644473600n;
const TICKS_PER_SECOND = 10000000n;

let lastSecond = Number.NaN;
let lastPrefix = '';
/** '000'…'999' and '0000'…'9999': the 7 fractional digits of a time without number-to-text. */
const DIGITS3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const DIGITS4 = Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, '0'));

/** The 100 ns ticks (below 10⁷: a small integer) of the FILETIME filetimeUnix last read. */
let ftFrac = 0;

/**
 * Whole seconds since 1970 of the FILETIME at off (its ticks in ftFrac). The seconds are returned,
 * not stored in a module variable: past the small-integer range, each store made a heap number.
 */
function filetimeUnix(dv: DataView, off: number): number {
  const lo = dv.getUint32(off, true);
  const hi = dv.getUint32(off + 4, true);
  if (hi < 0x40000000) {
    // Exact in doubles, without BigInt (a BigInt division per record was a tenth of reading the
    // records): ticks = hi·2³² + lo = hi·429·10⁷ + (hi·4,967,296 + lo), and the second term stays
    // below 2⁵³ for every date before the year 16000.
    const rest = hi * 4967296 + lo;
    let q = Math.floor(rest / 1e7);
    let frac = rest - q * 1e7;
    if (frac < 0) {
      // The division rounded up to the next integer.
      q--;
      frac += 1e7;
    }
    ftFrac = frac;
    return hi * 429 + q - 11644473600;
  }
  const ticks = dv.getBigUint64(off, true);
  const seconds = ticks / TICKS_PER_SECOND;
  ftFrac = Number(ticks - seconds * TICKS_PER_SECOND);
  return Number(seconds - FILETIME_EPOCH_OFFSET_S);
}

/** `YYYY-MM-DDTHH:MM:SS.` of a Unix second, cached: records arrive in time order. */
function secondPrefix(unix: number): string {
  if (unix !== lastSecond) {
    lastPrefix = isoSecondPrefix(unix);
    lastSecond = unix;
  }
  return lastPrefix;
}

/** FILETIME (100 ns ticks since 1601-01-01) → `YYYY-MM-DDTHH:MM:SS.fffffffZ`, exact. */
export function filetimeToIso(dv: DataView, off: number): string {
  const prefix = secondPrefix(filetimeUnix(dv, off));
  const high = Math.floor(ftFrac / 10000);
  return prefix + DIGITS3[high]! + DIGITS4[ftFrac - high * 10000]! + 'Z';
}

/** `YYYY-MM-DDT` of the day in dayBytesDay (days since 1970), for putFiletimeJson. */
const dayBytes = new Uint8Array(11);
let dayBytesDay = Number.NaN;

/** Writes 0 ≤ n < 100 as two digits at p. */
function put2(buf: Uint8Array, p: number, n: number): void {
  const t = (n / 10) | 0;
  buf[p] = 0x30 + t;
  buf[p + 1] = 0x30 + n - 10 * t;
}

/**
 * The FILETIME at off as a JSON string, filetimeToIso's text in quotes, written at p without making
 * any string (at most FILETIME_JSON_BYTES; the text is ASCII); returns the end. Never throws: every
 * FILETIME (0 to 2⁶⁴ ticks, the years 1601 to 60056) is within what Date can write.
 */
export function putFiletimeJson(buf: Uint8Array, start: number, dv: DataView, off: number): number {
  let p = start;
  buf[p++] = 0x22;
  if (dv.getUint32(off + 4, true) < 0x40000000) {
    const unix = filetimeUnix(dv, off);
    const frac = ftFrac;
    const days = Math.floor(unix / 86400);
    if (days !== dayBytesDay && civilDate(days)) {
      put2(dayBytes, 0, (civilYear / 100) | 0);
      put2(dayBytes, 2, civilYear % 100);
      dayBytes[4] = 0x2d;
      put2(dayBytes, 5, civilMonth);
      dayBytes[7] = 0x2d;
      put2(dayBytes, 8, civilDay);
      dayBytes[10] = 0x54; // T
      dayBytesDay = days;
    }
    if (days === dayBytesDay) {
      for (let i = 0; i < 11; i++) buf[p + i] = dayBytes[i]!;
      p += 11;
      const sod = (unix - days * 86400) | 0;
      const hour = (sod / 3600) | 0;
      const minute = ((sod - hour * 3600) / 60) | 0;
      put2(buf, p, hour);
      buf[p + 2] = 0x3a;
      put2(buf, p + 3, minute);
      buf[p + 5] = 0x3a;
      put2(buf, p + 6, sod - hour * 3600 - minute * 60);
      buf[p + 8] = 0x2e;
      p += 9;
      // The 7 digits of the ticks (an integer below 10⁷: int32 arithmetic).
      let f = frac | 0;
      for (let i = 6; i >= 0; i--) {
        const t = (f / 10) | 0;
        buf[p + i] = 0x30 + f - 10 * t;
        f = t;
      }
      p += 7;
      buf[p++] = 0x5a; // Z
      buf[p++] = 0x22;
      return p;
    }
  }
  // Years past 9999 (Date's six-digit years) and FILETIMEs past the year 16000 (BigInt): the text.
  const text = filetimeToIso(dv, off);
  for (let i = 0; i < text.length; i++) buf[p++] = text.charCodeAt(i);
  buf[p++] = 0x22;
  return p;
}

/** Bytes putFiletimeJson writes at most (a signed six-digit year, quotes). */
export const FILETIME_JSON_BYTES = 40;

const DIGITS2 = DIGITS3.slice(0, 100).map((d) => d.slice(1));

/**
 * `YYYY-MM-DDTHH:MM:SS.` of a Unix time in whole seconds, by the civil-from-days arithmetic
 * (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms") rather than a Date and its ISO text
 * per record: Security logs rarely hold two records in the same second. Years outside 0–9999
 * (which toISOString writes with a sign) go through Date.
 */
/** The date civilDate computed (small integers: no heap numbers). */
let civilYear = 0;
let civilMonth = 0;
let civilDay = 0;

/**
 * Year, month and day of a day number (days since 1970-01-01) into civilYear/Month/Day; false (and
 * nothing set) for years outside 0–9999, which ISO text writes with a sign.
 */
function civilDate(days: number): boolean {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return false;
  civilYear = year;
  civilMonth = month;
  civilDay = day;
  return true;
}

function isoSecondPrefix(unix: number): string {
  const days = Math.floor(unix / 86400);
  const sod = unix - days * 86400;
  if (!civilDate(days)) {
    const iso = new Date(unix * 1000).toISOString();
    return iso.slice(0, iso.length - 4);
  }
  const year = civilYear;
  const month = civilMonth;
  const day = civilDay;
  const hour = Math.floor(sod / 3600);
  const minute = Math.floor((sod - hour * 3600) / 60);
  const second = sod - hour * 3600 - minute * 60;
  return (
    DIGITS4[year]! +
    '-' +
    DIGITS2[month]! +
    '-' +
    DIGITS2[day]! +
    'T' +
    DIGITS2[hour]! +
    ':' +
    DIGITS2[minute]! +
    ':' +
    DIGITS2[second]! +
    '.'
  );
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** SYSTEMTIME (8 little-endian uint16: year, month, weekday, day, hour, minute, second, ms). */
export function systemtimeToIso(dv: DataView, off: number): string {
  const y = dv.getUint16(off, true);
  const ms = dv.getUint16(off + 14, true);
  return (
    String(y).padStart(4, '0') +
    '-' +
    pad2(dv.getUint16(off + 2, true)) +
    '-' +
    pad2(dv.getUint16(off + 6, true)) +
    'T' +
    pad2(dv.getUint16(off + 8, true)) +
    ':' +
    pad2(dv.getUint16(off + 10, true)) +
    ':' +
    pad2(dv.getUint16(off + 12, true)) +
    '.' +
    String(ms).padStart(3, '0') +
    'Z'
  );
}

function hexByte(v: number): string {
  return HEX[(v >>> 4) & 15]! + HEX[v & 15]!;
}

/** GUID → `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` (Windows' own spelling, upper case). */
export function guidToString(dv: DataView, off: number): string {
  let s = '{';
  const d1 = dv.getUint32(off, true);
  s += hexByte(d1 >>> 24) + hexByte(d1 >>> 16) + hexByte(d1 >>> 8) + hexByte(d1);
  const d2 = dv.getUint16(off + 4, true);
  s += '-' + hexByte(d2 >>> 8) + hexByte(d2);
  const d3 = dv.getUint16(off + 6, true);
  s += '-' + hexByte(d3 >>> 8) + hexByte(d3) + '-';
  s += hexByte(dv.getUint8(off + 8)) + hexByte(dv.getUint8(off + 9)) + '-';
  for (let i = 10; i < 16; i++) s += hexByte(dv.getUint8(off + i));
  return s + '}';
}

/** SID: revision, sub-authority count, 48-bit big-endian authority, 32-bit LE sub-authorities. */
export function sidToString(dv: DataView, off: number, size: number): string | null {
  if (size < 8) return null;
  const rev = dv.getUint8(off);
  const count = dv.getUint8(off + 1);
  if (8 + 4 * count > size) return null;
  const auth = dv.getUint16(off + 2) * 4294967296 + dv.getUint32(off + 4);
  let s = 'S-' + rev + '-' + (auth >= 4294967296 ? '0x' + auth.toString(16).toUpperCase() : String(auth));
  for (let i = 0; i < count; i++) s += '-' + dv.getUint32(off + 8 + 4 * i, true);
  return s;
}

function hex64(dv: DataView, off: number): string {
  const hi = dv.getUint32(off + 4, true);
  const lo = dv.getUint32(off, true);
  if (hi === 0) return '0x' + lo.toString(16);
  return '0x' + hi.toString(16) + lo.toString(16).padStart(8, '0');
}

function binaryToHex(b: Uint8Array, off: number, size: number): string {
  let s = '';
  for (let i = 0; i < size; i++) s += hexByte(b[off + i]!);
  return s;
}

/** Size of one element of a fixed-size type, 0 for variable-size types. */
export function fixedSize(type: number): number {
  switch (type) {
    case VT_INT8:
    case VT_UINT8:
      return 1;
    case VT_INT16:
    case VT_UINT16:
      return 2;
    case VT_INT32:
    case VT_UINT32:
    case VT_FLOAT:
    case VT_BOOL:
    case VT_HEX32:
      return 4;
    case VT_INT64:
    case VT_UINT64:
    case VT_DOUBLE:
    case VT_FILETIME:
    case VT_HEX64:
      return 8;
    case VT_GUID:
    case VT_SYSTEMTIME:
      return 16;
    default:
      return 0;
  }
}

/**
 * Renders one value of `type` stored in b[off, off+size) (bounds already checked by the caller).
 * Returns null for null values, nested binary XML (handled by the caller) and unknown types.
 */
export function renderValue(
  b: Uint8Array,
  dv: DataView,
  type: number,
  off: number,
  size: number,
): string | null {
  switch (type) {
    case VT_STRING:
      return decodeUtf16(b, off, size);
    case VT_ANSI:
      return decodeAnsi(b, off, size);
    case VT_NULL:
      return null;
    default:
  }
  if (size === 0) return '';
  if (type & VT_ARRAY) return renderArray(b, dv, type & 0x7f, off, size);
  const fs = fixedSize(type);
  if (fs !== 0 && size < fs) return null;
  switch (type) {
    case VT_INT8:
      return String(dv.getInt8(off));
    case VT_UINT8:
      return String(dv.getUint8(off));
    case VT_INT16:
      return String(dv.getInt16(off, true));
    case VT_UINT16:
      return String(dv.getUint16(off, true));
    case VT_INT32:
      return String(dv.getInt32(off, true));
    case VT_UINT32:
      return String(dv.getUint32(off, true));
    case VT_INT64:
      return dv.getBigInt64(off, true).toString();
    case VT_UINT64:
      return dv.getBigUint64(off, true).toString();
    case VT_FLOAT:
      return String(dv.getFloat32(off, true));
    case VT_DOUBLE:
      return String(dv.getFloat64(off, true));
    case VT_BOOL:
      return dv.getUint32(off, true) !== 0 ? 'true' : 'false';
    case VT_BINARY:
      return binaryToHex(b, off, size);
    case VT_GUID:
      return guidToString(dv, off);
    case VT_SIZE_T:
      return size >= 8 ? hex64(dv, off) : size >= 4 ? '0x' + dv.getUint32(off, true).toString(16) : null;
    case VT_FILETIME:
      return filetimeToIso(dv, off);
    case VT_SYSTEMTIME:
      return systemtimeToIso(dv, off);
    case VT_SID:
      return sidToString(dv, off, size);
    case VT_HEX32:
      return '0x' + dv.getUint32(off, true).toString(16);
    case VT_HEX64:
      return hex64(dv, off);
    default:
      return null;
  }
}

/** Arrays render as their elements joined by `, ` (strings: NUL-separated UTF-16). */
function renderArray(b: Uint8Array, dv: DataView, type: number, off: number, size: number): string | null {
  const parts: string[] = [];
  if (type === VT_STRING) {
    let start = off;
    const end = off + (size & ~1);
    for (let p = off; p < end; p += 2) {
      if (b[p] === 0 && b[p + 1] === 0) {
        parts.push(decodeUtf16(b, start, p - start));
        start = p + 2;
      }
    }
    if (start < end) parts.push(decodeUtf16(b, start, end - start));
    return parts.join(', ');
  }
  if (type === VT_ANSI) {
    let start = off;
    for (let p = off; p < off + size; p++) {
      if (b[p] === 0) {
        parts.push(decodeAnsi(b, start, p - start));
        start = p + 1;
      }
    }
    if (start < off + size) parts.push(decodeAnsi(b, start, off + size - start));
    return parts.join(', ');
  }
  let es = fixedSize(type);
  if (type === VT_SIZE_T) es = size % 8 === 0 ? 8 : 4;
  if (es === 0) return null;
  for (let p = off; p + es <= off + size; p += es) parts.push(renderValue(b, dv, type, p, es) ?? '');
  return parts.join(', ');
}

/** Integer value of a numeric or textual value (EventID, EventRecordID); NaN when not a number. */
export function numericValue(b: Uint8Array, dv: DataView, type: number, off: number, size: number): number {
  switch (type) {
    case VT_UINT16:
      return size >= 2 ? dv.getUint16(off, true) : Number.NaN;
    case VT_UINT32:
    case VT_HEX32:
      return size >= 4 ? dv.getUint32(off, true) : Number.NaN;
    case VT_UINT64:
    case VT_HEX64:
      return size >= 8 ? dv.getUint32(off + 4, true) * 4294967296 + dv.getUint32(off, true) : Number.NaN;
    default: {
      const s = renderValue(b, dv, type, off, size);
      return s === null ? Number.NaN : parseIntStrict(s);
    }
  }
}

/** Decimal (or 0x-hex) integer text → number; NaN for anything else. */
export function parseIntStrict(s: string): number {
  const t = s.trim();
  if (/^\d{1,16}$/.test(t)) return Number(t);
  if (/^0x[0-9a-f]{1,13}$/i.test(t)) return Number.parseInt(t.slice(2), 16);
  return Number.NaN;
}
