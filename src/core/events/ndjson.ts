// One event as one line of NDJSON: the `logonlens events` output format (docs/events.md), fields in
// LOGON_EVENT_FIELDS order, absent fields null. The same text as JSON.stringify of the event's
// fields, built faster: named reads (a keyed read over 42 names is megamorphic in V8; a field added to the model must be added here too: ndjson.test.ts checks it), and each
// field's `,"name":"value"` segment built once per distinct value (computer, domain, account, SID,
// `-`… repeat on most lines), so that a line is a few dozen concatenations of ready segments. Used
// by the CLI on the main thread and by the EVTX worker threads, which write their chunks' NDJSON
// themselves so that the main thread only writes bytes.
import {
  LOGON_EVENT_FIELDS,
  type EventFieldsSink,
  type EventValueRefs,
  type LineBytesSink,
  type LogonEvent,
} from './logon-event.js';

/** Values longer than this are escaped each time (rare; they must not fill the cache). */
const CACHE_MAX_CHARS = 256;
const CACHE_MAX_ENTRIES = 8192;
const STRING_FIELDS = 39;

export class NdjsonFormatter {
  /** Per string field (in line order): value → its `,"name":"value"` segment. */
  private readonly segments: Map<string, string>[] = Array.from(
    { length: STRING_FIELDS },
    () => new Map<string, string>(),
  );
  private cached = 0;

  private segment(field: number, key: string, v: string): string {
    const m = this.segments[field]!;
    let s = m.get(v);
    if (s === undefined) {
      s = key + JSON.stringify(v);
      if (v.length <= CACHE_MAX_CHARS) {
        if (this.cached >= CACHE_MAX_ENTRIES) {
          for (const x of this.segments) x.clear();
          this.cached = 0;
        }
        m.set(v, s);
        this.cached++;
      }
    }
    return s;
  }

