// The analysis on the real sample logs (test/fixtures/logs): counts add up, detections fire where the
// attack is and nowhere else, and none of LogonTracer's defects (reference.md §1) is repeated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../helpers/shared-data.js';
import { readXml } from '../../src/core/readers/xml/index.js';
import type { LogonEvent } from '../../src/core/events/logon-event.js';
import {
  analyzeEvents,
  computeView,
  createGraphBuilder,
  DEFAULT_FILTERS,
  edgeKey,
  hourlyHistogram,
  LOGON_EDGE_EVENT_IDS,
  rankDataset,
} from '../../src/core/analysis/index.js';
import { validateDataset, type Dataset } from '../../src/core/dataset/index.js';

const SAMPLES = [
  'm2a-4625-accountrestore',
  'm2a-4719',
  'm2a-4756-exch',
  'm2a-4768-4769-host',
  'm2a-4769-bloodhound',
  'm2a-4771-valid',
  'm2a-5137-fakedc',
  'm2a-anon-donpapi',
  'm2a-dcsync',
  'm2a-hiddenuser',
  'm2a-kerbrute',
  'sec-omer-newuser',
  'sec-omer-post',
  'sec-omer-short',
  'sec-omer-size_t',
  'sys-tsevtx-system',
] as const;
type Sample = (typeof SAMPLES)[number];

const cache = new Map<
  Sample,
  { events: LogonEvent[]; recordsRead: number; skipped: Record<string, number> }
>();
function read(sample: Sample) {
  let r = cache.get(sample);
  if (r === undefined) {
    const result = readXml(readFileSync(sharedData('expected-xml', `${sample}.libevtx.xml`)));
    r = { events: result.events, recordsRead: result.stats.recordsRead, skipped: result.stats.skipped };
    cache.set(sample, r);
  }
  return r;
}

const NOW = '2026-01-01T00:00:00Z';
function analyze(events: LogonEvent[], recordsRead = events.length): Dataset {
  return analyzeEvents(events, {
    sources: [],
    readStats: { recordsRead, eventsSkipped: {}, warnings: 0 },
    now: NOW,
  });
}
function analyzeSample(sample: Sample): Dataset {
  const r = read(sample);
  return analyzeEvents(r.events, {
    sources: [],
    readStats: { recordsRead: r.recordsRead, eventsSkipped: r.skipped, warnings: 0 },
    now: NOW,
  });
}
const kinds = (d: Dataset): string[] => [...new Set(d.detections.map((x) => x.kind))].sort();
let nextRecord = 10_000_000;
const copy = (e: LogonEvent, over: Partial<LogonEvent>): LogonEvent => ({
  ...e,
  recordId: nextRecord++,
  ...over,
});

