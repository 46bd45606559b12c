import { describe, expect, it } from 'vitest';
import { eventFromSource, getPath } from './to-event.js';

describe('documents → events', () => {
  it('reads ECS documents, taking moved fields when event data lacks them', () => {
    const ev = eventFromSource({
      '@timestamp': '2021-12-03T12:06:03.123Z',
      winlog: {
        event_id: '4624',
        record_id: '77',
        channel: 'Security',
        computer_name: 'DC01.corp.local',
        event_data: { LogonType: undefined, AuthenticationPackageName: 'NTLM', SubjectUserName: '-' },
        logon: { type: 'RemoteInteractive' },
      },
      source: { ip: '10.0.0.5', domain: 'WS01' },
      user: { name: 'alice', domain: 'CORP', id: 'S-1-5-21-1' },
      host: { name: 'collector' },
    });
    expect(ev).toMatchObject({
      eventId: 4624,
      recordId: 77,
      time: '2021-12-03T12:06:03.123Z',
      computer: 'DC01.corp.local',
      targetUser: 'alice',
      targetDomain: 'CORP',
      targetSid: 'S-1-5-21-1',
      ipAddress: '10.0.0.5',
      workstation: 'WS01',
      logonType: '10',
      authPackage: 'NTLM',
      subjectUser: '-',
    });
  });
  it('does not take user.name as the target of account management (it is the actor there)', () => {
    const ev = eventFromSource({
      '@timestamp': '2022-01-24T17:03:24Z',
      winlog: { event_id: 4720, event_data: { SubjectUserName: 'admin', TargetUserName: 'hidden$' } },
      user: { name: 'admin' },
    });
    expect(ev?.targetUser).toBe('hidden$');
    expect(ev?.subjectUser).toBe('admin');
  });
  it('reads Winlogbeat 6 and NXLog documents; group events get their group', () => {
    const w6 = eventFromSource({
      '@timestamp': '2019-05-18T20:43:02.988Z',
      event_id: 4732,
      computer_name: 'HR001.shire.com',
      record_number: '288247',
      event_data: { TargetUserName: 'Administrators', MemberSid: 'S-1-5-21-9' },
    });
    expect(w6).toMatchObject({
      eventId: 4732,
      recordId: 288247,
      groupName: 'Administrators',
      memberSid: 'S-1-5-21-9',
    });
    const nx = eventFromSource({
      '@timestamp': '2020-08-05T06:09:29.626Z',
      EventID: 4624,
      Hostname: 'WORKSTATION5.theshire.local',
      RecordNumber: 110748,
      TargetUserName: 'pgustavo',
      IpAddress: '172.18.38.6',
    });
    expect(nx).toMatchObject({
      eventId: 4624,
      computer: 'WORKSTATION5.theshire.local',
      recordId: 110748,
      ipAddress: '172.18.38.6',
    });
    expect(eventFromSource({ '@timestamp': '2020-01-01T00:00:00Z', message: 'x' })).toBeNull();
    expect(eventFromSource({ EventID: 4624 })).toBeNull();
  });
  it('reads flattened dotted keys too', () => {
    expect(getPath({ 'winlog.event_id': '1' }, 'winlog.event_id')).toBe('1');
    expect(getPath({ winlog: { 'event_data.X': 'y' } }, 'winlog.event_data.X')).toBe('y');
  });
});
