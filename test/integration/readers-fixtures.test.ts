// The JSON reader on hand-made Winlogbeat 7, Winlogbeat 8 (after the ingest pipeline) and Elastic
// Agent documents (test/fixtures/json/README.md), and the XML reader on the hand-made Windows
// export of the same kinds of events: both must give the same model fields.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogonEvent } from '../../src/core/events/index.js';
import { readLog } from '../../src/core/readers/index.js';
import { REPO_ROOT } from '../helpers/shared-data.js';

const read = (name: string): LogonEvent[] => {
  const r = readLog(readFileSync(path.join(REPO_ROOT, 'test/fixtures', name)));
  expect(r.warnings).toEqual([]);
  return r.events;
};
const byId = (events: LogonEvent[], id: number): LogonEvent => {
  const e = events.find((x) => x.eventId === id);
  if (e === undefined) throw new Error(`no event ${id}`);
  return e;
};

describe('Winlogbeat 7 (module in the beat)', () => {
  const events = read('json/winlogbeat7.ndjson');

  it('reads every document with its System fields', () => {
    expect(events.map((e) => [e.eventId, e.recordId, e.computer, e.channel])).toEqual([
      [4624, 50001, 'DC01.corp.example', 'Security'],
      [4625, 50002, 'DC01.corp.example', 'Security'],
      [4768, 50003, 'DC01.corp.example', 'Security'],
      [1102, 50004, 'DC01.corp.example', 'Security'],
      [4776, 50005, 'DC01.corp.example', 'Security'],
    ]);
    expect(events[0]?.time).toBe('2024-03-05T08:15:02.1234567Z');
  });

  it('prefers event_data over the ECS copies (evidence as Windows wrote it)', () => {
    expect(byId(events, 4625)).toMatchObject({
      status: '0xc000006d', // not winlog.logon.failure.status's description
      subStatus: '0xc000006a',
      ipAddress: '-',
      workstation: '<script>alert(1)</script>',
      targetUser: '=HYPERLINK("http://x")',
    });
    expect(byId(events, 4768)).toMatchObject({
      ipAddress: '::ffff:10.0.4.43',
      ticketEncryption: '0x12',
      serviceName: 'krbtgt',
    });
    expect(byId(events, 4624)).toMatchObject({ logonType: '3', logonProcess: 'NtLmSsp ', ipPort: '50512' });
  });

  it('reads 1102 from user_data and 4776 Workstation', () => {
    expect(byId(events, 1102)).toMatchObject({
      provider: 'Microsoft-Windows-Eventlog',
      subjectUser: 'Administrator',
      subjectDomain: 'CORP',
      subjectSid: 'S-1-5-21-1-2-3-500',
    });
    expect(byId(events, 4776)).toMatchObject({
      workstation: 'WS007',
      targetUser: 'carol',
      authPackage: 'MICROSOFT_AUTHENTICATION_PACKAGE_V1_0',
    });
  });
});

describe('Winlogbeat 8 before the ingest pipeline (raw)', () => {
  const events = read('json/winlogbeat8-raw.ndjson');

  it('reads the whole event_data with integer record IDs', () => {
    expect(events.map((e) => [e.eventId, e.recordId, e.time])).toEqual([
      [4624, 80001, '2024-06-01T09:00:00.1000001Z'],
      [4769, 80002, '2024-06-01T09:00:00.2000002Z'],
      [4771, 80003, '2024-06-01T09:00:01.0000000Z'],
    ]);
    expect(byId(events, 4624)).toMatchObject({
      targetUser: 'grace',
      ipAddress: 'fe80::1c2d:3e4f:5a6b:7c8d',
      logonType: '3',
      computer: 'DC04.corp.example',
    });
    expect(byId(events, 4769)).toMatchObject({
      targetUser: 'grace@CORP.EXAMPLE',
      serviceName: 'DC04$',
      ipAddress: '::ffff:10.0.7.9',
    });
    expect(byId(events, 4771)).toMatchObject({
      targetUser: 'heidi',
      targetSid: 'S-1-5-21-1-2-3-1110',
      status: '0x18',
    });
  });
});

