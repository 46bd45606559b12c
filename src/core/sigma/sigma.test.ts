import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyEvent, type LogonEvent } from '../events/logon-event.js';
import { readEvtx } from '../readers/evtx/index.js';
import { readXml } from '../readers/xml/index.js';
import { readJson } from '../readers/winlogbeat/index.js';
import { sharedData } from '../../../test/helpers/shared-data.js';
import { analyzeEvents } from '../analysis/analyze.js';
import { validateDataset } from '../dataset/validate.js';
import { loadSigmaRules } from './engine.js';
import { parseSigmaRule, type SigmaRule } from './rule.js';
import { base64Offsets, ipBytes } from './values.js';
import { unsafeRegexReason } from './safe-regex.js';

const event = (f: Partial<LogonEvent> = {}): LogonEvent => ({
  ...emptyEvent(4624, '2024-01-01T10:00:00Z'),
  recordId: 1,
  channel: 'Security',
  computer: 'WS1.corp.example',
  targetUser: 'alice',
  targetDomain: 'CORP',
  logonType: '3',
  ipAddress: '10.1.2.3',
  processName: 'C:\\Windows\\System32\\svchost.exe',
  ...f,
});

const rule = (detection: string, extra = ''): SigmaRule => {
  const text = `title: test rule
id: 11111111-2222-3333-4444-555555555555
level: high
logsource:
  product: windows
  service: security
${extra}detection:
${detection
  .trim()
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`;
  const r = parseSigmaRule(text, 'test.yml');
  if (!r.ok) throw new Error(`${r.problem.kind}: ${r.problem.reason}`);
  return r.rule;
};
const problem = (text: string) => {
  const r = parseSigmaRule(text, 'bad.yml');
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
};

