import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../types.js';
import { createJsonStreamReader, inferLocalOffset, readJson } from './index.js';

const ecs = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@timestamp': '2024-01-02T03:04:05.1234567Z',
  winlog: {
    event_id: '4624',
    record_id: 12,
    channel: 'Security',
    computer_name: 'DC01.corp',
    provider_name: 'Microsoft-Windows-Security-Auditing',
    event_data: { TargetUserName: 'alice', LogonType: '3', IpAddress: '10.0.0.5' },
  },
  host: { name: 'shipper' },
  ...over,
});
const nd = (...docs: unknown[]): string => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

describe('readJson', () => {
  it('maps an ECS document (computer from winlog.computer_name, not host.name)', () => {
    const r = readJson(nd(ecs()));
    expect(r.format).toBe('json');
    expect(r.events[0]).toMatchObject({
      time: '2024-01-02T03:04:05.1234567Z',
      recordId: 12,
      eventId: 4624,
      channel: 'Security',
      computer: 'DC01.corp',
      targetUser: 'alice',
      logonType: '3',
      ipAddress: '10.0.0.5',
    });
  });

  it('reads the fields of the issue-15 detections (SPNs, renames, 5136 attributes, 4648 TargetInfo)', () => {
    const doc = (id: string, data: Record<string, string>) =>
      ecs({
        winlog: { event_id: id, record_id: 1, channel: 'Security', computer_name: 'DC01', event_data: data },
      });
    const r = readJson(
      nd(
        doc('4742', { TargetUserName: 'WS7$', ServicePrincipalNames: 'GC/ws7/corp', PasswordLastSet: '-' }),
        doc('4781', { OldTargetUserName: 'pc1$', NewTargetUserName: 'dc01' }),
        doc('5136', {
          ObjectDN: 'DC=corp,DC=example',
          AttributeLDAPDisplayName: 'nTSecurityDescriptor',
          AttributeValue: 'D:(A;;GA;;;BA)',
          OperationType: '%%14674',
        }),
        doc('4648', { TargetServerName: 'fs1', TargetInfo: 'cifs/fs1' }),
      ),
    );
    expect(r.events.map((e) => [e.servicePrincipalNames, e.passwordLastSet])[0]).toEqual([
      'GC/ws7/corp',
      '-',
    ]);
    expect(r.events[1]).toMatchObject({ oldTargetUser: 'pc1$', newTargetUser: 'dc01' });
    expect(r.events[2]).toMatchObject({
      objectDn: 'DC=corp,DC=example',
      attributeName: 'nTSecurityDescriptor',
      attributeValue: 'D:(A;;GA;;;BA)',
      operationType: '%%14674',
    });
    expect(r.events[3]).toMatchObject({ targetServerName: 'fs1', targetInfo: 'cifs/fs1' });
  });

  it('takes moved Security-module fields only where event_data lacks them', () => {
    const doc = ecs({
      source: { ip: '10.9.9.9', port: 4444, domain: 'WSX' },
      user: { name: 'moved', domain: 'D', id: 'S-1-5-21-7' },
      winlog: {
        event_id: 4625,
        record_id: '99',
        computer_name: 'DC01',
        event_data: { IpAddress: '10.0.0.5' },
        logon: { type: 'Network', failure: { status: '0xc000006d', sub_status: '0xc0000064' } },
      },
    });
    expect(readJson(nd(doc)).events[0]).toMatchObject({
      eventId: 4625,
      recordId: 99,
      ipAddress: '10.0.0.5', // event_data wins
      ipPort: '4444',
      workstation: 'WSX',
      targetUser: 'moved',
      targetDomain: 'D',
      targetSid: 'S-1-5-21-7',
      logonType: '3',
      status: '0xc000006d',
      subStatus: '0xc0000064',
    });
  });

  it('treats user.* as the actor for account management', () => {
    const doc = ecs({
      user: { name: 'admin', domain: 'CORP', target: { name: 'newbie', domain: 'CORP' } },
      winlog: { event_id: '4720', computer_name: 'DC01', event_data: {} },
    });
    expect(readJson(nd(doc)).events[0]).toMatchObject({ subjectUser: 'admin', targetUser: 'newbie' });
  });

  it('reads Winlogbeat 6, NXLog and flat documents in one input, deciding per document', () => {
    const text = nd(
      {
        '@timestamp': '2019-05-18T20:42:59.050Z',
        event_id: 4624,
        computer_name: 'HR001',
        log_name: 'Security',
        record_number: '288246',
        event_data: { TargetUserName: 'bob' },
      },
      {
        EventID: 4625,
        Hostname: 'WS5',
        EventTime: '2020-08-05 02:09:26',
        EventReceivedTime: '2020-08-05 02:09:29',
        '@timestamp': '2020-08-05T06:09:29.626Z',
        RecordNumber: 7,
        TargetUserName: 'carol',
      },
      { EventID: 4776, Hostname: 'pc', TimeCreated: '2022-08-18T06:55:57.789Z', Workstation: 'PC1' },
    );
    const r = readJson(text);
    expect(r.events.map((e) => [e.eventId, e.time, e.recordId, e.computer])).toEqual([
      [4624, '2019-05-18T20:42:59.050Z', 288246, 'HR001'],
      [4625, '2020-08-05T06:09:26Z', 7, 'WS5'],
      [4776, '2022-08-18T06:55:57.789Z', null, 'pc'],
    ]);
    expect(r.events.map((e) => e.targetUser ?? e.workstation)).toEqual(['bob', 'carol', 'PC1']);
    expect(r.warningCounts).toEqual({ 'json-local-time': 1 });
  });

  it('reports and skips documents with wrong types or missing fields, with line numbers', () => {
    const text = nd(
      ecs(),
      ecs({ winlog: { event_id: 'abc', computer_name: 'x' } }),
      ecs({ winlog: { event_id: '4624', computer_name: { nested: true } } }),
      ecs({ '@timestamp': 12345 }),
      { winlog: { event_id: '4624' } },
      ecs({ winlog: { event_id: '4624', event_data: { TargetUserName: 'x'.repeat(70_000) } } }),
      ecs({ winlog: { event_id: '4624', event_data: 'not an object' } }),
      [1, 2],
      { hello: 'world' },
    );
    const r = readJson(text);
    expect(r.events).toHaveLength(1);
    expect(r.stats.recordsRead).toBe(9);
    expect(r.warnings.map((w) => `${w.code}@${w.line}`)).toEqual([
      'json-bad-type@2',
      'json-bad-type@3',
      'json-bad-type@4',
      'json-missing-field@5',
      'json-oversize-value@6',
      'json-bad-type@7',
      'json-bad-type@8',
      'json-unknown-shape@9',
    ]);
  });

  it('throws UnreadableInputError only when the input is not an event log', () => {
    expect(() => readJson('')).toThrow(UnreadableInputError);
    expect(() => readJson('a,b,c\n1,2,3\n')).toThrow(UnreadableInputError);
    expect(() => readJson('{"name":"package","version":"1.0.0"}')).toThrow(UnreadableInputError);
    expect(() => readJson('[]')).toThrow(UnreadableInputError);
    expect(readJson('{"hits":{"total":0,"hits":[]}}').stats.recordsRead).toBe(0);
  });

  it('streams byte chunks split anywhere', () => {
    const bytes = new TextEncoder().encode(
      '\uFEFF' + nd(ecs(), ecs({ '@timestamp': '2024-01-02T03:04:06Z' })),
    );
    for (const size of [1, 3, 50]) {
      const ids: string[] = [];
      const reader = createJsonStreamReader({ onEvent: (e) => ids.push(e.time) });
      for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
      expect(reader.end().stats.eventsReturned).toBe(2);
      expect(ids).toEqual(['2024-01-02T03:04:05.1234567Z', '2024-01-02T03:04:06Z']);
    }
  });
});

