// Line programs: `logonlens events` writes a templated record's NDJSON line in one go. Reading a
// record the action way (chunk.ts) interprets its template's actions, keeps each value by
// reference, applies the fields' rules (first non-empty value wins, a group event's
// TargetUserName) and hands 39 fields to the NDJSON writer, which works out which are null and
// looks the line's shape up: per-field bookkeeping that gives the same line for every record whose
// values are alike. What decides the line is the template (and the templates of the nested binary
// XML it holds: a Security record's EventData is one) and, for each slot they read, the value's
// type and whether it is null, empty or not: the record's *signature*. The values themselves only
// fill the line. So a template gets, per signature met, a program: the line's constant bytes
// (keys, nulls, the templates' constant text) with value slots between them. A record is written
// by reading its instances' value descriptors, classifying the slots their templates read,
// finding the program, and copying constants and values from the chunk's bytes.
//
// A program is made by running the actions once symbolically, in the action way's order and with
// its rules (dataFieldTargetsOf), so the line is by construction the one the action way writes.
// Whatever a program cannot express exactly leaves the record to the action way, record by record:
// templates with dynamic Data names, template instances or nested binary XML given as literals,
// multi-part text or several EventIDs; nested binary XML that is not one template instance; values
// that would be cut or warned about, of variable-size types (ANSI, binary, arrays), times and IDs of
// other types; records near the work or text bounds. The work units and the text counted against
// the bounds are those the action way counts, so that the chunk's budget (and its warning) stays.
import {
  dataFieldTargetsOf,
  EVENT_DATA_FIELDS,
  GROUP_EVENT_IDS,
  GROUP_NAME_INDEX,
  NDJSON_EVENT_ID_KEY,
  NDJSON_LINE_END,
  NDJSON_LINE_START,
  NDJSON_RECORD_ID_KEY,
  NDJSON_STRING_FIELDS,
  ndjsonFieldKey,
  putNumber,
  putString,
  putUtf16Json,
  SETS_FIELD,
  SETS_GROUP,
  type LineBytesSink,
} from '../../events/index.js';
import {
  isReferable,
  jsonBytes,
  K_NESTED,
  K_TEXT,
  MAX_VALUE_CHARS,
  T_CHANNEL,
  T_DATA,
  T_EVENTID,
  T_PROVIDER,
  T_RECORDID,
  T_TIME,
  type Action,
  type ValueSlots,
} from './actions.js';
import { decodeUtf16, utf16ValueUnits } from './text.js';
import { putDecimal, putHex32Json, putSidJson, putUint32Json } from './value-refs.js';
import {
  fixedSize,
  putFiletimeJson,
  renderValue,
  VT_ANSI,
  VT_BINARY,
  VT_BINXML,
  VT_FILETIME,
  VT_HEX32,
  VT_NULL,
  VT_SID,
  VT_SIZE_T,
  VT_STRING,
  VT_UINT16,
  VT_UINT32,
  VT_UINT64,
} from './values.js';

// Signature codes: what a slot's value is, as far as the line depends on it.
/** No program: the value would be cut or warned about, or its text has no bound (ANSI, binary, arrays). */
const C_UNSUPPORTED = 0;
/** The slot is past the instance's values. */
const C_ABSENT = 1;
const C_NULL = 2;
const C_BINXML = 3;
/** A UTF-16 string, empty once its trailing NULs are dropped. */
const C_STRING_EMPTY = 4;
/** A UTF-16 string of 1…MAX_VALUE_CHARS code units (written from its bytes). */
const C_STRING = 5;
/** Other types: C_TYPED + 4 × type + one of these (renderValue's outcome). */
const C_TYPED = 8;
/** No bytes: renders as ''. */
const Z_EMPTY = 0;
/** Shorter than its type: renders as null. */
const Z_SHORT = 1;
/** Renders as its text. */
const Z_FULL = 2;
/** A SID whose authority takes more than 32 bits (rendered in hex): written from its text. */
const Z_TEXT = 3;

const typed = (type: number, z: number): number => C_TYPED + 4 * type + z;
const EVENT_ID_CODE = typed(VT_UINT16, Z_FULL);
const TIME_CODE = typed(VT_FILETIME, Z_FULL);
const RECORD_ID_CODE = typed(VT_UINT64, Z_FULL);

