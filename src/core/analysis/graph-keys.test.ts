// Log text is hostile: a name holding a key separator must never make two accounts, hosts, edges,
// records or findings one (keys.ts). Each pair below collided when keys were plain joins.
import { describe, expect, it } from 'vitest';
import { emptyEvent, type LogonEvent } from '../events/logon-event.js';
import { createGraphBuilder, edgeKeyOf, type LogonGraph } from './graph-builder.js';
import { accountId, boundPart, hostId, MAX_ID_PART } from './ids.js';

let rid = 1;
function logon(fields: Partial<LogonEvent> = {}): LogonEvent {
  return {
    ...emptyEvent(4624, '2021-12-03T12:06:03.1234567Z'),
    recordId: rid++,
    channel: 'Security',
    computer: 'DC1.corp.example',
    targetUser: 'alice',
    targetDomain: 'CORP',
    logonType: '3',
    ipAddress: '10.0.0.5',
    authPackage: 'NTLM',
    ...fields,
  };
}

function build(events: LogonEvent[]): LogonGraph {
  const b = createGraphBuilder();
  for (const e of events) b.add(e);
  return b.finish();
}

const accounts = (g: LogonGraph) => g.nodes.filter((n) => n.kind === 'account').map((n) => n.id);

describe('hostile separators in log fields', () => {
  it('user a\\0b in domain c and user a in domain b\\0c stay two accounts with one edge each', () => {
    const g = build([
      logon({ targetUser: 'a\u0000b', targetDomain: 'c' }),
      logon({ targetUser: 'a', targetDomain: 'b\u0000c' }),
    ]);
    expect(accounts(g)).toHaveLength(2);
    expect(g.edges).toHaveLength(2);
    expect(new Set(g.edges.map((e) => e.account)).size).toBe(2);
    for (const e of g.edges) expect(e.count).toBe(1);
  });

  it('a name holding separators does not pass for a name and a UPN suffix', () => {
    const g = build([
      logon({ targetUser: 'a\u0000\u0000b@c', targetDomain: null }),
      logon({ targetUser: 'a@b\u0000\u0000c', targetDomain: null }),
    ]);
    expect(accounts(g)).toHaveLength(2);
    expect(g.edges).toHaveLength(2);
  });

  it('domain a\\b with user c and domain a with user b\\c are two account ids', () => {
    expect(accountId('a\\b', 'c')).not.toBe(accountId('a', 'b\\c'));
    // A real domain keeps its id.
    expect(accountId('CORP', 'alice')).toBe('account:corp\\alice');
    const g = build([
      logon({ targetUser: 'c', targetDomain: 'a\\b' }),
      logon({ targetUser: 'x\\b\\c', targetDomain: 'a' }),
    ]);
    expect(accounts(g)).toHaveLength(2);
    expect(g.edges).toHaveLength(2);
  });

  it('a domain that spells out an escaped backslash keeps apart from the backslash', () => {
    expect(accountId('a%5cb', 'c')).not.toBe(accountId('a\\b', 'c'));
  });

  it('a short name cannot spell out a long name’s cut form', () => {
    const long = 'w'.repeat(MAX_ID_PART + 40);
    const forged = boundPart(long);
    expect(forged.length).toBeLessThanOrEqual(MAX_ID_PART);
    expect(hostId(forged)).not.toBe(hostId(long));
    const g = build([logon({ computer: long }), logon({ computer: forged })]);
    expect(g.nodes.filter((n) => n.kind === 'host')).toHaveLength(2);
    expect(g.edges).toHaveLength(2);
  });

  it('host names holding separators stay apart as targets and as sources', () => {
    const g = build([
      logon({ computer: 'h\u00014624\u00013' }),
      logon({ computer: 'h', logonType: '3\u00014624\u00013' }),
      logon({ ipAddress: '-', workstation: 'ws\u0000x' }),
      logon({ ipAddress: '-', workstation: 'ws' }),
    ]);
    expect(g.edges).toHaveLength(4);
  });

  it('logon type, status, sub-status and package fields stay apart on edges', () => {
    const g = build([
      logon({ eventId: 4625, logonType: '3\u00010xc000006d', status: '0xc000006a' }),
      logon({ eventId: 4625, logonType: '3', status: '0xc000006d\u00010xc000006a' }),
      logon({ eventId: 4625, status: '0xc000006d', subStatus: '0xc000006a\u0001ntlm' }),
      logon({ eventId: 4625, status: '0xc000006d', subStatus: '0xc000006a', authPackage: '\u0001ntlm' }),
      logon({ authPackage: 'NTLM\u0001' }),
      logon({ authPackage: 'NTLM\u00021' }),
    ]);
    expect(g.edges).toHaveLength(6);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(6);
    // Each event finds its own edge again (drill-down).
  });

  it('each hostile event finds its own edge again through edgeIdOf', () => {
    const a = logon({ targetUser: 'a\u0000b', targetDomain: 'c' });
    const b = logon({ targetUser: 'a', targetDomain: 'b\u0000c' });
    const g = build([a, b]);
    const ids = [g.edgeIdOf(a), g.edgeIdOf(b)];
    expect(ids[0]).not.toBeNull();
    expect(ids[1]).not.toBeNull();
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('two 4648 edges whose target server and subject differ only by a separator stay apart', () => {
    const explicit = (fields: Partial<LogonEvent>): LogonEvent => ({
      ...emptyEvent(4648, '2021-12-03T12:06:03Z'),
      recordId: rid++,
      channel: 'Security',
      computer: 'WS1',
      subjectUser: 'bob',
      subjectDomain: 'CORP',
      targetUser: 'alice',
      targetDomain: 'CORP',
      ...fields,
    });
    const g = build([
      explicit({ targetServerName: 'srv\u0001x' }),
      explicit({ targetServerName: 'srv', subjectUser: 'x' }),
    ]);
    expect(g.edges).toHaveLength(2);
    const flags = g.nodes.flatMap((n) => n.flags).filter((f) => f.kind === 'explicit-credentials');
    expect(flags).toHaveLength(2);
  });

  it('records of computer a\\0b, channel c are not duplicates of computer a, channel b\\0c', () => {
    const g = build([
      logon({ recordId: 42, computer: 'a\u0000b', channel: 'c' }),
      logon({ recordId: 42, computer: 'a', channel: 'b\u0000c' }),
    ]);
    expect(g.stats.skipped['duplicate']).toBeUndefined();
    expect(g.stats.used).toBe(2);
  });

  it('pass-the-hash findings of user a\\0b on c and of user a on b\\0c are two detections', () => {
    const pth = (user: string, computer: string) =>
      logon({
        targetUser: user,
        computer,
        logonType: '9',
        logonProcess: 'seclogo',
        authPackage: 'Negotiate',
      });
    const g = build([pth('a\u0000b', 'c'), pth('a', 'b\u0000c')]);
    expect(g.eventDetections.filter((d) => d.kind === 'pass-the-hash')).toHaveLength(2);
  });
});

describe('edgeKeyOf', () => {
  it('gives ordinary edges the key (and so the id) they always had', () => {
    expect(edgeKeyOf('account:corp\\alice', 'ip:10.0.0.5', 'host:dc1', 4624, '3', null, null, 'NTLM')).toBe(
      ['account:corp\\alice', 'ip:10.0.0.5', 'host:dc1', 4624, '3', '', '', 'ntlm'].join('\u0001'),
    );
    expect(
      edgeKeyOf(
        'account:corp\\alice',
        'host:ws1',
        'host:srv',
        4648,
        null,
        null,
        null,
        null,
        'account:corp\\bob',
      ),
    ).toBe(
      ['account:corp\\alice', 'host:ws1', 'host:srv', 4648, '', '', '', '', 'account:corp\\bob'].join(
        '\u0001',
      ),
    );
  });

  it('keeps apart edges whose parts differ only in where a separator falls', () => {
    const k = (
      logonType: string | null,
      status: string | null,
      subStatus: string | null,
      pkg: string | null,
    ) => edgeKeyOf('account:c\\a', 'ip:-', 'host:h', 4625, logonType, status, subStatus, pkg);
    expect(k('3\u0001x', 'y', null, null)).not.toBe(k('3', 'x\u0001y', null, null));
    expect(k(null, 'x', 'y\u0001z', null)).not.toBe(k(null, 'x', 'y', 'z'));
    expect(edgeKeyOf('account:c\\a\u0001ip:-', 'host:h', null, 4624, null, null, null, null)).not.toBe(
      edgeKeyOf('account:c\\a', 'ip:-\u0001host:h', null, 4624, null, null, null, null),
    );
    // A 4648 subject cannot pass for the package of an edge without one.
    expect(
      edgeKeyOf('account:c\\a', 'ip:-', 'host:h', 4648, null, null, null, 'x\u0001account:c\\b'),
    ).not.toBe(edgeKeyOf('account:c\\a', 'ip:-', 'host:h', 4648, null, null, null, 'x', 'account:c\\b'));
  });
});
