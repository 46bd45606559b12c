import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyEvent, type LogonEvent } from '../../events/logon-event.js';
import { readEvtx } from '../../readers/evtx/index.js';
import { sharedData } from '../../../../test/helpers/shared-data.js';
import { analyzeEvents, ANALYSED_EVENT_IDS, rankDataset } from '../analyze.js';
import { validateDataset } from '../../dataset/validate.js';
import type { Dataset } from '../../dataset/schema.js';

let rid = 1;
const ev = (eventId: number, time: string, f: Partial<LogonEvent> = {}): LogonEvent => ({
  ...emptyEvent(eventId, time),
  recordId: rid++,
  channel: 'Security',
  computer: 'DC1.corp.example',
  ...f,
});
const meta = { sources: [], readStats: { recordsRead: 0, eventsSkipped: {}, warnings: 0 } };
const analyze = (events: LogonEvent[]): Dataset => {
  const d = analyzeEvents(events, meta);
  expect(validateDataset(JSON.parse(JSON.stringify(d))).ok).toBe(true);
  return d;
};
const kinds = (d: Dataset): string[] => d.detections.map((x) => x.kind).sort();
const sample = (name: string): Dataset =>
  analyze(
    readEvtx(new Uint8Array(readFileSync(sharedData('evtx', name))), { eventIds: ANALYSED_EVENT_IDS }).events,
  );

const logon = (f: Partial<LogonEvent>): LogonEvent =>
  ev(4624, '2024-01-01T10:00:00Z', {
    targetUser: 'alice',
    targetDomain: 'CORP',
    targetSid: 'S-1-5-21-1-2-3-1001',
    ...f,
  });

describe('pass-the-hash', () => {
  it('fires on type 9 + seclogo + Negotiate, not on other type 9 logons', () => {
    const hit = analyze([logon({ logonType: '9', logonProcess: 'seclogo', authPackage: 'Negotiate' })]);
    expect(kinds(hit)).toEqual(['pass-the-hash']);
    expect(hit.detections[0]!.severity).toBe('high');
    expect(hit.detections[0]!.nodes).toContain('account:corp\\alice');
    expect(
      kinds(analyze([logon({ logonType: '9', logonProcess: 'Advapi', authPackage: 'Negotiate' })])),
    ).toEqual([]);
    expect(
      kinds(analyze([logon({ logonType: '2', logonProcess: 'seclogo', authPackage: 'Negotiate' })])),
    ).toEqual([]);
  });

  it('finds Mimikatz sekurlsa::pth in the real sample, with its record', () => {
    const d = sample('m2a-pth-mimikatz.evtx');
    const pth = d.detections.find((x) => x.kind === 'pass-the-hash')!;
    expect(pth.evidence.recordIds).toEqual([67101]);
    expect(pth.evidence.computers).toEqual(['FS03.offsec.lan']);
  });
});

describe('RDP through a tunnel', () => {
  it('fires on type 10 from loopback only', () => {
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
      expect(kinds(analyze([logon({ logonType: '10', ipAddress: ip, workstation: 'WS1' })]))).toEqual([
        'rdp-tunnel',
      ]);
    expect(kinds(analyze([logon({ logonType: '10', ipAddress: '10.0.0.5' })]))).toEqual([]);
    expect(kinds(analyze([logon({ logonType: '2', ipAddress: '127.0.0.1' })]))).toEqual([]);
  });
});

describe('DCShadow by SPN', () => {
  const change = (spns: string): LogonEvent =>
    ev(4742, '2024-01-01T10:00:00Z', {
      targetUser: 'WS7$',
      targetDomain: 'CORP',
      subjectUser: 'mallory',
      subjectDomain: 'CORP',
      servicePrincipalNames: spns,
    });
  it('fires on GC/ or the DRS SPN, not on ordinary SPNs', () => {
    expect(kinds(analyze([change('\r\n\t\tHOST/ws7\r\n\t\tGC/ws7.corp.example/corp.example')]))).toEqual([
      'dcshadow-spn',
    ]);
    expect(kinds(analyze([change('E3514235-4B06-11D1-AB04-00C04FC2DCD2/guid/corp.example')]))).toEqual([
      'dcshadow-spn',
    ]);
    expect(kinds(analyze([change('HOST/ws7\r\n\t\tTERMSRV/ws7\r\n\t\tMSSQLSvc/gc.corp:1433')]))).toEqual([]);
  });
  it('finds the real sample', () => {
    const d = sample('m2a-4742-dcshadow-spn.evtx');
    expect(kinds(d)).toEqual(['dcshadow-spn']);
    expect(d.detections[0]!.evidence.recordIds.length).toBeGreaterThan(0);
  });
});