/** The signature code of a value that is not a UTF-16 string (renderValue's cases). */
function typedCode(dv: DataView, type: number, off: number, size: number): number {
  if (type === VT_NULL) return C_NULL;
  if (type === VT_BINXML) return C_BINXML;
  if (type === VT_ANSI || type === VT_BINARY || type >= VT_BINXML) return C_UNSUPPORTED;
  if (size === 0) return typed(type, Z_EMPTY);
  switch (type) {
    case VT_SID:
      // sidToString's cases: cut short (null), an authority past 32 bits (hex text), the digits.
      if (size < 8 || 8 + 4 * dv.getUint8(off + 1) > size) return typed(type, Z_SHORT);
      return typed(type, dv.getUint16(off + 2) === 0 ? Z_FULL : Z_TEXT);
    case VT_SIZE_T:
      return typed(type, size >= 4 ? Z_FULL : Z_SHORT);
    default: {
      // Types renderValue does not know render as null, like values shorter than their type.
      const fs = fixedSize(type);
      return typed(type, fs === 0 || size < fs ? Z_SHORT : Z_FULL);
    }
  }
}

// Operations of a program: what is written between two constants.
const OP_TIME = 0;
const OP_RECORD_ID = 1;
const OP_STRING = 3;
const OP_UINT32 = 4;
const OP_HEX32 = 5;
const OP_SID = 6;
/** renderValue's text of a fixed-size value (GUID, FILETIME, numbers…), at most 40 characters. */
const OP_TEXT = 7;

/** Bytes one operation writes at most, besides 3 per byte of its value (UTF-16 as UTF-8, SIDs). */
const OP_MAX_BYTES = 64;
/** Characters one value counts at most against the record's text bound, besides 3 per byte. */
const VALUE_MAX_CHARS = 24;

/** The values of a record's template instances, one after the other (instance k from base k). */
export class ValueTable implements ValueSlots {
  off = new Int32Array(256);
  size = new Int32Array(256);
  type = new Uint8Array(256);
  units = new Int32Array(256);
  /** Values held (the next instance starts there). */
  used = 0;

  /** Room for n more values. */
  grow(n: number): void {
    const need = this.used + n;
    if (need <= this.off.length) return;
    const cap = Math.max(need, 2 * this.off.length);
    const grown = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.off = grown(this.off, new Int32Array(cap));
    this.size = grown(this.size, new Int32Array(cap));
    this.type = grown(this.type, new Uint8Array(cap));
    this.units = grown(this.units, new Int32Array(cap));
  }
}

const NO_CODES = new Int32Array(0);

/**
 * A record's signature, built instance by instance in the order the action way applies them (the
 * outer template, then each nested template instance where its K_NESTED action is): per instance
 * its template's id, its number of values and a code per slot its template reads; last, the
 * event ID (a template nearly always has one, and the ID then is constant text of the line; it
 * also says whether the event is a group event, whose TargetUserName is its groupName).
 */
export class Signature {
  codes = new Int32Array(64);
  length = 0;
  /**
   * The instances' templates, in signature order: the first `instances` entries (the array is
   * reused, not emptied: `length = 0` frees its backing store, and every record allocated a new one).
   */
  readonly templates: TemplatePrograms[] = [];
  instances = 0;
  /**
   * The program the outer template last wrote a line of this event ID with (records of an event
   * ID are nearly always alike), its signature, and whether this one is the same so far: then no
   * lookup is needed.
   */
  expected: LineProgram | null = null;
  private expect: Int32Array<ArrayBufferLike> = NO_CODES;
  same = true;

  /** Starts a record's signature, `last` the program it is likely to have (TemplatePrograms.lastFor). */
  begin(last: LineProgram | null): void {
    this.length = 0;
    this.instances = 0;
    this.expected = last;
    this.expect = last === null ? NO_CODES : last.codes;
    this.same = last !== null;
  }

  /** Room for n more codes. */
  room(n: number): void {
    if (this.length + n <= this.codes.length) return;
    const grown = new Int32Array(Math.max(this.length + n, 2 * this.codes.length));
    grown.set(this.codes);
    this.codes = grown;
  }