describe('Sigma values', () => {
  it('matches whole values case-insensitively, with wildcards and escapes', () => {
    expect(rule('sel:\n  TargetUserName: ALICE\ncondition: sel').matches(event())).toBe(true);
    expect(rule('sel:\n  TargetUserName: ali\ncondition: sel').matches(event())).toBe(false);
    expect(rule('sel:\n  TargetUserName: a*e\ncondition: sel').matches(event())).toBe(true);
    expect(rule('sel:\n  TargetUserName: al?ce\ncondition: sel').matches(event())).toBe(true);
    expect(rule('sel:\n  TargetUserName: al?e\ncondition: sel').matches(event())).toBe(false);
    const star = event({ targetUser: 'a*b' });
    expect(rule("sel:\n  TargetUserName: 'a\\*b'\ncondition: sel").matches(star)).toBe(true);
    expect(
      rule("sel:\n  TargetUserName: 'a\\*b'\ncondition: sel").matches(event({ targetUser: 'axb' })),
    ).toBe(false);
    const slash = event({ targetUser: 'a\\b' });
    expect(rule("sel:\n  TargetUserName: 'a\\\\b'\ncondition: sel").matches(slash)).toBe(true);
    // A backslash before an ordinary character is itself.
    expect(
      rule("sel:\n  ProcessName: 'C:\\Windows\\System32\\svchost.exe'\ncondition: sel").matches(event()),
    ).toBe(true);
  });

  it('matches values with many wildcards in bounded time, also on long hostile fields', () => {
    const r = rule("sel:\n  TargetUserName: '*a*a*a*a*a*a*b'\ncondition: sel");
    expect(r.matches(event({ targetUser: 'a'.repeat(60_000) }))).toBe(false);
    expect(r.matches(event({ targetUser: `${'xa'.repeat(10)}B` }))).toBe(true);
    expect(
      rule("sel:\n  TargetUserName: '*l\\*c*'\ncondition: sel").matches(event({ targetUser: 'al*ce' })),
    ).toBe(true);
    expect(rule("sel:\n  TargetUserName|cased: '*L*C*'\ncondition: sel").matches(event())).toBe(false);
  });

  it('searches keywords in every field', () => {
    expect(rule('keywords:\n  - svchost\ncondition: keywords').matches(event())).toBe(true);
    expect(rule("keywords:\n  - 'system*svc'\ncondition: keywords").matches(event())).toBe(true);
    expect(rule("keywords:\n  - 'svchost*system'\ncondition: keywords").matches(event())).toBe(false);
  });

  it('treats numbers, lists (any) and null', () => {
    expect(rule('sel:\n  EventID: 4624\n  LogonType: 3\ncondition: sel').matches(event())).toBe(true);
    expect(rule('sel:\n  EventID: [4625, 4624]\ncondition: sel').matches(event())).toBe(true);
    expect(rule('sel:\n  Status: null\ncondition: sel').matches(event())).toBe(true);
    expect(rule('sel:\n  TargetUserName: null\ncondition: sel').matches(event())).toBe(false);
  });

  it('applies contains, startswith, endswith and all', () => {
    const p = 'ProcessName';
    expect(rule(`sel:\n  ${p}|contains: system32\ncondition: sel`).matches(event())).toBe(true);
    expect(rule(`sel:\n  ${p}|startswith: 'C:\\Windows'\ncondition: sel`).matches(event())).toBe(true);
    expect(rule(`sel:\n  ${p}|endswith: '\\svchost.exe'\ncondition: sel`).matches(event())).toBe(true);
    expect(rule(`sel:\n  ${p}|endswith: '\\cmd.exe'\ncondition: sel`).matches(event())).toBe(false);
    expect(rule(`sel:\n  ${p}|contains|all: [windows, svchost]\ncondition: sel`).matches(event())).toBe(true);
    expect(rule(`sel:\n  ${p}|contains|all: [windows, cmd]\ncondition: sel`).matches(event())).toBe(false);
    expect(rule(`sel:\n  ${p}|contains: [cmd, svchost]\ncondition: sel`).matches(event())).toBe(true);
    expect(rule(`sel:\n  ${p}|contains|cased: SYSTEM32\ncondition: sel`).matches(event())).toBe(false);
  });

  it('applies re (case-sensitive unless |i), cidr, exists and comparisons', () => {
    expect(rule("sel:\n  TargetUserName|re: '^al.ce$'\ncondition: sel").matches(event())).toBe(true);
    expect(rule("sel:\n  TargetUserName|re: '^ALICE$'\ncondition: sel").matches(event())).toBe(false);
    expect(rule("sel:\n  TargetUserName|re|i: '^ALICE$'\ncondition: sel").matches(event())).toBe(true);
    expect(rule('sel:\n  IpAddress|cidr: 10.0.0.0/8\ncondition: sel').matches(event())).toBe(true);
    expect(
      rule('sel:\n  IpAddress|cidr: 10.0.0.0/8\ncondition: sel').matches(
        event({ ipAddress: '::ffff:10.9.9.9' }),
      ),
    ).toBe(true);
    expect(rule('sel:\n  IpAddress|cidr: 192.168.0.0/16\ncondition: sel').matches(event())).toBe(false);
    expect(
      rule("sel:\n  IpAddress|cidr: 'fe80::/10'\ncondition: sel").matches(event({ ipAddress: 'fe80::1%12' })),
    ).toBe(true);
    expect(rule('sel:\n  Status|exists: false\ncondition: sel').matches(event())).toBe(true);
    expect(rule('sel:\n  LogonType|gte: 3\ncondition: sel').matches(event())).toBe(true);
    expect(rule('sel:\n  LogonType|gt: 3\ncondition: sel').matches(event())).toBe(false);
  });

  it('applies windash, base64 and base64offset', () => {
    const cmd = (v: string) => event({ processName: v });
    const r = rule("sel:\n  ProcessName|windash|contains: ' -enc '\ncondition: sel");
    for (const d of ['-', '/', '\u2013', '\u2014', '\u2015'])
      expect(r.matches(cmd(`powershell ${d}enc abc`))).toBe(true);
    expect(r.matches(cmd('powershell enc abc'))).toBe(false);
    // "http://" at offsets 0, 1 and 2 of an encoded text.
    const b = rule("sel:\n  ProcessName|base64offset|contains: 'http://'\ncondition: sel");
    expect(b.matches(cmd('aHR0cDovL2V4YW1wbGU='))).toBe(true); // 'http://example'
    expect(b.matches(cmd('IGh0dHA6Ly9l'))).toBe(true); // ' http://e'
    expect(b.matches(cmd('ICBodHRwOi8v'))).toBe(true); // '  http://'
    expect(b.matches(cmd('ZnRwOi8v'))).toBe(false); // 'ftp://'
    expect(base64Offsets([...'http://'].map((c) => c.charCodeAt(0)))).toEqual([
      'aHR0cDovL',
      'h0dHA6Ly',
      'odHRwOi8v',
    ]);
    expect(rule("sel:\n  ProcessName|base64: 'ab'\ncondition: sel").matches(cmd('YWI='))).toBe(true);
    expect(ipBytes('::1')).toEqual([...Array<number>(15).fill(0), 1]);
  });

  it('maps ECS names onto the same fields', () => {
    const r = rule(
      'sel:\n  winlog.event_id: 4624\n  winlog.event_data.TargetUserName: alice\n  source.ip|cidr: 10.0.0.0/8\n  winlog.logon.type: 3\ncondition: sel',
    );
    expect(r.matches(event())).toBe(true);
  });
});

