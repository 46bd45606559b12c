import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../src/core/analysis/analyze.js';
import type { Dataset, Detection } from '../../src/core/dataset/index.js';
import { readJson } from '../../src/core/readers/winlogbeat/index.js';
import { ATTACK } from '../../src/server/demo/story/attack.js';
import { generateStoryWeek, STORY_FILE_NAME } from '../../src/server/demo/story/generate.js';
import { REPO_ROOT } from '../helpers/shared-data.js';

// The shipped demo week through the real JSON reader and the whole analysis: the attack's stages
// must each raise the detection an analyst is meant to find, and the ordinary week none of its own.
function analyze(text: string): Dataset {
  const r = readJson(text);
  return analyzeEvents(r.events, {
    sources: [],
    readStats: {
      recordsRead: r.stats.recordsRead,
      eventsSkipped: r.stats.skipped,
      warnings: r.warnings.length,
    },
    now: '2026-03-16T00:00:00Z',
  });
}

const shipped = readFileSync(path.join(REPO_ROOT, 'src/server/demo', STORY_FILE_NAME), 'utf8');
const week = analyze(shipped);
const byKind = (kind: string): Detection[] => week.detections.filter((d) => d.kind === kind);
const inAttack = (iso: string): boolean => iso >= `${ATTACK.day}T13:00` && iso < `${ATTACK.day}T15:00`;

