import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset/index.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import { silentLogger } from '../../src/server/logger.js';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { sharedData } from '../helpers/shared-data.js';
import { expectJson, filesForm, waitForJob } from './server-helpers.js';

// Detections that only the import's analysis of the events can make (pass-the-hash from a 4624's
// logon process, DCSync from 4662) must survive into a server dataset: the roll-ups alone cannot
// make them again, so the import stores them (schema 4) and /graph returns those of its window.
describe('server datasets keep the analysis detections', () => {
  let dir: string;
  let server: RunningServer;
  let dataset: DatasetInfo;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-detections-'));
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir: dir, token: null, demo: false },
      { logger: silentLogger, webRoot: null },
    );
    const res = await fetch(`${server.url}/api/datasets`, {
      method: 'POST',
      body: await filesForm([
        sharedData('evtx', 'm2a-pth-mimikatz.evtx'),
        sharedData('evtx', 'm2a-dcsync.evtx'),
      ]),
    });
    const body = await expectJson<{ dataset: DatasetInfo; job: JobInfo }>(res, 202);
    const job = await waitForJob(server.url, body.job.id);
    expect(job.state).toBe('done');
    dataset = await expectJson<DatasetInfo>(await fetch(`${server.url}/api/datasets/${body.dataset.id}`));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the whole range carries pass-the-hash and DCSync with their evidence, and the coverage', async () => {
    const whole = await expectJson<Dataset>(
      await fetch(`${server.url}/api/datasets/${dataset.id}/graph?from=2015-01-01&to=2030-01-01`),
    );
    const kinds = whole.detections.map((d) => d.kind);
    expect(kinds).toContain('pass-the-hash');
    expect(kinds).toContain('dcsync');
    const pth = whole.detections.find((d) => d.kind === 'pass-the-hash');
    expect(pth?.evidence.recordIds.length).toBeGreaterThan(0);
    expect(whole.coverage?.eventIds).toBeDefined();
    const ids = whole.detections.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the whole-dataset list carries them once each', async () => {
    const listed = await expectJson<{ detections: Dataset['detections'] }>(
      await fetch(`${server.url}/api/datasets/${dataset.id}/detections`),
    );
    const kinds = listed.detections.map((d) => d.kind);
    expect(kinds).toContain('pass-the-hash');
    expect(kinds).toContain('dcsync');
    const ids = listed.detections.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a window carries only the detections that overlap it', async () => {
    const pth = (
      await expectJson<Dataset>(
        await fetch(`${server.url}/api/datasets/${dataset.id}/graph?from=2020-08-02&to=2020-08-03`),
      )
    ).detections.map((d) => d.kind);
    // The DCSync sample is from 2020-08-02; the pass-the-hash sample is not.
    expect(pth).toContain('dcsync');
    expect(pth).not.toContain('pass-the-hash');
  });
});
