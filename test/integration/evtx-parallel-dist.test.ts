// The EVTX worker must start from the built dist as well as from the TypeScript sources (the unit
// tests cover those): run readEvtxParallel from dist/node in a plain Node process, no tsx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, sharedData } from '../helpers/shared-data.js';

const DIST = path.join(REPO_ROOT, 'dist/node/server/ingest/evtx-parallel.js');
const HAS_DIST = existsSync(DIST);
const DIST_SKIP = `${DIST} not built (run npm run build:node; npm test builds it first)`;
if (!HAS_DIST && process.env.CI) throw new Error(`CI run without the built dist: ${DIST_SKIP}`);
if (!HAS_DIST) console.warn(`[skip] ${DIST_SKIP}`);

describe.skipIf(!HAS_DIST)(
  `readEvtxParallel from the compiled dist, as the installed package runs it${HAS_DIST ? '' : ` (skipped: ${DIST_SKIP})`}`,
  () => {
    // --single-threaded-gc and --input-type are options a worker rejects: they must not stop it.
    it('reads a file on worker threads started from the compiled worker', () => {
      const script = `
      const { readEvtxParallel } = await import(${JSON.stringify(pathToFileURL(DIST).href)});
      const r = await readEvtxParallel(${JSON.stringify(sharedData('evtx-bad', 'dev-derived-truncated-size_t.evtx'))}, { workers: 2, inThreadBelow: 0 });
      console.log(JSON.stringify({ events: r.events.length, counts: r.warningCounts }));
    `;
      const out = spawnSync(process.execPath, ['--single-threaded-gc', '--input-type=module', '-e', script], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(out.stderr).toBe('');
      expect(out.status).toBe(0);
      const r = JSON.parse(out.stdout.trim()) as { events: number; counts: Record<string, number> };
      expect(r.events).toBe(261);
      expect(r.counts).toEqual({ 'chunk-truncated': 1 }); // no 'worker-failed': the workers ran
    });

    it('gives the same NDJSON and warnings when the calling thread checks the checksums (events)', () => {
      const script = `
      const { readEvtxParallel } = await import(${JSON.stringify(pathToFileURL(DIST).href)});
      const file = ${JSON.stringify(sharedData('evtx-bad', 'dev-derived-truncated-size_t.evtx'))};
      const runs = [];
      for (const checksumsHere of [false, true]) {
        const pieces = [];
        const r = await readEvtxParallel(file, { workers: 1, inThreadBelow: 0, checksumsHere, onNdjson: (b) => pieces.push(Buffer.from(b)) });
        runs.push({ text: Buffer.concat(pieces).toString('base64'), warnings: r.warnings, stats: r.stats });
      }
      console.log(JSON.stringify(runs));
    `;
      const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 1 << 26,
      });
      expect(out.stderr).toBe('');
      expect(out.status).toBe(0);
      const [workerChecked, hereChecked] = JSON.parse(out.stdout.trim()) as {
        text: string;
        warnings: { code: string }[];
        stats: { eventsReturned: number };
      }[];
      expect(workerChecked!.stats.eventsReturned).toBe(261);
      expect(workerChecked!.warnings.map((w) => w.code)).toEqual(['chunk-truncated']);
      expect(hereChecked).toEqual(workerChecked);
    });

    it('writes its timeline to stderr with LOGONLENS_EVTX_TIMELINE=1, and nothing without it', () => {
      const script = `
      const { readEvtxParallel } = await import(${JSON.stringify(pathToFileURL(DIST).href)});
      await readEvtxParallel(${JSON.stringify(sharedData('evtx', 'sec-omer-size_t.evtx'))}, { workers: 1, inThreadBelow: 0 });
    `;
      const run = (env: Record<string, string>): string =>
        spawnSync(process.execPath, ['--input-type=module', '-e', script], {
          encoding: 'utf8',
          timeout: 60_000,
          env: { ...process.env, ...env },
        }).stderr;
      expect(run({ LOGONLENS_EVTX_TIMELINE: '0' })).toBe('');
      const marks = run({ LOGONLENS_EVTX_TIMELINE: '1' })
        .trim()
        .split('\n')
        .map((line) => {
          const m = /^evtx-timeline (\d+\.\d+) (\d+) (.+)$/.exec(line);
          expect(m, line).not.toBeNull();
          return { ms: Number(m![1]), thread: Number(m![2]), what: m![3]! };
        });
      const at = (what: string): { ms: number; thread: number } => {
        const m = marks.find((x) => x.what === what);
        expect(m, what).toBeDefined();
        return m!;
      };
      expect(at('read start').thread).toBe(0);
      expect(at('worker ready').thread).toBeGreaterThan(0); // marked on the worker's own thread
      expect(at('piece 0 start').ms).toBeGreaterThanOrEqual(at('worker ready').ms);
      expect(at('piece 0 parsed').ms).toBeGreaterThanOrEqual(at('piece 0 start').ms);
      expect(at('piece 0 back').ms).toBeGreaterThanOrEqual(at('piece 0 sent').ms);
      expect(at('read end').ms).toBeGreaterThanOrEqual(at('piece 0 back').ms);
    });
  },
);
