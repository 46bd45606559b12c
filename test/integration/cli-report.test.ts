// `logonlens report` end to end: a dataset analyzed from a real DCSync log becomes one offline HTML
// report with the detection and its evidence, the sources' SHA-256 and the tool's version.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../helpers/shared-data.js';
import { run } from '../../src/server/cli/main.js';
import { GENERATOR } from '../../src/core/version.js';

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

const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-report-'));
const log = sharedData('evtx/m2a-dcsync.evtx');
const dataset = path.join(dir, 'dcsync.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const r = await cli(['analyze', log, '-o', dataset]);
  expect(r.code, r.stderr).toBe(0);
});

describe('logonlens report', () => {
  it('is listed in the help', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/report\s+write the offline HTML report/);
  });

  it('writes the report of a real DCSync dataset: detection, evidence, sources, version, CSP', async () => {
    const out = path.join(dir, 'report.html');
    const r = await cli(['report', dataset, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('wrote');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('DCSync: OFFSEC\\admmig requested directory replication');
    expect(html).toContain('<span class="sev sev-high">high</span>');
    expect(html).toMatch(/Evidence record IDs<\/dt><dd class="evidence">\d+(, \d+)*<\/dd>/);
    expect(html).toContain('rootdc1.offsec.lan');
    // The account's own events (4662 replication requests) with their record IDs.
    expect(html).toMatch(/<section id="changes">[\s\S]*>dcsync<\/td><td class="num" data-sort="4662">/);
    const sha = createHash('sha256').update(readFileSync(log)).digest('hex');
    expect(html).toContain(sha);
    expect(html).toContain('m2a-dcsync.evtx');
    expect(html).toContain(`logonlens ${GENERATOR.version}`);
    expect(html).toContain('There are no analyst notes in this dataset.');
    expect(html).toMatch(/<g class="node" data-n="0"/);
  });

  it('applies the window and filters and names them; writes to stdout with -o -', async () => {
    const r = await cli([
      'report',
      dataset,
      '-o',
      '-',
      '--from',
      '2020-08-02T12:00:00Z',
      '--ids',
      '4624',
      '--outcome',
      'success',
      '--show-hidden',
    ]);
    expect(r.code, r.stderr).toBe(0);
    // --to alone is missing: the window runs to the end of the dataset's range.
    expect(r.stdout).toContain('2020-08-02T12:00:00Z → 2020-08-02T12:04:09.8169770Z');
    expect(r.stdout).toContain('<dt>Event IDs</dt><dd>4624</dd>');
    expect(r.stdout).toContain('<dt>Outcome</dt><dd>success</dd>');
    expect(r.stdout).toContain('<dt>Hidden accounts and sources</dt><dd>shown</dd>');
  });

  it('reads the optional annotations of the dataset file into the notes', async () => {
    const withNotes = path.join(dir, 'notes.json');
    const value = JSON.parse(readFileSync(dataset, 'utf8')) as { detections: Array<{ id: string }> };
    const annotations = [
      {
        target: { kind: 'detection', id: value.detections[0]!.id },
        note: 'admmig <b>is</b> compromised',
        tags: ['compromised'],
      },
    ];
    writeFileSync(withNotes, JSON.stringify({ ...value, annotations }));
    const r = await cli(['report', withNotes, '-o', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Analyst notes (1)');
    expect(r.stdout).toContain('admmig &lt;b&gt;is&lt;/b&gt; compromised');
    expect(r.stdout).toContain('<span class="tag">compromised</span>');
  });

  it('refuses bad options (exit 2) and unreadable or invalid datasets (exit 1)', async () => {
    expect((await cli(['report', dataset])).code).toBe(2);
    expect((await cli(['report', '-o', 'x.html'])).code).toBe(2);
    expect((await cli(['report', dataset, '-o', '-', '--outcome', 'maybe'])).code).toBe(2);
    expect((await cli(['report', dataset, '-o', '-', '--ids', 'x'])).code).toBe(2);
    const missing = await cli(['report', path.join(dir, 'missing.json'), '-o', '-']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    const junk = path.join(dir, 'junk.json');
    writeFileSync(junk, '{"format":"something else"}');
    const invalid = await cli(['report', junk, '-o', '-']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('is not a valid dataset');
    expect(invalid.stdout).toBe('');
  });
});
