// `logonlens events` writes EVTX values as JSON straight from the record's bytes (value-refs.ts,
// putUtf16Json): strings, SIDs, numbers and times never become JavaScript strings. The judge is the
// string way (renderValue, then NdjsonFormatter's JSON.stringify): on hostile values the bytes must
// be the same, and so must the chunk's warnings, counts and skips.
import { describe, expect, it } from 'vitest';
import {
  ChunkWriter,
  packRecords,
  T,
  enc,
  evtxFile,
  systemTemplate,
  systemValues,
  type BinXmlWriter,
  type Value,
} from '../../../../test/fixtures/evtx/evtx-writer.js';
import { NdjsonFormatter, NdjsonWriter, putString, putUtf16Json } from '../../events/index.js';
import { seededRandom } from '../../testing/prng.js';
import { CHUNK_SIZE, parseChunk, readEvtx } from './index.js';
import { decodeUtf16 } from './text.js';

const TIME = '2024-03-01T10:20:30.123Z';

/** UTF-16LE bytes of code units, with no terminator (unlike enc.str). */
function units(...codes: number[]): Uint8Array {
  const b = new Uint8Array(2 * codes.length);
  codes.forEach((c, i) => {
    b[2 * i] = c & 0xff;
    b[2 * i + 1] = c >>> 8;
  });
  return b;
}
const codesOf = (s: string): number[] => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
const str = (s: string): Uint8Array => units(...codesOf(s));

/** Hostile and ordinary string values (UTF-16LE bytes, some of odd length or without terminator). */
const STRINGS: Uint8Array[] = [
  enc.str('alice'),
  str('"quoted" \\back\\slash /'),
  str('\u0000\u0001\u001f\u007f\b\f\n\r\t'),
  str('line\u2028sep\u2029para'),
  str('Ünïcødé – 日本語 ﾃｽﾄ'),
  str('emoji 😀 pair'),
  str('lone high \ud800 here'),
  str('lone low \udc00 here'),
  str('ends high \ud83d'),
  str('\ufeffBOM short'),
  str('\ufeff' + 'B'.repeat(64)), // 65 units from a byte order mark: TextDecoder drops it
  str('\ufeff' + 'B'.repeat(63)), // 64 units: the short way keeps it
  str('x'.repeat(65) + '\ud800'), // long with a lone surrogate: TextDecoder writes U+FFFD
  str('y'.repeat(30_000)),
  str('-'),
  enc.str(''), // a NUL only: empty
  new Uint8Array(0), // no bytes at all
  new Uint8Array([0x41, 0x00, 0x42]), // odd length: the last byte is not a whole unit
  new Uint8Array([0x41, 0x00, 0x00, 0x00, 0x00, 0x00]), // trailing NULs
  new Uint8Array([0x00, 0x00, 0x41, 0x00]), // a NUL inside
];

/** EventData names (all mapped to model fields) given string values in turn. */
const STRING_NAMES = [
  'TargetUserName',
  'TargetDomainName',
  'SubjectUserName',
  'SubjectDomainName',
  'IpAddress',
  'IpPort',
  'WorkstationName',
  'ProcessName',
  'LogonProcessName',
  'AuthenticationPackageName',
];

/** A template: System (slots 0-3) plus one Data element per name, on slots 4…. */
function template(names: string[], types: number[]): (w: BinXmlWriter) => void {
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
        .sub(4 + i, types[i]!, true)
        .end(),
    );
    w.end().end().eof();
  };
}

/** Chunks holding one record per value set (as many chunks as it takes). */
function chunksOf(records: { eventId: number; names: string[]; values: Value[] }[]): Uint8Array[] {
  return packRecords(records.length, (cw, i) => {
    const r = records[i]!;
    const key = r.names.join(',') + '|' + r.values.map((v) => v.type).join(',');
    cw.record(i + 1, enc.filetime(TIME, i), (w) => {
      w.fragment().template(
        key,
        template(
          r.names,
          r.values.map((v) => v.type),
        ),
        [...systemValues(r.eventId, TIME, i + 1, 'WS01'), ...r.values],
      );
      w.eof();
    });
  });
}

/** Every chunk read both ways: the sink's bytes and results against the events' formatted lines. */
function expectSameBothWays(chunks: Uint8Array[]): string {
  const formatter = new NdjsonFormatter();
  const writer = new NdjsonWriter(64);
  const filter = { eventIds: null, from: null, to: null };
  let expected = '';
  chunks.forEach((chunk, index) => {
    const info = { index, fileOffset: 4096 + index * CHUNK_SIZE };
    const withEvents = parseChunk(chunk, info, filter);
    const sunk = parseChunk(chunk, info, filter, writer);
    expected += formatter.lines(withEvents.events);
    expect({ ...sunk, events: withEvents.events }).toEqual(withEvents);
  });
  const got = new TextDecoder().decode(writer.take());
  expect(got).toBe(expected);
  return got;
}