describe('Sigma conditions', () => {
  const sels = `a:\n  TargetUserName: alice\nb:\n  LogonType: 10\nc:\n  IpAddress|startswith: '10.'\n_filter:\n  TargetDomainName: OTHER\n`;
  const check = (cond: string) => rule(`${sels}condition: ${cond}`).matches(event());
  it('evaluates and, or, not and parentheses with precedence', () => {
    expect(check('a and c')).toBe(true);
    expect(check('a and b')).toBe(false);
    expect(check('a and b or c')).toBe(true); // (a and b) or c
    expect(check('a and (b or c)')).toBe(true);
    expect(check('b or a and not c')).toBe(false); // b or (a and (not c))
    expect(check('not b')).toBe(true);
    expect(check('not (a or b)')).toBe(false);
    expect(check('a and not _filter')).toBe(true);
  });
  it('evaluates 1 of / all of with patterns and them', () => {
    expect(check('1 of them')).toBe(true);
    expect(check('all of them')).toBe(false);
    expect(check('all of a*')).toBe(true);
    expect(check('1 of b* or all of c')).toBe(true);
    expect(check('all of them and not b')).toBe(false);
    // `them` leaves out names starting with an underscore.
    expect(
      rule(`a:\n  TargetUserName: alice\n_x:\n  LogonType: 10\ncondition: all of them`).matches(event()),
    ).toBe(true);
  });
  it('indexes a rule by the event IDs its condition allows', () => {
    expect(
      [...rule('a:\n  EventID: 4624\nb:\n  EventID: [4625, 4771]\ncondition: a or b').eventIds!].sort(),
    ).toEqual([4624, 4625, 4771]);
    expect([
      ...rule('a:\n  EventID: [4624, 4625]\nb:\n  LogonType: 3\ncondition: a and b').eventIds!,
    ]).toEqual([4624, 4625]);
    expect(rule('a:\n  EventID: 4624\nb:\n  LogonType: 3\ncondition: a or b').eventIds).toBeNull();
    expect(rule('a:\n  - EventID: 4624\n  - EventID: 4648\ncondition: a').eventIds).toEqual(
      new Set([4624, 4648]),
    );
  });
});

