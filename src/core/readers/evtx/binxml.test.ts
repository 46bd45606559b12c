// Hand-made EVTX files (test/fixtures/evtx/evtx-writer.ts) for the shapes the sample logs lack:
// records without templates, nested binary XML, UserData, arrays, dynamic names, damage.
import { describe, expect, it } from 'vitest';
import {
  ChunkWriter,
  T,
  enc,
  evtxFile,
  literalSystem,
  systemTemplate,
  systemValues,
  type BinXmlWriter,
  type Value,
} from '../../../../test/fixtures/evtx/evtx-writer.js';
import { readEvtx } from './index.js';

const TIME = '2024-03-01T10:20:30.123Z';

/** A 4624-like template: System (slots 0-3) + EventData with Data elements on slots 4.. */
function logonTemplate(names: string[]): (w: BinXmlWriter) => void {
  return (w) => {
    w.fragment()
      .open('Event', true)
      .attr('xmlns')
      .text('http://schemas.microsoft.com/win/2004/08/events/event')
      .closeStart();
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

describe('records written as binary XML without templates (literal values)', () => {
  it('reads System and EventData from literal value tokens', () => {
    const c = new ChunkWriter();
    c.record(7, enc.filetime(TIME), (w) => {
      w.fragment().open('Event').closeStart();
      literalSystem(w, {
        eventId: 4625,
        time: '2024-03-01T10:20:30.1234567Z',
        recordId: 7,
        computer: 'DC01.corp.local',
      });
      w.open('EventData').closeStart();
      w.data('TargetUserName', 'alice');
      w.data('TargetDomainName', 'CORP');
      w.data('LogonType', '3');
      w.data('IpAddress', '10.0.0.5');
      w.data('Status', '0xc000006d');
      w.data('Unmapped', 'ignored');
      w.open('Data', true)
        .attr('Name')
        .text('WorkstationName')
        .closeStart()
        .text('WS')
        .charRef(0x41)
        .entityRef('amp')
        .cdata('B')
        .end();
      w.end().end().eof();
    });
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.warnings).toEqual([]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({
      eventId: 4625,
      recordId: 7,
      time: '2024-03-01T10:20:30.1234567Z',
      channel: 'Security',
      provider: 'Microsoft-Windows-Security-Auditing',
      computer: 'DC01.corp.local',
      targetUser: 'alice',
      targetDomain: 'CORP',
      logonType: '3',
      ipAddress: '10.0.0.5',
      status: '0xc000006d',
      workstation: 'WSA&B',
    });
  });

  it('falls back to the record header for time and record id when the XML lacks them', () => {
    const c = new ChunkWriter();
    c.record(99, enc.filetime('2020-01-02T03:04:05Z', 1), (w) => {
      w.fragment()
        .open('Event')
        .closeStart()
        .open('System')
        .closeStart()
        .leaf('EventID', '4624')
        .end()
        .end()
        .eof();
    });
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.events[0]).toMatchObject({ eventId: 4624, recordId: 99, time: '2020-01-02T03:04:05.0000001Z' });
  });
});

describe('templates', () => {
  it('compiles a template once and reads every instance, second use by reference', () => {
    const names = [
      'SubjectUserSid',
      'TargetUserName',
      'TargetDomainName',
      'LogonType',
      'IpAddress',
      'IpPort',
      'SubjectLogonId',
    ];
    const c = new ChunkWriter();
    for (let i = 0; i < 3; i++) {
      c.record(100 + i, enc.filetime(TIME), (w) => {
        w.fragment().template('logon', logonTemplate(names), [
          ...systemValues(4624, TIME, 100 + i, 'WS1'),
          { type: T.sid, bytes: enc.sid('S-1-5-21-1004336348-1177238915-682003330-512') },
          { type: T.string, bytes: enc.str(`user${i}`) },
          { type: T.string, bytes: enc.str('CORP') },
          { type: T.uint32, bytes: enc.int(10, 4) },
          { type: T.string, bytes: enc.str('::ffff:10.1.2.3') },
          { type: T.string, bytes: enc.str('0') },
          { type: T.hex64, bytes: enc.int(0x3e7, 8) },
        ]);
        w.eof();
      });
    }
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.warnings).toEqual([]);
    expect(r.events.map((e) => e.targetUser)).toEqual(['user0', 'user1', 'user2']);
    expect(r.events[2]).toMatchObject({
      eventId: 4624,
      recordId: 102,
      time: '2024-03-01T10:20:30.1230000Z',
      provider: 'Microsoft-Windows-Security-Auditing',
      channel: 'Security',
      computer: 'WS1',
      subjectSid: 'S-1-5-21-1004336348-1177238915-682003330-512',
      logonType: '10',
      ipAddress: '::ffff:10.1.2.3',
      ipPort: '0',
    });
  });

  it('reads EventData held as a nested binary XML value (0x21) with its own template', () => {
    const inner = (w: BinXmlWriter): void => {
      w.fragment().template(
        'data',
        (d) => {
          d.fragment();
          d.open('Data', true).attr('Name').text('TargetUserName').closeStart().sub(0, T.string).end();
          d.open('Data', true).attr('Name').text('Status').closeStart().sub(1, T.hex32).end();
          d.eof();
        },
        [
          { type: T.string, bytes: enc.str('bob') },
          { type: T.hex32, bytes: enc.int(0xc0000234, 4) },
        ],
      );
      w.eof();
    };
    const c = new ChunkWriter();
    c.record(5, enc.filetime(TIME), (w) => {
      w.fragment().template(
        'outer',
        (d) => {
          d.fragment().open('Event').closeStart();
          systemTemplate(d);
          d.open('EventData').closeStart().sub(4, T.binxml).end().end().eof();
        },
        [...systemValues(4771, TIME, 5, 'DC'), { type: T.binxml, nested: inner }],
      );
      w.eof();
    });
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.warnings).toEqual([]);
    expect(r.events[0]).toMatchObject({ eventId: 4771, targetUser: 'bob', status: '0xc0000234' });
  });

  it("reads 1102's UserData/LogFileCleared subject fields", () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => {
      w.fragment().template(
        '1102',
        (d) => {
          d.fragment().open('Event').closeStart();
          systemTemplate(d);
          d.open('UserData')
            .closeStart()
            .open('LogFileCleared', true)
            .attr('xmlns')
            .text('http://manifests.microsoft.com/win/2004/08/windows/eventlog')
            .closeStart();
          d.open('SubjectUserSid').closeStart().sub(4, T.sid).end();
          d.open('SubjectUserName').closeStart().sub(5, T.string).end();
          d.open('SubjectDomainName').closeStart().sub(6, T.string).end();
          d.open('SubjectLogonId').closeStart().sub(7, T.hex64).end();
          d.end().end().end().eof();
        },
        [
          ...systemValues(1102, TIME, 1, 'DC'),
          { type: T.sid, bytes: enc.sid('S-1-5-21-1-2-3-500') },
          { type: T.string, bytes: enc.str('Administrator') },
          { type: T.string, bytes: enc.str('CORP') },
          { type: T.hex64, bytes: enc.int(0x1d4a2, 8) },
        ],
      );
      w.eof();
    });
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.events[0]).toMatchObject({
      eventId: 1102,
      subjectSid: 'S-1-5-21-1-2-3-500',
      subjectUser: 'Administrator',
      subjectDomain: 'CORP',
    });
  });

  it('reads arrays, Data names given by substitution, and group names of group events', () => {
    const c = new ChunkWriter();
    const values: Value[] = [
      ...systemValues(4732, TIME, 3, 'DC'),
      { type: T.string, bytes: enc.str('MemberName') },
      { type: T.array | T.string, bytes: enc.concat(enc.str('CN=a'), enc.str('CN=b')) },
      { type: T.string, bytes: enc.str('Administrators') },
      { type: T.array | T.uint16, bytes: enc.concat(enc.int(1, 2), enc.int(2, 2)) },
    ];
    c.record(3, enc.filetime(TIME), (w) => {
      w.fragment().template(
        'group',
        (d) => {
          d.fragment().open('Event').closeStart();
          systemTemplate(d);
          d.open('EventData').closeStart();
          d.open('Data', true)
            .attr('Name')
            .sub(4, T.string)
            .closeStart()
            .sub(5, T.array | T.string)
            .end();
          d.open('Data', true).attr('Name').text('TargetUserName').closeStart().sub(6, T.string).end();
          d.open('Data', true)
            .attr('Name')
            .text('Properties')
            .closeStart()
            .sub(7, T.array | T.uint16)
            .end();
          d.end().end().eof();
        },
        values,
      );
      w.eof();
    });
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.warnings).toEqual([]);
    expect(r.events[0]).toMatchObject({
      memberName: 'CN=a, CN=b',
      groupName: 'Administrators',
      targetUser: 'Administrators',
      properties: '1, 2',
    });
  });
});