describe('the demo week (src/server/demo)', () => {
  it('is a small domain: one DC, about 30 hosts, about 60 users and a few service accounts', () => {
    const hosts = week.nodes.filter((n) => n.kind === 'host');
    const accounts = week.nodes.filter((n) => n.kind === 'account');
    expect(hosts.length).toBe(33);
    // Every address resolves to its host (the one IP node is ::1 of the pass-the-hash, a hidden local source).
    expect(week.nodes.filter((n) => n.kind === 'ip' && n.hidden === null)).toEqual([]);
    expect(
      accounts
        .filter((a) => a.name.startsWith('svc-'))
        .map((a) => a.name)
        .sort(),
    ).toEqual(['svc-backup', 'svc-sql', 'svc-web']);
    expect(accounts.length).toBeGreaterThanOrEqual(60);
    expect(week.nodes.filter((n) => n.kind === 'domain').map((n) => n.label)).toEqual(['CORP']);
    expect(week.timeRange?.from.slice(0, 10)).toBe('2026-03-09');
    expect(week.timeRange?.to.slice(0, 10)).toBe('2026-03-15');
  });

  it('raises the password-spraying detection for WS17, high, at the time the story says', () => {
    const [spray, ...more] = byKind('password-spraying');
    expect(more).toEqual([]);
    expect(spray).toMatchObject({ severity: 'high' });
    expect(spray!.nodes[0]).toBe(`host:${ATTACK.source.toLowerCase()}`);
    expect(spray!.nodes.length - 1).toBeGreaterThanOrEqual(40);
    expect(spray!.first.slice(0, 16)).toBe(ATTACK.sprayStart);
    expect(spray!.last.slice(0, 16)).toBe(ATTACK.sprayEnd);
    expect(spray!.evidence.eventIds).toEqual(expect.arrayContaining([4625, 4771, 4776]));
  });

  it('shows the one guess that worked: a TGT for svc-backup from WS17 inside the spray', () => {
    const tgt = week.edges.find(
      (e) =>
        e.account === 'account:corp\\svc-backup' &&
        e.source === 'host:ws17' &&
        e.eventId === 4768 &&
        !e.failure,
    );
    expect(tgt?.first.slice(0, 16)).toBe(ATTACK.compromisedAt);
  });

  it('raises explicit credentials for the foothold user d.fischer, naming svc-backup', () => {
    const [x, ...more] = byKind('explicit-credentials');
    expect(more).toEqual([]);
    expect(x!.nodes).toEqual(['account:corp\\d.fischer']);
    expect(x!.detail).toContain('svc-backup');
    expect(x!.evidence.eventIds).toEqual([4648]);
    expect(inAttack(x!.first)).toBe(true);
  });

  it('moves laterally in time order: RDP WS17 → BACKUP01, then SMB BACKUP01 → APP01 and → DC01', () => {
    const edge = (source: string, target: string, logonType: string) =>
      week.edges.find(
        (e) =>
          e.account === 'account:corp\\svc-backup' &&
          e.source === source &&
          e.target === target &&
          e.eventId === 4624 &&
          e.logonType === logonType,
      );
    const rdp = edge('host:ws17', 'host:backup01', '10');
    const smbApp = edge('host:backup01', 'host:app01', '3');
    const smbDc = edge('host:backup01', 'host:dc01', '3');
    expect(rdp?.first.slice(0, 16)).toBe(ATTACK.rdpAt);
    expect(smbApp!.first > rdp!.first).toBe(true);
    expect(smbDc!.first > smbApp!.first).toBe(true);
    // None of these logons happens in the ordinary week.
    expect([rdp, smbApp, smbDc].every((e) => e!.count === 1)).toBe(true);
  });

  it('raises DCSync (high) for svc-backup, logged on to DC01 from BACKUP01, which is not a domain controller', () => {
    const [dcsync, ...more] = byKind('dcsync');
    expect(more).toEqual([]);
    expect(dcsync).toMatchObject({ severity: 'high', nodes: ['account:corp\\svc-backup'], count: 4 });
    expect(dcsync!.first.slice(0, 13)).toBe(ATTACK.dcsyncAt.slice(0, 13));
    expect(dcsync!.detail).toContain('DS-Replication-Get-Changes-All');
    // The machine it came from: svc-backup's network logon on DC01 at that time, from BACKUP01.
    const logon = week.edges.find(
      (e) => e.account === 'account:corp\\svc-backup' && e.target === 'host:dc01' && e.eventId === 4624,
    );
    expect(logon?.source).toBe(`host:${ATTACK.dcsyncFrom.toLowerCase()}`);
    expect(logon!.first.slice(0, 16)).toBe(ATTACK.dcsyncAt);
    // BACKUP01 never logs Kerberos KDC events: the analysis does not take it for a DC.
    expect(
      week.edges.some((e) => e.target === 'host:backup01' && [4768, 4769, 4771].includes(e.eventId)),
    ).toBe(false);
  });

  it('ends with pass-the-hash: a NewCredentials logon on BACKUP01, then Administrator over NTLM from it', () => {
    const pthLogon = week.edges.find(
      (e) => e.account === 'account:corp\\svc-backup' && e.target === 'host:backup01' && e.logonType === '9',
    );
    expect(pthLogon?.first.slice(0, 16)).toBe(ATTACK.passTheHashAt);
    const pth = week.edges.filter(
      (e) =>
        e.account === 'account:corp\\administrator' &&
        e.source === 'host:backup01' &&
        e.authPackage === 'NTLM',
    );
    expect(pth.map((e) => e.target).sort()).toEqual(['host:dc01', 'host:fs02']);
    expect(pth.every((e) => e.first.slice(0, 16) >= ATTACK.passTheHashAt)).toBe(true);
  });

  it('raises every high-severity detection inside the attack, and nothing else but the attack', () => {
    const high = week.detections.filter((d) => d.severity === 'high').map((d) => d.kind);
    expect(high).toEqual(expect.arrayContaining(['dcsync', 'password-spraying']));
    expect(week.detections.every((d) => inAttack(d.first) && inAttack(d.last))).toBe(true);
  });

  it('without the attack, the ordinary week raises no high-severity detection', () => {
    const ordinary = analyze(generateStoryWeek({ attack: false }));
    expect(ordinary.detections.filter((d) => d.severity === 'high')).toEqual([]);
    // Its typos are real failures, just too few to look like guessing.
    expect(ordinary.edges.some((e) => e.failure)).toBe(true);
  });
});