describe('bad rules', () => {
  const base = 'title: t\nlogsource:\n  product: windows\n  service: security\n';
  it('reports malformed rules with file and reason', () => {
    expect(problem('title: [unclosed').kind).toBe('invalid');
    expect(problem(`${base}detection:\n  sel:\n    EventID: 1\n`).reason).toMatch(/condition/);
    expect(problem(`${base}detection:\n  sel:\n    EventID: 1\n  condition: sel and (x`).kind).toBe(
      'invalid',
    );
    expect(problem(`${base}detection:\n  sel:\n    EventID: 1\n  condition: nosuch`).reason).toMatch(
      /unknown selection/,
    );
    expect(
      problem(`${base}level: severe\ndetection:\n  sel:\n    EventID: 1\n  condition: sel`).reason,
    ).toMatch(/level/);
    expect(
      problem(`${base}detection:\n  sel:\n    EventID: 1\n  condition: sel`.replace('title: t\n', '')).reason,
    ).toBe('no title');
    expect(problem('title: [unclosed').file).toBe('bad.yml');
  });
  it('reports aggregations, other log sources, unknown fields and modifiers as unsupported', () => {
    const agg = problem(
      `${base}detection:\n  sel:\n    EventID: 4625\n  condition: sel | count() by IpAddress > 10`,
    );
    expect(agg).toMatchObject({ kind: 'unsupported', rule: 't' });
    expect(agg.reason).toMatch(/aggregation/);
    expect(problem(`${base}detection:\n  sel:\n    EventID: 1\n  timeframe: 5m\n  condition: sel`).kind).toBe(
      'unsupported',
    );
    expect(
      problem(
        `title: t\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n  sel:\n    Image: x\n  condition: sel`,
      ).reason,
    ).toMatch(/not Windows Security/);
    expect(problem(`${base}detection:\n  sel:\n    CommandLineX: 1\n  condition: sel`).reason).toMatch(
      /not read/,
    );
    expect(
      problem(`${base}detection:\n  sel:\n    TargetUserName|fieldref: x\n  condition: sel`).reason,
    ).toMatch(/modifier/);
  });
  it('refuses catastrophic regular expressions and accepts ordinary ones', () => {
    for (const re of [
      '(a+)+$',
      '(a*)*b',
      '(a|aa)+',
      '(\\w+\\s?)+$',
      '(x+x+)+y',
      '(a)\\1',
      '(?=a)b',
      '((ab)*)+',
    ])
      expect(unsafeRegexReason(re), re).not.toBeNull();
    for (const re of ['^al.ce$', '[a-z]+\\d{2,4}', '(abc|def)x', '^(?:CN=)?[^,]+,', '(ab)?c+', '[(+)]+'])
      expect(unsafeRegexReason(re), re).toBeNull();
    expect(unsafeRegexReason('a'.repeat(2000))).toMatch(/longer/);
  });
  it('still runs the good rules of a directory with bad ones', () => {
    const good = `${base}id: good-1\nlevel: high\ndetection:\n  sel:\n    EventID: 4624\n    LogonType: 3\n  condition: sel`;
    const set = loadSigmaRules([
      { file: 'good.yml', text: good },
      { file: 'broken.yml', text: 'title: [' },
      {
        file: 'redos.yml',
        text: `${base}detection:\n  sel:\n    TargetUserName|re: '(a+)+$'\n  condition: sel`,
      },
    ]);
    expect(set.rules.map((r) => r.id)).toEqual(['good-1']);
    expect(set.problems.map((p) => [p.file, p.kind])).toEqual([
      ['broken.yml', 'invalid'],
      ['redos.yml', 'invalid'],
    ]);
    expect(set.problems[1]!.reason).toMatch(/refused/);
    const d = analyzeEvents(
      [event()],
      { sources: [], readStats: { recordsRead: 1, eventsSkipped: {}, warnings: 0 } },
      { sigma: set },
    );
    expect(validateDataset(JSON.parse(JSON.stringify(d))).ok).toBe(true);
    const hit = d.detections.find((x) => x.kind === 'sigma')!;
    expect(hit).toMatchObject({
      title: 't',
      severity: 'high',
      count: 1,
      sigma: { id: 'good-1', level: 'high', file: 'good.yml' },
    });
    expect(hit.evidence).toMatchObject({ eventIds: [4624], recordIds: [1], computers: ['WS1.corp.example'] });
    expect(hit.nodes).toContain('account:corp\\alice');
    expect(d.coverage?.sigma?.problems).toHaveLength(2);
  });
});

describe('one rule, three formats', () => {
  // DCSync as the real sample holds it: 4662 with DS-Replication-Get-Changes-All by a user account.
  const dcsync = `title: Replication by a user account
id: 0a1b2c3d-0000-4000-8000-000000000001
level: high
logsource:
  product: windows
  service: security
detection:
  sel:
    EventID: 4662
    Properties|contains: '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2'
  filter_dc:
    SubjectUserName|endswith: '$'
  condition: sel and not filter_dc
`;
  const set = loadSigmaRules([{ file: 'dcsync.yml', text: dcsync }]);
  const hitsOf = (events: LogonEvent[]): number[] =>
    events
      .filter((e) => set.rulesFor(e.eventId).some((r) => r.matches(e)))
      .map((e) => e.recordId!)
      .sort((a, b) => a - b);

  it('matches the same records from EVTX, its XML rendering and Winlogbeat JSON', () => {
    const evtx = readEvtx(new Uint8Array(readFileSync(sharedData('evtx', 'm2a-dcsync.evtx')))).events;
    const xmlText = readFileSync(sharedData('expected-xml', 'm2a-dcsync.libevtx.xml'), 'utf8');
    const xml = readXml(new TextEncoder().encode(xmlText.slice(xmlText.indexOf('<Event')))).events;
    // Winlogbeat 8 documents of the same records (ECS: user.* moved, winlog.event_data kept).
    const json = evtx
      .map((e) =>
        JSON.stringify({
          '@timestamp': e.time,
          event: { code: String(e.eventId), provider: e.provider },
          winlog: {
            event_id: String(e.eventId),
            record_id: e.recordId,
            channel: e.channel,
            computer_name: e.computer,
            event_data: { Properties: e.properties, ObjectName: 'x' },
          },
          user: { name: e.subjectUser, domain: e.subjectDomain, id: e.subjectSid },
        }),
      )
      .join('\n');
    const fromJson = readJson(new TextEncoder().encode(json)).events;
    const expected = hitsOf(evtx);
    expect(expected.length).toBeGreaterThan(0);
    expect(hitsOf(xml)).toEqual(expected);
    expect(hitsOf(fromJson)).toEqual(expected);
  });
});
