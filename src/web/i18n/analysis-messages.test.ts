import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeEvents, computeView, DEFAULT_FILTERS } from '../../core/analysis/index.js';
import type { Dataset, Message } from '../../core/dataset/index.js';
import { emptyEvent, type LogonEvent } from '../../core/events/index.js';
import { loadSigmaRules } from '../../core/sigma/index.js';
import { analysisTextIn } from './analysis-text';
import { i18n } from './i18n';

/** Every text of the analysis that carries a message: its stored English text and the message. */
interface Written {
  where: string;
  text: string;
  message: Message;
  /** A detection's details, shown joined. */
  parts?: Message[];
}

function writtenTexts(d: Dataset): Written[] {
  const out: Written[] = [];
  const view = computeView(d, null, DEFAULT_FILTERS);
  for (const r of view.rankings.values())
    for (const reason of r.reasons)
      if (reason.message)
        out.push({ where: `reason ${reason.score}`, text: reason.text, message: reason.message });
  for (const n of d.nodes)
    for (const f of n.flags)
      if (f.detailMessage) out.push({ where: `flag ${f.kind}`, text: f.detail, message: f.detailMessage });
  for (const x of d.detections) {
    if (x.titleMessage) out.push({ where: `title ${x.kind}`, text: x.title, message: x.titleMessage });
    // Several details are shown one after the other: the test joins them as the text does.
    if (x.detailMessages !== undefined)
      out.push({
        where: `detail ${x.kind}`,
        text: x.detail,
        message: { key: 'verbatim', params: { text: '' } },
        parts: x.detailMessages,
      });
  }
  for (const n of d.nodes)
    n.notes.forEach((text, i) => {
      const m = n.noteMessages?.[i];
      if (m) out.push({ where: `note ${n.kind}`, text, message: m });
    });
  for (const b of d.coverage?.blind ?? [])
    if (b.noteMessage) out.push({ where: `coverage ${b.detection}`, text: b.note, message: b.noteMessage });
  return out;
}

/**
 * Events that make the analysis write each kind of text: flags, failures and logons for reasons, and
 * the events of every detection (as in graph-builder.test.ts and event-detections.test.ts). Web tests
 * cannot read the sample logs (no Node types here); the core tests run the detections on those.
 */
