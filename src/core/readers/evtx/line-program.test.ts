// Line programs (line-program.ts) write a templated record's NDJSON line without interpreting its
// template's actions. The judges: the events' lines (NdjsonFormatter, the oracle) and the action
// way with value references (an NdjsonWriter behind a sink that takes no whole lines). Every
// record is read the three ways: same bytes, same chunk results (warnings, skips, counts), and the
// program path must actually be taken where a program can express the record.
import { describe, expect, it } from 'vitest';
import {
  ChunkWriter,
  packRecords,
  T,
  enc,
  systemTemplate,
  systemValues,
  type BinXmlWriter,
  type Value,
} from '../../../../test/fixtures/evtx/evtx-writer.js';
import { NdjsonFormatter, NdjsonWriter, type EventFieldsSink } from '../../events/index.js';
import { seededRandom } from '../../testing/prng.js';
import { CHUNK_SIZE, parseChunk, type ChunkFilter } from './index.js';
import { lineProgramStats } from './line-program.js';

const TIME = '2024-03-01T10:20:30.123Z';
const NO_FILTER: ChunkFilter = { eventIds: null, from: null, to: null };

/** UTF-16LE bytes of a text, with no terminator. */
function str(s: string): Uint8Array {
  const b = new Uint8Array(2 * s.length);
  for (let i = 0; i < s.length; i++) {
    b[2 * i] = s.charCodeAt(i) & 0xff;
    b[2 * i + 1] = s.charCodeAt(i) >>> 8;
  }
  return b;
}

/** The action way with value references: the writer's fields, never a whole line. */
function actionWay(w: NdjsonWriter): EventFieldsSink {
  return {
    takesValueRefs: true,
    fields: (time, recordId, eventId, channel, provider, computer, data, refs) =>
      w.fields(time, recordId, eventId, channel, provider, computer, data, refs),
  };
}

/**
 * Reads every chunk the three ways; returns the NDJSON and how many lines programs wrote. The
 * events are read first, so that each template is compiled (and cached) before the sinks read.
 */
function threeWays(
  chunks: Uint8Array[],
  filter: ChunkFilter = NO_FILTER,
): { out: string; programLines: number } {
  const formatter = new NdjsonFormatter();
  const programs = new NdjsonWriter(64);
  const actions = new NdjsonWriter(64);
  const sink = actionWay(actions);
  let expected = '';
  let programLines = 0;
  chunks.forEach((chunk, index) => {
    const info = { index, fileOffset: 4096 + index * CHUNK_SIZE };
    const withEvents = parseChunk(chunk, info, filter);
    const viaActions = parseChunk(chunk, info, filter, sink);
    const before = lineProgramStats.lines;
    const viaPrograms = parseChunk(chunk, info, filter, programs);
    programLines += lineProgramStats.lines - before;
    expected += formatter.lines(withEvents.events);
    expect({ ...viaActions, events: withEvents.events }).toEqual(withEvents);
    expect({ ...viaPrograms, events: withEvents.events }).toEqual(withEvents);
  });
  const out = new TextDecoder().decode(programs.take());
  expect(out).toBe(expected);
  expect(new TextDecoder().decode(actions.take())).toBe(expected);
  return { out, programLines };
}

/** Event/System (slots 0-3), then one Data element per name on slots 4… (a flat template). */
function flatTemplate(names: string[]): (w: BinXmlWriter) => void {
  return (w) => {
    w.fragment().open('Event').closeStart();
    systemTemplate(w);
    w.open('EventData').closeStart();
    names.forEach((n, i) =>
      w
        .open('Data', true)
        .attr('Name')
        .text(n)
        .closeStart()
        .sub(4 + i, T.string, true)
        .end(),
    );
    w.end().end().eof();
  };
}

/**
 * Event/System (slots 0-3) and EventData as nested binary XML (slot 4), holding an instance of
 * a template with one Data element per name, as Security records are written.
 */
function nestedTemplate(w: BinXmlWriter): void {
  w.fragment().open('Event').closeStart();
  systemTemplate(w);
  w.sub(4, T.binxml).end().eof();
}