  /** The event as one JSON line, newline included. */
  line(e: LogonEvent): string {
    return (
      '{"time":' +
      JSON.stringify(e.time) +
      ',"recordId":' +
      (e.recordId === null ? 'null' : JSON.stringify(e.recordId)) +
      ',"eventId":' +
      JSON.stringify(e.eventId) +
      (e.channel === null ? ',"channel":null' : this.segment(0, ',"channel":', e.channel)) +
      (e.provider === null ? ',"provider":null' : this.segment(1, ',"provider":', e.provider)) +
      (e.computer === null ? ',"computer":null' : this.segment(2, ',"computer":', e.computer)) +
      (e.targetUser === null ? ',"targetUser":null' : this.segment(3, ',"targetUser":', e.targetUser)) +
      (e.targetDomain === null
        ? ',"targetDomain":null'
        : this.segment(4, ',"targetDomain":', e.targetDomain)) +
      (e.targetSid === null ? ',"targetSid":null' : this.segment(5, ',"targetSid":', e.targetSid)) +
      (e.subjectUser === null ? ',"subjectUser":null' : this.segment(6, ',"subjectUser":', e.subjectUser)) +
      (e.subjectDomain === null
        ? ',"subjectDomain":null'
        : this.segment(7, ',"subjectDomain":', e.subjectDomain)) +
      (e.subjectSid === null ? ',"subjectSid":null' : this.segment(8, ',"subjectSid":', e.subjectSid)) +
      (e.logonType === null ? ',"logonType":null' : this.segment(9, ',"logonType":', e.logonType)) +
      (e.ipAddress === null ? ',"ipAddress":null' : this.segment(10, ',"ipAddress":', e.ipAddress)) +
      (e.ipPort === null ? ',"ipPort":null' : this.segment(11, ',"ipPort":', e.ipPort)) +
      (e.workstation === null ? ',"workstation":null' : this.segment(12, ',"workstation":', e.workstation)) +
      (e.status === null ? ',"status":null' : this.segment(13, ',"status":', e.status)) +
      (e.subStatus === null ? ',"subStatus":null' : this.segment(14, ',"subStatus":', e.subStatus)) +
      (e.failureReason === null
        ? ',"failureReason":null'
        : this.segment(15, ',"failureReason":', e.failureReason)) +
      (e.authPackage === null ? ',"authPackage":null' : this.segment(16, ',"authPackage":', e.authPackage)) +
      (e.lmPackage === null ? ',"lmPackage":null' : this.segment(17, ',"lmPackage":', e.lmPackage)) +
      (e.logonProcess === null
        ? ',"logonProcess":null'
        : this.segment(18, ',"logonProcess":', e.logonProcess)) +
      (e.processName === null ? ',"processName":null' : this.segment(19, ',"processName":', e.processName)) +
      (e.serviceName === null ? ',"serviceName":null' : this.segment(20, ',"serviceName":', e.serviceName)) +
      (e.ticketEncryption === null
        ? ',"ticketEncryption":null'
        : this.segment(21, ',"ticketEncryption":', e.ticketEncryption)) +
      (e.targetServerName === null
        ? ',"targetServerName":null'
        : this.segment(22, ',"targetServerName":', e.targetServerName)) +
      (e.memberSid === null ? ',"memberSid":null' : this.segment(23, ',"memberSid":', e.memberSid)) +
      (e.memberName === null ? ',"memberName":null' : this.segment(24, ',"memberName":', e.memberName)) +
      (e.groupName === null ? ',"groupName":null' : this.segment(25, ',"groupName":', e.groupName)) +
      (e.properties === null ? ',"properties":null' : this.segment(26, ',"properties":', e.properties)) +
      (e.objectDn === null ? ',"objectDn":null' : this.segment(27, ',"objectDn":', e.objectDn)) +
      (e.objectClass === null ? ',"objectClass":null' : this.segment(28, ',"objectClass":', e.objectClass)) +
      (e.categoryId === null ? ',"categoryId":null' : this.segment(29, ',"categoryId":', e.categoryId)) +
      (e.subcategoryGuid === null
        ? ',"subcategoryGuid":null'
        : this.segment(30, ',"subcategoryGuid":', e.subcategoryGuid)) +
      (e.servicePrincipalNames === null
        ? ',"servicePrincipalNames":null'
        : this.segment(31, ',"servicePrincipalNames":', e.servicePrincipalNames)) +
      (e.oldTargetUser === null
        ? ',"oldTargetUser":null'
        : this.segment(32, ',"oldTargetUser":', e.oldTargetUser)) +
      (e.newTargetUser === null
        ? ',"newTargetUser":null'
        : this.segment(33, ',"newTargetUser":', e.newTargetUser)) +
      (e.attributeName === null
        ? ',"attributeName":null'
        : this.segment(34, ',"attributeName":', e.attributeName)) +
      (e.attributeValue === null
        ? ',"attributeValue":null'
        : this.segment(35, ',"attributeValue":', e.attributeValue)) +
      (e.operationType === null
        ? ',"operationType":null'
        : this.segment(36, ',"operationType":', e.operationType)) +
      (e.passwordLastSet === null
        ? ',"passwordLastSet":null'
        : this.segment(37, ',"passwordLastSet":', e.passwordLastSet)) +
      (e.targetInfo === null ? ',"targetInfo":null' : this.segment(38, ',"targetInfo":', e.targetInfo)) +
      '}\n'
    );
  }

  /** The events as NDJSON text. */
  lines(events: readonly LogonEvent[]): string {
    let s = '';
    for (let i = 0; i < events.length; i++) s += this.line(events[i]!);
    return s;
  }
}

/** The 39 string fields of a line, in line order (LOGON_EVENT_FIELDS after time, recordId, eventId). */
const LINE_STRING_FIELDS = LOGON_EVENT_FIELDS.slice(3);
const LINE_FIELDS = LINE_STRING_FIELDS.length;

/** Copies the string fields in line order into `row` (named reads: see NdjsonFormatter). */
function readStringFields(e: LogonEvent, row: (string | null)[]): void {
  row[0] = e.channel;
  row[1] = e.provider;
  row[2] = e.computer;
  row[3] = e.targetUser;
  row[4] = e.targetDomain;
  row[5] = e.targetSid;
  row[6] = e.subjectUser;
  row[7] = e.subjectDomain;
  row[8] = e.subjectSid;
  row[9] = e.logonType;
  row[10] = e.ipAddress;
  row[11] = e.ipPort;
  row[12] = e.workstation;
  row[13] = e.status;
  row[14] = e.subStatus;
  row[15] = e.failureReason;
  row[16] = e.authPackage;
  row[17] = e.lmPackage;
  row[18] = e.logonProcess;
  row[19] = e.processName;
  row[20] = e.serviceName;
  row[21] = e.ticketEncryption;
  row[22] = e.targetServerName;
  row[23] = e.memberSid;
  row[24] = e.memberName;
  row[25] = e.groupName;
  row[26] = e.properties;
  row[27] = e.objectDn;
  row[28] = e.objectClass;
  row[29] = e.categoryId;
  row[30] = e.subcategoryGuid;
  row[31] = e.servicePrincipalNames;
  row[32] = e.oldTargetUser;
  row[33] = e.newTargetUser;
  row[34] = e.attributeName;
  row[35] = e.attributeValue;
  row[36] = e.operationType;
  row[37] = e.passwordLastSet;
  row[38] = e.targetInfo;
}