function syntheticEvents(): LogonEvent[] {
  let record = 1;
  const ev = (eventId: number, time: string, f: Partial<LogonEvent> = {}): LogonEvent => ({
    ...emptyEvent(eventId, time),
    recordId: record++,
    channel: 'Security',
    computer: 'DC1.corp.example',
    ...f,
  });
  const user = { targetDomain: 'CORP', targetSid: 'S-1-5-21-1-2-3-1001' };
  const spray = Array.from({ length: 8 }, (_, i) =>
    ev(4648, `2024-01-01T10:00:${String(i).padStart(2, '0')}Z`, {
      computer: 'WS1.corp.example',
      subjectUser: 'mallory',
      subjectDomain: 'CORP',
      targetUser: `user${i}`,
      targetDomain: 'CORP',
      targetServerName: 'fs1.corp.example',
    }),
  );
  const guesses = Array.from({ length: 6 }, (_, i) =>
    ev(4625, `2024-01-01T11:00:0${i}Z`, {
      targetUser: `victim${i}`,
      targetDomain: 'CORP',
      logonType: '3',
      ipAddress: '10.0.0.66',
      status: '0xc000006d',
    }),
  );
  const admin = { subjectUser: 'admin', subjectDomain: 'CORP', subjectSid: 'S-1-5-21-1-2-3-500' };
  const logons = ['10.0.0.5', '10.0.0.6', '10.0.0.7'].flatMap((ip, i) => [
    ev(4624, `2024-01-01T0${i + 1}:00:00Z`, { targetUser: 'alice', ...user, logonType: '3', ipAddress: ip }),
    ev(4624, `2024-01-01T0${i + 1}:00:00Z`, {
      targetUser: 'alice',
      ...user,
      logonType: '3',
      ipAddress: ip,
      computer: 'FS1.corp.example',
    }),
    ev(4672, `2024-01-01T0${i + 1}:00:00Z`, { subjectUser: 'alice', subjectDomain: 'CORP' }),
  ]);
  const failures = [4625, 4771, 4776, 4768, 4769].map((eventId, i) =>
    ev(eventId, `2024-01-01T05:0${i}:00Z`, {
      targetUser: 'alice',
      ...user,
      logonType: '3',
      ipAddress: i === 0 ? null : '10.0.0.9',
      workstation: i === 0 ? null : 'WS9',
      status: eventId === 4625 ? '0xc000006d' : '0x18',
    }),
  );
  const notes = [
    ev(4720, '2024-01-01T06:00:00Z', {
      targetUser: 'hidden$',
      targetDomain: 'CORP',
      targetSid: 'S-1-5-21-1-2-3-2000',
    }),
    ...['S-1-5-21-1-2-3-3001', 'S-1-5-21-1-2-3-3002'].map((sid) =>
      ev(4624, '2024-01-01T07:00:00Z', {
        targetUser: 'frank',
        targetDomain: 'CORP',
        targetSid: sid,
        logonType: '3',
      }),
    ),
    ...['WSA', 'WSB'].map((workstation) =>
      ev(4624, '2024-01-01T07:00:00Z', {
        targetUser: 'frank',
        targetDomain: 'CORP',
        logonType: '3',
        ipAddress: '10.0.0.50',
        workstation,
      }),
    ),
  ];
  return [
    ...notes,
    ...logons,
    ...failures,
    ev(4720, '2024-01-01T06:00:00Z', { targetUser: 'newbie', targetDomain: 'CORP', ...admin }),
    ev(4728, '2024-01-01T06:00:00Z', {
      ...admin,
      memberName: 'CN=newbie,CN=Users,DC=corp,DC=example',
      groupName: 'Domain Admins',
      targetDomain: 'CORP',
    }),
    ev(4729, '2024-01-01T06:10:00Z', { ...admin, memberName: 'CN=eve,CN=Users,DC=corp,DC=example' }),
    ev(4719, '2024-01-01T06:00:00Z', {
      ...admin,
      categoryId: '%%8278',
      subcategoryGuid: '{0CCE9235-69AE-11D9-BED3-505054503030}',
    }),
    ev(4719, '2024-01-01T06:00:00Z', { ...admin, categoryId: '%%9999' }),
    ev(1102, '2024-01-01T06:00:00Z', admin),
    ev(4662, '2024-01-01T06:00:00Z', {
      subjectUser: 'mallory',
      subjectDomain: 'CORP',
      properties: '%%7688 {1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}',
    }),
    ev(5137, '2024-01-01T06:00:00Z', {
      subjectUser: 'mallory',
      subjectDomain: 'CORP',
      objectDn:
        'CN=NTDS Settings,CN=ROGUE,CN=Servers,CN=Default,CN=Sites,CN=Configuration,DC=corp,DC=example',
      objectClass: 'nTDSDSA',
    }),
    ev(4648, '2024-01-01T06:00:00Z', {
      computer: 'WS1.corp.example',
      subjectUser: 'bob',
      subjectDomain: 'CORP',
      targetUser: 'alice',
      targetDomain: 'CORP',
      targetServerName: 'fs1.corp.example',
    }),
    ev(4624, '2024-01-01T10:00:00Z', {
      targetUser: 'dave',
      ...user,
      logonType: '9',
      logonProcess: 'seclogo',
      authPackage: 'Negotiate',
    }),
    ev(4624, '2024-01-01T10:00:00Z', {
      targetUser: 'alice',
      ...user,
      logonType: '10',
      ipAddress: '127.0.0.1',
    }),
    ev(4624, '2024-01-01T10:00:00Z', {
      targetUser: 'alice',
      ...user,
      targetDomain: 'kiwi',
      authPackage: 'Kerberos',
    }),
    ev(4769, '2024-01-01T10:00:00Z', {
      targetUser: 'bob',
      targetDomain: 'corp',
      status: '0x0',
      serviceName: 'x',
    }),
    ev(4742, '2024-01-01T10:00:00Z', {
      targetUser: 'WS7$',
      subjectUser: 'mallory',
      servicePrincipalNames: 'GC/ws7.corp.example E3514235-4B06-11D1-AB04-00C04FC2DCD2/guid/corp.example',
    }),
    ev(4624, '2024-01-01T09:59:00Z', {
      targetUser: 'ANONYMOUS LOGON',
      targetSid: 'S-1-5-7',
      logonType: '3',
      authPackage: 'NTLM',
      ipAddress: '10.0.0.66',
    }),
    ev(4742, '2024-01-01T10:00:00Z', {
      targetUser: 'DC1$',
      subjectUser: 'ANONYMOUS LOGON',
      subjectSid: 'S-1-5-7',
      passwordLastSet: '1/1/2024 10:00:00 AM',
    }),
    ev(5805, '2024-01-01T10:00:00Z', { provider: 'NETLOGON', channel: 'System' }),
    ev(5827, '2024-01-01T10:00:00Z', {
      provider: 'NETLOGON',
      channel: 'System',
      computer: 'DC2.corp.example',
    }),
    ev(4781, '2024-01-01T10:00:00Z', { oldTargetUser: 'pc1$', newTargetUser: 'dc1', subjectUser: 'eve' }),
    ev(4781, '2024-01-01T10:00:01Z', { oldTargetUser: 'dc1', newTargetUser: 'pc1$', subjectUser: 'eve' }),
    ev(4781, '2024-01-01T10:00:00Z', {
      oldTargetUser: 'pc2$',
      newTargetUser: 'mallorypc',
      targetSid: 'S-1-5-21-9',
    }),
    ev(4769, '2024-01-01T10:00:00Z', { targetUser: 'dc1@CORP.EXAMPLE', status: '0x0', serviceName: 'cifs' }),
    ev(5136, '2024-01-01T10:00:00Z', {
      subjectUser: 'mallory',
      objectDn: 'DC=corp,DC=example',
      attributeName: 'nTSecurityDescriptor',
      operationType: '%%14674',
      attributeValue: 'O:BAG:BAD:AI(OA;;CR;1131f6ad-9c07-11d1-f79f-00c04fc2dcd2;;S-1-5-21-1-2-3-1105)',
    }),
    ev(4768, '2024-01-01T00:00:00Z', { targetUser: 'carol', ipAddress: '::ffff:10.0.0.5', status: '0x0' }),
    ev(4769, '2024-01-01T12:00:00Z', {
      targetUser: 'carol@CORP.EXAMPLE',
      targetDomain: 'CORP.EXAMPLE',
      ipAddress: '::ffff:10.0.0.5',
      status: '0x0',
      serviceName: 'svc_sql',
      ticketEncryption: '0x17',
    }),
    ev(4726, '2024-01-01T10:00:00Z', { targetUser: 'temp', ...user, subjectUser: 'admin' }),
    ...spray,
    ...guesses,
  ];
}