function dataTemplate(names: string[]): (w: BinXmlWriter) => void {
  return (w) => {
    w.fragment().open('EventData').closeStart();
    names.forEach((n, i) =>
      w.open('Data', true).attr('Name').text(n).closeStart().sub(i, T.string, true).end(),
    );
    w.end().eof();
  };
}

interface Rec {
  eventId: number;
  names: string[];
  values: Value[];
  /** EventData as nested binary XML (the Security shape) rather than in the outer template. */
  nested?: boolean;
  /** Raw bytes written inside the nested value after its template instance. */
  trailing?: number[];
}

/** Chunks of records, a new chunk when one is full; templates keyed by their names. */
function chunksOf(records: Rec[]): Uint8Array[] {
  return packRecords(records.length, (cw, i) => {
    const r = records[i]!;
    const key = r.names.join(',');
    cw.record(i + 1, enc.filetime(TIME, i), (w) => {
      const system = systemValues(r.eventId, TIME, i + 1, 'WS01');
      if (r.nested === true) {
        const inner = (x: BinXmlWriter): void => {
          x.fragment().template('data:' + key, dataTemplate(r.names), r.values);
          if (r.trailing !== undefined) x.raw(r.trailing);
          x.eof();
        };
        w.fragment().template('outer', nestedTemplate, [...system, { type: T.binxml, nested: inner }]);
      } else {
        w.fragment().template('flat:' + key, flatTemplate(r.names), [...system, ...r.values]);
      }
      w.eof();
    });
  });
}

const NAMES = [
  'TargetUserName',
  'TargetDomainName',
  'TargetUserSid',
  'SubjectUserName',
  'LogonType',
  'Status',
  'IpAddress',
  'IpPort',
  'WorkstationName',
  'ProcessName',
  'SubcategoryGuid',
  'PasswordLastSet',
];

/** A value of every type a substitution may hold (some of them written by no program). */
const TYPED: Value[] = [
  { type: T.string, bytes: enc.str('alice') },
  { type: T.uint32, bytes: enc.int(4294967295, 4) },
  { type: T.hex32, bytes: enc.int(0xc000006d, 4) },
  { type: T.sid, bytes: enc.sid('S-1-5-21-3623811015-3361044348-30300820-1013') },
  { type: T.sid, bytes: enc.sid('S-1-281474976710655-7') }, // an authority past 32 bits
  { type: T.guid, bytes: enc.guid('{0CCE9210-69AE-11D9-BED3-505054503030}') },
  { type: T.int8, bytes: enc.int(-128, 1) },
  { type: T.uint8, bytes: enc.int(255, 1) },
  { type: T.int16, bytes: enc.int(-2, 2) },
  { type: T.uint16, bytes: enc.int(65535, 2) },
  { type: T.int32, bytes: enc.int(-2147483648, 4) },
  { type: T.int64, bytes: enc.int(-9007199254740993n, 8) },
  { type: T.uint64, bytes: enc.int(18446744073709551615n, 8) },
  { type: T.float, bytes: enc.f32(1.5) },
  { type: T.double, bytes: enc.f64(-0.1) },
  { type: T.bool, bytes: enc.int(1, 4) },
  { type: T.filetime, bytes: enc.filetime('2015-08-23T10:29:50.123Z', 4567) },
  { type: T.systemtime, bytes: enc.systemtime(2021, 12, 3, 4, 5, 6, 7) },
  { type: T.hex64, bytes: enc.int(0x1234567890n, 8) },
  { type: T.sizeT, bytes: enc.int(0x3e7, 8) },
  { type: T.sizeT, bytes: enc.int(0x3e7, 4) },
  { type: T.ansi, bytes: enc.ansi('ansi text') },
  { type: T.binary, bytes: new Uint8Array([0, 0xab, 0x10]) },
  { type: T.array | T.string, bytes: enc.concat(enc.str('a'), enc.str('b')) },
  { type: T.array | T.uint32, bytes: enc.concat(enc.int(1, 4), enc.int(2, 4)) },
  { type: 0x1f, bytes: enc.int(7, 4) }, // a type renderValue does not know
];

