import { describe, expect, it } from 'vitest';
import { emptyEvent, type LogonEvent } from '../events/logon-event.js';
import { createGraphBuilder } from './graph-builder.js';
import { DETECTION_PARAMETERS, detectFromEdges, detectFromFlags, detectKerberoasting } from './detections.js';
import { makeDataset, makeFlag, makeNode } from './testing.js';

const H = 455_000;
const nodeMap = (d: ReturnType<typeof makeDataset>) => new Map(d.nodes.map((n) => [n.id, n]));

describe('detectFromEdges', () => {
  it('password guessing: many failures for one account in an hour, not a few spread out', () => {
    const d = makeDataset([
      {
        account: 'account:corp\\alice',
        source: 'ip:10.0.0.5',
        eventId: 4771,
        failure: true,
        hourly: [[H, DETECTION_PARAMETERS.guessingMinFailuresPerHour]],
      },
      {
        account: 'account:corp\\bob',
        source: 'ip:10.0.0.5',
        eventId: 4625,
        failure: true,
        hourly: [
          [H, 2],
          [H + 5, 2],
        ],
      },
      { account: 'account:corp\\carol', source: 'ip:10.0.0.6', hourly: [[H, 100]] },
    ]);
    const found = detectFromEdges(d.edges, nodeMap(d));
    expect(found.map((x) => [x.kind, x.nodes[0]])).toEqual([['password-guessing', 'account:corp\\alice']]);
    expect(found[0]!.detail).toContain('5 failed Kerberos pre-auth (4771) for CORP\\alice from 10.0.0.5 (5)');
    expect(found[0]!.evidence.eventIds).toEqual([4771]);
  });

  it('password spraying: one source, failures for many accounts', () => {
    const rows = Array.from({ length: DETECTION_PARAMETERS.sprayingMinAccounts }, (_, i) => ({
      account: `account:corp\\user${i}`,
      source: 'ip:10.0.0.66',
      eventId: 4768,
      status: '0x6',
      failure: true,
      hourly: [[H, 1]] as Array<[number, number]>,
    }));
    const d = makeDataset(rows);
    expect(detectFromEdges(d.edges, nodeMap(d)).map((x) => x.kind)).toEqual(['password-spraying']);
    const fewer = makeDataset(rows.slice(1));
    expect(detectFromEdges(fewer.edges, nodeMap(fewer))).toEqual([]);
  });
});

describe('detectFromFlags', () => {
  it('turns flags into detections with severity by what changed', () => {
    const eve = makeNode('account:corp\\eve', {
      flags: [
        {
          ...makeFlag('group-added', H, 1, 4732),
          detail: 'added to group Builtin\\Administrators by CORP\\alice on DC1',
        },
        { ...makeFlag('created', H, 1, 4720), detail: 'account created by CORP\\alice on DC1' },
      ],
    });
    const staff = makeNode('account:corp\\dan', {
      flags: [
        {
          ...makeFlag('group-added', H, 1, 4728),
          detail: 'added to group CORP\\Staff by CORP\\alice on DC1',
        },
      ],
    });
    const system = makeNode('account:nt authority\\system', {
      hidden: 'well-known-account',
      flags: [makeFlag('explicit-credentials', H, 40, 4648)],
    });
    const bob = makeNode('account:corp\\bob', { flags: [makeFlag('explicit-credentials', H, 2, 4648)] });
    const found = detectFromFlags([eve, staff, system, bob]);
    const summary = found.map((x) => [x.kind, x.severity, x.nodes[0]]);
    expect(summary).toContainEqual(['group-membership-changed', 'high', 'account:corp\\eve']);
    expect(summary).toContainEqual(['group-membership-changed', 'medium', 'account:corp\\dan']);
    expect(summary).toContainEqual(['account-created', 'medium', 'account:corp\\eve']);
    expect(summary).toContainEqual(['explicit-credentials', 'low', 'account:corp\\bob']);
    expect(summary.some(([, , n]) => n === 'account:nt authority\\system')).toBe(false);
  });
});

describe('detectKerberoasting', () => {
  let rid = 1;
  const tgs = (service: string, enc: string): LogonEvent => ({
    ...emptyEvent(4769, '2021-12-03T12:00:00Z'),
    recordId: rid++,
    computer: 'DC1',
    channel: 'Security',
    targetUser: 'eve@CORP.EXAMPLE',
    targetDomain: 'CORP.EXAMPLE',
    ipAddress: '::ffff:10.0.0.66',
    status: '0x0',
    serviceName: service,
    ticketEncryption: enc,
  });

  it('fires on RC4 tickets for user services, high from three services', () => {
    const b = createGraphBuilder();
    for (const s of ['svc_sql', 'svc_web', 'svc_backup']) b.add(tgs(s, '0x17'));
    b.add(tgs('FS01$', '0x17'));
    const g = b.finish();
    const found = detectKerberoasting(g.rc4Tickets, new Map(g.nodes.map((n) => [n.id, n])));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'kerberoasting', severity: 'high', count: 3 });
    expect(found[0]!.detail).toContain('svc_backup, svc_sql, svc_web');
    expect(found[0]!.nodes).toEqual(['account:corp.example\\eve', 'ip:10.0.0.66']);
  });

  it('does not fire on AES tickets', () => {
    const b = createGraphBuilder();
    b.add(tgs('svc_sql', '0x12'));
    expect(b.finish().rc4Tickets).toEqual([]);
  });
});