const SIGMA = loadSigmaRules([
  {
    file: 'described.yml',
    text: 'title: a rule\nid: r-1\nlevel: low\ndescription: what it finds\nlogsource:\n  product: windows\n  service: security\ndetection:\n  sel:\n    EventID: 4781\n  condition: sel\n',
  },
  {
    file: 'plain.yml',
    text: 'title: b rule\nid: r-2\nlevel: high\nlogsource:\n  product: windows\n  service: security\ndetection:\n  sel:\n    EventID: 5136\n  condition: sel\n',
  },
]);

const keysOf = (m: Message): string[] => [
  m.key,
  ...Object.values(m.params ?? {}).flatMap((v) =>
    typeof v === 'object'
      ? (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === 'object' ? keysOf(x) : []))
      : [],
  ),
];

/** The app formats numbers for the reader (1,234); the stored text does not. */
const ungrouped = (text: string): string => text.replace(/(\d),(?=\d{3}\b)/g, '$1');

describe('the analysis messages', () => {
  const written: Written[] = [];
  beforeAll(() => {
    const meta = { sources: [], readStats: { recordsRead: 0, eventsSkipped: {}, warnings: 0 } };
    // A dataset that holds no event at all: every detection is blind (the coverage notes).
    written.push(...writtenTexts(analyzeEvents([], meta)));
    const synthetic = analyzeEvents(syntheticEvents(), meta, { sigma: SIGMA });
    written.push(...writtenTexts(JSON.parse(JSON.stringify(synthetic)) as Dataset));
  });

  it('cover reasons, flags, detections and coverage notes', () => {
    const kinds = new Set(written.map((w) => w.where.split(' ')[0]));
    expect([...kinds].sort()).toEqual(['coverage', 'detail', 'flag', 'note', 'reason', 'title']);
    const keys = new Set(written.flatMap((w) => (w.parts ?? [w.message]).flatMap(keysOf)));
    expect(keys.size).toBeGreaterThan(100);
  });

  it('render in English as the text the analysis stores (the CLI, the report and older apps read)', () => {
    const en = analysisTextIn('en');
    const show = (w: Written): string | null => {
      if (w.parts === undefined) return en.message(w.message);
      const parts = w.parts.map(en.message);
      return parts.every((p) => p !== null) ? parts.join('; ') : null;
    };
    const differ = written
      .map((w) => ({ ...w, shown: show(w) }))
      .filter((w) => w.shown === null || ungrouped(w.shown) !== w.text)
      .map((w) => `${w.where}: ${JSON.stringify(w.shown)} ≠ ${JSON.stringify(w.text)}`);
    expect([...new Set(differ)]).toEqual([]);
  });

  it('render in Japanese with every id known and no English sentence left', () => {
    const ja = analysisTextIn('ja');
    const messages = written.flatMap((w) => w.parts ?? [w.message]);
    const unknown = messages.filter((m) => ja.message(m) === null).map((m) => m.key);
    expect([...new Set(unknown)]).toEqual([]);
    const english = messages
      .map((m) => ja.message(m)!)
      .filter((text) => /(^|\s)(the|with|from|logged|failed|events?|accounts?)\s/.test(text));
    expect([...new Set(english)].slice(0, 10)).toEqual([]);
  });
});

