// One EVTX chunk (64 KiB): header checks, the record walk, and the binary XML of each record turned
// straight into a LogonEvent. Templates are compiled once per chunk into lists of actions ("slot 7
// is TargetUserName", "slot 0 is EventID") so that a record costs one pass over its value
// descriptors plus the decoding of the few values the model keeps; nothing is rendered as XML.
//
// Everything read from the file is bounded: offsets and lengths are checked against the chunk (the
// DataView over the chunk throws on any read past it, and that is caught per record), element and
// template nesting is capped, and each record and chunk has a work budget so that hostile templates
// (a slot referenced thousands of times, self-referencing nested XML) cannot make the reader hang
// or allocate without bound.
import {
  dataFieldTargets,
  EVENT_DATA_FIELDS,
  eventWithData,
  GROUP_NAME_INDEX,
  setDataField,
  SETS_FIELD,
  SETS_GROUP,
  WINDOWS_FIELD_INDEX,
  type EventFieldsSink,
  type LineBytesSink,
  type LogonEvent,
} from '../../events/index.js';
import { WarningSink, type ReadWarning } from '../types.js';
import { parseTime, timeSortKey } from '../xml/time.js';
import { checksum } from './crc32.js';
import {
  action,
  isReferable,
  jsonBytes,
  K_DATA_DYNAMIC,
  MAX_VALUE_CHARS,
  K_NESTED,
  K_NESTED_LITERAL,
  K_TEMPLATE,
  K_TEXT,
  priority,
  T_CHANNEL,
  T_COMPUTER,
  T_DATA,
  T_EVENTID,
  T_PROVIDER,
  T_RECORDID,
  T_TIME,
  type Action,
  type Part,
  type ValueSlots,
} from './actions.js';
import {
  isProgramEventId,
  MAX_PROGRAM_DEPTH,
  Signature,
  TemplatePrograms,
  ValueTable,
  writeProgramLine,
} from './line-program.js';
import { decodeUtf16, utf16ValueUnits } from './text.js';
import { RecordValueRefs, refChars } from './value-refs.js';
import { R_ANY, R_EXTERNAL, R_INLINE, R_INTERNAL, TemplateCache, type NameField } from './template-cache.js';
import {
  filetimeToIso,
  fixedSize,
  numericValue,
  parseIntStrict,
  renderValue,
  VT_BINXML,
  VT_FILETIME,
  VT_NULL,
  VT_SID,
  VT_STRING,
} from './values.js';

export const CHUNK_SIZE = 65536;
export const CHUNK_HEADER_SIZE = 512;
const RECORD_HEADER_SIZE = 24;
const RECORD_MAGIC = 0x00002a2a;

/** Open elements per fragment, template instances / nested binary XML per record. */
const MAX_ELEMENT_DEPTH = 64;
const MAX_NESTING = 24;
/** Work units (tokens walked, actions applied, 64-byte blocks rendered) per record and per chunk. */
const RECORD_BUDGET = 200_000;
const CHUNK_BUDGET = 2_000_000;
export { MAX_VALUE_CHARS } from './actions.js';

/**
 * Templates compiled in earlier chunks (of any file read by this thread), reused when a chunk holds
 * the same template: see template-cache.ts. Only actions that hold no chunk offset are shared.
 */
const sharedTemplates = new TemplateCache<CompiledTemplate>();

/** A template's actions, and its line programs once a record asked for them (line-program.ts). */
interface CompiledTemplate {
  actions: Action[];
  programs: TemplatePrograms | null;
}

/** Scratch of line programs (one record at a time: reading is synchronous and never re-entered). */
const programTable = new ValueTable();
const programSignature = new Signature();
/** A record's values kept by reference (the action way with a sink that takes them), likewise. */
const sharedRefs = new RecordValueRefs(new Uint8Array(0), new DataView(new ArrayBuffer(0)));

/** Internal: a record whose binary XML cannot be read. Never leaves this module. */
class ParseError extends Error {}
class BudgetError extends ParseError {}

// States of an element by its path (the model only looks at a few places of an Event).
const S_ROOT = 0;
const S_EVENT = 1;
const S_SYSTEM = 2;
const S_PROVIDER = 3;
const S_EVENTID = 4;
const S_TIME = 5;
const S_RECORDID = 6;
const S_CHANNEL = 7;
const S_COMPUTER = 8;
const S_EVENTDATA = 9;
const S_DATA = 10;
const S_USERDATA = 11;
const S_USERDATA_EL = 12;
const S_OTHER = 13;
const STATE_COUNT = 14;

const SYSTEM_CHILDREN: Record<string, number> = {
  Provider: S_PROVIDER,
  EventID: S_EVENTID,
  TimeCreated: S_TIME,
  EventRecordID: S_RECORDID,
  Channel: S_CHANNEL,
  Computer: S_COMPUTER,
};

function childState(parent: number, name: string): number {
  switch (parent) {
    case S_ROOT:
      return name === 'Event' ? S_EVENT : S_OTHER;
    case S_EVENT:
      return name === 'System'
        ? S_SYSTEM
        : name === 'EventData'
          ? S_EVENTDATA
          : name === 'UserData'
            ? S_USERDATA
            : S_OTHER;
    case S_SYSTEM:
      return SYSTEM_CHILDREN[name] ?? S_OTHER;
    case S_EVENTDATA:
      return name === 'Data' ? S_DATA : S_OTHER;
    case S_USERDATA:
    case S_USERDATA_EL:
      return S_USERDATA_EL;
    default:
      return S_OTHER;
  }
}

/** Elements whose content may be a nested binary XML value holding parts of the model. */
function isContainer(state: number): boolean {
  return (
    state === S_ROOT ||
    state === S_EVENT ||
    state === S_SYSTEM ||
    state === S_EVENTDATA ||
    state === S_USERDATA ||
    state === S_USERDATA_EL
  );
}

const A_NONE = -1;
const A_PROVIDER = 0;
const A_TIME = 1;
const A_DATA_NAME = 2;

/** Line field numbers of the sink's references (EventValueRefs): channel, provider, computer, data. */
const LINE_CHANNEL = 0;
const LINE_PROVIDER = 1;
const LINE_COMPUTER = 2;
const LINE_DATA = 3;
/**
 * The string a field holds while its value is kept by reference (RecordValueRefs): non-empty, so
 * that the first-non-empty rule keeps it; never output (the sink writes the referenced value). One
 * character: the writer bounds a line's bytes by its strings' lengths too.
 */
