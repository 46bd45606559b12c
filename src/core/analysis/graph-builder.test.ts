import { describe, expect, it } from 'vitest';
import { emptyEvent, type LogonEvent } from '../events/logon-event.js';
import { createGraphBuilder, edgeKey, replicationRights, touchesDcObject } from './graph-builder.js';

let rid = 1;
function ev(
  eventId: number,
  fields: Partial<LogonEvent> = {},
  time = '2021-12-03T12:06:03.1234567Z',
): LogonEvent {
  return {
    ...emptyEvent(eventId, time),
    recordId: rid++,
    channel: 'Security',
    computer: 'DC1.corp.example',
    ...fields,
  };
}
const logon = (f: Partial<LogonEvent> = {}, time?: string) =>
  ev(
    4624,
    {
      targetUser: 'alice',
      targetDomain: 'CORP',
      logonType: '3',
      ipAddress: '10.0.0.5',
      authPackage: 'NTLM',
      ...f,
    },
    time,
  );

describe('createGraphBuilder', () => {
  it('keeps all three ends and aggregates per full key with hourly buckets', () => {
    const b = createGraphBuilder();
    b.add(logon({}, '2021-12-03T12:00:01Z'));
    b.add(logon({}, '2021-12-03T12:59:59Z'));
    b.add(logon({}, '2021-12-03T14:00:00Z'));
    b.add(logon({ logonType: '10' }, '2021-12-03T14:00:00Z'));
    const g = b.finish();
    expect(g.edges).toHaveLength(2);
    const e = g.edges.find((x) => x.logonType === '3')!;
    expect(e).toMatchObject({
      account: 'account:corp\\alice',
      source: 'ip:10.0.0.5',
      target: 'host:dc1',
      count: 3,
      first: '2021-12-03T12:00:01Z',
      last: '2021-12-03T14:00:00Z',
    });
    expect(e.hourly).toEqual([
      [Math.floor(Date.UTC(2021, 11, 3, 12) / 3_600_000), 2],
      [Math.floor(Date.UTC(2021, 11, 3, 14) / 3_600_000), 1],
    ]);
    expect(g.stats.used).toBe(4);
  });

  it('deduplicates by computer + channel + record ID: adding a file twice doubles nothing', () => {
    const events = [logon(), logon(), ev(4672, { subjectUser: 'alice', subjectDomain: 'CORP' })];
    const b = createGraphBuilder();
    for (const e of [...events, ...events]) b.add(e);
    const g = b.finish();
    expect(g.edges[0]!.count).toBe(2);
    expect(g.nodes.find((n) => n.id === 'account:corp\\alice')!.flags[0]!.count).toBe(1);
    expect(g.stats).toMatchObject({ used: 3, skipped: { duplicate: 3 } });
  });

  it('the same record ID on another computer is another event', () => {
    const b = createGraphBuilder();
    b.add(logon({ recordId: 7 }));
    b.add(logon({ recordId: 7, computer: 'DC2' }));
    expect(b.finish().stats.used).toBe(2);
  });

  it('keeps short status codes and marks failures', () => {
    const b = createGraphBuilder();
    b.add(
      ev(4768, { targetUser: 'bob', targetDomain: 'CORP', ipAddress: '::ffff:10.0.0.9', status: '0x12' }),
    );
    b.add(
      ev(4768, {
        targetUser: 'bob',
        targetDomain: 'CORP',
        ipAddress: '::ffff:10.0.0.9',
        status: '0x00000000',
      }),
    );
    b.add(ev(4771, { targetUser: 'bob', serviceName: 'krbtgt/CORP', ipAddress: '10.0.0.9', status: '0x18' }));
    b.add(
      ev(4625, {
        targetUser: 'bob',
        targetDomain: 'CORP',
        ipAddress: '10.0.0.9',
        status: '0xC000006D',
        subStatus: '0xC000006A',
      }),
    );
    b.add(ev(4776, { targetUser: 'bob', workstation: 'WS9', status: '0xc0000064' }));
    const g = b.finish();
    const byStatus = Object.fromEntries(g.edges.map((e) => [`${e.eventId}:${e.status}`, e.failure]));
    expect(byStatus).toEqual({
      '4768:0x12': true,
      '4768:0x0': false,
      '4771:0x18': true,
      '4625:0xc000006d': true,
      '4776:0xc0000064': true,
    });
    // The realm in 4771's service name and the bare 4776 name join CORP\bob.
    expect(new Set(g.edges.map((e) => e.account))).toEqual(new Set(['account:corp\\bob']));
    expect(g.edges.find((e) => e.eventId === 4625)!.subStatus).toBe('0xc000006a');
    expect(g.edges.find((e) => e.eventId === 4768)!.source).toBe('ip:10.0.0.9');
  });

  it('counts hidden accounts and local sources but keeps them', () => {
    const b = createGraphBuilder();
    b.add(logon({ targetUser: 'ANONYMOUS LOGON', targetDomain: 'NT AUTHORITY', targetSid: 'S-1-5-7' }));
    b.add(logon({ targetUser: 'WS1$' }));
    b.add(logon({ ipAddress: '::1' }));
    b.add(logon({ ipAddress: '-', workstation: '-' }));
    const g = b.finish();
    expect(g.edges.reduce((s, e) => s + e.count, 0)).toBe(4);
    expect(g.stats.hidden).toEqual({ anonymous: 1, 'machine-account': 1, 'local-source': 2 });
    expect(g.nodes.find((n) => n.id === 'ip:-')!.hidden).toBe('local-source');
  });

  it('skips what it cannot use, by reason', () => {
    const b = createGraphBuilder({ window: { from: '2021-12-03T00:00:00Z', to: '2021-12-04T00:00:00Z' } });
    b.add(ev(4688));
    b.add(logon({ targetUser: '-' }));
    b.add(logon({}, 'not a time'));
    b.add(logon({}, '2021-12-05T00:00:00Z'));
    b.add(logon());
    const g = b.finish();
    expect(g.stats).toMatchObject({
      used: 1,
      skipped: { 'filtered-event-id': 1, 'no-account': 1, 'bad-time': 1, 'outside-window': 1 },
    });
  });

  it('flags privileged logons per hour, account and group changes with actor and group', () => {
    const b = createGraphBuilder();
    for (let i = 0; i < 12; i++)
      b.add(
        ev(
          4672,
          { subjectUser: 'alice', subjectDomain: 'CORP', subjectSid: 'S-1-5-21-1-2-3-1001' },
          `2021-12-03T12:0${i % 10}:00Z`,
        ),
      );
    b.add(
      ev(4720, {
        targetUser: 'eve',
        targetDomain: 'CORP',
        targetSid: 'S-1-5-21-1-2-3-1500',
        subjectUser: 'alice',
        subjectDomain: 'CORP',
      }),
    );
    b.add(
      ev(4732, {
        memberSid: 'S-1-5-21-1-2-3-1500',
        memberName: '-',
        groupName: 'Administrators',
        targetDomain: 'Builtin',
        subjectUser: 'alice',
        subjectDomain: 'CORP',
      }),
    );
    b.add(
      ev(4729, {
        memberSid: null,
        memberName: 'CN=Eve Smith,OU=Users,DC=corp,DC=example',
        groupName: 'Staff',
        subjectUser: 'alice',
        subjectDomain: 'CORP',
      }),
    );
    const g = b.finish();
    const alice = g.nodes.find((n) => n.id === 'account:corp\\alice')!;
    expect(alice.flags).toEqual([
      expect.objectContaining({ kind: 'privileged', count: 12, time: '2021-12-03T12:00:00Z' }),
    ]);
    const eve = g.nodes.find((n) => n.id === 'account:corp\\eve')!;
    expect(eve.flags.map((f) => [f.kind, f.detail])).toEqual([
      ['created', 'account created by CORP\\alice on DC1.corp.example'],
      ['group-added', 'added to group Builtin\\Administrators by CORP\\alice on DC1.corp.example'],
    ]);
    expect(g.nodes.find((n) => n.id === 'account:\\eve smith')!.flags[0]!.kind).toBe('group-removed');
  });

  it('counts hourly flags per hour and key, keeping the first 20 record ids', () => {
    const b = createGraphBuilder();
    const subject = { subjectUser: 'alice', subjectDomain: 'CORP' };
    const first = rid;
    for (let i = 0; i < 25; i++) b.add(ev(4672, subject, `2021-12-03T12:${String(i).padStart(2, '0')}:00Z`));
    b.add(ev(4672, subject, '2021-12-03T13:00:00Z'));
    for (const [target, time] of [
      ['bob', '2021-12-03T12:10:00Z'],
      ['carol', '2021-12-03T12:20:00Z'],
      ['bob', '2021-12-03T12:30:00Z'],
    ] as const)
      b.add(
        ev(4648, { ...subject, targetUser: target, targetDomain: 'CORP', targetServerName: 'srv1' }, time),
      );
    const g = b.finish();
    const flags = g.nodes.find((n) => n.id === 'account:corp\\alice')!.flags;
    const privileged = flags.filter((f) => f.kind === 'privileged');
    expect(privileged.map((f) => [f.time, f.count])).toEqual([
      ['2021-12-03T12:00:00Z', 25],
      ['2021-12-03T13:00:00Z', 1],
    ]);
    expect(privileged[0]!.recordIds).toEqual(Array.from({ length: 20 }, (_, i) => first + i));
    expect(flags.filter((f) => f.kind === 'explicit-credentials').map((f) => [f.detail, f.count])).toEqual([
      ['used the credentials of CORP\\bob for srv1', 2],
      ['used the credentials of CORP\\carol for srv1', 1],
    ]);
  });

  it('names audit policy categories and subcategories (4719) and flags log clearing (1102) on the host', () => {
    const b = createGraphBuilder();
    b.add(
      ev(4719, {
        subjectUser: 'admmig',
        subjectDomain: 'OFFSEC',
        categoryId: '%%8278',
        subcategoryGuid: '{0CCE9235-69AE-11D9-BED3-505054503030}',
      }),
    );
    b.add(ev(1102, { subjectUser: 'admmig', subjectDomain: 'OFFSEC' }));
    const host = b.finish().nodes.find((n) => n.id === 'host:dc1')!;
    expect(host.flags.map((f) => f.detail)).toEqual([
      'audit policy changed: Account Management › User Account Management by OFFSEC\\admmig',
      'security log cleared by OFFSEC\\admmig on DC1.corp.example',
    ]);
  });

  it('flags DCSync only with replication GUIDs and only for non-DC accounts', () => {
    const b = createGraphBuilder();
    const props = '%%7688\r\n\t\t{1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}\r\n';
    b.add(ev(4662, { subjectUser: 'mallory', subjectDomain: 'CORP', properties: props }));
    b.add(
      ev(4662, {
        subjectUser: 'bob',
        subjectDomain: 'CORP',
        properties: '%%7688 {19195a5b-6da0-11d0-afd3-00c04fd930c9}',
      }),
    );
    b.add(ev(4662, { subjectUser: 'DC2$', subjectDomain: 'CORP', properties: props }));
    const g = b.finish();
    expect(g.nodes.filter((n) => n.flags.some((f) => f.kind === 'dcsync')).map((n) => n.id)).toEqual([
      'account:corp\\mallory',
    ]);
    expect(g.stats.used).toBe(3);
  });

  it('recognizes replication GUIDs exactly and DC objects under Sites', () => {
    expect(replicationRights('{1131F6AA-9C07-11D1-F79F-00C04FC2DCD2}')).toEqual([
      'DS-Replication-Get-Changes',
    ]);
    expect(replicationRights('x1131f6aa-9c07-11d1-f79f-00c04fc2dcd2')).toEqual([
      'DS-Replication-Get-Changes',
    ]);
    expect(replicationRights('1131f6aa-9c07-11d1-f79f-00c04fc2dcd3')).toEqual([]);
    expect(touchesDcObject('CN=JUMP01,CN=Servers,CN=Site,CN=Sites,CN=Configuration,DC=x', 'server')).toBe(
      true,
    );
    expect(
      touchesDcObject(
        'CN=NTDS Settings,CN=JUMP01,CN=Servers,CN=Site,CN=Sites,CN=Configuration,DC=x',
        'nTDSDSA',
      ),
    ).toBe(true);
    expect(touchesDcObject('CN=Bob,OU=Users,DC=x', 'user')).toBe(false);
    expect(touchesDcObject('CN=JUMP01,OU=Servers,DC=x', 'server')).toBe(false);
  });

  it('collects RC4 service tickets for user services (Kerberoasting evidence)', () => {
    const b = createGraphBuilder();
    const t = {
      targetUser: 'eve@CORP.EXAMPLE',
      targetDomain: 'CORP.EXAMPLE',
      ipAddress: '10.0.0.66',
      status: '0x0',
    };
    b.add(ev(4769, { ...t, serviceName: 'svc_sql', ticketEncryption: '0x17' }));
    b.add(ev(4769, { ...t, serviceName: 'FS02$', ticketEncryption: '0x17' }));
    b.add(ev(4769, { ...t, serviceName: 'svc_web', ticketEncryption: '0x12' }));
    const g = b.finish();
    expect(g.rc4Tickets.map((r) => r.service)).toEqual(['svc_sql']);
    expect(g.domainControllers).toEqual(['host:dc1']);
  });

  it('keeps hostile strings as data, bounded in ids', () => {
    const b = createGraphBuilder();
    const evil = '<img src=x onerror=alert(1)>=cmd|"/c calc"!A0\u0000\u001b[31m' + 'A'.repeat(100_000);
    b.add(logon({ targetUser: evil, workstation: evil, ipAddress: evil }));
    const g = b.finish();
    const acc = g.nodes.find((n) => n.kind === 'account')!;
    expect(acc.label).toContain('<img src=x onerror=alert(1)>');
    expect(acc.id.length).toBeLessThan(600);
    expect(g.edges[0]!.source!.length).toBeLessThan(600);
  });

  it('edge keys compare every part of the edge', () => {
    const b = createGraphBuilder();
    b.add(logon());
    b.add(logon({ authPackage: 'Kerberos' }));
    const [a, c] = b.finish().edges;
    expect(edgeKey(a!)).not.toBe(edgeKey(c!));
    expect(a!.source).toBe(c!.source);
  });

  it('bounds the lists of a host seen with very many addresses (the schema would refuse them)', () => {
    const b = createGraphBuilder();
    for (let i = 0; i < 1500; i++)
      b.add(logon({ workstation: 'WS1', ipAddress: `10.1.${i >> 8}.${i & 255}` }));
    for (let i = 0; i < 80; i++) b.add(logon({ workstation: `PC${i}`, ipAddress: '10.9.9.9' }));
    const g = b.finish();
    const ws1 = g.nodes.find((n) => n.id === 'host:ws1')!;
    expect(ws1.ips).toHaveLength(1000);
    expect(ws1.notes[0]).toBe('seen with 1500 addresses; the first 1000 are listed');
    expect(g.nodes.find((n) => n.id === 'host:pc0')!.notes).toHaveLength(1);
  });

  it('tells which edge an event was counted in (drill-down)', () => {
    const b = createGraphBuilder();
    const events = [
      logon(),
      logon({ logonType: '10' }),
      ev(4771, {
        targetUser: 'bob',
        serviceName: 'krbtgt/CORP',
        ipAddress: '::ffff:10.0.0.9',
        status: '0x18',
      }),
      ev(4776, { targetUser: 'alice', workstation: 'WS9', status: '0x0' }),
      ev(4672, { subjectUser: 'alice', subjectDomain: 'CORP' }),
    ];
    for (const e of events) b.add(e);
    const g = b.finish();
    const ids = events.map((e) => g.edgeIdOf(e));
    expect(ids[4]).toBeNull();
    for (let i = 0; i < 4; i++) {
      const edge = g.edges.find((x) => x.id === ids[i]);
      expect(edge?.eventId).toBe(events[i]!.eventId);
    }
    expect(ids[0]).not.toBe(ids[1]);
    expect(g.edgeIdOf(logon({ targetUser: 'nobody' }))).toBeNull();
  });
});