describe('samAccountName spoofing (noPac)', () => {
  it('fires on a machine account renamed without $, notes the rename back, ignores ordinary renames', () => {
    const d = analyze([
      ev(4781, '2024-01-01T10:00:00Z', {
        oldTargetUser: 'pc1$',
        newTargetUser: 'dc1',
        targetSid: 'S-1-5-21-1-2-3-1296',
        subjectUser: 'eve',
        subjectDomain: 'CORP',
      }),
      ev(4781, '2024-01-01T10:00:01Z', {
        oldTargetUser: 'dc1',
        newTargetUser: 'pc1$',
        targetSid: 'S-1-5-21-1-2-3-1296',
        subjectUser: 'eve',
        subjectDomain: 'CORP',
      }),
    ]);
    expect(kinds(d)).toEqual(['samaccountname-spoofing']);
    expect(d.detections[0]!.count).toBe(2);
    expect(d.detections[0]!.detail).toMatch(/domain controller DC1\.corp\.example/);
    expect(
      kinds(
        analyze([ev(4781, '2024-01-01T10:00:00Z', { oldTargetUser: 'jdoe', newTargetUser: 'john.doe' })]),
      ),
    ).toEqual([]);
    expect(
      kinds(analyze([ev(4781, '2024-01-01T10:00:00Z', { oldTargetUser: 'pc1$', newTargetUser: 'pc2$' })])),
    ).toEqual([]);
  });
  it('finds the rename and the DC-named tickets in the real samples', () => {
    expect(kinds(sample('m2a-4781-rename.evtx'))).toEqual(['samaccountname-spoofing']);
    expect(kinds(sample('m2a-4768-4769-host.evtx'))).toEqual(['samaccountname-spoofing']);
  });
});

describe('Zerologon', () => {
  it('fires when ANONYMOUS LOGON changes a computer account, not when an admin does', () => {
    const change = (subjectUser: string, subjectSid: string) =>
      ev(4742, '2024-01-01T10:00:00Z', {
        targetUser: 'DC1$',
        targetDomain: 'CORP',
        subjectUser,
        subjectSid,
        passwordLastSet: '1/1/2024 10:00:00 AM',
      });
    expect(kinds(analyze([change('ANONYMOUS LOGON', 'S-1-5-7')]))).toEqual(['zerologon']);
    const anon = ev(4624, '2024-01-01T09:59:00Z', {
      targetUser: 'ANONYMOUS LOGON',
      targetSid: 'S-1-5-7',
      logonType: '3',
      authPackage: 'NTLM',
      ipAddress: '10.0.0.66',
    });
    const d = analyze([anon, change('ANONYMOUS LOGON', 'S-1-5-7')]);
    const z = d.detections.find((x) => x.kind === 'zerologon')!;
    expect(z.evidence.eventIds).toEqual([4624, 4742]);
    expect(z.evidence.recordIds).toContain(anon.recordId);
    expect(z.detail).toMatch(/after an anonymous NTLM network logon/);
    expect(kinds(analyze([change('admin', 'S-1-5-21-1-2-3-500')]))).toEqual([]);
  });
});

describe('DCSync rights granted', () => {
  const sd = (trustee: string): LogonEvent =>
    ev(5136, '2024-01-01T10:00:00Z', {
      subjectUser: 'mallory',
      subjectDomain: 'CORP',
      objectDn: 'DC=corp,DC=example',
      attributeName: 'nTSecurityDescriptor',
      operationType: '%%14674',
      attributeValue: `O:BAG:BAD:AI(OA;;CR;1131f6aa-9c07-11d1-f79f-00c04fc2dcd2;;BA)(OA;;CR;1131f6ad-9c07-11d1-f79f-00c04fc2dcd2;;DD)(OA;;CR;1131f6ad-9c07-11d1-f79f-00c04fc2dcd2;;${trustee})(A;;RP;;;AU)`,
    });
  it('fires for a non-DC trustee and names the rights, not for the defaults', () => {
    const d = analyze([sd('S-1-5-21-1-2-3-1105')]);
    expect(kinds(d)).toEqual(['dcsync-rights-granted']);
    expect(d.detections[0]!.detail).toMatch(/DS-Replication-Get-Changes-All/);
    expect(kinds(analyze([sd('ED')]))).toEqual([]);
    expect(kinds(analyze([sd('S-1-5-21-1-2-3-516')]))).toEqual([]);
  });
  it('ignores other objects and attributes', () => {
    const other = sd('S-1-5-21-1-2-3-1105');
    expect(kinds(analyze([{ ...other, objectDn: 'CN=Users,DC=corp,DC=example' }]))).toEqual([]);
    expect(kinds(analyze([{ ...other, attributeName: 'description' }]))).toEqual([]);
  });
});

