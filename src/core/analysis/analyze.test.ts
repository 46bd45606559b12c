import { describe, expect, it } from 'vitest';
import { emptyEvent, type LogonEvent } from '../events/logon-event.js';
import { validateDataset } from '../dataset/validate.js';
import { analyzeEvents, rankDataset } from './analyze.js';

let rid = 1;
const ev = (eventId: number, time: string, f: Partial<LogonEvent> = {}): LogonEvent => ({
  ...emptyEvent(eventId, time),
  recordId: rid++,
  channel: 'Security',
  computer: 'DC1.corp.example',
  ...f,
});
const logon = (time: string, user: string, ip: string, f: Partial<LogonEvent> = {}) =>
  ev(4624, time, {
    targetUser: user,
    targetDomain: 'CORP',
    ipAddress: ip,
    logonType: '3',
    authPackage: 'Kerberos',
    ...f,
  });

const meta = (recordsRead: number, skipped: Record<string, number> = {}) => ({
  sources: [],
  readStats: { recordsRead, eventsSkipped: skipped, warnings: 0 },
  now: '2026-01-01T00:00:00Z',
});

describe('analyzeEvents', () => {
  const events = [
    logon('2021-12-03T10:00:00Z', 'alice', '10.0.0.5'),
    logon('2021-12-03T11:00:00Z', 'alice', '10.0.0.5'),
    logon('2021-12-03T12:00:00Z', 'bob', '10.0.0.6'),
    ev(4672, '2021-12-03T12:00:00Z', { subjectUser: 'bob', subjectDomain: 'CORP' }),
    ev(4688, '2021-12-03T12:00:00Z'),
  ];

  it('writes a valid dataset whose statistics add up, with the reader’s skips', () => {
    const d = analyzeEvents(events, meta(7, { 'corrupt-record': 2 }));
    expect(validateDataset(d).ok).toBe(true);
    expect(d.readStats).toEqual({
      recordsRead: 7,
      eventsUsed: 4,
      eventsSkipped: { 'corrupt-record': 2, 'filtered-event-id': 1 },
      warnings: 0,
    });
    expect(d.timeRange).toEqual({ from: '2021-12-03T10:00:00Z', to: '2021-12-03T12:00:00Z' });
    expect(d.rankings.find((r) => r.node === 'account:corp\\bob')!.reasons[0]!.text).toBe(
      'privileged logons (4672) ×1',
    );
  });

  it('reports records it cannot account for, and never claims fewer records than events', () => {
    expect(analyzeEvents(events, meta(10)).readStats.eventsSkipped.unaccounted).toBe(5);
    expect(analyzeEvents(events, meta(0)).readStats.recordsRead).toBe(5);
  });

  it('keeps only the window when one is given', () => {
    const d = analyzeEvents(events, {
      ...meta(5),
      window: { from: '2021-12-03T11:00:00Z', to: '2021-12-03T12:00:00Z' },
    });
    expect(d.readStats.eventsUsed).toBe(1);
    expect(d.readStats.eventsSkipped['outside-window']).toBe(3);
    expect(d.window).toEqual({ from: '2021-12-03T11:00:00Z', to: '2021-12-03T12:00:00Z' });
  });

  it('rankDataset cuts edges and keeps the dataset valid', () => {
    const d = analyzeEvents(events, meta(5));
    const cut = rankDataset(d, { from: '2021-12-03T10:00:00Z', to: '2021-12-03T11:00:00Z' });
    expect(cut.edges.map((e) => [e.account, e.count])).toEqual([['account:corp\\alice', 1]]);
    expect(cut.nodes.map((n) => n.id).sort()).toEqual(['account:corp\\alice', 'host:dc1', 'ip:10.0.0.5']);
    expect(validateDataset(cut).ok).toBe(true);
    expect(rankDataset(d, null).edges).toHaveLength(2);
  });

  it('notes an address seen with two workstation names and does not merge them', () => {
    const d = analyzeEvents(
      [
        logon('2021-12-03T10:00:00Z', 'alice', '10.0.0.7', { workstation: 'WS1' }),
        logon('2021-12-03T18:00:00Z', 'bob', '10.0.0.7', { workstation: 'WS9' }),
        logon('2021-12-03T19:00:00Z', 'carol', '10.0.0.7'),
      ],
      meta(3),
    );
    const ip = d.nodes.find((n) => n.id === 'ip:10.0.0.7')!;
    expect(ip.names).toEqual(['ws1', 'ws9']);
    expect(ip.notes[0]).toBe('10.0.0.7 was seen as WS1 and WS9: kept apart (DHCP reuse or NAT), not merged');
    expect(d.edges.map((e) => e.source).sort()).toEqual(['host:ws1', 'host:ws9', 'ip:10.0.0.7']);
  });
});