const BY_REFERENCE = '*';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Record filters, normalized (from/to as timeSortKey strings: from <= time < to). */
export interface ChunkFilter {
  eventIds: ReadonlySet<number> | null;
  from: string | null;
  to: string | null;
}

export interface ChunkInfo {
  /** Position of the chunk in the file (0 = the first 64 KiB block after the file header). */
  index: number;
  /** Byte offset of the chunk in the file. */
  fileOffset: number;
  /**
   * The chunk's checksums as already checked by whoever read its bytes (checkChunkChecksums on these
   * same bytes): parseChunk then gives the same warnings without computing them again. Absent:
   * parseChunk checks them itself.
   */
  checksums?: ChunkChecksums;
}

export interface ChunkResult {
  index: number;
  fileOffset: number;
  /** Record id of the first record read (orders chunks of a wrapped log); null when none. */
  firstRecordId: number | null;
  events: LogonEvent[];
  warnings: ReadWarning[];
  warningCounts: Record<string, number>;
  recordsRead: number;
  skipped: Record<string, number>;
}

function u32At(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}

const CHUNK_MAGIC = [0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00]; // "ElfChnk\0"

/** True when `b` holds the chunk signature at `p`. */
export function hasChunkSignature(b: Uint8Array, p: number): boolean {
  if (p + 8 > b.length) return false;
  for (let i = 0; i < 8; i++) if (b[p + i] !== CHUNK_MAGIC[i]) return false;
  return true;
}

/** Whether a chunk's two CRC-32s match (true where a checksum does not apply). */
export interface ChunkChecksums {
  /** The chunk header's checksum (bytes 0–120 and 128–512). */
  headerOk: boolean;
  /**
   * The event records' checksum: checked only on a whole chunk whose end-of-records offset is
   * plausible (a truncated chunk or an implausible offset has its own warning instead).
   */
  recordsOk: boolean;
}

/**
 * Checks a chunk's checksums (`bytes` as parseChunk takes them). The thread that reads the file can
 * do this beside the worker that parses the chunk, which then skips the ≈ 8 % of its time that
 * checksumming costs (the warnings come from parseChunk either way).
 */
export function checkChunkChecksums(bytes: Uint8Array): ChunkChecksums {
  const len = Math.min(bytes.length, CHUNK_SIZE);
  if (len < CHUNK_HEADER_SIZE) return { headerOk: true, recordsOk: true }; // chunk-truncated instead
  const headerOk = checksum(bytes, 128, CHUNK_HEADER_SIZE, checksum(bytes, 0, 120)) === u32At(bytes, 124);
  const end = u32At(bytes, 48);
  const recordsOk =
    len < CHUNK_SIZE ||
    end < CHUNK_HEADER_SIZE ||
    end > CHUNK_SIZE ||
    checksum(bytes, CHUNK_HEADER_SIZE, end) === u32At(bytes, 52);
  return { headerOk, recordsOk };
}

/**
 * Reads one chunk. `bytes` is the chunk as found in the file: 64 KiB, or less when the file is cut
 * off inside it (then the complete records are recovered and a `chunk-truncated` warning is given).
 * With a `sink`, each event is handed to it as its fields, in record order, and the result's
 * `events` stay empty (no event object is built). Never throws.
 */
export function parseChunk(
  bytes: Uint8Array,
  info: ChunkInfo,
  filter: ChunkFilter,
  sink?: EventFieldsSink,
): ChunkResult {
  return new ChunkReader(bytes, info, filter, sink ?? null).read();
}

class ChunkReader {
  private readonly b: Uint8Array;
  private readonly dv: DataView;
  private readonly len: number;
  private readonly sink = new WarningSink();
  private readonly events: LogonEvent[] = [];
  private readonly skipped: Record<string, number> = {};
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, CompiledTemplate | null>();
  private readonly slots: ValueSlots[] = [];
  private recordsRead = 0;
  private firstRecordId: number | null = null;
  private chunkBudget = CHUNK_BUDGET;

  // Per-record state (fields rather than a fresh object per record); the event is built at the
  // end of the record, in one literal.
  private eventId = 0;
  private time = '';
  /** With a sink: offset of the FILETIME the time is written from, or -1 (then `time`). */
  private timeOff = -1;
  /** With a sink: the record's values kept as references into the chunk, written by the sink. */
  private readonly refs: RecordValueRefs | null;
  /** With a sink of NDJSON lines: where line programs write a record's whole line. */
  private readonly lines: LineBytesSink | null;
  /** A record's values and signature, for its line program (programRecord). */
  private readonly table = programTable;
  private readonly signature = programSignature;
  /** Set by programInstance: where the instance's values are in the table, where its data ends. */
  private instanceBase = 0;
  private instanceCount = 0;
  private instanceEnd = 0;
  private recordIdField: number | null = null;
  private channel: string | null = null;
  private provider: string | null = null;
  private computer: string | null = null;
  /** The data fields, in EVENT_DATA_FIELDS order (setDataField). */
  private readonly data: (string | null)[] = new Array<string | null>(EVENT_DATA_FIELDS.length).fill(null);
  private hasEventId = false;
  /** referenceTarget: the value also goes to groupName. */
  private alsoGroup = false;
  private hasRecordId = false;
  private rejected = false;
  private budget = 0;
  private outChars = 0;
  private outLimit = 0;
  private recordId = 0;
  private recordOffset = 0;
  // While a template is compiled: its bounds and the name references met (template-cache.ts).
  private nameFields: NameField[] | null = null;
  private templateStart = 0;
  private templateEnd = 0;
  private lastName = '';
  private shareable = true;

