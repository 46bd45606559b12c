import { describe, expect, it } from 'vitest';
import { emptyEvent, type LogonEvent } from '../events/logon-event.js';
import { createGraphBuilder, type LogonGraph } from './graph-builder.js';
import type { RawEdge } from './graph-event-handlers.js';
import { RawEdgeMemo } from './raw-edge-memo.js';

function rawEdge(parts: Partial<RawEdge>): RawEdge {
  return {
    account: 'a',
    subject: null,
    source: 's',
    target: 'host:dc1',
    eventId: 4624,
    logonType: '3',
    status: null,
    subStatus: null,
    authPackage: 'NTLM',
    failure: false,
    count: 0,
    first: '',
    firstMs: 0,
    last: '',
    lastMs: 0,
    hourly: new Map(),
    ...parts,
  };
}

describe('RawEdgeMemo', () => {
  it('finds an edge only from exactly the parts it was made from', () => {
    const memo = new RawEdgeMemo();
    const edge = rawEdge({});
    memo.remember(edge);
    expect(memo.find('a', 's', 'host:dc1', 4624, '3', null, null, 'NTLM', null)).toBe(edge);
    // Equal text in another string instance is the same part.
    expect(memo.find('a', 's', ['host:', 'dc1'].join(''), 4624, '3', null, null, 'NTLM', null)).toBe(edge);
    type Parts = Parameters<RawEdgeMemo['find']>;
    const others: Parts[] = [
      ['b', 's', 'host:dc1', 4624, '3', null, null, 'NTLM', null],
      ['a', 't', 'host:dc1', 4624, '3', null, null, 'NTLM', null],
      ['a', 's', null, 4624, '3', null, null, 'NTLM', null],
      ['a', 's', 'host:dc1', 4625, '3', null, null, 'NTLM', null],
      ['a', 's', 'host:dc1', 4624, '10', null, null, 'NTLM', null],
      ['a', 's', 'host:dc1', 4624, '3', '0x0', null, 'NTLM', null],
      ['a', 's', 'host:dc1', 4624, '3', null, '', 'NTLM', null],
      ['a', 's', 'host:dc1', 4624, '3', null, null, 'ntlm', null],
      ['a', 's', 'host:dc1', 4624, '3', null, null, 'NTLM', 'b'],
    ];
    for (const other of others) expect(memo.find(...other), other.join('|')).toBeUndefined();
  });

  it('keeps apart edges of one account and source, and bounds what it remembers per pair', () => {
    const memo = new RawEdgeMemo();
    const edges = Array.from({ length: 100 }, (_, i) => rawEdge({ logonType: String(i) }));
    for (const e of edges) memo.remember(e);
    expect(memo.find('a', 's', 'host:dc1', 4624, '7', null, null, 'NTLM', null)).toBe(edges[7]);
    // Past the bound an edge is not remembered: its events take the key's way (same edge).
    expect(memo.find('a', 's', 'host:dc1', 4624, '99', null, null, 'NTLM', null)).toBeUndefined();
  });
});

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
function explicit(fields: Partial<LogonEvent> = {}): LogonEvent {
  return {
    ...emptyEvent(4648, '2021-12-03T12:06:03Z'),
    recordId: rid++,
    channel: 'Security',
    computer: 'WS1',
    subjectUser: 'bob',
    subjectDomain: 'CORP',
    targetUser: 'alice',
    targetDomain: 'CORP',
    ...fields,
  };
}

function build(events: LogonEvent[]): LogonGraph {
  const b = createGraphBuilder();
  for (const e of events) b.add(e);
  return b.finish();
}

describe('edges found through the memo', () => {
  // Every event below is added once, then again (another record): the second copies find their
  // edge through the memo, the first ones through the key. The graph must be the first one with
  // every count doubled, hostile parts (separators, escapes, blanks) included.
  const shapes: Partial<LogonEvent>[] = [
    {},
    { logonType: '10' },
    { logonType: ' 3 ' },
    { logonType: '-' },
    { logonType: '' },
    { eventId: 4625, status: '0xC000006D', subStatus: '0xc000006a' },
    { eventId: 4625, status: '0xc000006d', subStatus: '0xC000006A' },
    { eventId: 4625, logonType: '3\u00010xc000006d', status: '0xc000006a' },
    { eventId: 4625, logonType: '3', status: '0xc000006d\u00010xc000006a' },
    { eventId: 4625, status: '0xc000006d', subStatus: '0xc000006a\u0001ntlm' },
    { eventId: 4625, status: '0xc000006d', subStatus: '0xc000006a', authPackage: '\u0001ntlm' },
    { eventId: 4776, status: '0x0', authPackage: null },
    { eventId: 4776, status: '0xc0000064', authPackage: null },
    { authPackage: 'NTLM\u0001' },
    { authPackage: 'NTLM\u00021' },
    { computer: 'h\u00014624\u00013' },
    { computer: 'h', logonType: '3\u00014624\u00013' },
    { ipAddress: '-', workstation: 'ws\u0000x' },
    { ipAddress: '-', workstation: 'ws' },
    { targetUser: 'a\u0000b', targetDomain: 'c' },
    { targetUser: 'a', targetDomain: 'b\u0000c' },
  ];
  const explicitShapes: Partial<LogonEvent>[] = [
    {},
    { targetServerName: 'srv\u0001x' },
    { targetServerName: 'srv', subjectUser: 'x' },
    { targetServerName: 'localhost' },
    { targetServerName: 'SRV.corp.example' },
    { targetUser: 'carol' },
  ];
  const events = () => [...shapes.map((s) => logon(s)), ...explicitShapes.map((s) => explicit(s))];

  it('gives the edges of the key, counted twice', () => {
    // The key's answer: each event alone in a builder (no memo can help it), edges by id.
    const expected = new Map<string, number>();
    for (const e of events())
      for (const edge of build([e]).edges) expected.set(edge.id, (expected.get(edge.id) ?? 0) + 2);
    const twice = build([...events(), ...events()]);
    expect(new Map(twice.edges.map((e) => [e.id, e.count]))).toEqual(expected);
    expect(expected.size).toBeGreaterThan(20);
  });

  it('each copy finds the edge of its first', () => {
    const first = events();
    const again = events();
    const g = build([...first, ...again]);
    first.forEach((e, i) => expect(g.edgeIdOf(again[i]!), String(i)).toBe(g.edgeIdOf(e)));
  });
});