  /** Adds a code (room made first). */
  add(code: number): void {
    const i = this.length;
    this.codes[i] = code;
    if (this.same && (i >= this.expect.length || this.expect[i] !== code)) this.same = false;
    this.length = i + 1;
  }

  push(code: number): void {
    this.room(1);
    this.add(code);
  }

  /** True when the signature is the one `begin` was given, whole. */
  isExpected(): boolean {
    return this.same && this.length === this.expect.length;
  }

  /** Ends the signature with the record's event ID. */
  finish(eventId: number): void {
    this.push(eventId);
  }

  hash(): number {
    let h = this.length;
    for (let i = 0; i < this.length; i++) h = Math.imul(h ^ this.codes[i]!, 0x9e3779b1);
    return h ^ (h >>> 15);
  }
}

/** One record signature's line. */
export interface LineProgram {
  /** The signature it was made for. */
  readonly codes: Int32Array;
  readonly hash: number;
  /** False: the record goes the action way (the signature has something a program cannot write). */
  readonly ok: boolean;
  /** consts[i] is written before operation i; the last one ends the line. */
  readonly consts: Uint8Array[];
  /** The same as 32-bit words (wordsOf). */
  readonly constWords: Int32Array[];
  readonly ops: Uint8Array;
  /** The value (in the ValueTable) each operation writes; -1 for the time, record ID and event ID. */
  readonly opValues: Int32Array;
  /** The time's value (a FILETIME), or -1: the record header's time. */
  readonly timeValue: number;
  /** The record ID's value (a uint64), or -1: the record header's. */
  readonly recordIdValue: number;
  readonly constBytes: number;
  /** Work units the action way spends on the record, bar 1 per 64 bytes of each valued value. */
  readonly work: number;
  /** The values the action way renders or keeps by reference (one entry per such action). */
  readonly valued: Int32Array;
  /** Characters of the templates' constant text (counted against the record's text bound). */
  readonly constChars: number;
}

/**
 * Programs kept at most per template and in all. The outer template of a Security log is shared
 * by many event IDs (each with a few signatures: 20 programs on one template of the sample log).
 */
const MAX_PER_TEMPLATE = 1024;
const MAX_PROGRAMS = 4096;
/**
 * Templates with more actions or slots than this are read the action way (hostile, not real: a
 * Security template has a few dozen), so that the templates kept with programs stay small.
 */
const MAX_ACTIONS = 1024;
const MAX_SLOTS = 1024;
/** Template instances nested in a record that programs follow (a Security record has 2). */
export const MAX_PROGRAM_DEPTH = 4;

/** Counters for tests and measurements: lines written by programs, programs made, kept, dropped. */
export const lineProgramStats = { lines: 0, made: 0, live: 0, clears: 0 };

/** Templates holding programs, so that all can be dropped when there are too many. */
let holders: TemplatePrograms[] = [];

/** Drops every program (a hostile file met more signatures than a log has): they are made again. */
function dropAllPrograms(): void {
  for (const h of holders) h.clear();
  holders = [];
  lineProgramStats.live = 0;
  lineProgramStats.clears++;
}

let nextTemplateId = 1;

// What a line field holds while a program is made.
const F_NULL = 0;
const F_EMPTY = 1;
const F_CONST = 2;
const F_OP = 3;

/** Line field of a system target (NDJSON line order: channel, provider, computer, then data). */
function systemField(target: number): number {
  return target === T_CHANNEL ? 0 : target === T_PROVIDER ? 1 : 2;
}
const LINE_DATA = 3;

/** What a value of this code renders as: F_EMPTY (''), F_NULL or F_OP (its text, not empty). */
function renderedAs(code: number): number {
  if (code === C_STRING_EMPTY) return F_EMPTY;
  if (code === C_STRING) return F_OP;
  const z = (code - C_TYPED) & 3;
  return z === Z_EMPTY ? F_EMPTY : z === Z_SHORT ? F_NULL : F_OP;
}

