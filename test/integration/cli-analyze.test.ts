// `logonlens analyze` end to end on real files: a valid dataset on disk, the summary on stderr,
// clear errors for bad options and unreadable inputs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedData } from '../helpers/shared-data.js';
import { run } from '../../src/server/cli/main.js';
import { parseDatasetText } from '../../src/core/dataset/index.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await run(args, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('logonlens analyze: options', () => {
  it('is listed in the help', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toMatch(/analyze\s+build the ranked logon graph/);
  });
  it('refuses bad options with exit 2', async () => {
    expect((await cli(['analyze', 'x.evtx'])).code).toBe(2); // no -o
    expect((await cli(['analyze', '-o', 'x.json'])).code).toBe(2); // no input
    const r = await cli(['analyze', 'x.evtx', '-o', 'x.json', '--pagerank', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pagerank must be standard or logontracer');
    expect(
      (await cli(['analyze', 'x.evtx', '-o', 'x.json', '--from', '2021-01-02', '--to', '2021-01-01'])).code,
    ).toBe(2);
  });
  it('exits 1 without writing when no input can be read', async () => {
    const junk = path.join(dir, 'junk.bin');
    writeFileSync(junk, 'this is not an event log at all');
    const out = path.join(dir, 'none.json');
    const r = await cli(['analyze', junk, path.join(dir, 'missing.evtx'), '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing written');
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('logonlens analyze on real files', () => {
  it('writes a valid dataset from EVTX, XML and JSON inputs together, with a summary', async () => {
    const out = path.join(dir, 'all.json');
    const r = await cli([
      'analyze',
      sharedData('evtx', 'm2a-dcsync.evtx'),
      sharedData('evtx', 'm2a-kerbrute.evtx'),
      sharedData('expected-xml', 'm2a-hiddenuser.libevtx.xml'),
      sharedData('json', 'otrf-covenant-dcsync.security.ndjson'),
      '-o',
      out,
      '--title',
      'test run',
    ]);
    expect(r.stderr).toContain('records read');
    expect(r.code).toBe(0);
    const parsed = parseDatasetText(readFileSync(out, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const d = parsed.dataset;
    expect(d.title).toBe('test run');
    expect(d.sources.map((s) => (s.kind === 'file' ? s.format : null))).toEqual([
      'evtx',
      'evtx',
      'xml',
      'json',
    ]);
    const skipped = Object.values(d.readStats.eventsSkipped).reduce((s, v) => s + v, 0);
    expect(d.readStats.eventsUsed + skipped).toBe(d.readStats.recordsRead);
    expect(d.readStats.recordsRead).toBe(20 + 42 + 21 + 193);
    const kinds = new Set(d.detections.map((x) => x.kind));
    for (const k of ['dcsync', 'password-spraying', 'log-cleared', 'account-created-deleted'])
      expect(kinds).toContain(k);
    expect(r.stderr).toMatch(/\[high\] DCSync: OFFSEC\\admmig/);
    expect(r.stderr).toContain('top accounts:');
    expect(d.rankings.length).toBeGreaterThan(0);
  });

  it('cuts to --from/--to and records the window', async () => {
    const out = path.join(dir, 'window.json');
    const r = await cli([
      'analyze',
      sharedData('evtx', 'sec-omer-size_t.evtx'),
      '-o',
      out,
      '--from',
      '2015-08-23T10:00:00Z',
      '--to',
      '2015-08-24T00:00:00Z',
      '--pagerank',
      'logontracer',
    ]);
    expect(r.code).toBe(0);
    const parsed = parseDatasetText(readFileSync(out, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.dataset.window).toEqual({ from: '2015-08-23T10:00:00Z', to: '2015-08-24T00:00:00Z' });
    for (const e of parsed.dataset.edges) expect(e.last < '2015-08-24').toBe(true);
    expect(parsed.dataset.readStats.recordsRead).toBe(636);
  });

  it('says so when a log holds no logon events', async () => {
    const out = path.join(dir, 'system.json');
    const r = await cli(['analyze', sharedData('evtx', 'sys-tsevtx-system.evtx'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no logon edges');
  });
});