describe('a message the app does not know', () => {
  it('shows the stored text, in every language', async () => {
    const reason = { score: 'failures', text: 'stored text', message: { key: 'reason.fromTheFuture' } };
    expect(analysisTextIn('ja').reason(reason)).toBe('stored text');
    const nested = { key: 'reason.events', params: { count: 2, events: { key: 'event.99999' } } };
    expect(analysisTextIn('ja').reason({ ...reason, message: nested })).toBe('stored text');
    const group = { key: 'reason', params: {} };
    expect(analysisTextIn('en').reason({ ...reason, message: group })).toBe('stored text');
    expect(i18n.language).toBe('en');
  });

  it('shows log text in parameters as text', () => {
    const hostile = '<img src=x onerror=alert(1)> {{count}}';
    const title = analysisTextIn('ja').title({
      id: 'x',
      kind: 'password-guessing',
      title: 'Password guessing against x',
      titleMessage: { key: 'detection.passwordGuessing', params: { account: hostile } },
      severity: 'high',
      nodes: [],
      first: '2024-01-01T00:00:00Z',
      last: '2024-01-01T00:00:00Z',
      count: 1,
      detail: '',
      evidence: { eventIds: [], recordIds: [], computers: [] },
    });
    expect(title).toBe(`${hostile} に対するパスワード推測`);
  });
});