describe('golden ticket', () => {
  const tgt = (time: string, user = 'alice') =>
    ev(4768, time, {
      targetUser: user,
      targetDomain: 'CORP',
      ipAddress: '::ffff:10.0.0.5',
      status: '0x0',
      serviceName: 'krbtgt',
    });
  const tgs = (time: string, user = 'alice') =>
    ev(4769, time, {
      targetUser: `${user}@CORP.EXAMPLE`,
      targetDomain: 'CORP.EXAMPLE',
      ipAddress: '::ffff:10.0.0.5',
      status: '0x0',
      serviceName: 'cifs-fs1',
      ticketEncryption: '0x12',
    });
  it('fires on a service ticket that no TGT in its lifetime explains, on a DC log that covers it', () => {
    const d = analyze([tgt('2024-01-01T00:00:00Z'), tgs('2024-01-01T12:00:00Z')]);
    expect(kinds(d)).toEqual(['golden-ticket']);
    // An account this DC never issued a TGT to gets its tickets from another DC: silent.
    expect(kinds(analyze([tgt('2024-01-01T00:00:00Z', 'bob'), tgs('2024-01-01T12:00:00Z')]))).toEqual([]);
  });
  it('fires on a Kerberos network logon on the DC that no TGT explains', () => {
    const late = {
      ...logon({ logonType: '3', authPackage: 'Kerberos', ipAddress: '::ffff:10.0.0.5' }),
      time: '2024-01-01T12:00:00Z',
    };
    expect(kinds(analyze([tgt('2024-01-01T00:00:00Z'), late]))).toEqual(['golden-ticket']);
    expect(kinds(analyze([tgt('2024-01-01T00:00:00Z', 'bob'), tgt('2024-01-01T11:00:00Z'), late]))).toEqual(
      [],
    );
  });

  it('is silent when a TGT was issued within the lifetime, or the log is too short to tell', () => {
    expect(
      kinds(
        analyze([
          tgt('2024-01-01T00:00:00Z', 'bob'),
          tgt('2024-01-01T03:00:00Z'),
          tgs('2024-01-01T12:00:00Z'),
        ]),
      ),
    ).toEqual([]);
    expect(
      kinds(
        analyze([
          tgt('2024-01-01T08:00:00Z', 'bob'),
          tgt('2024-01-01T08:00:00Z'),
          tgs('2024-01-01T12:00:00Z'),
        ]),
      ),
    ).toEqual([]);
    // No TGT at all on this DC: the DC's log cannot tell.
    expect(kinds(analyze([ev(4624, '2024-01-01T00:00:00Z'), tgs('2024-01-01T12:00:00Z')]))).toEqual([]);
  });
  it('flags forged-ticket domain shapes in Kerberos logons, not NetBIOS names', () => {
    const k = (domain: string) => logon({ logonType: '3', authPackage: 'Kerberos', targetDomain: domain });
    expect(kinds(analyze([k('corp.example')]))).toEqual(['golden-ticket']);
    expect(analyze([k('eo.oe.kiwi :)')]).detections[0]!.severity).toBe('high');
    expect(kinds(analyze([k('CORP')]))).toEqual([]);
    expect(kinds(analyze([k('CORP.EXAMPLE')]))).toEqual([]);
    const tgsDomain = (domain: string) => ({ ...tgs('2024-01-01T12:00:00Z'), targetDomain: domain });
    expect(analyze([tgsDomain('eo.oe.kiwi :)')]).detections[0]!.severity).toBe('high');
    expect(kinds(analyze([tgsDomain('CORP.EXAMPLE')]))).toEqual([]);
  });
});