describe('Winlogbeat 8 after the ingest pipeline', () => {
  const events = read('json/winlogbeat8-pipeline.json');

  it('takes string record IDs', () => {
    expect(events.map((e) => e.recordId)).toEqual([70001, 70002, 70003, 70004, 70005]);
  });

  it('recovers the moved fields of a logon from source.*, user.* and winlog.logon.type', () => {
    expect(byId(events, 4624)).toMatchObject({
      targetUser: 'dave',
      targetDomain: 'CORP',
      targetSid: 'S-1-5-21-1-2-3-1106', // event_data's TargetUserSid
      logonType: '10', // "RemoteInteractive"
      ipAddress: '10.0.5.17',
      ipPort: '51234',
      workstation: 'WS017',
      subjectUser: 'DC02$',
    });
    expect(byId(events, 4625)).toMatchObject({
      targetUser: 'admin',
      targetDomain: 'WORKGROUP',
      ipAddress: '203.0.113.9',
      ipPort: '0',
      workstation: 'kali',
      logonType: '3',
      status: '0xc000006d',
      subStatus: '0xc0000064',
    });
  });

  it('keeps the group of 4728 and the member DN, ignoring the DN-derived user.target', () => {
    expect(byId(events, 4728)).toMatchObject({
      groupName: 'Domain Admins',
      targetUser: 'Domain Admins',
      targetSid: 'S-1-5-21-1-2-3-512',
      memberName: 'CN=Eve Example,OU=Contractors,DC=corp,DC=example',
      memberSid: 'S-1-5-21-1-2-3-1107',
      subjectUser: 'Administrator', // user.* is the actor here
      subjectSid: 'S-1-5-21-1-2-3-500',
    });
  });

  it('reads 5141 and 4672 (user.* as the actor)', () => {
    expect(byId(events, 5141)).toMatchObject({
      objectDn: 'CN=WS042,OU=Workstations,DC=corp,DC=example',
      objectClass: 'computer',
      subjectUser: 'Administrator',
    });
    expect(byId(events, 4672)).toMatchObject({ subjectUser: 'dave', targetUser: null });
  });
});

describe('Elastic Agent search response', () => {
  const events = read('json/elastic-agent-search.json');

  it('reads hits.hits[]._source with full-precision times and integer event IDs', () => {
    expect(events.map((e) => [e.eventId, e.time])).toEqual([
      [4769, '2024-05-02T12:00:01.1234567Z'],
      [4648, '2024-05-02T12:00:02.0000000Z'],
      [4662, '2024-05-02T12:00:03.0000000Z'],
      [4719, '2024-05-02T12:00:04.0000000Z'],
    ]);
    expect(byId(events, 4769)).toMatchObject({
      targetUser: 'frank@CORP.EXAMPLE',
      ipAddress: '10.0.6.20',
      computer: 'DC03.corp.example',
    });
    expect(byId(events, 4648)).toMatchObject({
      targetServerName: 'FS01.corp.example',
      targetUser: 'svc_backup',
      subjectUser: 'frank',
    });
    expect(byId(events, 4662).properties).toContain('{1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}');
    expect(byId(events, 4719)).toMatchObject({
      categoryId: '%%8277',
      subcategoryGuid: '{0cce9215-69ae-11d9-bed3-505054503030}',
    });
  });
});

describe('hand-made Windows XML export', () => {
  const events = read('xml/windows-security.xml');

  it('maps the same kinds of events to the same fields', () => {
    expect(byId(events, 4728)).toMatchObject({
      groupName: 'Domain Admins',
      memberName: 'CN=Alice Smith,OU=Staff,DC=corp,DC=example',
      memberSid: 'S-1-5-21-1-2-3-1104',
    });
    expect(byId(events, 5141)).toMatchObject({
      objectDn: 'CN=WS042,OU=Workstations,DC=corp,DC=example',
      objectClass: 'computer',
    });
    expect(byId(events, 1102)).toMatchObject({
      subjectUser: 'Administrator',
      subjectSid: 'S-1-5-21-1-2-3-500',
    });
    expect(byId(events, 4625)).toMatchObject({
      targetUser: 'bob<script>',
      workstation: '=cmd|calc',
      ipAddress: '::ffff:10.0.4.43',
    });
    expect(byId(events, 4719)).toMatchObject({
      categoryId: '%%8277',
      subcategoryGuid: '{0cce9215-69ae-11d9-bed3-505054503030}',
    });
    expect(byId(events, 4662).properties).toBe(
      '%%7688\n\t\t{1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}\n\t{19195a5b-6da0-11d0-afd3-00c04fd930c9}\n',
    );
  });
});
