import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../core/analysis/index.js';
import { emptyEvent, type LogonEvent } from '../../core/events/logon-event.js';
import { buildExportDocs, exportIndex, exportTemplate, windowId } from './export.js';

function logon(i: number, user: string, ip: string, computer: string): LogonEvent {
  return {
    ...emptyEvent(4624, `2021-12-03T${String(8 + (i % 8)).padStart(2, '0')}:00:0${i % 10}.000Z`),
    recordId: 1000 + i,
    channel: 'Security',
    computer,
    targetUser: user,
    targetDomain: 'CORP',
    logonType: '3',
    ipAddress: ip,
    authPackage: 'NTLM',
  };
}

const events = Array.from({ length: 40 }, (_, i) =>
  logon(i, `user${i % 4}`, `10.0.0.${i % 3}`, `SRV${i % 2}.corp.local`),
);
const dataset = analyzeEvents(events, {
  sources: [],
  readStats: { recordsRead: 40, eventsSkipped: {}, warnings: 0 },
  now: '2021-12-04T00:00:00.000Z',
});
const window = { from: '2021-12-03T00:00:00.000Z', to: '2021-12-04T00:00:00.000Z' };
const source = { key: 'elasticsearch:prod/winlogbeat-*/day', description: 'prod' };

describe('export documents', () => {
  it('are deterministic: the same window and source give the same ids and content', () => {
    const a = buildExportDocs(dataset, window, source);
    const b = buildExportDocs(dataset, window, source);
    expect(a.docs.accounts.map((d) => d.id)).toEqual(b.docs.accounts.map((d) => d.id));
    expect(JSON.stringify(a.docs)).toBe(JSON.stringify(b.docs));
    const other = buildExportDocs(dataset, { ...window, to: '2021-12-05T00:00:00.000Z' }, source);
    expect(other.windowId).not.toBe(a.windowId);
    expect(new Set(other.docs.accounts.map((d) => d.id)).has(a.docs.accounts[0]?.id ?? '')).toBe(false);
    expect(windowId(source.key, window)).toBe(a.windowId);
  });
  it('describe the window: @timestamp is its start; one account document per ranked account', () => {
    const { docs, ranked } = buildExportDocs(dataset, window, source);
    const accounts = new Set(ranked.nodes.filter((n) => n.kind === 'account').map((n) => n.id));
    expect(docs.accounts).toHaveLength(ranked.rankings.filter((r) => accounts.has(r.node)).length);
    expect(docs.accounts.length).toBe(4);
    const first = docs.accounts[0]?.doc as {
      '@timestamp': string;
      rank: number;
      scores: Record<string, number>;
      tool: { name: string };
    };
    expect(first['@timestamp']).toBe(window.from);
    expect(first.rank).toBe(1);
    expect(typeof first.scores.pagerank).toBe('number');
    expect(first.tool.name).toBe('logonlens');
    expect(docs.hosts.length).toBeGreaterThan(0);
    expect(exportIndex('accounts', window)).toBe('logonlens-accounts-2021.12');
  });
  it('map scores as double and ids as keyword', () => {
    const t = JSON.stringify(exportTemplate('accounts'));
    expect(t).toContain('"scores.*"');
    expect(t).toContain('"double"');
    expect(exportTemplate('detections').index_patterns).toEqual(['logonlens-detections-*']);
  });
});