describe('inferLocalOffset', () => {
  it('rounds the received-vs-stored difference to the 15-minute grid', () => {
    expect(
      inferLocalOffset({
        EventReceivedTime: '2020-08-05 02:09:29',
        '@timestamp': '2020-08-05T06:09:29.626Z',
      }),
    ).toBe(-240);
    expect(
      inferLocalOffset({ EventReceivedTime: '2020-08-05 11:39:30', '@timestamp': '2020-08-05T06:09:29Z' }),
    ).toBe(330);
    expect(
      inferLocalOffset({ EventReceivedTime: '2020-08-05 02:30:00', '@timestamp': '2020-08-05T06:09:29Z' }),
    ).toBeNull();
    expect(inferLocalOffset({ '@timestamp': '2020-08-05T06:09:29Z' })).toBeNull();
  });
});

describe('too-deep and too-large documents are named as such', () => {
  const event = JSON.stringify({
    '@timestamp': '2023-01-01T00:00:00Z',
    winlog: { event_id: 4624, computer_name: 'A', channel: 'Security', event_data: { TargetUserName: 'u' } },
  });
  const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);

  it('warns json-too-deep for a deep NDJSON line (JSON.parse alone would accept it)', () => {
    const r = readJson(`${event}\n${deep}\n`);
    expect(r.events).toHaveLength(1);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'json-too-deep',
        message: expect.stringContaining('nested deeper than 128'),
      }),
    ]);
  });
  it('says "too deep" or "too large" when that is why a file holds no event', () => {
    expect(() => readJson(deep)).toThrow(/1 too deep \(nested deeper than 128\)/);
    expect(() => readJson(`[${deep}]`)).toThrow(/too deep/);
    const big = JSON.stringify({ winlog: { event_id: 4624, event_data: { x: 'a'.repeat(2_000_000) } } });
    expect(() => readJson(big)).toThrow(UnreadableInputError);
    expect(() => readJson(big)).toThrow(/1 too large \(longer than 1048576 characters\)/);
  });
  it('reads a document that starts with a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${event}\n`)]);
    expect(readJson(bytes).events).toHaveLength(1);
  });
});