describe('explicit credentials (4648)', () => {
  const use = (time: string, target: string, server = 'fs1.corp.example') =>
    ev(4648, time, {
      computer: 'WS1.corp.example',
      subjectUser: 'mallory',
      subjectDomain: 'CORP',
      subjectSid: 'S-1-5-21-1-2-3-1107',
      targetUser: target,
      targetDomain: 'CORP',
      targetServerName: server,
    });
  const accounts = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      use(`2024-01-01T10:0${Math.floor(i / 10)}:${String(i % 60).padStart(2, '0')}Z`, `user${i}`),
    );

  it('becomes an edge: subject → account, from the computer to the target server', () => {
    const d = analyze([use('2024-01-01T10:00:00Z', 'bob')]);
    const e = d.edges.find((x) => x.eventId === 4648)!;
    expect(e).toMatchObject({
      account: 'account:corp\\bob',
      subject: 'account:corp\\mallory',
      source: 'host:ws1',
      target: 'host:fs1',
    });
    // It is not a logon: the rankings are those of a graph without it.
    expect(d.rankings.every((r) => (r.scores['pagerank'] ?? 0) === 0)).toBe(true);
  });

  it('draws the real samples: RunAs to localhost stays on the computer, net use goes to the server', () => {
    const runas = sample('m2a-runascs.evtx').edges.find((x) => x.eventId === 4648)!;
    expect(runas).toMatchObject({
      account: 'account:offsec\\test10',
      source: 'host:fs03',
      target: 'host:fs03',
    });
    const netuse = sample('m2a-netuse-4648.evtx').edges.find((x) => x.eventId === 4648)!;
    expect(netuse).toMatchObject({ target: 'host:fs03vuln', subject: 'account:offsec\\admmig' });
  });

  it('is a spray above 6 distinct accounts in an hour; 6 and an ordinary RunAs stay silent', () => {
    expect(kinds(analyze(accounts(7)))).toContain('explicit-credential-spray');
    expect(kinds(analyze(accounts(6)))).not.toContain('explicit-credential-spray');
    const runas = [
      use('2024-01-01T10:00:00Z', 'admin'),
      use('2024-01-01T10:05:00Z', 'admin'),
      use('2024-01-01T10:06:00Z', 'admin'),
    ];
    expect(kinds(analyze(runas))).not.toContain('explicit-credential-spray');
    expect(kinds(sample('m2a-runascs.evtx'))).not.toContain('explicit-credential-spray');
  });

  it('is recomputed for a window', () => {
    const d = analyze(accounts(7));
    expect(kinds(rankDataset(d, { from: '2024-01-01T10:00:00Z', to: '2024-01-01T11:00:00Z' }))).toContain(
      'explicit-credential-spray',
    );
    expect(kinds(rankDataset(d, { from: '2024-01-02T10:00:00Z', to: '2024-01-02T11:00:00Z' }))).not.toContain(
      'explicit-credential-spray',
    );
  });
});

describe('benign samples stay quiet', () => {
  it('raises none of the new detections on the benign logs', () => {
    const newKinds = new Set([
      'pass-the-hash',
      'rdp-tunnel',
      'dcshadow-spn',
      'samaccountname-spoofing',
      'zerologon',
      'golden-ticket',
      'dcsync-rights-granted',
      'explicit-credential-spray',
    ]);
    for (const f of [
      'sec-omer-size_t.evtx',
      'sec-omer-post.evtx',
      'sec-omer-newuser.evtx',
      'm2a-anon-donpapi.evtx',
      'm2a-4769-bloodhound.evtx',
    ])
      expect(
        kinds(sample(f)).filter((k) => newKinds.has(k)),
        f,
      ).toEqual([]);
  });
});

describe('hostile events', () => {
  it('keep the dataset valid and the texts bounded', () => {
    const huge = `<img src=x onerror=alert(1)>=HYPERLINK("x")${'A'.repeat(200_000)}\u202e`;
    const d = analyze([
      logon({ targetUser: huge, logonType: '9', logonProcess: 'seclogo', authPackage: 'Negotiate' }),
      ev(4781, '2024-01-01T10:00:00Z', { oldTargetUser: `${huge}$`, newTargetUser: huge }),
      ev(5136, '2024-01-01T10:00:00Z', {
        objectDn: 'DC=corp,DC=example',
        attributeName: 'nTSecurityDescriptor',
        attributeValue:
          '('.repeat(500_000) + 'OA;;CR;1131f6aa-9c07-11d1-f79f-00c04fc2dcd2;;S-1-5-21-9-9-9-1111)',
      }),
      ev(4742, '2024-01-01T10:00:00Z', { targetUser: 'X$', servicePrincipalNames: `GC/${huge}` }),
    ]);
    expect(kinds(d)).toEqual([
      'dcshadow-spn',
      'dcsync-rights-granted',
      'pass-the-hash',
      'samaccountname-spoofing',
    ]);
    for (const x of d.detections) {
      expect(x.title.length).toBeLessThanOrEqual(4096);
      expect(x.detail.length).toBeLessThanOrEqual(16_384);
    }
  });
});
