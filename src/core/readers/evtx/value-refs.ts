// The values of one record kept as references into the chunk (type, offset, size) instead of
// strings, for a sink that writes them as JSON (`logonlens events`): a UTF-16 string, a SID or a
// number goes from the record's bytes to the output bytes in one pass, never decoded into a
// JavaScript string that is then encoded again (a string per value was the largest part of
// reading a record, and most of the worker's garbage). Only what is written exactly as
// renderValue + NdjsonWriter would write it is kept by reference; anything else (empty values,
// values cut for length, a long value starting with a byte order mark) goes the string way.
import { putString, putUtf16Json, type EventValueRefs } from '../../events/index.js';
import { decodeUtf16 } from './text.js';
import { FILETIME_JSON_BYTES, putFiletimeJson, VT_HEX32, VT_SID, VT_STRING, VT_UINT32 } from './values.js';

/** Line fields: channel, provider, computer, then the data fields (EventValueRefs). */
const LINE_FIELDS = 39;
/** The kind of a field given as ready JSON bytes (a constant of the template), not a value type. */
const KIND_BYTES = 0x7f;

/** Decimal digits of an integer 0 ≤ n < 2³². */
function digitCount(n: number): number {
  if (n < 100000) return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : 5;
  return n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10;
}

/** Writes an integer 0 ≤ n < 2³² in decimal at p; returns the end. */
export function putDecimal(buf: Uint8Array, p: number, n: number): number {
  const end = p + digitCount(n);
  let q = end;
  let x = n;
  // Above 2³¹ (many SID sub-authorities), one step in doubles; then int32 arithmetic, which the
  // compiler turns into a multiplication (a double remainder is a call to fmod).
  if (x > 0x7fffffff) {
    const h = Math.floor(x / 10);
    buf[--q] = 0x30 + (x - 10 * h);
    x = h;
  }
  x |= 0;
  do {
    const h = (x / 10) | 0;
    buf[--q] = 0x30 + (x - 10 * h);
    x = h;
  } while (x > 0);
  return end;
}

const HEX_LOWER = '0123456789abcdef';

/**
 * The characters a value of `type` at b[off, off + size) renders to (renderValue), when it can be
 * kept by reference; -1 when it must go the string way. `units` of a string are given by the caller.
 */
export function refChars(dv: DataView, type: number, off: number, size: number): number {
  switch (type) {
    case VT_UINT32:
      return size >= 4 ? digitCount(dv.getUint32(off, true)) : -1;
    case VT_HEX32: {
      if (size < 4) return -1;
      let n = dv.getUint32(off, true);
      let d = 1;
      while (n >= 16) {
        n = Math.floor(n / 16);
        d++;
      }
      return 2 + d;
    }
    case VT_SID: {
      // sidToString's text: S-rev-authority(-sub)*; null (not a ref) when the SID is cut short.
      if (size < 8) return -1;
      const count = dv.getUint8(off + 1);
      if (8 + 4 * count > size) return -1;
      const auth = dv.getUint16(off + 2) * 4294967296 + dv.getUint32(off + 4);
      if (auth >= 4294967296) return -1; // written in hex: rare, left to the string way
      let n = 3 + digitCount(dv.getUint8(off)) + digitCount(auth);
      for (let i = 0; i < count; i++) n += 1 + digitCount(dv.getUint32(off + 8 + 4 * i, true));
      return n;
    }
    default:
      return -1;
  }
}

/** The uint32 at off as a JSON string of its decimal digits (at most 12 bytes); returns the end. */
export function putUint32Json(buf: Uint8Array, start: number, dv: DataView, off: number): number {
  buf[start] = 0x22;
  const p = putDecimal(buf, start + 1, dv.getUint32(off, true));
  buf[p] = 0x22;
  return p + 1;
}

/** The uint32 at off as a JSON string in unpadded lower-case hex, `"0x3e7"` (at most 12 bytes). */
export function putHex32Json(buf: Uint8Array, start: number, dv: DataView, off: number): number {
  const n = dv.getUint32(off, true);
  let p = start;
  buf[p++] = 0x22;
  buf[p++] = 0x30;
  buf[p++] = 0x78;
  let shift = 28;
  while (shift > 0 && n >>> shift === 0) shift -= 4;
  for (; shift >= 0; shift -= 4) buf[p++] = HEX_LOWER.charCodeAt((n >>> shift) & 15);
  buf[p++] = 0x22;
  return p;
}