/** Each record gives every name a value of the list, rotated; each value set repeated. */
function rotated(values: Value[], eventId = 4624, nested = false, repeat = 3): Rec[] {
  const records: Rec[] = [];
  for (let r = 0; r < repeat; r++) {
    values.forEach((_, i) =>
      records.push({
        eventId,
        nested,
        names: NAMES,
        values: NAMES.map((__, k) => values[(i + k) % values.length]!),
      }),
    );
  }
  return records;
}

describe('line programs', () => {
  it('write every value type as the action way does (flat and nested templates)', () => {
    for (const nested of [false, true]) {
      const records = rotated(TYPED, 4624, nested);
      const { out, programLines } = threeWays(chunksOf(records));
      const lines = out.trimEnd().split('\n');
      expect(lines).toHaveLength(records.length);
      // Records holding an ANSI, binary or array value go the action way; the others by program.
      const withoutProgram = records.filter((r) =>
        r.values.some((v) => v.type === T.ansi || v.type === T.binary || (v.type & T.array) !== 0),
      ).length;
      expect(programLines).toBeGreaterThan(0);
      expect(programLines).toBeLessThanOrEqual(records.length - withoutProgram);
      const first = JSON.parse(lines[0]!) as Record<string, unknown>;
      expect(first).toMatchObject({
        eventId: 4624,
        recordId: 1,
        targetUser: 'alice',
        targetDomain: '4294967295',
        targetSid: '0xc000006d',
        subjectUser: 'S-1-5-21-3623811015-3361044348-30300820-1013',
        logonType: 'S-1-0xFFFFFFFFFFFF-7',
        status: '{0CCE9210-69AE-11D9-BED3-505054503030}',
      });
    }
  });

  it('write empty, null and short values as the action way does', () => {
    const odd: Value[] = [
      { type: T.string, bytes: new Uint8Array(0) },
      { type: T.string, bytes: enc.str('') }, // a NUL only
      { type: T.string, bytes: new Uint8Array([0, 0, 0, 0]) },
      { type: T.null, bytes: new Uint8Array(0) },
      { type: T.null, bytes: enc.int(5, 4) },
      { type: T.uint32, bytes: new Uint8Array(0) },
      { type: T.uint32, bytes: new Uint8Array([1, 2]) }, // shorter than its type: null
      { type: T.hex32, bytes: new Uint8Array([1]) },
      { type: T.sid, bytes: new Uint8Array([1, 5, 0, 0, 0, 0, 0, 5, 1, 0, 0, 0]) }, // claims 5, holds 1
      { type: T.sid, bytes: new Uint8Array(0) },
      { type: T.guid, bytes: new Uint8Array(3) },
      { type: T.filetime, bytes: new Uint8Array(0) },
      { type: T.sizeT, bytes: new Uint8Array(2) },
      { type: T.string, bytes: str('x') },
    ];
    for (const nested of [false, true]) {
      const records = rotated(odd, 4625, nested);
      const { out, programLines } = threeWays(chunksOf(records));
      expect(programLines).toBeGreaterThan(records.length / 2);
      expect(out).toContain('"targetUser":""');
      expect(out).toContain('"targetUser":null');
    }
  });

  it('keep the first non-empty value of a field and a group event’s TargetUserName as its group', () => {
    const names = ['TargetUserSid', 'TargetSid', 'TargetUserName', 'WorkstationName', 'Workstation'];
    const v = (type: number, bytes: Uint8Array): Value => ({ type, bytes });
    const cases: Value[][] = [
      [
        v(T.sid, enc.sid('S-1-5-32-544')),
        v(T.sid, enc.sid('S-1-5-18')),
        v(T.string, str('Admins')),
        v(T.string, str('')),
        v(T.string, str('WS9')),
      ],
      [
        v(T.sid, new Uint8Array(0)),
        v(T.sid, enc.sid('S-1-5-18')),
        v(T.string, enc.str('')),
        v(T.string, str('WS1')),
        v(T.string, str('WS2')),
      ],
      [
        v(T.null, new Uint8Array(0)),
        v(T.null, new Uint8Array(0)),
        v(T.null, new Uint8Array(0)),
        v(T.null, new Uint8Array(0)),
        v(T.string, str('WS3')),
      ],
    ];
    const records = [4728, 4624, 4732, 4625].flatMap((eventId) =>
      [false, true].flatMap((nested) =>
        [...cases, ...cases].map((values) => ({ eventId, names, values, nested })),
      ),
    );
    const { out, programLines } = threeWays(chunksOf(records));
    expect(programLines).toBeGreaterThan(records.length / 2);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      eventId: 4728,
      targetSid: 'S-1-5-32-544',
      groupName: 'Admins',
      workstation: 'WS9',
    });
    expect(lines[1]).toMatchObject({
      targetSid: 'S-1-5-18',
      targetUser: '',
      groupName: '',
      workstation: 'WS1',
    });
    expect(lines[2]).toMatchObject({ targetSid: null, groupName: null, workstation: 'WS3' });
    expect(lines[12]).toMatchObject({ eventId: 4624, targetUser: 'Admins', groupName: null });
  });

  it('make one program per signature: the same template with other types, alternating', () => {
    const a: Value[] = NAMES.map(() => ({ type: T.string, bytes: str('s') }));
    const b: Value[] = NAMES.map((_, i) =>
      i % 2 === 0 ? { type: T.uint32, bytes: enc.int(i, 4) } : { type: T.sid, bytes: enc.sid('S-1-5-18') },
    );
    const c: Value[] = NAMES.map((_, i) =>
      i % 3 === 0 ? { type: T.string, bytes: new Uint8Array(0) } : { type: T.hex32, bytes: enc.int(i, 4) },
    );
    const records: Rec[] = [];
    for (let i = 0; i < 30; i++)
      records.push({ eventId: 4624, names: NAMES, values: [a, b, c][i % 3]!, nested: i % 2 === 0 });
    const made = lineProgramStats.made;
    const { out, programLines } = threeWays(chunksOf(records));
    expect(programLines).toBe(records.length);
    expect(lineProgramStats.made - made).toBeLessThanOrEqual(6);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]!.targetUser).toBe('s');
    expect(lines[1]!.targetUser).toBe('0');
    expect(lines[1]!.targetDomain).toBe('S-1-5-18');
    expect(lines[2]!.targetUser).toBe('');
    expect(lines[2]!.targetDomain).toBe('0x1');
  });

  it('write hostile strings byte for byte as the action way does', () => {
    const hostile = [
      str('"quoted" \\back\\slash / <script>alert(1)</script>'),
      str('=HYPERLINK("http://x")'),
      str('\u0000\u0001\u001f\u007f\b\f\n\r\t\u001b[31m'),
      str('line\u2028sep\u2029para'),
      str('lone high \ud800 here'),
      str('lone low \udc00 here'),
      str('emoji 😀 pair, Ünïcødé – 日本語'),
      str('\ufeff' + 'B'.repeat(64)), // 65 units from a byte order mark: TextDecoder drops it
      str('\ufeff' + 'B'.repeat(10)),
      str('x'.repeat(65) + '\ud800'),
      new Uint8Array([0x41, 0x00, 0x42]), // odd length
      new Uint8Array([0x00, 0x00, 0x41, 0x00]), // a NUL inside
      str('y'.repeat(20_000)),
      str('\u202Eevil'),
    ].map((bytes) => ({ type: T.string, bytes }));
    for (const nested of [false, true]) {
      const records = rotated(hostile, 4624, nested, 1);
      const { out, programLines } = threeWays(chunksOf(records));
      expect(programLines).toBeGreaterThan(0);
      expect(out).toContain('"lone high \\ud800 here"');
      expect(out).toContain('line\u2028sep\u2029para');
      expect(out).toContain('"y' + 'y'.repeat(19_999) + '"');
    }
  });

  it('leave to the action way what it cannot express: plain nested XML, content after the instance', () => {
    const values: Value[] = NAMES.map(() => ({ type: T.string, bytes: str('v') }));
    const plain: Rec[] = [];
    for (let i = 0; i < 6; i++)
      plain.push({ eventId: 4624, names: NAMES, values, nested: true, trailing: [0x01, 0, 0, 0, 0, 0] });
    // The trailing bytes are an element start: the action way reads (and rejects) them itself.
    const { programLines } = threeWays(chunksOf(plain));
    expect(programLines).toBe(0);
    const c = new ChunkWriter();
    for (let id = 1; id <= 4; id++) {
      c.record(id, enc.filetime(TIME), (w) => {
        w.fragment().template('outer', nestedTemplate, [
          ...systemValues(4624, TIME, id, 'WS'),
          {
            type: T.binxml,
            nested: (x) =>
              x.fragment().open('EventData').closeStart().data('TargetUserName', 'plain').end().eof(),
          },
        ]);
        w.eof();
      });
    }
    const r = threeWays([c.finish()]);
    expect(r.programLines).toBe(0);
    expect(r.out).toContain('"targetUser":"plain"');
  });

  it('give the same results on damaged records: values and instances outside the chunk', () => {
    const good = chunksOf(rotated(TYPED.slice(0, 6), 4624, true, 2))[0]!;
    const rnd = seededRandom(0x11ae);
    let programLines = 0;
    for (let round = 0; round < 300; round++) {
      const chunk = good.slice();
      for (let k = 0; k < 1 + Math.floor(rnd() * 6); k++) {
        const at = 512 + Math.floor(rnd() * 6000);
        chunk[at] = rnd() < 0.5 ? 0xff : Math.floor(rnd() * 256);
      }
      programLines += threeWays([chunk]).programLines;
    }
    expect(programLines).toBeGreaterThan(0);
  });

  it('leave values and instances pointing outside the chunk to the action way, which rejects them', () => {
    const u32 = (b: Uint8Array, p: number): number => new DataView(b.buffer, b.byteOffset).getUint32(p, true);
    /** Offset of the value count of the template instance at p (token 0x0c), past any inline definition. */
    const countAt = (b: Uint8Array, p: number): number => {
      const q = p + 10;
      return u32(b, p + 6) === q ? q + 24 + u32(b, q + 20) : q;
    };
    const values: Value[] = NAMES.map((_, i) => ({ type: T.string, bytes: str('value' + i) }));
    const records: Rec[] = [];
    for (let i = 0; i < 8; i++) records.push({ eventId: 4624, names: NAMES, values, nested: true });
    const good = chunksOf(records)[0]!;
    const damaged: Uint8Array[] = [];
    // Each record in turn: its last value's size, its count of values, its nested instance's count.
    for (let r = 0, p = 512; r < 8; r++, p += u32(good, p + 4)) {
      const outer = countAt(good, p + 28);
      const count = u32(good, outer);
      const nestedOff =
        outer +
        4 +
        4 * count +
        [...Array(4).keys()].reduce(
          (n, k) => n + good[outer + 4 + 4 * k]! + 256 * good[outer + 5 + 4 * k]!,
          0,
        );
      const chunk = good.slice();
      if (r % 3 === 0) chunk.set([0xff, 0xff], outer + 4 + 4 * (count - 1));
      else if (r % 3 === 1) chunk.set([0xff, 0xff, 0xff, 0x0f], outer);
      else chunk.set([0xff, 0xff, 0xff, 0x0f], countAt(chunk, nestedOff + 4));
      damaged.push(chunk);
    }
    for (const chunk of damaged) {
      const r = threeWays([chunk]);
      expect(r.programLines).toBe(7);
      const result = parseChunk(chunk, { index: 0, fileOffset: 4096 }, NO_FILTER);
      expect(result.warnings.map((w) => w.code)).toContain('record-unreadable');
    }
  });

  it('apply filters as the action way does: event IDs and times', () => {
    const values: Value[] = NAMES.map((_, i) => ({ type: T.string, bytes: str('u' + i) }));
    const records: Rec[] = [];
    for (let i = 0; i < 40; i++)
      records.push({ eventId: [4624, 4625, 4728][i % 3]!, names: NAMES, values, nested: i % 2 === 1 });
    const chunks = chunksOf(records);
    const byId = threeWays(chunks, { eventIds: new Set([4625, 4728]), from: null, to: null });
    expect(byId.out.trimEnd().split('\n')).toHaveLength(26);
    expect(byId.programLines).toBeGreaterThan(20);
    // Record i's time is TIME + i ticks in its header, TIME in its TimeCreated: all or none pass.
    expect(threeWays(chunks, { eventIds: null, from: '2024-03-01T10:20:30.123', to: null }).out).not.toBe('');
    expect(threeWays(chunks, { eventIds: null, from: null, to: '2024-03-01T10:20:30.123' }).out).toBe('');
  });

  it('keep the work and text bounds: a template reading one slot hundreds of times', () => {
    // 500 Data elements on one slot: 25,600 bytes of a value rendered as null exceed the work
    // budget, a string of 2,000 characters the text bound.
    const big: Value[] = [
      { type: 0x1f, bytes: new Uint8Array(25_600) },
      { type: T.string, bytes: str('z'.repeat(2_000)) },
      { type: T.string, bytes: str('z'.repeat(50)) },
    ];
    const chunks = big.map((value, i) => {
      const c = new ChunkWriter();
      c.record(i + 1, enc.filetime(TIME), (w) => {
        w.fragment().template(
          'bomb',
          (d) => {
            d.fragment().open('Event').closeStart();
            systemTemplate(d);
            d.open('EventData').closeStart();
            for (let k = 0; k < 500; k++)
              d.open('Data', true).attr('Name').text('TargetUserName').closeStart().sub(4, T.string).end();
            d.end().end().eof();
          },
          [...systemValues(4624, TIME, i + 1, 'WS'), value],
        );
        w.eof();
      });
      return c.finish();
    });
    const warnings = chunks.map((chunk) =>
      parseChunk(chunk, { index: 0, fileOffset: 4096 }, NO_FILTER).warnings.map((w) => w.message),
    );
    expect(warnings[0]![0]).toMatch(/too much work/);
    expect(warnings[1]![0]).toMatch(/far more text/);
    expect(warnings[2]).toEqual([]);
    const { programLines } = threeWays(chunks);
    expect(programLines).toBe(1);
  });
});