/** UTF-8 of text that holds no lone surrogate (JSON.stringify escapes those), appended at `p`. */
function utf8Into(s: string, buf: Uint8Array, p: number): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) buf[p++] = c;
    else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      buf[p++] = 0xf0 | (c >> 18);
      buf[p++] = 0x80 | ((c >> 12) & 63);
      buf[p++] = 0x80 | ((c >> 6) & 63);
      buf[p++] = 0x80 | (c & 63);
    } else {
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 63);
      buf[p++] = 0x80 | (c & 63);
    }
  }
  return p;
}

function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/**
 * The constant text of a line around its values, for writers of whole lines (the EVTX reader's
 * line programs write a record's line in one go): the line starts, then its time, the record ID's
 * key, the record ID, the event ID's key, the event ID, then each string field's key
 * (ndjsonFieldKey) and value (`null` or a JSON string), and the line's end.
 */
export const NDJSON_LINE_START = '{"time":';
export const NDJSON_RECORD_ID_KEY = ',"recordId":';
export const NDJSON_EVENT_ID_KEY = ',"eventId":';
export const NDJSON_LINE_END = '}\n';
/** The string fields of a line: 0 channel, 1 provider, 2 computer, then EVENT_DATA_FIELDS. */
export const NDJSON_STRING_FIELDS = LINE_FIELDS;

/** `,"name":` before string field f's value. */
export function ndjsonFieldKey(f: number): string {
  return ',"' + LINE_STRING_FIELDS[f]! + '":';
}

const LINE_START = asciiBytes(NDJSON_LINE_START);
const RECORD_ID_KEY = asciiBytes(NDJSON_RECORD_ID_KEY);
const EVENT_ID_KEY = asciiBytes(NDJSON_EVENT_ID_KEY);
const NULL = asciiBytes('null');
/** Bytes a line needs besides its pieces and values: the keys above and two numbers. */
const LINE_FIXED_BYTES = 128;
/** Bound on cached line shapes (a log has a few dozen; hostile input must not grow memory). */
const MAX_SHAPES = 4096;

/** The constant text of the lines of one shape, before each non-null value and at the end. */
interface Shape {
  /** The line fields that are not null, in line order. */
  fields: Uint8Array;
  /** The text before each of them, then the end of the line. */
  pieces: Uint8Array[];
  bytes: number;
}

/**
 * Events as UTF-8 NDJSON bytes, byte for byte NdjsonFormatter's lines encoded as UTF-8, written
 * straight into one growing byte buffer: no line strings, no rope to flatten, no UTF-8 pass over
 * the text (that was a third of an `events` worker's time). Most of a line is the same for every
 * event with the same null fields (most of the 39 string fields are null in any event), so the
 * constant text between the values (`,"targetDomain":null,…,"ipAddress":`) is kept per line shape,
 * the set of non-null fields, as ready bytes. Values are encoded character by character; only
 * those holding control characters or surrogates go through JSON.stringify. Room for a whole line
 * is made once, before it is written.
 */
export class NdjsonWriter implements EventFieldsSink, LineBytesSink {
  readonly takesValueRefs = true;
  readonly lineBytes: LineBytesSink = this;
  private buf: Uint8Array;
  private pos = 0;
  private readonly row = new Array<string | null>(LINE_STRING_FIELDS.length).fill(null);
  /**
   * Line shapes by their bits: the non-null fields among the first 30 (a small integer, cheap to
   * hash) in the map at index "non-null fields among the last 9".
   */
  private shapes: (Map<number, Shape> | undefined)[] = [];
  private shapeCount = 0;