describe('analysis on the real samples', () => {
  describe.each(SAMPLES)('%s', (sample) => {
    it('gives a valid dataset whose reading statistics account for every record', () => {
      const d = analyzeSample(sample);
      const check = validateDataset(JSON.parse(JSON.stringify(d)));
      expect(check.ok ? [] : check.problems).toEqual([]);
      const skipped = Object.values(d.readStats.eventsSkipped).reduce((s, v) => s + v, 0);
      expect(d.readStats.recordsRead).toBe(read(sample).recordsRead);
      expect(d.readStats.eventsUsed + skipped).toBe(d.readStats.recordsRead);
      expect(d.readStats.eventsSkipped.unaccounted ?? 0).toBe(0);
    });

    it('for each logon event ID, edge counts sum to the events of that ID', () => {
      const d = analyzeSample(sample);
      for (const id of LOGON_EDGE_EVENT_IDS) {
        const events = read(sample).events.filter((e) => e.eventId === id).length;
        const edges = d.edges.filter((e) => e.eventId === id).reduce((s, e) => s + e.count, 0);
        expect(edges, `event ${id}`).toBe(events);
      }
      for (const e of d.edges) expect(e.hourly.reduce((s, [, c]) => s + c, 0)).toBe(e.count);
    });

    it('every logon event leads back to the edge it was counted in', () => {
      const b = createGraphBuilder();
      const events = read(sample).events;
      for (const e of events) b.add(e);
      const g = b.finish();
      const perEdge = new Map<string, number>();
      for (const e of events) {
        const id = g.edgeIdOf(e);
        if (id !== null) perEdge.set(id, (perEdge.get(id) ?? 0) + 1);
        else expect(LOGON_EDGE_EVENT_IDS.has(e.eventId)).toBe(false);
      }
      for (const edge of g.edges) expect(perEdge.get(edge.id), edge.id).toBe(edge.count);
    });
  });

  describe('detections fire on the sample that holds the attack, and not elsewhere', () => {
    const expected: Record<Sample, string[]> = {
      'm2a-4625-accountrestore': ['password-guessing'],
      'm2a-4719': ['audit-policy-changed'],
      'm2a-4756-exch': ['group-membership-changed'],
      // A TGT for the DC's own name without $: samAccountName spoofing (noPac), issue 15.
      'm2a-4768-4769-host': ['samaccountname-spoofing'],
      'm2a-4769-bloodhound': [],
      'm2a-4771-valid': ['password-guessing'],
      'm2a-5137-fakedc': ['dcshadow'],
      'm2a-anon-donpapi': [],
      'm2a-dcsync': ['dcsync'],
      'm2a-hiddenuser': ['account-created-deleted', 'group-membership-changed', 'log-cleared'],
      'm2a-kerbrute': ['password-spraying'],
      'sec-omer-newuser': ['account-created', 'group-membership-changed'],
      'sec-omer-post': ['account-created', 'group-membership-changed'],
      'sec-omer-short': [],
      'sec-omer-size_t': ['password-guessing'],
      'sys-tsevtx-system': [],
    };
    it.each(SAMPLES)('%s', (sample) => {
      expect(kinds(analyzeSample(sample))).toEqual(expected[sample]);
    });
  });

  it('DCSync names the non-DC account and the events, and ignores the DC replicating', () => {
    const d = analyzeSample('m2a-dcsync');
    const det = d.detections.find((x) => x.kind === 'dcsync')!;
    expect(det.nodes).toEqual(['account:offsec\\admmig']);
    expect(det.count).toBe(3);
    expect(det.evidence.eventIds).toEqual([4662]);
    expect(det.evidence.recordIds.sort()).toEqual([24485745, 24485746, 24485747]);
    expect(det.evidence.computers).toEqual(['rootdc1.offsec.lan']);
  });

  it('DCShadow names the object and the account', () => {
    const det = analyzeSample('m2a-5137-fakedc').detections[0]!;
    expect(det.detail).toContain(
      'CN=JUMP01,CN=Servers,CN=OFFSEC-PREMISE,CN=Sites,CN=Configuration,DC=offsec,DC=lan',
    );
    expect(det.nodes).toEqual(['account:offsec\\admmig']);
  });

  it('the hidden user (a $ name created with 4720) is shown, with its changes and the actor', () => {
    const d = analyzeSample('m2a-hiddenuser');
    const user = d.nodes.find((n) => n.id === 'account:fs03vuln\\3teamssixf$')!;
    expect(user.hidden).toBeNull();
    expect(user.flags.map((f) => f.kind)).toEqual([
      'group-added',
      'created',
      'group-added',
      'group-removed',
      'group-removed',
      'deleted',
    ]);
    expect(
      user.flags.find((f) => f.kind === 'group-added' && f.detail.includes('Administrators'))!.detail,
    ).toBe('added to group Builtin\\Administrators by OFFSEC\\admmig on fs03vuln.offsec.lan');
    const host = d.nodes.find((n) => n.id === 'host:fs03vuln')!;
    expect(host.flags[0]).toMatchObject({
      kind: 'log-cleared',
      detail: 'security log cleared by OFFSEC\\admmig on fs03vuln.offsec.lan',
    });
  });

  it('audit policy changes (4719) carry category and subcategory names', () => {
    const d = analyzeSample('m2a-4719');
    const details = d.nodes.find((n) => n.id === 'host:fs03')!.flags.map((f) => f.detail);
    expect(details).toHaveLength(30);
    expect(details).toContain('audit policy changed: Logon/Logoff › Special Logon by OFFSEC\\admmig');
    expect(details).toContain(
      'audit policy changed: Account Management › User Account Management by OFFSEC\\admmig',
    );
    expect(details.some((x) => x.includes('%%') || x.includes('0cce'))).toBe(false);
  });

  it('Kerbrute: spraying from one source over many accounts, with 0x12 statuses kept', () => {
    const d = analyzeSample('m2a-kerbrute');
    const det = d.detections.find((x) => x.kind === 'password-spraying')!;
    expect(det.nodes[0]).toBe('ip:10.23.123.11');
    expect(det.evidence.eventIds).toEqual([4768, 4771]);
    // LogonTracer's 8-hex-digit pattern drops 0x12; we keep it and count it as a failure.
    const revoked = d.edges.filter((e) => e.status === '0x12');
    expect(revoked.reduce((s, e) => s + e.count, 0)).toBe(15);
    expect(revoked.every((e) => e.failure)).toBe(true);
    const rank = d.rankings.find((r) => r.node === 'account:offsec.lan\\admin-hacker')!;
    expect(rank.reasons.map((r) => r.text)).toContain('1 failed Kerberos pre-auth (4771) from 10.23.123.11');
  });

  it('4771 brute force against one account: password guessing with the count in its reasons', () => {
    const d = analyzeSample('m2a-4771-valid');
    const rank = d.rankings.find((r) => r.node === 'account:offsec.lan\\admin-hacker')!;
    expect(rank.scores.failures).toBe(54);
    expect(rank.reasons[0]!.text).toBe('54 failed Kerberos pre-auth (4771) from 10.23.123.11');
    expect(d.detections[0]).toMatchObject({ kind: 'password-guessing', severity: 'high', count: 54 });
  });

  describe('LogonTracer defects we do not repeat', () => {
    it('ANONYMOUS LOGON is kept out of the default graph, counted, and shown on request', () => {
      const d = analyzeSample('m2a-anon-donpapi');
      const anon = d.nodes.find((n) => n.name === 'anonymous logon')!;
      expect(anon.hidden).toBe('anonymous');
      expect(computeView(d, null, DEFAULT_FILTERS).nodes.map((n) => n.id)).not.toContain(anon.id);
      expect(computeView(d, null, { ...DEFAULT_FILTERS, showHidden: true }).nodes.map((n) => n.id)).toContain(
        anon.id,
      );
      expect(d.edges.filter((e) => e.account === anon.id).reduce((s, e) => s + e.count, 0)).toBe(1);
    });

    it('NTLM network logons are found (LogonTracer compares with "NTML")', () => {
      const d = analyzeSample('m2a-anon-donpapi');
      const ntlm = d.edges.filter(
        (e) => e.eventId === 4624 && e.logonType === '3' && e.authPackage?.toUpperCase() === 'NTLM',
      );
      expect(ntlm.reduce((s, e) => s + e.count, 0)).toBe(15);
    });

    it('IP addresses match exactly: 10.0.0.1 does not take 10.0.0.10’s neighbours', () => {
      const base = read('m2a-dcsync').events.find((e) => e.eventId === 4624 && e.targetUser === 'admmig')!;
      const d = analyze([
        copy(base, { ipAddress: '10.0.0.1', targetUser: 'alice' }),
        copy(base, { ipAddress: '10.0.0.10', targetUser: 'bob' }),
        copy(base, { ipAddress: '10.0.0.10', targetUser: 'carol' }),
      ]);
      const v = computeView(d, null, DEFAULT_FILTERS, { pagerank: 'logontracer' });
      expect(v.rankings.get('ip:10.0.0.1')!.scores.degree).toBe(1);
      expect(v.rankings.get('ip:10.0.0.10')!.scores.degree).toBe(2);
      expect(d.edges.filter((e) => e.source === 'ip:10.0.0.1').map((e) => e.account)).toEqual([
        'account:offsec.lan\\alice',
      ]);
    });

    it('a 4662 without replication GUIDs is no DCSync; the DC’s own replication neither', () => {
      const events = read('m2a-dcsync').events.map((e) =>
        e.eventId === 4662 && e.subjectUser === 'admmig'
          ? { ...e, properties: '%%7688 {19195a5b-6da0-11d0-afd3-00c04fd930c9}' }
          : e,
      );
      expect(kinds(analyze(events))).toEqual([]);
    });

    it('a single 5137 that does not touch nTDSDSA or a server under Sites is no DCShadow', () => {
      const [e] = read('m2a-5137-fakedc').events;
      expect(
        kinds(analyze([{ ...e!, objectClass: 'user', objectDn: 'CN=JUMP01,OU=Users,DC=offsec,DC=lan' }])),
      ).toEqual([]);
      expect(kinds(analyze([{ ...e!, objectDn: 'CN=JUMP01,OU=Servers,DC=offsec,DC=lan' }]))).toEqual([]);
      expect(kinds(analyze([{ ...e!, subjectUser: 'ROOTDC2$' }]))).toEqual([]);
    });

    it('a day without events does not stop the analysis (LogonTracer’s HMM loop does)', () => {
      const events = read('m2a-dcsync').events;
      const later = events.map((e) => copy(e, { time: e.time.replace('2020-08-02', '2020-08-05') }));
      const d = analyze([...events, ...later]);
      const days = new Set(
        hourlyHistogram(d).map(([h]) => new Date(h * 3_600_000).toISOString().slice(0, 10)),
      );
      expect([...days]).toEqual(['2020-08-02', '2020-08-05']);
      const admmig = d.edges
        .filter((e) => e.account === 'account:offsec\\admmig')
        .reduce((s, e) => s + e.count, 0);
      expect(admmig).toBe(20);
      expect(d.detections.find((x) => x.kind === 'dcsync')!.last.startsWith('2020-08-05')).toBe(true);
      const rank = rankDataset(d, { from: '2020-08-05T00:00:00Z', to: '2020-08-06T00:00:00Z' });
      expect(rank.edges.reduce((s, e) => s + e.count, 0)).toBe(14);
    });

    it('appending the same file twice doubles nothing', () => {
      const events = read('sec-omer-size_t').events;
      const once = analyze(events);
      const twice = analyze([...events, ...events], events.length * 2);
      expect(twice.edges).toEqual(once.edges);
      expect(twice.nodes).toEqual(once.nodes);
      expect(twice.readStats.eventsSkipped.duplicate).toBe(once.readStats.eventsUsed);
    });

    it('edges are identified by their full key, so two datasets can be diffed edge by edge', () => {
      const d = analyzeSample('m2a-kerbrute');
      const keys = d.edges.map(edgeKey);
      expect(new Set(keys).size).toBe(keys.length);
      // Many edges share their source: a diff by source alone would merge them.
      expect(new Set(d.edges.map((e) => e.source)).size).toBe(1);
      // Ids come from the key: the same edge has the same id in another analysis.
      const again = analyze(read('m2a-kerbrute').events.slice(0, 10));
      for (const e of again.edges) expect(d.edges.find((x) => x.id === e.id)).toBeDefined();
    });

    it('times are UTC whatever the local time zone', () => {
      const events = read('sec-omer-size_t').events;
      const saved = process.env.TZ;
      try {
        process.env.TZ = 'Asia/Tokyo';
        const tokyo = JSON.stringify(analyze(events));
        process.env.TZ = 'America/Los_Angeles';
        const la = JSON.stringify(analyze(events));
        expect(new Date(2020, 0, 1).getTimezoneOffset()).toBe(480); // the zone change took effect
        expect(la).toBe(tokyo);
        expect(tokyo).toContain('"first":"2015-08-23T10:29:51.0265000Z"');
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });

    it('hostile strings stay data: the dataset is valid and holds them as written', () => {
      const base = read('m2a-dcsync').events.find((e) => e.eventId === 4624 && e.targetUser === 'admmig')!;
      const html = '<script>alert(1)</script>';
      const formula = '=HYPERLINK("http://x","y")';
      const big = 'A'.repeat(2_000_000);
      const d = analyze([
        copy(base, { targetUser: html, workstation: formula }),
        copy(base, { targetUser: `x\u0000\u001b[2J'; MATCH (n) DETACH DELETE n //`, ipAddress: big }),
        copy(base, { targetUser: big, targetDomain: big }),
      ]);
      const check = validateDataset(JSON.parse(JSON.stringify(d)));
      expect(check.ok ? [] : check.problems).toEqual([]);
      expect(d.nodes.some((n) => n.label.includes(html))).toBe(true);
      expect(
        d.nodes.some(
          (n) =>
            n.label === formula.toUpperCase() ||
            n.names.includes(formula.toLowerCase()) ||
            n.label === formula,
        ),
      ).toBe(true);
      expect(d.nodes.some((n) => n.label.includes('DETACH DELETE'))).toBe(true);
    });
  });

  it('merges the NetBIOS and FQDN spellings of a domain when a SID ties them', () => {
    const d = analyzeSample('m2a-dcsync');
    // 4624 says OFFSEC.LAN, 4662 says OFFSEC, both with admmig's SID.
    expect(d.nodes.filter((n) => n.kind === 'account' && n.name === 'admmig').map((n) => n.id)).toEqual([
      'account:offsec\\admmig',
    ]);
    expect(d.nodes.find((n) => n.id === 'domain:offsec')!.names).toEqual(['offsec.lan']);
  });

  it('rankDataset cuts to a window, keeps overlapping detections and stays valid', () => {
    const d = analyzeSample('sec-omer-size_t');
    const w = { from: '2015-08-23T10:00:00Z', to: '2015-08-23T12:00:00Z' };
    const cut = rankDataset(d, w, { pagerank: 'logontracer' });
    expect(cut.window).toEqual(w);
    expect(validateDataset(JSON.parse(JSON.stringify(cut))).ok).toBe(true);
    expect(cut.edges.length).toBeGreaterThan(0);
    expect(cut.edges.length).toBeLessThan(d.edges.length);
    for (const e of cut.edges)
      for (const [h] of e.hourly) expect(h * 3_600_000).toBeGreaterThanOrEqual(Date.parse(w.from));
  });
});
