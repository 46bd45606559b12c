// Records written as plain binary XML without templates (element-start and value tokens, as in
// test/fixtures/logs/evtx-modern): a hand-built record holding a literal value of every type the
// value token can carry, and hostile records whose literal lengths and offsets point outside the
// fragment or the chunk. Element starts outside a template definition carry no dependency id.
import { describe, expect, it } from 'vitest';
import {
  ChunkWriter,
  T,
  enc,
  evtxFile,
  literalSystem,
  type BinXmlWriter,
} from '../../../../test/fixtures/evtx/evtx-writer.js';
import { readEvtx } from './index.js';

const TIME = '2024-03-01T10:20:30.123Z';

/** <Data Name="name"> holding one literal value token of `type`. */
function typed(w: BinXmlWriter, name: string, type: number, bytes: Uint8Array): void {
  w.open('Data', true).attr('Name').text(name).closeStart().value(type, bytes).end();
}

/** A good record after the one under test: reading goes on past a bad one. */
function goodRecord(c: ChunkWriter, id: number): void {
  c.record(id, enc.filetime(TIME), (w) => {
    w.fragment().open('Event').closeStart();
    literalSystem(w, { eventId: 4624, time: TIME, recordId: id, computer: 'X' });
    w.end().eof();
  });
}

describe('literal values of every type (records without templates)', () => {
  it('reads System values given as typed literals and renders every value type as Windows does', () => {
    const c = new ChunkWriter();
    c.record(5, enc.filetime('2000-01-01T00:00:00Z'), (w) => {
      w.fragment().open('Event').closeStart();
      w.open('System').closeStart();
      w.open('Provider', true).attr('Name').text('Microsoft-Windows-Security-Auditing').closeEmpty();
      w.open('EventID').closeStart().value(T.uint16, enc.int(4625, 2)).end();
      w.open('TimeCreated', true)
        .attr('SystemTime')
        .value(T.filetime, enc.filetime('2024-03-01T10:20:30Z', 1234567))
        .closeEmpty();
      w.open('EventRecordID').closeStart().value(T.uint64, enc.int(9007199254740991n, 8)).end();
      w.leaf('Channel', 'Security');
      w.open('Computer').closeStart().value(T.string, enc.str('DC01')).end();
      w.end();
      w.open('EventData').closeStart();
      typed(w, 'TargetUserName', T.string, enc.str('alice'));
      typed(w, 'TargetDomainName', T.int8, enc.int(-5 & 0xff, 1));
      typed(w, 'SubjectUserName', T.uint8, enc.int(200, 1));
      typed(w, 'SubjectDomainName', T.int16, enc.int(-300 & 0xffff, 2));
      typed(w, 'LogonType', T.uint16, enc.int(3, 2));
      typed(w, 'IpAddress', T.int32, enc.int(-70000 >>> 0, 4));
      typed(w, 'IpPort', T.uint32, enc.int(4294967295, 4));
      typed(w, 'WorkstationName', T.int64, enc.int(-1n & 0xffffffffffffffffn, 8));
      typed(w, 'Status', T.uint64, enc.int(18446744073709551615n, 8));
      typed(w, 'SubStatus', T.float, enc.f32(1.5));
      typed(w, 'FailureReason', T.double, enc.f64(-0.25));
      typed(w, 'AuthenticationPackageName', T.bool, enc.int(1, 4));
      typed(w, 'LmPackageName', T.guid, enc.guid('{0CCE9210-69AE-11D9-BED3-505054503030}'));
      typed(w, 'LogonProcessName', T.filetime, enc.filetime('2015-08-23T10:29:50Z', 1));
      typed(w, 'ProcessName', T.systemtime, enc.systemtime(2021, 12, 3, 4, 5, 6, 7));
      typed(w, 'TargetUserSid', T.sid, enc.sid('S-1-5-21-1-2-3-500'));
      typed(w, 'ServiceName', T.hex32, enc.int(0x3e7, 4));
      typed(w, 'TicketEncryptionType', T.hex64, enc.int(0x1234567890n, 8));
      typed(w, 'TargetServerName', T.null, new Uint8Array(0));
      w.end();
      w.end().eof();
    });
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.warnings).toEqual([]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({
      eventId: 4625,
      recordId: 9007199254740991,
      time: '2024-03-01T10:20:30.1234567Z',
      computer: 'DC01',
      channel: 'Security',
      targetUser: 'alice',
      targetDomain: '-5',
      subjectUser: '200',
      subjectDomain: '-300',
      logonType: '3',
      ipAddress: '-70000',
      ipPort: '4294967295',
      workstation: '-1',
      status: '18446744073709551615',
      subStatus: '1.5',
      failureReason: '-0.25',
      authPackage: 'true',
      lmPackage: '{0CCE9210-69AE-11D9-BED3-505054503030}',
      logonProcess: '2015-08-23T10:29:50.0000001Z',
      processName: '2021-12-03T04:05:06.007Z',
      targetSid: 'S-1-5-21-1-2-3-500',
      serviceName: '0x3e7',
      ticketEncryption: '0x1234567890',
      targetServerName: null,
    });
  });

  it('reads nested binary XML given as a literal value, in the context of its element', () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => {
      w.fragment().open('Event').closeStart();
      literalSystem(w, { eventId: 4624, time: TIME, recordId: 1, computer: 'X' });
      w.open('EventData')
        .closeStart()
        .nestedValue((n) => {
          n.fragment();
          n.data('TargetUserName', 'bob');
          n.data('IpAddress', '10.1.2.3');
          n.eof();
        })
        .end();
      w.end().eof();
    });
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.warnings).toEqual([]);
    expect(r.events[0]).toMatchObject({ eventId: 4624, targetUser: 'bob', ipAddress: '10.1.2.3' });
  });

  it('normalizes a time written as text with 9 fractional digits, like the text readers', () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => {
      w.fragment().open('Event').closeStart();
      literalSystem(w, { eventId: 4624, time: '2022-01-26T09:16:04.345650700Z', recordId: 1, computer: 'X' });
      w.end().eof();
    });
    expect(readEvtx(evtxFile([c.finish()])).events[0]!.time).toBe('2022-01-26T09:16:04.3456507Z');
  });

  it('a time text that is no time leaves the record header time', () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime('2020-01-02T03:04:05Z'), (w) => {
      w.fragment().open('Event').closeStart();
      literalSystem(w, { eventId: 4624, time: '<script>', recordId: 1, computer: 'X' });
      w.end().eof();
    });
    expect(readEvtx(evtxFile([c.finish()])).events[0]!.time).toBe('2020-01-02T03:04:05.0000000Z');
  });
});