/** The operation that writes a value of this code (a non-empty, non-null value). */
function opOf(code: number): number {
  if (code === C_STRING) return OP_STRING;
  if (code === typed(VT_UINT32, Z_FULL)) return OP_UINT32;
  if (code === typed(VT_HEX32, Z_FULL)) return OP_HEX32;
  if (code === typed(VT_SID, Z_FULL)) return OP_SID;
  return OP_TEXT;
}

/**
 * What line programs need of one compiled template (shared by every chunk that reuses it), and,
 * for a record's outer template, the programs of the signatures met.
 */
export class TemplatePrograms {
  /** Identifies the template in signatures. */
  readonly id = nextTemplateId++;
  /** A program can start with this template: one EventID, its first action. */
  readonly outer: boolean;
  /** A program can take this template as nested binary XML: no EventID in it. */
  readonly inner: boolean;
  /** The slot of the template's EventID (outer templates). */
  readonly eventIdSlot: number;
  /** The slots the template reads, in the order of their first action. */
  readonly slots: Int32Array;
  /** For each action, the position of its slot in `slots` (-1: none). */
  private readonly slotIndex: Int32Array;
  /** The K_NESTED actions, where nested binary XML may be: their instances follow in the signature. */
  readonly nested: Action[];
  /** Programs by the hash of their signature. */
  private programs = new Map<number, LineProgram[]>();
  private programCount = 0;
  private registered = false;
  /** The program this (outer) template last wrote a line of an event ID with, by event ID. */
  private lastByEventId = new Map<number, LineProgram>();
  /** Set by workOf: bytes the line takes at most, characters it counts at most. */
  room = 0;
  chars = 0;

  constructor(readonly actions: readonly Action[]) {
    const slots: number[] = [];
    const slotIndex = new Int32Array(actions.length).fill(-1);
    let usable = actions.length <= MAX_ACTIONS;
    let eventIdSlot = -1;
    let eventIds = 0;
    actions.forEach((a, i) => {
      let slot = -1;
      if (a.kind === K_NESTED) slot = a.slot;
      else if (a.kind !== K_TEXT) usable = false;
      else if (a.parts.length === 1 && typeof a.parts[0] === 'number') slot = a.parts[0];
      else if (a.text === null || !isReferable(a.target) || a.text.length > MAX_VALUE_CHARS) usable = false;
      if (a.kind === K_TEXT && a.target === T_EVENTID) {
        eventIds++;
        // Read first (actions are sorted so): a record filtered by event ID stops right there.
        if (i === 0) eventIdSlot = slot;
      }
      if (slot >= 0) {
        let k = slots.indexOf(slot);
        if (k < 0) k = slots.push(slot) - 1;
        slotIndex[i] = k;
      }
    });
    usable &&= slots.length <= MAX_SLOTS;
    this.outer = usable && eventIds === 1 && eventIdSlot >= 0;
    this.inner = usable && eventIds === 0;
    this.eventIdSlot = eventIdSlot;
    this.slots = Int32Array.from(slots);
    this.slotIndex = slotIndex;
    this.nested = actions.filter((a) => a.kind === K_NESTED);
  }

  clear(): void {
    this.programs = new Map<number, LineProgram[]>();
    this.programCount = 0;
    this.registered = false;
    this.lastByEventId = new Map<number, LineProgram>();
  }