  constructor(
    bytes: Uint8Array,
    private readonly info: ChunkInfo,
    private readonly filter: ChunkFilter,
    private readonly eventSink: EventFieldsSink | null,
  ) {
    this.b = bytes;
    this.len = Math.min(bytes.length, CHUNK_SIZE);
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, this.len);
    this.refs = eventSink?.takesValueRefs === true ? sharedRefs.attach(bytes, this.dv) : null;
    this.lines = eventSink?.lineBytes ?? null;
  }

  private warn(code: string, message: string, offset: number, record?: number): void {
    const w: ReadWarning = { code, message, chunk: this.info.index, offset: this.info.fileOffset + offset };
    if (record !== undefined) w.record = record;
    this.sink.add(w);
  }

  private skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  read(): ChunkResult {
    try {
      this.readRecords();
    } catch (e) {
      // Defensive: readRecords catches per record; anything else still must not escape.
      this.warn('chunk-unreadable', `chunk ${this.info.index} could not be read further: ${String(e)}`, 0);
    }
    return {
      index: this.info.index,
      fileOffset: this.info.fileOffset,
      firstRecordId: this.firstRecordId,
      events: this.events,
      warnings: this.sink.warnings,
      warningCounts: this.sink.counts,
      recordsRead: this.recordsRead,
      skipped: this.skipped,
    };
  }

  private readRecords(): void {
    const { b, len, info } = this;
    const at = `chunk ${info.index} (file offset ${info.fileOffset})`;
    if (len < CHUNK_HEADER_SIZE) {
      this.warn(
        'chunk-truncated',
        `${at} is cut off after ${len} bytes, inside its header: no records recovered`,
        0,
      );
      return;
    }
    const sums = info.checksums ?? checkChunkChecksums(b);
    if (!sums.headerOk) {
      this.warn('chunk-header-crc', `${at}: header checksum mismatch; the chunk is read anyway`, 0);
    }
    const truncated = len < CHUNK_SIZE;
    const freeSpace = u32At(b, 48);
    let end = CHUNK_SIZE;
    if (freeSpace >= CHUNK_HEADER_SIZE && freeSpace <= CHUNK_SIZE) end = freeSpace;
    else
      this.warn(
        'chunk-header',
        `${at}: implausible end-of-records offset ${freeSpace}; records are looked for up to the chunk end`,
        0,
      );
    if (truncated) {
      this.warn(
        'chunk-truncated',
        `${at} is cut off after ${len} of 65,536 bytes (the file is truncated); the complete records in it were recovered`,
        len,
      );
      end = Math.min(end, len);
    } else if (!sums.recordsOk) {
      this.warn(
        'chunk-crc',
        `${at}: event records checksum mismatch; the records are read anyway`,
        CHUNK_HEADER_SIZE,
      );
    }

    let p = CHUNK_HEADER_SIZE;
    while (p + RECORD_HEADER_SIZE <= end) {
      if (this.chunkBudget <= 0) {
        this.warn(
          'chunk-budget',
          `${at}: too much work for one chunk (hostile data?); the rest of the chunk is skipped`,
          p,
        );
        return;
      }
      const size = u32At(b, p + 4);
      if (
        u32At(b, p) !== RECORD_MAGIC ||
        size < RECORD_HEADER_SIZE + 4 ||
        p + size > end ||
        u32At(b, p + size - 4) !== size
      ) {
        if (truncated && u32At(b, p) === RECORD_MAGIC && p + size > end && size <= CHUNK_SIZE) {
          // The record the file was cut in: the truncation warning already says so.
          this.skip('record-truncated');
          return;
        }
        if (isZero(b, p, end)) return; // unused space at the end
        const next = this.resync(p + 1, end);
        this.warn(
          'record-corrupt',
          `${at}: no valid record at chunk offset ${p}; skipped ${next < 0 ? end - p : next - p} bytes to the next record`,
          p,
        );
        if (next < 0) return;
        p = next;
        continue;
      }
      this.readRecord(p, size);
      p += size;
    }
  }

  /** The next offset in [from, end) where a record with a consistent size starts, or -1. */
  private resync(from: number, end: number): number {
    const b = this.b;
    for (let p = from; p + RECORD_HEADER_SIZE <= end; p++) {
      if (b[p] !== 0x2a || b[p + 1] !== 0x2a || b[p + 2] !== 0 || b[p + 3] !== 0) continue;
      const size = u32At(b, p + 4);
      if (size >= RECORD_HEADER_SIZE + 4 && p + size <= end && u32At(b, p + size - 4) === size) return p;
    }
    return -1;
  }

  private readRecord(p: number, size: number): void {
    const dv = this.dv;
    const id = dv.getUint32(p + 12, true) * 4294967296 + dv.getUint32(p + 8, true);
    this.recordsRead++;
    if (this.firstRecordId === null) this.firstRecordId = id;
    if (this.lines !== null && this.programRecord(p, size, id)) return;
    this.eventId = 0;
    this.time = '';
    this.timeOff = -1;
    this.refs?.reset();
    this.recordIdField = null;
    this.channel = null;
    this.provider = null;
    this.computer = null;
    this.data.fill(null);
    this.hasEventId = false;
    this.hasRecordId = false;
    this.rejected = false;
    this.budget = RECORD_BUDGET;
    this.outChars = 0;
    this.outLimit = 65536 + 8 * size;
    this.recordId = id;
    this.recordOffset = p;
    const start = p + RECORD_HEADER_SIZE;
    const end = p + size - 4;
    try {
      if (dv.getUint8(start) === 0x0f && dv.getUint8(start + 4) === 0x0c) {
        this.applyTemplateInstance(start + 4, S_ROOT, 0);
      } else {
        this.walkLiteral(start, end, S_ROOT, 0);
      }
    } catch (e) {
      this.chunkBudget -= RECORD_BUDGET - this.budget;
      const why =
        e instanceof ParseError
          ? e.message
          : e instanceof RangeError
            ? 'an offset or length points outside the chunk'
            : String(e);
      this.warn(
        'record-unreadable',
        `chunk ${this.info.index}, record ${id}: binary XML could not be read (${why}); record skipped`,
        p,
        id,
      );
      this.skip('corrupt-record');
      return;
    }
    this.chunkBudget -= RECORD_BUDGET - this.budget;
    if (this.rejected) {
      this.skip('filtered-event-id');
      return;
    }
    if (!this.hasEventId) {
      this.warn(
        'record-no-event-id',
        `chunk ${this.info.index}, record ${id}: no EventID in the record; record skipped`,
        p,
        id,
      );
      this.skip('corrupt-record');
      return;
    }
    if (!this.hasRecordId) this.recordIdField = id;
    if (this.time === '' && this.timeOff < 0) {
      if (this.refs === null) this.time = filetimeToIso(dv, p + 16);
      else this.timeOff = p + 16;
    }
    const f = this.filter;
    if (f.eventIds !== null && !f.eventIds.has(this.eventId)) {
      this.skip('filtered-event-id');
      return;
    }
    if (this.outsideTimes(this.timeOff < 0 ? this.time : filetimeToIso(dv, this.timeOff))) return;
    if (this.eventSink !== null) {
      const refs = this.refs;
      if (refs !== null) refs.timeOff = this.timeOff;
      this.eventSink.fields(
        this.timeOff < 0 ? this.time : null,
        this.recordIdField,
        this.eventId,
        this.channel,
        this.provider,
        this.computer,
        this.data,
        refs,
      );
      return;
    }
    this.events.push(
      eventWithData(
        this.time,
        this.recordIdField,
        this.eventId,
        this.channel,
        this.provider,
        this.computer,
        this.data,
      ),
    );
  }

  /** True (and the record counted as skipped) when the filter's from/to leave out this time. */
  private outsideTimes(time: string): boolean {
    const f = this.filter;
    if (f.from === null && f.to === null) return false;
    const key = timeSortKey(time);
    if ((f.from !== null && key < f.from) || (f.to !== null && key >= f.to)) {
      this.skip('filtered-time');
      return true;
    }
    return false;
  }

  /**
   * A record that is one template instance, written as its line by its template's line program
   * (line-program.ts) when there is one for its values: the same line, work and skips as the
   * action way, without interpreting the actions. True when done (written or filtered out); false
   * when the record must go the action way, which then reads it from the start: nothing here
   * changes what it will do (templates are only looked up, not compiled, and nothing is spent or
   * written until the line is).
   */
  private programRecord(p: number, size: number, id: number): boolean {
    const dv = this.dv;
    const start = p + RECORD_HEADER_SIZE;
    try {
      if (dv.getUint8(start) !== 0x0f || dv.getUint8(start + 4) !== 0x0c) return false;
      const v = this.table;
      v.used = 0;
      const outer = this.programInstance(start + 4, S_ROOT);
      if (outer === null || !outer.outer) return false;
      const count = this.instanceCount;
      const s = outer.eventIdSlot;
      if (s >= count || !isProgramEventId(v.type[s]!, v.size[s]!)) return false;
      const eventId = dv.getUint16(v.off[s]!, true);
      const f = this.filter;
      if (f.eventIds !== null && !f.eventIds.has(eventId)) {
        // The action way stops after the EventID, its first action: the values and 1 unit spent.
        this.chunkBudget -= count + 1;
        this.skip('filtered-event-id');
        return true;
      }
      const sig = this.signature;
      sig.begin(outer.lastFor(eventId));
      if (!this.signInstance(outer, 0, count, 0)) return false;
      sig.finish(eventId);
      const prog = outer.programFor(sig);
      if (prog === null) return false;
      const work = outer.workOf(prog, v);
      if (work > RECORD_BUDGET || outer.chars > 65536 + 8 * size) return false;
      const timeOff = prog.timeValue < 0 ? p + 16 : v.off[prog.timeValue]!;
      const t = prog.recordIdValue < 0 ? -1 : v.off[prog.recordIdValue]!;
      const recordId = t < 0 ? id : dv.getUint32(t + 4, true) * 4294967296 + dv.getUint32(t, true);
      if ((f.from !== null || f.to !== null) && this.outsideTimes(filetimeToIso(dv, timeOff))) {
        this.chunkBudget -= work;
        return true;
      }
      // Nothing was changed before this line (a throw above leaves the record to the action way).
      writeProgramLine(this.lines!, prog, outer.room, this.b, dv, v, timeOff, recordId);
      this.chunkBudget -= work;
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Reads the template instance at q (token 0x0c) as applyTemplateInstance does, its values into
   * the program's value table (from instanceBase, instanceCount of them, ending at instanceEnd);
   * returns its template's programs, or null when the instance is unreadable or its template not
   * compiled yet (the action way then says why, or compiles it).
   */
  private programInstance(q: number, ctx: number): TemplatePrograms | null {
    const dv = this.dv;
    const defOff = dv.getUint32(q + 6, true);
    q += 10;
    if (defOff === q) q += 24 + dv.getUint32(q + 20, true);
    const count = dv.getUint32(q, true);
    q += 4;
    if (count > (this.len - q) / 4) return null;
    const v = this.table;
    const base = v.used;
    v.grow(count);
    let data = q + 4 * count;
    for (let i = 0; i < count; i++) {
      const n = dv.getUint16(q + 4 * i, true);
      v.off[base + i] = data;
      v.size[base + i] = n;
      v.type[base + i] = dv.getUint8(q + 4 * i + 2);
      data += n;
    }
    if (data > this.len) return null;
    v.used = base + count;
    this.instanceBase = base;
    this.instanceCount = count;
    this.instanceEnd = data;
    const compiled = this.cachedTemplate(defOff, ctx);
    if (compiled === undefined || compiled === null) return null;
    return (compiled.programs ??= new TemplatePrograms(compiled.actions));
  }

  /**
   * Adds an instance (its values from `base`) to the record's signature, then the instances of
   * the nested binary XML it holds, where the action way would walk them (walkLiteral): each must
   * be one template instance and nothing after it. False when no program can write the record.
   */
  private signInstance(tp: TemplatePrograms, base: number, count: number, depth: number): boolean {
    const v = this.table;
    if (!tp.sign(this.signature, this.b, this.dv, v, base, count)) return false;
    const b = this.b;
    for (const a of tp.nested) {
      if (a.slot >= count || v.type[base + a.slot] !== VT_BINXML) continue;
      if (depth + 1 >= MAX_PROGRAM_DEPTH) return false;
      const off = v.off[base + a.slot]!;
      const end = off + v.size[base + a.slot]!;
      if (off + 5 > end || b[off] !== 0x0f || b[off + 4] !== 0x0c) return false;
      const inner = this.programInstance(off + 4, a.ctx);
      if (inner === null || !inner.inner) return false;
      const after = this.instanceEnd;
      if (after < end && b[after] !== 0x00) return false;
      if (!this.signInstance(inner, this.instanceBase, this.instanceCount, depth + 1)) return false;
    }
    return true;
  }

  private spend(n: number): void {
    this.budget -= n;
    if (this.budget < 0) throw new BudgetError('too much work for one record (hostile data?)');
  }

  // ---- names ---------------------------------------------------------------------------------

  /** Element/attribute name at a chunk offset: next offset u32, hash u16, count u16, UTF-16. */
  /** name(), as a function (the template cache reads names with it). */
  private readonly nameAt = (off: number): string => this.name(off);

  private name(off: number): string {
    const cached = this.names.get(off);
    if (cached !== undefined) return cached;
    const n = this.dv.getUint16(off + 6, true);
    if (off + 8 + 2 * n > this.len) throw new ParseError(`name at chunk offset ${off} runs past the chunk`);
    const s = decodeUtf16(this.b, off + 8, 2 * n);
    this.names.set(off, s);
    return s;
  }

  /**
   * Reads the name referenced by the u32 at `field` (and records the reference while a template is
   * compiled, for the cross-chunk cache); returns the offset after the field and any inline name.
   */
  private nameField(field: number, used: boolean): number {
    const ref = this.dv.getUint32(field, true);
    let p = field + 4;
    const inline = ref === p;
    if (inline) p = this.skipName(p);
    this.lastName = used ? this.name(ref) : '';
    const fields = this.nameFields;
    if (fields !== null) {
      const start = this.templateStart;
      const rel = ref - start;
      const kind = inline
        ? R_INLINE
        : !used
          ? R_ANY
          : ref >= start && ref < this.templateEnd
            ? R_INTERNAL
            : R_EXTERNAL;
      // A name compared as template bytes must lie wholly inside the template; one that runs past
      // its end (malformed) was read from bytes no other copy is compared on: do not share.
      if (
        (kind === R_INLINE || kind === R_INTERNAL) &&
        ref + 8 + 2 * this.dv.getUint16(ref + 6, true) > this.templateEnd
      )
        this.shareable = false;
      fields.push({ pos: field - start, kind, rel, name: this.lastName });
    }
    return p;
  }

  /** Skips a name stored inline at p. */
  private skipName(p: number): number {
    return p + 10 + 2 * this.dv.getUint16(p + 6, true);
  }

  // ---- templates -----------------------------------------------------------------------------

  private slotsAt(level: number, count: number): ValueSlots {
    let s = this.slots[level];
    if (s === undefined || s.off.length < count) {
      const cap = Math.max(count, 64);
      s = {
        off: new Int32Array(cap),
        size: new Int32Array(cap),
        type: new Uint8Array(cap),
        units: new Int32Array(cap),
      };
      this.slots[level] = s;
    }
    return s;
  }

  /** Reads a template instance at p (token 0x0c) and applies it; returns the offset after its values. */
  private applyTemplateInstance(p: number, ctx: number, level: number): number {
    if (level >= MAX_NESTING) throw new ParseError('template instances nested too deeply');
    const dv = this.dv;
    const defOff = dv.getUint32(p + 6, true);
    p += 10;
    if (defOff === p) p += 24 + dv.getUint32(p + 20, true); // definition stored inline: skip it
    const count = dv.getUint32(p, true);
    p += 4;
    if (count > (this.len - p) / 4) throw new ParseError(`template instance claims ${count} values`);
    const slots = this.slotsAt(level, count);
    let data = p + 4 * count;
    for (let i = 0; i < count; i++) {
      const size = dv.getUint16(p + 4 * i, true);
      slots.off[i] = data;
      slots.size[i] = size;
      slots.type[i] = dv.getUint8(p + 4 * i + 2);
      data += size;
    }
    if (data > this.len) throw new ParseError('template values run past the chunk');
    this.spend(count);
    this.apply(this.template(defOff, ctx).actions, level, count);
    return data;
  }

  private skipTemplateInstance(p: number): number {
    const dv = this.dv;
    const defOff = dv.getUint32(p + 6, true);
    p += 10;
    if (defOff === p) p += 24 + dv.getUint32(p + 20, true);
    const count = dv.getUint32(p, true);
    p += 4;
    if (count > (this.len - p) / 4) throw new ParseError(`template instance claims ${count} values`);
    let data = p + 4 * count;
    for (let i = 0; i < count; i++) data += dv.getUint16(p + 4 * i, true);
    this.spend(count);
    return data;
  }

  /** The compiled actions of the template defined at defOff, read in element state ctx. */
  private template(defOff: number, ctx: number): CompiledTemplate {
    const key = defOff * STATE_COUNT + ctx;
    const cached = this.cachedTemplate(defOff, ctx);
    if (cached !== undefined) {
      if (cached === null) throw new ParseError(`template at chunk offset ${defOff} is unreadable`);
      return cached;
    }
    const dv = this.dv;
    const size = dv.getUint32(defOff + 20, true);
    const start = defOff + 24;
    if (start + size > this.len) {
      this.templates.set(key, null);
      throw new ParseError(`template at chunk offset ${defOff} runs past the chunk`);
    }
    let actions: Action[];
    const fields: NameField[] = [];
    this.nameFields = fields;
    this.templateStart = start;
    this.templateEnd = start + size;
    this.shareable = true;
    try {
      actions = this.compile(start, start + size, ctx, true);
    } catch (e) {
      if (!(e instanceof BudgetError)) this.templates.set(key, null);
      throw e;
    } finally {
      this.nameFields = null;
    }
    const compiled: CompiledTemplate = { actions, programs: null };
    this.templates.set(key, compiled);
    if (this.shareable && actions.every((a) => a.kind !== K_TEMPLATE && a.kind !== K_NESTED_LITERAL)) {
      const sharedKey = TemplateCache.key(this.b, defOff, size, ctx);
      sharedTemplates.store(sharedKey, this.b, start, size, ctx, fields, compiled);
    }
    return compiled;
  }

  /**
   * The template at defOff (element state ctx) when it was compiled already, in this chunk or as
   * the same copy in an earlier one (then noted for this chunk too); null when it is unreadable;
   * undefined when it must be compiled. Spends no work and throws nothing but RangeErrors.
   */
  private cachedTemplate(defOff: number, ctx: number): CompiledTemplate | null | undefined {
    const key = defOff * STATE_COUNT + ctx;
    const cached = this.templates.get(key);
    if (cached !== undefined) return cached;
    const size = this.dv.getUint32(defOff + 20, true);
    const start = defOff + 24;
    if (start + size > this.len) return undefined;
    const sharedKey = TemplateCache.key(this.b, defOff, size, ctx);
    const shared = sharedTemplates.find(sharedKey, this.b, this.dv, start, size, ctx, this.nameAt);
    if (shared !== undefined) this.templates.set(key, shared);
    return shared;
  }

  /** Reads binary XML written without a template (literal values), in element state ctx. */
  private walkLiteral(start: number, end: number, ctx: number, level: number): void {
    if (level >= MAX_NESTING) throw new ParseError('binary XML nested too deeply');
    const dv = this.dv;
    let p = start;
    // The usual shape, a fragment holding one template instance: apply it without compiling.
    if (p + 5 <= end && dv.getUint8(p) === 0x0f && dv.getUint8(p + 4) === 0x0c) {
      p = this.applyTemplateInstance(p + 4, ctx, level + 1);
      if (p >= end || dv.getUint8(p) === 0x00) return;
    }
    this.apply(this.compile(p, end, ctx, false), level, 0);
  }

  // ---- compiling a fragment into actions -----------------------------------------------------

  /**
   * `inTemplate`: a template definition, whose element starts carry a 2-byte dependency id. Binary
   * XML written without a template (a record's own content, nested binary XML) has none.
   */
  private compile(start: number, end: number, ctx: number, inTemplate: boolean): Action[] {
    const dv = this.dv;
    const b = this.b;
    if (end > this.len) end = this.len;
    const actions: Action[] = [];
    const states: number[] = [];
    const elNames: string[] = [];
    const texts: (Part[] | null)[] = [];
    const dataNames: (Part[] | null)[] = [];
    let cur = ctx;
    let rootText: Part[] | null = null;
    let attr = A_NONE;
    let attrParts: Part[] | null = null;

    const emit = (state: number, name: string, parts: Part[] | null, dataName: Part[] | null): void => {
      if (parts === null || parts.length === 0) return;
      switch (state) {
        case S_EVENTID:
          actions.push(action(K_TEXT, T_EVENTID, -1, parts, [], -1, state, 0));
          return;
        case S_RECORDID:
          actions.push(action(K_TEXT, T_RECORDID, -1, parts, [], -1, state, 0));
          return;
        case S_CHANNEL:
          actions.push(action(K_TEXT, T_CHANNEL, -1, parts, [], -1, state, 0));
          return;
        case S_COMPUTER:
          actions.push(action(K_TEXT, T_COMPUTER, -1, parts, [], -1, state, 0));
          return;
        case S_DATA:
          if (dataName === null) return;
          if (dataName.every((x) => typeof x === 'string')) {
            const field = WINDOWS_FIELD_INDEX.get(dataName.join(''));
            if (field !== undefined) actions.push(action(K_TEXT, T_DATA, field, parts, [], -1, state, 0));
          } else {
            actions.push(action(K_DATA_DYNAMIC, T_DATA, -1, parts, dataName, -1, state, 0));
          }
          return;
        case S_USERDATA_EL: {
          const field = WINDOWS_FIELD_INDEX.get(name);
          if (field !== undefined) {
            actions.push(action(K_TEXT, T_DATA, field, parts, [], -1, state, 0));
            return;
          }
          break;
        }
        default:
      }
      if (isContainer(state)) {
        for (const part of parts)
          if (typeof part === 'number') actions.push(action(K_NESTED, 0, -1, [], [], part, state, 0));
      }
    };
    const finishAttr = (): void => {
      if (attrParts !== null && attrParts.length > 0) {
        if (attr === A_PROVIDER) actions.push(action(K_TEXT, T_PROVIDER, -1, attrParts, [], -1, cur, 0));
        else if (attr === A_TIME) actions.push(action(K_TEXT, T_TIME, -1, attrParts, [], -1, cur, 0));
        else if (attr === A_DATA_NAME && dataNames.length > 0) dataNames[dataNames.length - 1] = attrParts;
      }
      attr = A_NONE;
      attrParts = null;
    };
    const addPart = (part: Part): void => {
      if (attrParts !== null) {
        attrParts.push(part);
        return;
      }
      const top = texts.length - 1;
      if (top < 0) {
        (rootText ??= []).push(part);
        return;
      }
      const t = texts[top];
      if (t === null || t === undefined) texts[top] = [part];
      else t.push(part);
    };
    const closeElement = (): void => {
      const state = cur;
      const name = elNames.pop();
      const parts = texts.pop() ?? null;
      const dataName = dataNames.pop() ?? null;
      states.pop();
      cur = states.length > 0 ? states[states.length - 1]! : ctx;
      if (name !== undefined) emit(state, name, parts, dataName);
    };
    const readString = (p: number, chars: number): string => {
      if (p + 2 * chars > end) throw new ParseError('text runs past its fragment');
      return decodeUtf16(b, p, 2 * chars);
    };

    let p = start;
    loop: while (p < end) {
      this.spend(1);
      const tok = dv.getUint8(p);
      switch (tok & 0xbf) {
        case 0x00:
          break loop;
        case 0x0f:
          p += 4;
          break;
        case 0x0c:
          finishAttr();
          actions.push(action(K_TEMPLATE, 0, -1, [], [], -1, cur, p));
          p = this.skipTemplateInstance(p);
          break;
        case 0x01: {
          finishAttr();
          if (states.length >= MAX_ELEMENT_DEPTH) throw new ParseError('elements nested too deeply');
          p = this.nameField(inTemplate ? p + 7 : p + 5, true);
          const name = this.lastName;
          if (tok & 0x40) p += 4; // attribute list size
          cur = childState(cur, name);
          states.push(cur);
          elNames.push(name);
          texts.push(null);
          dataNames.push(null);
          break;
        }
        case 0x06: {
          finishAttr();
          p = this.nameField(p + 1, true);
          const name = this.lastName;
          attr =
            cur === S_PROVIDER && name === 'Name'
              ? A_PROVIDER
              : cur === S_TIME && name === 'SystemTime'
                ? A_TIME
                : cur === S_DATA && name === 'Name'
                  ? A_DATA_NAME
                  : A_NONE;
          attrParts = [];
          break;
        }
        case 0x02:
          finishAttr();
          p += 1;
          break;
        case 0x03:
          finishAttr();
          if (states.length > 0) closeElement();
          p += 1;
          break;
        case 0x04:
          if (states.length > 0) closeElement();
          p += 1;
          break;
        case 0x05: {
          // A literal value: its type, then the value (strings and nested XML length-prefixed).
          const vt = dv.getUint8(p + 1);
          const v = literalValueExtent(dv, vt, p + 2);
          if (v.off + v.size > end) throw new ParseError('a literal value runs past its fragment');
          p = v.off + v.size;
          if (vt === VT_STRING) addPart(readString(v.off, v.size >>> 1));
          else if (vt === VT_BINXML) {
            if (attrParts === null && isContainer(cur))
              actions.push(action(K_NESTED_LITERAL, 0, -1, [], [], v.size, cur, v.off));
          } else if (vt !== VT_NULL) {
            this.spend(1 + (v.size >>> 6));
            const text = renderValue(b, dv, vt, v.off, v.size);
            if (text !== null) addPart(text);
          }
          break;
        }
        case 0x0d:
        case 0x0e:
          addPart(dv.getUint16(p + 1, true));
          p += 4;
          break;
        case 0x07: {
          const n = dv.getUint16(p + 1, true);
          addPart(readString(p + 3, n));
          p += 3 + 2 * n;
          break;
        }
        case 0x08:
          addPart(String.fromCharCode(dv.getUint16(p + 1, true)));
          p += 3;
          break;
        case 0x09: {
          p = this.nameField(p + 1, true);
          const name = this.lastName;
          addPart(ENTITIES[name] ?? `&${name};`);
          break;
        }
        case 0x0a:
          p = this.nameField(p + 1, false);
          break;
        case 0x0b:
          p += 3 + 2 * dv.getUint16(p + 1, true);
          break;
        default:
          throw new ParseError(`unknown binary XML token 0x${tok.toString(16)} at chunk offset ${p}`);
      }
    }
    finishAttr();
    while (states.length > 0) closeElement(); // a fragment cut short: keep what it held
    emit(ctx, '', rootText, null);
    // Stable sort by priority: EventID, time, other System fields, then data.
    return actions
      .map((a, i) => ({ a, i, k: priority(a) }))
      .sort((x, y) => x.k - y.k || x.i - y.i)
      .map((x) => x.a);
  }

  // ---- applying actions to the current event -------------------------------------------------

  private apply(actions: Action[], level: number, nVals: number): void {
    const slots = nVals > 0 ? this.slotsAt(level, nVals) : null;
    for (let i = 0; i < actions.length; i++) {
      if (this.rejected) return;
      const a = actions[i]!;
      this.spend(1);
      switch (a.kind) {
        case K_TEXT:
          this.applyText(a, slots, nVals);
          break;
        case K_DATA_DYNAMIC: {
          const name = this.joinParts(a.nameParts, slots, nVals);
          const field = name === null ? undefined : WINDOWS_FIELD_INDEX.get(name);
          if (field !== undefined) {
            setDataField(this.data, field, this.eventId, this.joinParts(a.parts, slots, nVals));
          }
          break;
        }
        case K_NESTED: {
          if (slots === null || a.slot >= nVals || slots.type[a.slot] !== VT_BINXML) break;
          const off = slots.off[a.slot]!;
          this.walkLiteral(off, off + slots.size[a.slot]!, a.ctx, level + 1);
          break;
        }
        case K_TEMPLATE:
          this.applyTemplateInstance(a.offset, a.ctx, level + 1);
          break;
        case K_NESTED_LITERAL:
          this.walkLiteral(a.offset, a.offset + a.slot, a.ctx, level + 1);
          break;
        default:
      }
    }
  }

  private applyText(a: Action, slots: ValueSlots | null, nVals: number): void {
    const parts = a.parts;
    const single = parts.length === 1 ? parts[0]! : null;
    if (typeof single === 'number') {
      // One substitution: the common case, read the value directly.
      if (slots === null || single >= nVals) return;
      const type = slots.type[single]!;
      const off = slots.off[single]!;
      const size = slots.size[single]!;
      if (type === VT_BINXML || type === VT_NULL) return;
      switch (a.target) {
        case T_EVENTID:
          this.setEventId(numericValue(this.b, this.dv, type, off, size));
          return;
        case T_RECORDID:
          this.setRecordId(numericValue(this.b, this.dv, type, off, size));
          return;
        case T_TIME:
          if (type === VT_FILETIME && size >= 8) {
            if (this.refs === null) this.time = filetimeToIso(this.dv, off);
            else {
              // Written by the sink (putFiletimeJson, which cannot throw), not made into text here.
              this.time = '';
              this.timeOff = off;
            }
            return;
          }
          break;
        default:
          if (this.refs !== null && this.setReference(a, type, off, size)) return;
      }
      this.setText(a, this.render(type, off, size));
      return;
    }
    if (this.refs !== null && this.setConstant(a)) return;
    const text = this.joinParts(parts, slots, nVals);
    if (a.target === T_EVENTID) this.setEventId(text === null ? Number.NaN : parseIntStrict(text));
    else if (a.target === T_RECORDID) this.setRecordId(text === null ? Number.NaN : parseIntStrict(text));
    else this.setText(a, text);
  }

  /**
   * With a sink: keeps the value as a reference into the chunk (RecordValueRefs) where it can be,
   * with the work, bounds and field rules that rendering it as a string would apply; false when it
   * must be rendered.
   */
  private setReference(a: Action, type: number, off: number, size: number): boolean {
    if (!isReferable(a.target)) return false;
    const refs = this.refs!;
    let chars: number;
    if (type === VT_STRING) {
      chars = utf16ValueUnits(this.b, off, size);
      // Empty values and values cut for length go the string way (warnings, '' rules).
      if (chars <= 0 || chars > MAX_VALUE_CHARS) return false;
    } else {
      chars = refChars(this.dv, type, off, size);
      if (chars < 0) return false;
    }
    this.spend(1 + (size >>> 6));
    this.countChars(chars);
    const k = this.referenceTarget(a);
    if (k >= 0) keepReference(refs, k, type, off, size, chars);
    if (this.alsoGroup) keepReference(refs, LINE_DATA + GROUP_NAME_INDEX, type, off, size, chars);
    return true;
  }

  /**
   * With a sink: a constant of the template (literal text: the provider's name, the channel) kept
   * as its JSON bytes, made once per action; false when it must go the string way (empty, too long).
   */
  private setConstant(a: Action): boolean {
    const text = a.text;
    if (text === null || text === '' || text.length > MAX_VALUE_CHARS || !isReferable(a.target)) return false;
    this.countChars(text.length);
    const json = (a.json ??= jsonBytes(text));
    const k = this.referenceTarget(a);
    if (k >= 0) this.refs!.setBytes(k, json);
    if (this.alsoGroup) this.refs!.setBytes(LINE_DATA + GROUP_NAME_INDEX, json);
    return true;
  }

  /** What bound() counts of a value: the text one record may produce is bounded. */
  private countChars(n: number): void {
    this.outChars += n;
    if (this.outChars > this.outLimit)
      throw new BudgetError('the record expands to far more text than its size');
  }

  /**
   * Where a (non-empty) value kept by reference goes, by the fields' rules: its line field, or -1
   * when the field keeps its earlier value; `alsoGroup` when it is also a group event's groupName.
   * The fields' strings become placeholders.
   */
  private referenceTarget(a: Action): number {
    this.alsoGroup = false;
    switch (a.target) {
      case T_DATA: {
        const targets = dataFieldTargets(this.data, a.field, this.eventId);
        if (targets & SETS_GROUP) {
          this.data[GROUP_NAME_INDEX] = BY_REFERENCE;
          this.alsoGroup = true;
        }
        if ((targets & SETS_FIELD) === 0) return -1;
        this.data[a.field] = BY_REFERENCE;
        return LINE_DATA + a.field;
      }
      case T_CHANNEL:
        this.channel = BY_REFERENCE;
        return LINE_CHANNEL;
      case T_PROVIDER:
        this.provider = BY_REFERENCE;
        return LINE_PROVIDER;
      default:
        this.computer = BY_REFERENCE;
        return LINE_COMPUTER;
    }
  }

  private setEventId(n: number): void {
    if (Number.isNaN(n)) return;
    this.eventId = n;
    this.hasEventId = true;
    const ids = this.filter.eventIds;
    if (ids !== null && !ids.has(n)) this.rejected = true;
  }

  private setRecordId(n: number): void {
    if (Number.isNaN(n)) return;
    this.recordIdField = n;
    this.hasRecordId = true;
  }

  private setText(a: Action, text: string | null): void {
    switch (a.target) {
      case T_TIME: {
        // Time written as text (records without templates): normalized like the text readers'
        // (`….345650700Z` → `….3456507Z`); text that is no time leaves the record header's time.
        const t = text === null ? null : parseTime(text);
        if (t !== null) {
          this.time = t.iso;
          this.timeOff = -1;
        }
        return;
      }
      case T_PROVIDER:
        this.provider = text;
        this.refs?.clear(LINE_PROVIDER);
        return;
      case T_CHANNEL:
        this.channel = text;
        this.refs?.clear(LINE_CHANNEL);
        return;
      case T_COMPUTER:
        this.computer = text;
        this.refs?.clear(LINE_COMPUTER);
        return;
      case T_DATA:
        setDataField(this.data, a.field, this.eventId, text);
        return;
      default:
    }
  }

  private render(type: number, off: number, size: number): string | null {
    this.spend(1 + (size >>> 6));
    const s = renderValue(this.b, this.dv, type, off, size);
    if (s === null) return null;
    return this.bound(s);
  }

  /** Caps one value's length and the characters one record may produce. */
  private bound(s: string): string {
    let out = s;
    if (out.length > MAX_VALUE_CHARS) {
      out = out.slice(0, MAX_VALUE_CHARS);
      this.warn(
        'value-truncated',
        `chunk ${this.info.index}, record ${this.recordId}: a value of ${s.length} characters was cut to ${MAX_VALUE_CHARS}`,
        this.recordOffset,
        this.recordId,
      );
    }
    this.outChars += out.length;
    if (this.outChars > this.outLimit)
      throw new BudgetError('the record expands to far more text than its size');
    return out;
  }

  private joinParts(parts: Part[], slots: ValueSlots | null, nVals: number): string | null {
    let s = '';
    let any = false;
    for (const part of parts) {
      if (typeof part === 'string') {
        s += part;
        any = true;
      } else if (slots !== null && part < nVals) {
        const type = slots.type[part]!;
        if (type === VT_BINXML) continue;
        const v = this.render(type, slots.off[part]!, slots.size[part]!);
        if (v !== null) {
          s += v;
          any = true;
        }
      }
      if (s.length > MAX_VALUE_CHARS) break;
    }
    return any ? this.bound(s) : null;
  }
}

/** Line field k of the record is the value at off (a string of `chars` code units, or another type). */
function keepReference(
  refs: RecordValueRefs,
  k: number,
  type: number,
  off: number,
  size: number,
  chars: number,
): void {
  if (type === VT_STRING) refs.setString(k, off, chars);
  else refs.setValue(k, type, off, size, chars);
}

/**
 * Where the value of a literal value token (0x05) of type `vt` starting at `p` lies. Unlike a
 * substitution, the token gives no size: strings and nested binary XML carry a length prefix, a
 * SID its sub-authority count, the other types have a fixed size. Types that need a size (ANSI
 * strings, binary, size_t, arrays) cannot be read here.
 */
function literalValueExtent(dv: DataView, vt: number, p: number): { off: number; size: number } {
  switch (vt) {
    case VT_NULL:
      return { off: p, size: 0 };
    case VT_STRING:
      return { off: p + 2, size: 2 * dv.getUint16(p, true) };
    case VT_BINXML:
      return { off: p + 2, size: dv.getUint16(p, true) };
    case VT_SID:
      return { off: p, size: 8 + 4 * dv.getUint8(p + 1) };
    default: {
      const size = fixedSize(vt);
      if (size === 0) throw new ParseError(`a literal value of type 0x${vt.toString(16)} has no size`);
      return { off: p, size };
    }
  }
}

function isZero(b: Uint8Array, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (b[p] !== 0) return false;
  return true;
}