describe('values written from the record bytes (events)', () => {
  it('hostile strings: the same bytes as the string way, and the values JSON.stringify would give', () => {
    const records = STRINGS.map((s, i) => ({
      eventId: 4624,
      names: STRING_NAMES,
      // Each record carries every string, rotated, so each field meets each value.
      values: STRING_NAMES.map((_, k) => ({ type: T.string, bytes: STRINGS[(i + k) % STRINGS.length]! })),
    }));
    const out = expectSameBothWays(chunksOf(records));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(STRINGS.length);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first.targetUser).toBe('alice');
    expect(first.targetDomain).toBe('"quoted" \\back\\slash /');
    expect(first.subjectUser).toBe('\u0000\u0001\u001f\u007f\b\f\n\r\t');
    expect(first.subjectDomain).toBe('line\u2028sep\u2029para');
    expect(first.ipAddress).toBe('Ünïcødé – 日本語 ﾃｽﾄ');
    expect(first.ipPort).toBe('emoji 😀 pair');
    expect(first.workstation).toBe('lone high \ud800 here');
    expect(lines[0]).toContain('"lone high \\ud800 here"');
    const byValue = (i: number): Record<string, unknown> => JSON.parse(lines[i]!) as Record<string, unknown>;
    expect(byValue(10).targetUser).toBe('B'.repeat(64)); // BOM dropped (TextDecoder)
    expect(byValue(11).targetUser).toBe('\ufeff' + 'B'.repeat(63));
    expect(byValue(12).targetUser).toBe('x'.repeat(65) + '\ufffd');
    expect(byValue(13).targetUser).toBe('y'.repeat(30_000));
    expect(byValue(15).targetUser).toBe('');
    expect(byValue(17).targetUser).toBe('A');
    expect(byValue(18).targetUser).toBe('A');
    expect(byValue(19).targetUser).toBe('\u0000A');
  });

  it('SIDs, numbers and hex numbers: the same bytes as the string way', () => {
    const sids = [
      'S-1-5-18',
      'S-1-0-0',
      'S-1-5-21-3623811015-3361044348-30300820-1013',
      'S-1-5-21-4294967295-0-2147483648-2147483647',
      'S-15-4294967295',
      'S-1-281474976710655-7', // an authority past 32 bits: written in hex
    ].map((s) => ({ type: T.sid, bytes: enc.sid(s) }));
    const hostileSids = [
      { type: T.sid, bytes: new Uint8Array([1, 5, 0, 0, 0, 0, 0, 5, 1, 0, 0, 0]) }, // claims 5, holds 1
      { type: T.sid, bytes: new Uint8Array([1, 0, 0, 0]) }, // shorter than a SID header
      { type: T.sid, bytes: new Uint8Array(0) },
    ];
    const numbers = [0, 9, 10, 99, 100, 65535, 2147483647, 2147483648, 4294967295].map((n) => ({
      type: T.uint32,
      bytes: enc.int(n, 4),
    }));
    const hex = [0, 1, 0xf, 0x10, 0x3e7, 0xc000006d, 0xffffffff].map((n) => ({
      type: T.hex32,
      bytes: enc.int(n, 4),
    }));
    const short = [
      { type: T.uint32, bytes: new Uint8Array([1, 2]) },
      { type: T.hex32, bytes: new Uint8Array(0) },
      { type: T.uint32, bytes: new Uint8Array(0) },
    ];
    const all = [...sids, ...hostileSids, ...numbers, ...hex, ...short];
    const names = ['TargetUserSid', 'SubjectUserSid', 'LogonType', 'Status', 'SubStatus', 'MemberSid'];
    const records = all.map((_, i) => ({
      eventId: 4625,
      names,
      values: names.map((__, k) => all[(i + k) % all.length]!),
    }));
    const out = expectSameBothWays(chunksOf(records));
    const first = JSON.parse(out.split('\n')[0]!) as Record<string, unknown>;
    expect(first.targetSid).toBe('S-1-5-18');
    expect(first.subjectSid).toBe('S-1-0-0');
    expect(first.logonType).toBe('S-1-5-21-3623811015-3361044348-30300820-1013');
    expect(out).toContain('"S-1-0xFFFFFFFFFFFF-7"');
    expect(out).toContain('"4294967295"');
    expect(out).toContain('"0xc000006d"');
    expect(out).toContain('"0xffffffff"');
  });

  it('keeps the first non-empty value of a field and a group event’s TargetUserName as its group', () => {
    const names = ['TargetUserSid', 'TargetSid', 'TargetUserName', 'WorkstationName', 'Workstation'];
    const types = [T.sid, T.sid, T.string, T.string, T.string];
    const cases: Value[][] = [
      [enc.sid('S-1-5-32-544'), enc.sid('S-1-5-18'), str('Administrators'), str(''), str('WS9')].map(
        (bytes, i) => ({ type: types[i]!, bytes }),
      ),
      [new Uint8Array(0), enc.sid('S-1-5-18'), enc.str(''), str('WS1'), str('WS2')].map((bytes, i) => ({
        type: types[i]!,
        bytes,
      })),
    ];
    const records = [4728, 4624].flatMap((eventId) => cases.map((values) => ({ eventId, names, values })));
    const lines = expectSameBothWays(chunksOf(records))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      targetSid: 'S-1-5-32-544',
      groupName: 'Administrators',
      workstation: 'WS9',
    });
    expect(lines[1]).toMatchObject({
      targetSid: 'S-1-5-18',
      targetUser: '',
      groupName: '',
      workstation: 'WS1',
    });
    expect(lines[2]).toMatchObject({ targetUser: 'Administrators', groupName: null });
  });

  it('values and times past the chunk, or of absurd sizes: the same results both ways', () => {
    const c = new ChunkWriter();
    for (let id = 1; id <= 8; id++) {
      c.record(id, enc.filetime(TIME), (w) => {
        w.fragment().template('t', template(['TargetUserName', 'TargetUserSid'], [T.string, T.sid]), [
          ...systemValues(4624, TIME, id, 'WS'),
          { type: T.string, bytes: str('user' + id) },
          { type: T.sid, bytes: enc.sid('S-1-5-21-1-2-3-' + id) },
        ]);
        w.eof();
      });
    }
    const good = c.finish();
    const rnd = seededRandom(0x5eed);
    for (let round = 0; round < 300; round++) {
      const chunk = good.slice();
      // Damage value descriptors and sizes: sizes past the chunk, odd sizes, other types.
      for (let k = 0; k < 1 + Math.floor(rnd() * 6); k++) {
        const at = 512 + Math.floor(rnd() * (c.pos - 512));
        chunk[at] = rnd() < 0.5 ? 0xff : Math.floor(rnd() * 256);
      }
      expectSameBothWays([chunk]);
    }
    // A FILETIME past what Date writes: the record is unreadable both ways.
    const far = new ChunkWriter();
    far.record(1, new Uint8Array(8).fill(0xff), (w) => {
      w.fragment().template('t', template(['TargetUserName'], [T.string]), [
        { type: T.uint16, bytes: enc.int(4624, 2) },
        { type: T.filetime, bytes: new Uint8Array(8).fill(0x7f) },
        { type: T.uint64, bytes: enc.int(1, 8) },
        { type: T.string, bytes: str('WS') },
        { type: T.string, bytes: str('u') },
      ]);
      w.eof();
    });
    expectSameBothWays([far.finish()]);
  });

  it('reads the same events from the whole file as the string way', () => {
    const records = STRINGS.map((s) => ({
      eventId: 4624,
      names: ['TargetUserName'],
      values: [{ type: T.string, bytes: s }],
    }));
    const file = evtxFile(chunksOf(records));
    expect(readEvtx(file).events).toHaveLength(STRINGS.length);
  });
});