describe('damage', () => {
  function twoRecords(): Uint8Array {
    const c = new ChunkWriter();
    for (const id of [1, 2, 3]) {
      c.record(id, enc.filetime(TIME), (w) => {
        w.fragment().template('logon', logonTemplate(['TargetUserName']), [
          ...systemValues(4624, TIME, id, 'WS'),
          { type: T.string, bytes: enc.str('u' + id) },
        ]);
        w.eof();
      });
    }
    return evtxFile([c.finish()]);
  }

  it('reports CRC mismatches and keeps reading', () => {
    const f = twoRecords();
    f[4096 + 60] = 0x5a; // chunk header (inside the CRC'd part, zero in a fresh chunk)
    f[60] = 0x5a; // file header (unused bytes, also zero)
    const r = readEvtx(f);
    expect(r.events).toHaveLength(3);
    expect(r.warningCounts['chunk-header-crc']).toBe(1);
    expect(r.warningCounts['header-crc']).toBe(1);
    const g = twoRecords();
    const last = g.lastIndexOf(0x75); // 'u' of the last TargetUserName value
    g[last] = 0x76;
    const r2 = readEvtx(g);
    expect(r2.warningCounts['chunk-crc']).toBe(1);
    expect(r2.events[2]!.targetUser).toBe('v3');
    expect(r2.warnings[0]).toMatchObject({ chunk: 0, offset: 4096 + 512 });
  });

  it('skips a record with a broken header and finds the next one', () => {
    const f = twoRecords();
    const p = 4096 + 512;
    const size = new DataView(f.buffer).getUint32(p + 4, true);
    f[p + size + 4] = 0xff; // second record's size
    const r = readEvtx(f);
    expect(r.events.map((e) => e.recordId)).toEqual([1, 3]);
    expect(r.warnings.find((w) => w.code === 'record-corrupt')).toMatchObject({ chunk: 0, offset: p + size });
  });

  it('reports an unreadable record with chunk, offset and record id, and goes on', () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => w.fragment().raw([0x1f, 0x1f]).eof());
    c.record(2, enc.filetime(TIME), (w) => {
      w.fragment().open('Event').closeStart();
      literalSystem(w, { eventId: 4624, time: TIME, recordId: 2, computer: 'X' });
      w.end().eof();
    });
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.stats.skipped['corrupt-record']).toBe(1);
    expect(r.warnings[0]).toMatchObject({
      code: 'record-unreadable',
      chunk: 0,
      offset: 4096 + 512,
      record: 1,
    });
  });

  it('bounds element nesting depth', () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => {
      w.fragment();
      for (let i = 0; i < 500; i++) w.open('E').closeStart();
      w.eof();
    });
    const r = readEvtx(evtxFile([c.finish()]));
    expect(r.events).toEqual([]);
    expect(r.warnings[0]!.message).toMatch(/nested too deeply/);
  });

  it('warns about a 64 KiB block that is not a chunk, and still reads the chunks after it', () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => {
      w.fragment().open('Event').closeStart();
      literalSystem(w, { eventId: 4624, time: TIME, recordId: 1, computer: 'X' });
      w.end().eof();
    });
    const junk = new Uint8Array(65536).fill(0x41);
    const empty = new Uint8Array(65536);
    const r = readEvtx(evtxFile([junk, empty, c.finish()], { headerChunkCount: 1 }));
    expect(r.events).toHaveLength(1);
    expect(r.warningCounts['chunk-signature']).toBe(1);
    expect(r.warnings.find((w) => w.code === 'chunk-signature')).toMatchObject({ chunk: 0, offset: 4096 });
  });
});

describe('order', () => {
  it('orders the chunks of a wrapped (circular) log by record id, not by position', () => {
    const chunk = (ids: number[]): Uint8Array => {
      const c = new ChunkWriter();
      for (const id of ids) {
        c.record(id, enc.filetime(TIME), (w) => {
          w.fragment().open('Event').closeStart();
          literalSystem(w, { eventId: 4624, time: TIME, recordId: id, computer: 'X' });
          w.end().eof();
        });
      }
      return c.finish();
    };
    const r = readEvtx(evtxFile([chunk([10, 11]), chunk([1, 2])]));
    expect(r.events.map((e) => e.recordId)).toEqual([1, 2, 10, 11]);
    expect(r.warnings).toEqual([]);
  });
});