  /**
   * `alloc` makes the buffers; a Node caller may give one that does not zero them
   * (`Buffer.allocUnsafeSlow`): only the bytes written are ever handed out.
   */
  constructor(
    capacity = 1 << 20,
    private readonly alloc: (bytes: number) => Uint8Array = (n) => new Uint8Array(n),
  ) {
    this.buf = alloc(Math.max(64, capacity));
  }

  /** Lines written (since the writer was made). */
  lines = 0;

  /** Bytes written since the last take(). */
  get length(): number {
    return this.pos;
  }

  /** The bytes written so far (a view of them, its own buffer); the writer starts a fresh buffer. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = this.alloc(this.buf.length);
    this.pos = 0;
    return out;
  }

  reserve(bytes: number): Uint8Array {
    this.ensure(bytes);
    return this.buf;
  }

  commitLine(end: number): void {
    this.pos = end;
    this.lines++;
  }

  /** Appends the events' lines; returns the number of bytes written. */
  add(events: readonly LogonEvent[]): number {
    const start = this.pos;
    for (let i = 0; i < events.length; i++) this.line(events[i]!);
    return this.pos - start;
  }

  /** Appends one event's line, newline included. */
  line(e: LogonEvent): void {
    const row = this.row;
    readStringFields(e, row);
    this.write(e.time, e.recordId, e.eventId, row[0] ?? null, row[1] ?? null, row[2] ?? null, row, 3, null);
  }

  /**
   * Appends the line of the event given by its fields (as eventWithData takes them), some of them
   * perhaps by reference (EventFieldsSink).
   */
  fields(
    time: string | null,
    recordId: number | null,
    eventId: number,
    channel: string | null,
    provider: string | null,
    computer: string | null,
    data: readonly (string | null)[],
    refs: EventValueRefs | null = null,
  ): void {
    this.write(time, recordId, eventId, channel, provider, computer, data, 0, refs);
  }

  /**
   * Writes one line: the string fields are channel, provider, computer, then data[at…at + 36) (the
   * data fields); a field that refs marks is written by refs, its string being a placeholder.
   */
  private write(
    time: string | null,
    recordId: number | null,
    eventId: number,
    channel: string | null,
    provider: string | null,
    computer: string | null,
    data: readonly (string | null)[],
    at: number,
    refs: EventValueRefs | null,
  ): void {
    let lo = 0;
    let hi = 0;
    // Characters of the values (a referenced value's placeholder too: a bound is all it takes).
    let chars = time === null ? 0 : time.length;
    if (channel !== null) {
      lo |= 1;
      chars += channel.length;
    }
    if (provider !== null) {
      lo |= 2;
      chars += provider.length;
    }
    if (computer !== null) {
      lo |= 4;
      chars += computer.length;
    }
    for (let f = 3; f < LINE_FIELDS; f++) {
      const v = data[at + f - 3] ?? null;
      if (v === null) continue;
      if (f < 30) lo |= 1 << f;
      else hi |= 1 << (f - 30);
      chars += v.length;
    }
    const shape = this.shape(lo, hi, channel, provider, computer, data, at);
    // A value takes at most 6 bytes per UTF-16 unit (`\u001b`) and its quotes.
    this.ensure(
      shape.bytes + 6 * chars + 2 * LINE_FIELDS + LINE_FIXED_BYTES + (refs === null ? 0 : refs.maxBytes),
    );
    const buf = this.buf;
    let p = put(buf, this.pos, LINE_START);
    p = time === null ? refs!.writeTime(buf, p) : putString(buf, p, time);
    p = put(buf, p, RECORD_ID_KEY);
    p = recordId === null ? put(buf, p, NULL) : putNumber(buf, p, recordId);
    p = put(buf, p, EVENT_ID_KEY);
    p = putNumber(buf, p, eventId);
    const { fields, pieces } = shape;
    const kind = refs === null ? null : refs.kind;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k]!;
      p = put(buf, p, pieces[k]!);
      if (kind !== null && kind[f]! >= 0) p = refs!.writeValue(buf, p, f);
      else {
        const v = f === 0 ? channel : f === 1 ? provider : f === 2 ? computer : data[at + f - 3];
        p = putString(buf, p, v!);
      }
    }
    this.pos = put(buf, p, pieces[fields.length]!);
    this.lines++;
  }

  private shape(
    lo: number,
    hi: number,
    channel: string | null,
    provider: string | null,
    computer: string | null,
    data: readonly (string | null)[],
    at: number,
  ): Shape {
    let byLo = this.shapes[hi];
    if (byLo === undefined) byLo = this.shapes[hi] = new Map<number, Shape>();
    let shape = byLo.get(lo);
    if (shape === undefined) {
      if (this.shapeCount >= MAX_SHAPES) {
        this.shapes = [];
        this.shapeCount = 0;
        byLo = this.shapes[hi] = new Map<number, Shape>();
      }
      const field = (f: number): string | null =>
        f === 0 ? channel : f === 1 ? provider : f === 2 ? computer : (data[at + f - 3] ?? null);
      const pieces = shapePieces(field);
      const fields = new Uint8Array(pieces.length - 1);
      for (let f = 0, k = 0; f < LINE_FIELDS; f++) if (field(f) !== null) fields[k++] = f;
      shape = { fields, pieces, bytes: pieces.reduce((n, x) => n + x.length, 0) };
      byLo.set(lo, shape);
      this.shapeCount++;
    }
    return shape;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = this.alloc(Math.max(this.pos + n, 2 * this.buf.length));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
}