describe('the line program cache', () => {
  it('stays bounded when a file floods it with signatures, and writes the same lines', () => {
    const rnd = seededRandom(7);
    const records: Rec[] = [];
    // 80 templates (other names) × up to 64 signatures each: more programs than are kept.
    for (let t = 0; t < 80; t++) {
      // An unmapped name makes each template another one (it adds no action).
      const names = NAMES.concat(['Extra' + t]);
      for (let k = 0; k < 64; k++) {
        const values: Value[] = names.map((_, i) =>
          (k >> i) & 1 || rnd() < 0.1
            ? { type: T.string, bytes: new Uint8Array(0) }
            : { type: T.string, bytes: str('v') },
        );
        records.push({ eventId: 4624, names, values, nested: t % 8 === 0 });
      }
    }
    const clears = lineProgramStats.clears;
    const { programLines } = threeWays(chunksOf(records));
    expect(programLines).toBeGreaterThan(records.length / 2);
    expect(lineProgramStats.live).toBeLessThanOrEqual(4096);
    expect(lineProgramStats.clears).toBeGreaterThan(clears);
  });

  it('leaves a template to the action way past its signature bound', () => {
    const names = NAMES.slice(0, 11);
    const records: Rec[] = [];
    // 1,300 signatures of one template (11 values, empty or not): more than the 1,024 kept.
    for (let k = 0; k < 1300; k++) {
      const values: Value[] = names.map((_, i) =>
        (k >> i) & 1
          ? { type: T.string, bytes: new Uint8Array(0) }
          : { type: T.uint32, bytes: enc.int(k, 4) },
      );
      records.push({ eventId: 4624, names, values });
    }
    const { programLines } = threeWays(chunksOf(records));
    expect(programLines).toBeGreaterThan(1000);
    expect(programLines).toBeLessThan(records.length);
  });
});