describe('hostile literal values', () => {
  /** One record with `body` after the Event/System start, then a good record 2. */
  function withBadRecord(body: (w: BinXmlWriter) => void): ReturnType<typeof readEvtx> {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => {
      w.fragment().open('Event').closeStart();
      literalSystem(w, { eventId: 4624, time: TIME, recordId: 1, computer: 'X' });
      w.open('EventData').closeStart().open('Data', true).attr('Name').text('TargetUserName').closeStart();
      body(w);
      w.end().end().end().eof();
    });
    goodRecord(c, 2);
    return readEvtx(evtxFile([c.finish()]));
  }

  function expectSkipped(r: ReturnType<typeof readEvtx>, reason: RegExp): void {
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.stats.skipped['corrupt-record']).toBe(1);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({
      code: 'record-unreadable',
      chunk: 0,
      record: 1,
      offset: 4096 + 512,
    });
    expect(r.warnings[0]!.message).toMatch(reason);
  }

  it('a string claiming 65,535 characters (past its record and the chunk)', () => {
    expectSkipped(
      withBadRecord((w) => w.u8(0x05).u8(T.string).u16(0xffff)),
      /runs past its fragment/,
    );
  });

  it('nested binary XML claiming more bytes than its record holds', () => {
    expectSkipped(
      withBadRecord((w) => w.u8(0x05).u8(T.binxml).u16(0xfff0).raw([0x0f, 1, 1, 0])),
      /runs past its fragment/,
    );
  });

  it('a SID claiming 255 sub-authorities', () => {
    expectSkipped(
      withBadRecord((w) => w.u8(0x05).u8(T.sid).raw([1, 255, 0, 0, 0, 0, 0, 5])),
      /runs past its fragment/,
    );
  });

  it('a fixed-size value cut by the end of the record', () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => {
      w.fragment().open('Event').closeStart();
      w.open('EventID').closeStart().u8(0x05).u8(T.guid).raw([1, 2, 3]);
    });
    goodRecord(c, 2);
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.warnings[0]).toMatchObject({ code: 'record-unreadable', record: 1 });
  });

  it('types a value token cannot size (ANSI, binary, size_t, arrays) and unknown types', () => {
    for (const type of [T.ansi, T.binary, T.sizeT, T.string | T.array, 0x7f]) {
      expectSkipped(
        withBadRecord((w) => w.u8(0x05).u8(type).raw([0x41, 0, 0, 0])),
        /has no size/,
      );
    }
  });

  it('an element name offset outside the chunk', () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => {
      w.fragment().open('Event').closeStart();
      w.u8(0x01).u32(0).u32(0xfffffff0).closeStart().end().end().eof();
    });
    goodRecord(c, 2);
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.warnings[0]).toMatchObject({ code: 'record-unreadable', record: 1 });
  });

  it('nested binary XML in a literal value that nests itself is bounded', () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => {
      w.fragment().open('Event').closeStart();
      literalSystem(w, { eventId: 4624, time: TIME, recordId: 1, computer: 'X' });
      const nest = (n: BinXmlWriter, depth: number): void => {
        n.fragment();
        if (depth > 0) n.nestedValue((m) => nest(m, depth - 1));
        n.eof();
      };
      w.open('EventData')
        .closeStart()
        .nestedValue((n) => nest(n, 40))
        .end();
      w.end().eof();
    });
    goodRecord(c, 2);
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.warnings[0]!.message).toMatch(/nested too deeply/);
  });
});