/**
 * The SID at off as a JSON string, sidToString's text (refChars said it is complete and its
 * authority below 2³², and how many characters: 2 bytes more with the quotes); returns the end.
 */
export function putSidJson(buf: Uint8Array, start: number, dv: DataView, off: number): number {
  let p = start;
  buf[p++] = 0x22;
  buf[p++] = 0x53; // S
  buf[p++] = 0x2d;
  p = putDecimal(buf, p, dv.getUint8(off));
  buf[p++] = 0x2d;
  p = putDecimal(buf, p, dv.getUint32(off + 4));
  const count = dv.getUint8(off + 1);
  for (let i = 0; i < count; i++) {
    buf[p++] = 0x2d;
    p = putDecimal(buf, p, dv.getUint32(off + 8 + 4 * i, true));
  }
  buf[p++] = 0x22;
  return p;
}

/** One record's values kept by reference, by line field; reset for every record. */
export class RecordValueRefs implements EventValueRefs {
  readonly kind = new Int8Array(LINE_FIELDS).fill(-1);
  private readonly off = new Int32Array(LINE_FIELDS);
  /** Code units of a string, bytes of another type. */
  private readonly size = new Int32Array(LINE_FIELDS);
  /** The JSON bytes of KIND_BYTES fields. */
  private readonly bytes: (Uint8Array | null)[] = new Array<Uint8Array | null>(LINE_FIELDS).fill(null);
  maxBytes = 0;
  /** Offset of the record's time (a FILETIME), when the sink gets the time by reference. */
  timeOff = -1;
  private used = false;

  constructor(
    private b: Uint8Array,
    private dv: DataView,
  ) {}

  /** Reuses this object for another chunk (one per thread: made once, not per chunk). */
  attach(b: Uint8Array, dv: DataView): this {
    this.b = b;
    this.dv = dv;
    this.kind.fill(-1);
    this.used = false;
    return this;
  }

  reset(): void {
    if (this.used) {
      this.kind.fill(-1);
      this.used = false;
    }
    this.maxBytes = FILETIME_JSON_BYTES;
    this.timeOff = -1;
  }

  /** Line field k is the string of `units` UTF-16 code units at off. */
  setString(k: number, off: number, units: number): void {
    this.kind[k] = VT_STRING;
    this.off[k] = off;
    this.size[k] = units;
    this.maxBytes += 6 * units + 2;
    this.used = true;
  }

  /** Line field k is the value of `type` (refChars said so, `chars` long) at b[off, off + size). */
  setValue(k: number, type: number, off: number, size: number, chars: number): void {
    this.kind[k] = type;
    this.off[k] = off;
    this.size[k] = size;
    this.maxBytes += chars + 2;
    this.used = true;
  }

  /** Line field k is written as these JSON bytes (quotes included). */
  setBytes(k: number, json: Uint8Array): void {
    this.kind[k] = KIND_BYTES;
    this.bytes[k] = json;
    this.maxBytes += json.length;
    this.used = true;
  }

  /** Line field k is given as a string again (a later value replaced the referenced one). */
  clear(k: number): void {
    this.kind[k] = -1;
  }

  writeTime(buf: Uint8Array, p: number): number {
    return putFiletimeJson(buf, p, this.dv, this.timeOff);
  }

  writeValue(buf: Uint8Array, start: number, k: number): number {
    const off = this.off[k]!;
    const size = this.size[k]!;
    const dv = this.dv;
    switch (this.kind[k]) {
      case KIND_BYTES: {
        const json = this.bytes[k]!;
        const n = json.length;
        if (n > 32) buf.set(json, start);
        else for (let i = 0; i < n; i++) buf[start + i] = json[i]!;
        return start + n;
      }
      case VT_STRING: {
        const end = putUtf16Json(buf, start, this.b, off, size);
        // Control characters and surrogates: the string way, JSON.stringify's escapes.
        return end >= 0 ? end : putString(buf, start, decodeUtf16(this.b, off, 2 * size));
      }
      case VT_UINT32:
        return putUint32Json(buf, start, dv, off);
      case VT_HEX32:
        return putHex32Json(buf, start, dv, off);
      case VT_SID:
        return putSidJson(buf, start, dv, off);
      default:
        return putString(buf, start, '');
    }
  }
}
