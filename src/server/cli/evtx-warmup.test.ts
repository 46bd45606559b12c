import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/helpers/shared-data.js';
import { evtxWorkersBesideBusyThread } from '../ingest/evtx-default-workers.js';
import { workersArgument, workersToPrestart } from './evtx-warmup.js';

describe('workersArgument', () => {
  it('reads --workers N and --workers=N, and nothing else', () => {
    expect(workersArgument(['a.evtx', '--workers', '3'])).toBe(3);
    expect(workersArgument(['--workers=2', 'a.evtx'])).toBe(2);
    expect(workersArgument(['a.evtx'])).toBeNull();
    expect(workersArgument(['--workers', '0'])).toBeNull();
    expect(workersArgument(['--workers', 'x'])).toBeNull();
    expect(workersArgument(['--workers', '1e3'])).toBeNull();
    expect(workersArgument(['--workers'])).toBeNull();
  });
});

describe('workersToPrestart', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-warmup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // An EVTX signature and 5 MiB: 5 pieces of 16 chunks (the content is never parsed here).
  const big = path.join(dir, 'big.evtx');
  const bytes = Buffer.alloc(5 * 1024 * 1024);
  bytes.write('ElfFile\0', 0, 'latin1');
  writeFileSync(big, bytes);
  const json = path.join(dir, 'big.json');
  writeFileSync(json, Buffer.alloc(5 * 1024 * 1024, 0x20));
  const all = (cores: number): number => cores;

  it('starts the asked or default workers for an EVTX file read on workers, within the cores and pieces', () => {
    expect(workersToPrestart([big], all, 2)).toBe(2);
    expect(workersToPrestart([big], evtxWorkersBesideBusyThread, 2)).toBe(1);
    expect(workersToPrestart(['--workers', '1', big], all, 8)).toBe(1);
    expect(workersToPrestart(['--workers', '999', big], all, 8)).toBe(5); // 5 pieces
    expect(workersToPrestart(['--workers', '999', big], all, 2)).toBe(2); // 2 cores
    expect(workersToPrestart(['-o', 'out.json', json, big], all, 4)).toBe(4);
  });

  it('starts none for help, small EVTX files, other formats and missing files', () => {
    expect(workersToPrestart([big, '--help'], all, 2)).toBe(0);
    expect(workersToPrestart([sharedData('evtx', 'sec-omer-short.evtx')], all, 2)).toBe(0);
    expect(workersToPrestart([json], all, 2)).toBe(0);
    expect(workersToPrestart([path.join(dir, 'missing.evtx'), dir], all, 2)).toBe(0);
  });
});
