// `logonlens analyze --sigma DIR` end to end: the curated rules load without a problem, their hits
// are detections in the dataset next to the built-in ones, and a bad rule in the directory is
// reported (stderr and the dataset's coverage) while the others still run.
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, sharedData } from '../helpers/shared-data.js';
import { run } from '../../src/server/cli/main.js';
import { parseDatasetText } from '../../src/core/dataset/index.js';
import { loadSigmaDir } from '../../src/server/sigma/rules-dir.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await run(args, { stdout, stderr });
  return { code, stderr: stderr.text };
}

const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-sigma-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CURATED = path.join(REPO_ROOT, 'rules/sigma');

describe('logonlens analyze --sigma', () => {
  it('loads every curated rule', () => {
    const set = loadSigmaDir(CURATED);
    expect(set.problems).toEqual([]);
    expect(set.rules.length).toBeGreaterThanOrEqual(10);
    expect(set.eventIds).not.toBeNull(); // every curated rule names its event IDs (indexed)
  });

  it('writes the curated rules’ hits as detections, with the built-in ones', async () => {
    const out = path.join(dir, 'pth.json');
    const r = await cli([
      'analyze',
      sharedData('evtx', 'm2a-pth-mimikatz.evtx'),
      '--sigma',
      CURATED,
      '-o',
      out,
      '--workers',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/sigma: \d+ rules from/);
    const parsed = parseDatasetText(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const d = parsed.dataset;
    const sigma = d.detections.filter((x) => x.kind === 'sigma').map((x) => x.title);
    expect(sigma).toContain('Overpass-the-hash: NewCredentials logon through seclogo');
    expect(sigma).toContain('Security log cleared');
    expect(d.detections.map((x) => x.kind)).toContain('pass-the-hash');
    expect(d.coverage?.sigma?.rules).toBeGreaterThanOrEqual(10);
    // The summary says what these logs cannot show (no 4662 in this sample).
    expect(r.stderr).toMatch(/not visible in these logs/);
    expect(r.stderr).toMatch(/no 4662 events: DCSync cannot be seen/);
    expect(d.coverage?.eventIds['4624']).toBe(1);
  });

  it('reports a malformed rule and a catastrophic regex, and runs the others', async () => {
    const rules = path.join(dir, 'rules');
    mkdirSync(rules);
    for (const f of readdirSync(CURATED))
      if (f.endsWith('.yml')) copyFileSync(path.join(CURATED, f), path.join(rules, f));
    writeFileSync(path.join(rules, 'broken.yml'), 'title: [unclosed\n');
    writeFileSync(
      path.join(rules, 'redos.yml'),
      "title: slow\nlogsource:\n  product: windows\n  service: security\ndetection:\n  sel:\n    TargetUserName|re: '(a+)+$'\n  condition: sel\n",
    );
    const out = path.join(dir, 'dcshadow.json');
    const r = await cli([
      'analyze',
      sharedData('evtx', 'm2a-4742-dcshadow-spn.evtx'),
      '--sigma',
      rules,
      '-o',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/invalid broken\.yml/);
    expect(r.stderr).toMatch(/invalid redos\.yml \(slow\): .*refused/);
    const parsed = parseDatasetText(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    expect(parsed.dataset.detections.filter((x) => x.kind === 'sigma').map((x) => x.title)).toEqual([
      'Domain controller SPNs set on a computer account (DCShadow)',
    ]);
    expect(parsed.dataset.coverage?.sigma?.problems.map((p) => p.file).sort()).toEqual([
      'broken.yml',
      'redos.yml',
    ]);
  });
});