/** Copies src to buf at p (room made by the caller); returns the offset after it. */
function put(buf: Uint8Array, p: number, src: Uint8Array): number {
  const n = src.length;
  if (n > 32) buf.set(src, p);
  else for (let i = 0; i < n; i++) buf[p + i] = src[i]!;
  return p + n;
}

/**
 * A JSON string, as JSON.stringify writes it, in UTF-8 (at most 6 bytes per UTF-16 unit plus
 * the quotes, room made by the caller). `"` and `\` get their backslash and other characters of
 * the Basic Multilingual Plane are encoded here; control characters and surrogates (escapes,
 * pairs) are left to JSON.stringify.
 */
export function putString(buf: Uint8Array, start: number, s: string): number {
  let p = start;
  buf[p++] = 0x22;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x80) {
      if (c === 0x22 || c === 0x5c) buf[p++] = 0x5c;
      buf[p++] = c;
    } else if (c >= 0x80 && c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 63);
    } else if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 63);
      buf[p++] = 0x80 | (c & 63);
    } else {
      return utf8Into(JSON.stringify(s), buf, start);
    }
  }
  buf[p++] = 0x22;
  return p;
}

/**
 * `units` UTF-16LE code units at src[off] (a value inside an EVTX record) as a JSON string in
 * UTF-8: the bytes putString writes for the same text, without making the string (room made by the
 * caller: 6 bytes per unit and the quotes). Returns -1 when the text holds a control character or
 * a surrogate, which it leaves to the caller: decode the text, then putString (JSON.stringify's
 * escapes, surrogate pairs), over whatever this wrote.
 */
export function putUtf16Json(
  buf: Uint8Array,
  start: number,
  src: Uint8Array,
  off: number,
  units: number,
): number {
  let p = start;
  buf[p++] = 0x22;
  for (let q = off, end = off + 2 * units; q < end; q += 2) {
    const c = src[q]! | (src[q + 1]! << 8);
    if (c < 0x80) {
      if (c < 0x20) return -1;
      if (c === 0x22 || c === 0x5c) buf[p++] = 0x5c;
      buf[p++] = c;
    } else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 63);
    } else if (c < 0xd800 || c > 0xdfff) {
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 63);
      buf[p++] = 0x80 | (c & 63);
    } else {
      return -1;
    }
  }
  buf[p++] = 0x22;
  return p;
}

/** A number as JSON.stringify writes it (at most 24 bytes). */
export function putNumber(buf: Uint8Array, start: number, n: number): number {
  if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) {
    let digits = 1;
    for (let x = n; x >= 10; x = (x / 10) | 0) digits++;
    let p = start + digits;
    let x = n;
    do {
      buf[--p] = 0x30 + (x % 10);
      x = (x / 10) | 0;
    } while (x > 0);
    return start + digits;
  }
  return utf8Into(JSON.stringify(n), buf, start);
}

/** The constant pieces of a line of this shape: before each non-null value, and the end. */
function shapePieces(field: (f: number) => string | null): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let text = '';
  for (let f = 0; f < LINE_FIELDS; f++) {
    const key = ndjsonFieldKey(f);
    if (field(f) === null) text += key + 'null';
    else {
      pieces.push(asciiBytes(text + key));
      text = '';
    }
  }
  pieces.push(asciiBytes(text + NDJSON_LINE_END));
  return pieces;
}
