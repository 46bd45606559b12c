import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOGON_EVENT_FIELDS } from '../../src/core/events/index.js';
import { run } from '../../src/server/cli/main.js';
import { csvCell, escapeControls } from '../../src/server/cli/commands/events.js';
import { REPO_ROOT, sharedData } from '../helpers/shared-data.js';
import { buildLargeEvtx } from '../../bench/evtx-build.js';

const FIX = path.join(REPO_ROOT, 'test/fixtures');
const tmp = mkdtempSync(path.join(tmpdir(), 'logonlens-cli-events-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const code = await run(['events', ...args], { stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

const lines = (s: string): Array<Record<string, unknown>> =>
  s
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('logonlens events', () => {
  it('writes every record as NDJSON with the model fields in order, absent fields null', async () => {
    const r = await cli([path.join(FIX, 'xml/windows-security.xml')]);
    expect(r.code).toBe(0);
    const events = lines(r.stdout);
    expect(events.map((e) => e.eventId)).toEqual([4624, 4625, 4728, 1102, 4662, 5141, 4719]);
    for (const e of events) expect(Object.keys(e)).toEqual([...LOGON_EVENT_FIELDS]);
    expect(events[0]).toMatchObject({ targetUser: 'alice', ipAddress: '10.0.4.42', serviceName: null });
    expect(r.stderr).toContain('windows-security.xml: xml, 7 records read, 7 events written, 0 warnings');
  });

  it('filters with --ids, --from and --to', async () => {
    const r = await cli([
      '--ids',
      '4624,4625,4728',
      '--from=2024-03-05T08:16:00Z',
      '--to',
      '2024-03-05T08:17:00.5Z',
      path.join(FIX, 'xml/windows-security.xml'),
    ]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((e) => e.recordId)).toEqual([1002]);
    expect(r.stderr).toContain('filtered-event-id 4');
    expect(r.stderr).toContain('filtered-time 2');
  });

  it('reads several files of different formats in one run', async () => {
    const r = await cli([
      path.join(FIX, 'json/winlogbeat7.ndjson'),
      path.join(FIX, 'json/elastic-agent-search.json'),
    ]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(9);
    expect(r.stderr).toContain('total: 9 records read, 9 events written, 0 warnings');
  });

  it('writes CSV with neutralized formulas and escaped control characters', async () => {
    const file = path.join(tmp, 'hostile.ndjson');
    const doc = {
      '@timestamp': '2024-01-01T00:00:00Z',
      winlog: {
        event_id: '4625',
        computer_name: '@SUM(1+1)',
        event_data: {
          TargetUserName: '=cmd|"/c calc"!A1',
          WorkstationName: 'a\r\nb\u001b[31m',
          IpAddress: '-',
        },
      },
    };
    writeFileSync(file, JSON.stringify(doc) + '\n');
    const r = await cli(['--format', 'csv', file]);
    expect(r.code).toBe(0);
    const [header, row, end] = r.stdout.split('\r\n');
    expect(header).toBe(LOGON_EVENT_FIELDS.join(','));
    expect(end).toBe('');
    const cells = row?.split(',') ?? [];
    expect(cells[LOGON_EVENT_FIELDS.indexOf('computer')]).toBe(`"'@SUM(1+1)"`);
    expect(row).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(cells[LOGON_EVENT_FIELDS.indexOf('workstation')]).toBe('"a\\r\\nb\\x1b[31m"');
    expect(cells[LOGON_EVENT_FIELDS.indexOf('ipAddress')]).toBe('"-"');
    expect(cells[LOGON_EVENT_FIELDS.indexOf('serviceName')]).toBe('');
  });

  it('exits 0 with warnings, listing them with their location', async () => {
    const file = path.join(tmp, 'damaged.ndjson');
    writeFileSync(
      file,
      '{"@timestamp":"2024-01-01T00:00:00Z","winlog":{"event_id":"4624"}}\n{"winlog":{"event_id":[1]}}\n{"broken\n',
    );
    const r = await cli([file]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain('3 records read, 1 events written');
    expect(r.stderr).toMatch(/warning \[json-bad-type\] file=damaged\.ndjson line=2/);
    expect(r.stderr).toMatch(/warning \[json-(parse|truncated)\] file=damaged\.ndjson line=3/);
  });

  it.each([
    ['missing.evtx', null, /missing\.evtx: no such file/],
    ['empty.json', '', /empty\.json: empty file/],
    ['notes.txt', 'just some text\n', /notes\.txt: not an event log/],
  ])('exits 1 with a one-line reason for %s', async (name, content, reason) => {
    const file = path.join(tmp, name);
    if (content !== null) writeFileSync(file, content);
    const r = await cli([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const errLines = r.stderr.trim().split('\n');
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(reason);
  });

  it('reads the other files and exits 1 when one of several is unreadable', async () => {
    const r = await cli([path.join(tmp, 'nope.xml'), path.join(FIX, 'json/winlogbeat7.ndjson')]);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toHaveLength(5);
    expect(r.stderr).toContain('1 of 2 files unreadable');
  });

  it('rejects bad options with exit 2', async () => {
    for (const args of [
      [],
      ['--ids', 'abc', 'x'],
      ['--from', 'yesterday', 'x'],
      ['--format', 'xml', 'x'],
      ['--bogus', 'x'],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
    }
  });

  it('escapes control characters for the terminal', () => {
    expect(escapeControls('a\u001b]0;pwned\u0007b\n')).toBe('a\\x1b]0;pwned\\x07b\\n');
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('\tx')).toBe(`"'\\tx"`);
  });

  it('shows bidirectional controls visibly in CSV cells', () => {
    expect(csvCell('\u202Eexe.gnp')).toBe('"<U+202E>exe.gnp"');
  });
});

describe('logonlens events on the sample logs', () => {
  it('writes every record of an EVTX file, any event ID', async () => {
    const r = await cli(['--workers', '1', sharedData('evtx/sys-tsevtx-system.evtx')]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1247);
    expect(r.stderr).toContain('1247 records read, 1247 events written');
  });

  it('keeps only Security IDs with --ids', async () => {
    const r = await cli(['--ids', '4624,4625', sharedData('json/otrf-empire-runas.security.ndjson')]);
    expect(lines(r.stdout)).toHaveLength(10);
  });
});

describe('logonlens events writing to its own stdout, read slowly', () => {
  // The process's stdout gets each worker buffer back once written (the write's callback): a
  // slow reader holds the writes back, and the bytes must still be exactly those of a stream that
  // never hands buffers back (the in-process PassThrough above).
  it('writes the same bytes as when no buffer is handed back, with 1 and 2 workers', async () => {
    const file = path.join(tmp, 'six-mb.evtx');
    buildLargeEvtx(sharedData('evtx', 'sec-omer-size_t.evtx'), file, 6 << 20);
    const mainUrl = pathToFileURL(path.join(REPO_ROOT, 'src/server/cli/main.ts')).href;
    for (const workers of ['1', '2']) {
      const expected = await cli(['--workers', workers, file]);
      expect(expected.code).toBe(0);
      const script = `const { run } = await import(${JSON.stringify(mainUrl)});
        process.exitCode = await run(['events', '--workers', '${workers}', ${JSON.stringify(file)}]);`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stderr.on('data', (b: Buffer) => err.push(b));
      // A pause after each piece read: the child's writes wait on the pipe most of the run.
      child.stdout.on('data', (b: Buffer) => {
        out.push(b);
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 1);
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(Buffer.concat(err).toString('utf8')).toBe(expected.stderr);
      expect(code).toBe(0);
      expect(Buffer.concat(out).toString('utf8')).toBe(expected.stdout);
    }
  });
});