  /**
   * Adds an instance of this template to the signature: its id, its number of values and a code
   * per slot it reads (its values are in `v` from `base`); string slots get their units. False
   * when a value is one no program writes (the record goes the action way).
   */
  sign(sig: Signature, b: Uint8Array, dv: DataView, v: ValueSlots, base: number, count: number): boolean {
    sig.templates[sig.instances++] = this;
    const slots = this.slots;
    sig.room(2 + slots.length);
    sig.add(this.id);
    sig.add(count);
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]!;
      let code: number;
      if (s >= count) code = C_ABSENT;
      else {
        const k = base + s;
        if (v.type[k] === VT_STRING) {
          const units = utf16ValueUnits(b, v.off[k]!, v.size[k]!);
          if (units === 0) code = C_STRING_EMPTY;
          else if (units < 0 || units > MAX_VALUE_CHARS) return false;
          else {
            code = C_STRING;
            v.units[k] = units;
          }
        } else {
          code = typedCode(dv, v.type[k]!, v.off[k]!, v.size[k]!);
          if (code === C_UNSUPPORTED) return false;
        }
      }
      sig.add(code);
    }
    return true;
  }

  /** The program this (outer) template last wrote a record of this event ID with, if any. */
  lastFor(eventId: number): LineProgram | null {
    return this.lastByEventId.get(eventId) ?? null;
  }

  /** The program of a complete signature (event ID included), or null: the action way. */
  programFor(sig: Signature): LineProgram | null {
    if (sig.isExpected()) return sig.expected;
    const found = this.lookUp(sig);
    // The event ID ends the signature.
    if (found !== null) this.lastByEventId.set(sig.codes[sig.length - 1]!, found);
    return found;
  }

  private lookUp(sig: Signature): LineProgram | null {
    const h = sig.hash();
    const bucket = this.programs.get(h);
    if (bucket !== undefined) {
      for (let k = 0; k < bucket.length; k++) {
        const prog = bucket[k]!;
        if (sameCodes(prog.codes, sig)) return prog.ok ? prog : null;
      }
    }
    if (this.programCount >= MAX_PER_TEMPLATE) return null;
    const prog = makeProgram(sig, h);
    if (lineProgramStats.live >= MAX_PROGRAMS) dropAllPrograms();
    if (!this.registered) {
      holders.push(this);
      this.registered = true;
    }
    const programs = this.programs.get(h);
    if (programs === undefined) this.programs.set(h, [prog]);
    else programs.push(prog);
    this.programCount++;
    lineProgramStats.live++;
    lineProgramStats.made++;
    return prog.ok ? prog : null;
  }

  /** The code of action i's slot in an instance whose slot codes start at `at` (after id, count). */
  codeAt(sig: Int32Array, at: number, actionIndex: number): number {
    const k = this.slotIndex[actionIndex]!;
    return k < 0 ? C_ABSENT : sig[at + k]!;
  }

  /**
   * The work units the action way spends on this record (its work budget), and into `room` and
   * `chars` the bytes its line takes at most and the characters it counts at most.
   */
  workOf(prog: LineProgram, v: ValueSlots): number {
    const valued = prog.valued;
    let work = prog.work;
    let bytes = 0;
    for (let i = 0; i < valued.length; i++) {
      const n = v.size[valued[i]!]!;
      work += n >>> 6;
      bytes += n;
    }
    // Each constant may write 3 bytes of padding past its end.
    this.room = prog.constBytes + (OP_MAX_BYTES + 3) * (prog.ops.length + 1) + 3 * bytes;
    this.chars = prog.constChars + 3 * bytes + VALUE_MAX_CHARS * valued.length;
    return work;
  }
}

/**
 * Runs the signature's templates' actions once, in the action way's order (a nested instance's
 * actions where its K_NESTED action is) and with its rules, and lays out the line.
 */