describe('putUtf16Json', () => {
  /** The bytes putString writes for the decoded text (the string way). */
  function viaString(b: Uint8Array, off: number, n: number): number[] {
    const out = new Uint8Array(6 * n + 2);
    return [...out.subarray(0, putString(out, 0, decodeUtf16(b, off, 2 * n)))];
  }

  it('writes putString’s bytes for every text without control characters or surrogates, else hands it back', () => {
    const rnd = seededRandom(42);
    const alphabet = [
      0x41, 0x22, 0x5c, 0x2f, 0x7f, 0x80, 0x7ff, 0x800, 0x2028, 0x2029, 0xfeff, 0xffff, 0x1f, 0x0,
    ];
    for (let round = 0; round < 2000; round++) {
      const n = Math.floor(rnd() * 12);
      const codes = Array.from({ length: n }, () =>
        rnd() < 0.7 ? alphabet[Math.floor(rnd() * alphabet.length)]! : Math.floor(rnd() * 0x10000),
      );
      if (codes[codes.length - 1] === 0) codes.push(0x41); // decodeUtf16 drops trailing NULs
      const b = units(...codes);
      const out = new Uint8Array(6 * codes.length + 2);
      const end = putUtf16Json(out, 0, b, 0, codes.length);
      const plain = codes.every((c) => c >= 0x20 && (c < 0xd800 || c > 0xdfff));
      if (plain) expect([...out.subarray(0, end)]).toEqual(viaString(b, 0, codes.length));
      else expect(end).toBe(-1);
    }
  });

  it('writes a 100,000-unit value at an odd offset', () => {
    const text = 'é'.repeat(50_000) + 'a"\\'.repeat(16_666) + 'z';
    const b = new Uint8Array(1 + 2 * text.length);
    b.set(str(text), 1);
    const out = new Uint8Array(6 * text.length + 2);
    const end = putUtf16Json(out, 0, b, 1, text.length);
    expect(new TextDecoder().decode(out.subarray(0, end))).toBe(JSON.stringify(text));
  });
});
