import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../types.js';
import { createXmlStreamReader, readXml } from './index.js';

const NS = `xmlns='http://schemas.microsoft.com/win/2004/08/events/event'`;
function event(id: string, rid: string, time: string, data = ''): string {
  return (
    `<Event ${NS}><System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>${id}</EventID>` +
    `<TimeCreated SystemTime='${time}'/><EventRecordID>${rid}</EventRecordID><Channel>Security</Channel>` +
    `<Computer>DC01</Computer></System><EventData>${data}</EventData></Event>`
  );
}
const LOGON =
  `<Data Name='TargetUserName'>alice</Data><Data Name='TargetDomainName'>CORP</Data><Data Name='LogonType'>3</Data>` +
  `<Data Name='IpAddress'>10.0.0.5</Data><Data Name='LogonProcessName'>NtLmSsp </Data><Data Name='ProcessName'/>`;

describe('readXml', () => {
  it('reads the Windows export dialect', () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<Events>${event('4624', '7', '2024-01-02T03:04:05.1234567Z', LOGON)}</Events>`;
    const r = readXml(new TextEncoder().encode(xml));
    expect(r.format).toBe('xml');
    expect(r.stats).toMatchObject({ recordsRead: 1, eventsReturned: 1 });
    expect(r.events[0]).toMatchObject({
      time: '2024-01-02T03:04:05.1234567Z',
      recordId: 7,
      eventId: 4624,
      channel: 'Security',
      provider: 'Microsoft-Windows-Security-Auditing',
      computer: 'DC01',
      targetUser: 'alice',
      targetDomain: 'CORP',
      logonType: '3',
      ipAddress: '10.0.0.5',
      logonProcess: 'NtLmSsp ', // Windows' trailing space is evidence: kept
      processName: '', // an empty element is an empty value, as the EVTX reader gives it
    });
  });

  it('reads the libevtx dialect (banner line, no root)', () => {
    const xml = `evtxexport 20181227\n\n${event('4625', '1', '2016-06-29T15:24:34.346000000Z')}\n\n${event('4776', '2', '2016-06-29T15:24:35.000000000Z')}\n`;
    const r = readXml(xml);
    expect(r.events.map((e) => [e.eventId, e.recordId, e.time])).toEqual([
      [4625, 1, '2016-06-29T15:24:34.3460000Z'],
      [4776, 2, '2016-06-29T15:24:35.0000000Z'],
    ]);
  });

  it('reads python-evtx times and 1102 UserData', () => {
    const xml =
      `<?xml version="1.1" encoding="utf-8" standalone="yes" ?>\n\n<Events>\n<Event ${NS}><System>` +
      `<Provider Name="Microsoft-Windows-Eventlog"></Provider>\n<EventID Qualifiers="">1102</EventID>\n` +
      `<TimeCreated SystemTime="2022-01-24 17:03:24.224937"></TimeCreated>\n<EventRecordID>5</EventRecordID>\n` +
      `<Channel>Security</Channel>\n<Computer>fs03</Computer>\n</System>\n<UserData><LogFileCleared xmlns="x">` +
      `<SubjectUserSid>S-1-5-21-1</SubjectUserSid>\n<SubjectUserName>admmig</SubjectUserName>\n` +
      `<SubjectDomainName>OFFSEC</SubjectDomainName>\n</LogFileCleared>\n</UserData>\n</Event>\n</Events>`;
    const [e] = readXml(xml).events;
    expect(e).toMatchObject({
      eventId: 1102,
      time: '2022-01-24T17:03:24.224937Z',
      subjectUser: 'admmig',
      subjectDomain: 'OFFSEC',
      subjectSid: 'S-1-5-21-1',
    });
  });

  it('puts the group of 4728 in groupName and keeps the member DN', () => {
    const data =
      `<Data Name='MemberName'>CN=Alice,OU=Staff,DC=corp,DC=example</Data><Data Name='MemberSid'>S-1-5-21-9</Data>` +
      `<Data Name='TargetUserName'>Domain Admins</Data>`;
    const [e] = readXml(`<Events>${event('4728', '3', '2024-01-01T00:00:00Z', data)}</Events>`).events;
    expect(e).toMatchObject({
      groupName: 'Domain Admins',
      memberName: 'CN=Alice,OU=Staff,DC=corp,DC=example',
      memberSid: 'S-1-5-21-9',
    });
  });

  it('filters by event ID and time, counting what it leaves out', () => {
    const xml =
      '<Events>' +
      event('4624', '1', '2024-01-01T00:00:00Z') +
      event('4625', '2', '2024-01-01T12:00:00.5Z') +
      event('4624', '3', '2024-01-02T00:00:00Z') +
      '</Events>';
    const r = readXml(xml, {
      eventIds: new Set([4624, 4625]),
      from: '2024-01-01T00:00:00.1Z',
      to: '2024-01-02',
    });
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.stats.skipped).toEqual({ 'filtered-time': 2 });
    const r2 = readXml(xml, { eventIds: new Set([4625]) });
    expect(r2.stats.skipped).toEqual({ 'filtered-event-id': 2 });
  });

  it('counts and skips malformed records, keeps the good ones', () => {
    const xml =
      '<Events>' +
      event('4624', '1', '2024-01-01T00:00:00Z') +
      event('46x4', '2', '2024-01-01T00:00:00Z') +
      event('4624', '3', 'not a time') +
      `<Event><System><EventID>4624</EventID></Foo></System></Event>` +
      event('4624', '5', '2024-01-01T00:00:05Z') +
      `<Event><System><EventID>4624</EventID>`;
    const r = readXml(xml);
    expect(r.events.map((e) => e.recordId)).toEqual([1, 5]);
    expect(r.stats.recordsRead).toBe(6);
    expect(r.warningCounts).toEqual({
      'xml-bad-event-id': 1,
      'xml-bad-time': 1,
      'xml-mismatched-tag': 1,
      'xml-truncated-record': 1,
    });
    expect(r.stats.skipped).toEqual({ 'malformed-record': 3, 'truncated-record': 1 });
  });

  it('throws UnreadableInputError only for input that is not an event log', () => {
    expect(() => readXml('<html><body>hi</body></html>')).toThrow(UnreadableInputError);
    expect(() => readXml('just text')).toThrow(UnreadableInputError);
    expect(() => readXml('')).toThrow(UnreadableInputError);
    expect(readXml('<Events></Events>').stats.recordsRead).toBe(0);
  });

  it('streams: byte chunks split anywhere (even inside UTF-8 characters) give the same events', () => {
    const xml = `\uFEFF<Events>${event('4624', '1', '2024-01-01T00:00:00Z', "<Data Name='TargetUserName'>Jörg&#x1F600;€</Data>")}</Events>`;
    const bytes = new TextEncoder().encode(xml);
    const whole = readXml(bytes).events;
    expect(whole[0]?.targetUser).toBe('Jörg😀€');
    for (const size of [1, 2, 3, 5, 64]) {
      const seen: number[] = [];
      const reader = createXmlStreamReader({ onEvent: (e) => seen.push(e.recordId ?? -1) });
      for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
      const r = reader.end();
      expect(seen).toEqual([1]);
      expect(r.events).toEqual([]); // delivered through onEvent, not kept
      expect(r.stats.eventsReturned).toBe(1);
    }
  });

  it('reads UTF-16LE exports with a BOM', () => {
    const xml = `<Events>${event('4624', '9', '2024-01-01T00:00:00Z')}</Events>`;
    const bytes = new Uint8Array(2 + xml.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < xml.length; i++) bytes[2 + i * 2] = xml.charCodeAt(i);
    expect(readXml(bytes).events[0]?.recordId).toBe(9);
  });
});

describe('readXml warnings', () => {
  it('give the line a broken record starts on', () => {
    const xml =
      'evtxexport 20181227\n\n<Event>\n  <System>\n    <EventID>x</EventID>\n  </System>\n</Event>\n\n' +
      '<Event>\n  <System>\n    <EventID>4624</EventID>\n    <EventRecordID>12</EventRecordID>\n  </System>\n</Event>\n';
    const expected = [
      ['xml-bad-event-id', 3, undefined],
      ['xml-bad-time', 9, 12],
    ];
    expect(readXml(xml).warnings.map((w) => [w.code, w.line, w.record])).toEqual(expected);
    for (const size of [1, 2, 5, 13]) {
      const reader = createXmlStreamReader();
      for (let i = 0; i < xml.length; i += size) reader.push(xml.slice(i, i + size));
      expect(reader.end().warnings.map((w) => [w.code, w.line, w.record])).toEqual(expected);
    }
  });
});