function makeProgram(sig: Signature, hash: number): LineProgram {
  const codes = sig.codes.slice(0, sig.length);
  const eventId = codes[codes.length - 1]!;
  const group = GROUP_EVENT_IDS.has(eventId);
  const fail: LineProgram = {
    codes,
    hash,
    ok: false,
    consts: [],
    constWords: [],
    ops: new Uint8Array(0),
    opValues: new Int32Array(0),
    timeValue: -1,
    recordIdValue: -1,
    constBytes: 0,
    work: 0,
    valued: new Int32Array(0),
    constChars: 0,
  };
  const kind = new Uint8Array(NDJSON_STRING_FIELDS).fill(F_NULL);
  const valueOf = new Int32Array(NDJSON_STRING_FIELDS);
  const opOfField = new Uint8Array(NDJSON_STRING_FIELDS);
  const constOf: (Uint8Array | null)[] = new Array<Uint8Array | null>(NDJSON_STRING_FIELDS).fill(null);
  /** The data fields as the action way holds them: null, '' or a non-empty value ('*'). */
  const data = new Array<string | null>(EVENT_DATA_FIELDS.length).fill(null);
  const valued: number[] = [];
  let timeValue = -1;
  let recordIdValue = -1;
  let constChars = 0;
  let work = 0;
  const set = (f: number, k: number, value: number, op: number, json: Uint8Array | null): void => {
    kind[f] = k;
    valueOf[f] = value;
    opOfField[f] = op;
    constOf[f] = json;
  };
  /** The action's value (F_NULL, F_EMPTY, F_CONST or F_OP) goes where the field rules say. */
  const assign = (a: Action, k: number, value: number, op: number, json: Uint8Array | null): void => {
    if (a.target !== T_DATA) {
      set(systemField(a.target), k, value, op, json);
      return;
    }
    if (k === F_NULL) return;
    const targets = dataFieldTargetsOf(data, a.field, group);
    const held = k === F_EMPTY ? '' : '*';
    if (targets & SETS_FIELD) {
      data[a.field] = held;
      set(LINE_DATA + a.field, k, value, op, json);
    }
    if (targets & SETS_GROUP) {
      data[GROUP_NAME_INDEX] = held;
      set(LINE_DATA + GROUP_NAME_INDEX, k, value, op, json);
    }
  };

  // Instances in signature order: where each one's codes start, its values' base in the table.
  let pos = 0;
  let base = 0;
  let instance = 0;
  /** Applies instance `instance` (and the instances nested in it); false when no program can. */
  const run = (): boolean => {
    const tp = sig.templates[instance++]!;
    const count = codes[pos + 1]!;
    const at = pos + 2;
    const myBase = base;
    pos = at + tp.slots.length;
    base += count;
    work += count + tp.actions.length;
    const actions = tp.actions;
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]!;
      const code = tp.codeAt(codes, at, i);
      if (a.kind === K_NESTED) {
        if (code === C_BINXML && !run()) return false;
        continue;
      }
      if (a.text !== null) {
        // A constant of the template (setConstant): its text is counted whether it lands or not.
        constChars += a.text.length;
        if (a.text === '') assign(a, F_EMPTY, -1, 0, null);
        else assign(a, F_CONST, -1, 0, jsonBytes(a.text));
        continue;
      }
      if (code === C_ABSENT || code === C_NULL || code === C_BINXML) continue;
      const value = myBase + (a.parts[0] as number);
      switch (a.target) {
        case T_EVENTID:
          if (code !== EVENT_ID_CODE) return false;
          continue;
        case T_TIME:
          if (code !== TIME_CODE) return false;
          timeValue = value;
          continue;
        case T_RECORDID:
          if (code !== RECORD_ID_CODE) return false;
          recordIdValue = value;
          continue;
        default:
      }
      // A value (setReference, or render then setText): 1 work unit and 1 per 64 bytes.
      valued.push(value);
      const rendered = renderedAs(code);
      if (rendered === F_OP) assign(a, F_OP, value, opOf(code), null);
      else assign(a, rendered, -1, 0, null);
    }
    return true;
  };
  if (!run() || instance !== sig.instances) return fail;

  // The line: its start, time, record ID, event ID, then every string field in line order.
  const consts: Uint8Array[] = [ascii(NDJSON_LINE_START), ascii(NDJSON_RECORD_ID_KEY)];
  const ops: number[] = [OP_TIME, OP_RECORD_ID];
  const opValues: number[] = [-1, -1];
  let text: number[] = [];
  // The event ID is part of the signature: constant text.
  pushAscii(text, NDJSON_EVENT_ID_KEY);
  const digits = new Uint8Array(24);
  for (const x of digits.subarray(0, putNumber(digits, 0, eventId))) text.push(x);
  for (let f = 0; f < NDJSON_STRING_FIELDS; f++) {
    pushAscii(text, ndjsonFieldKey(f));
    switch (kind[f]) {
      case F_NULL:
        pushAscii(text, 'null');
        break;
      case F_EMPTY:
        pushAscii(text, '""');
        break;
      case F_CONST:
        for (const x of constOf[f]!) text.push(x);
        break;
      default:
        consts.push(Uint8Array.from(text));
        text = [];
        ops.push(opOfField[f]!);
        opValues.push(valueOf[f]!);
    }
  }
  pushAscii(text, NDJSON_LINE_END);
  consts.push(Uint8Array.from(text));
  return {
    codes,
    hash,
    ok: true,
    consts,
    constWords: consts.map(wordsOf),
    ops: Uint8Array.from(ops),
    opValues: Int32Array.from(opValues),
    timeValue,
    recordIdValue,
    constBytes: consts.reduce((n, c) => n + c.length, 0),
    work: work + valued.length,
    valued: Int32Array.from(valued),
    constChars,
  };
}

function sameCodes(a: Int32Array, sig: Signature): boolean {
  if (a.length !== sig.length) return false;
  const b = sig.codes;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function ascii(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

function pushAscii(out: number[], s: string): void {
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

/** Constants longer than this are copied with `set` (a call that pays off on long copies). */
const LONG_CONST = 64;

/**
 * A program's constant as little-endian 32-bit words, its last word padded: a short constant is
 * copied 4 bytes at a time (a byte loop was a tenth of the worker's time, `set` costs a call),
 * the padding overwritten by what follows (room for it is made with the line).
 */
function wordsOf(c: Uint8Array): Int32Array {
  const padded = new Uint8Array((c.length + 3) & ~3);
  padded.set(c);
  const view = new DataView(padded.buffer);
  const words = new Int32Array(padded.length >>> 2);
  for (let k = 0; k < words.length; k++) words[k] = view.getInt32(4 * k, true);
  return words;
}

/** The output buffer's DataView, made again when the writer's buffer changes. */
let outBuf: Uint8Array | null = null;
let outView: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

function viewOf(buf: Uint8Array): DataView<ArrayBufferLike> {
  if (buf !== outBuf) {
    outBuf = buf;
    outView = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  return outView;
}

/** Copies program constant k at p (room made by the caller, 3 bytes more); returns its end. */
function putConst(buf: Uint8Array, out: DataView, p: number, prog: LineProgram, k: number): number {
  const c = prog.consts[k]!;
  const n = c.length;
  if (n > LONG_CONST) buf.set(c, p);
  else {
    const words = prog.constWords[k]!;
    for (let i = 0; i < words.length; i++) out.setInt32(p + 4 * i, words[i]!, true);
  }
  return p + n;
}

/**
 * Writes one record's line by its program (room for `room` bytes made here, as workOf said):
 * constants copied, values written from the chunk's bytes as the action way's writer would.
 */
export function writeProgramLine(
  sink: LineBytesSink,
  prog: LineProgram,
  room: number,
  b: Uint8Array,
  dv: DataView,
  v: ValueTable,
  timeOff: number,
  recordId: number,
): void {
  const buf = sink.reserve(room);
  const out = viewOf(buf);
  let p = sink.length;
  const { ops, opValues } = prog;
  for (let i = 0; i < ops.length; i++) {
    p = putConst(buf, out, p, prog, i);
    const s = opValues[i]!;
    switch (ops[i]) {
      case OP_TIME:
        p = putFiletimeJson(buf, p, dv, timeOff);
        break;
      case OP_RECORD_ID:
        p = recordId <= 0xffffffff ? putDecimal(buf, p, recordId) : putNumber(buf, p, recordId);
        break;
      case OP_STRING: {
        const off = v.off[s]!;
        const units = v.units[s]!;
        const end = putUtf16Json(buf, p, b, off, units);
        // Control characters and surrogates: JSON.stringify's escapes, as the action way writes them.
        p = end >= 0 ? end : putString(buf, p, decodeUtf16(b, off, 2 * units));
        break;
      }
      case OP_UINT32:
        p = putUint32Json(buf, p, dv, v.off[s]!);
        break;
      case OP_HEX32:
        p = putHex32Json(buf, p, dv, v.off[s]!);
        break;
      case OP_SID:
        p = putSidJson(buf, p, dv, v.off[s]!);
        break;
      default:
        p = putString(buf, p, renderValue(b, dv, v.type[s]!, v.off[s]!, v.size[s]!) ?? '');
    }
  }
  p = putConst(buf, out, p, prog, ops.length);
  sink.commitLine(p);
  lineProgramStats.lines++;
}

/** True when a value of this type and size is an EventID a program reads (EVENT_ID_CODE). */
export function isProgramEventId(type: number, size: number): boolean {
  return type === VT_UINT16 && size >= 2;
}
