import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/server/logger.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { sharedData } from '../helpers/shared-data.js';
import { expectJson, filesForm, waitForJob } from './server-helpers.js';

// Values that used to slip through: impossible dates, unknown logon types and event IDs, a JSON
// body with a byte order mark, too-deep and too-large JSON logs. Each gets its own clear answer.
describe('strict inputs against the real server', () => {
  let dir: string;
  let server: RunningServer;
  let dataset: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-strict-'));
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir: path.join(dir, 'data'), token: null, demo: false },
      { logger: silentLogger, webRoot: null },
    );
    const res = await fetch(`${server.url}/api/datasets`, {
      method: 'POST',
      body: await filesForm([sharedData('evtx', 'sec-omer-newuser.evtx')]),
    });
    const { dataset: d, job } = await expectJson<{ dataset: DatasetInfo; job: JobInfo }>(res, 202);
    await waitForJob(server.url, job.id);
    dataset = d.id;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 400 for impossible calendar dates instead of moving the window', async () => {
    for (const q of ['from=2017-02-30', 'to=2017-04-31', 'from=2017-01-01T24:00:00Z', 'from=2019-02-29']) {
      for (const route of ['graph', 'export?format=csv&', 'histogram']) {
        const url = `${server.url}/api/datasets/${dataset}/${route.includes('?') ? route : `${route}?`}${q}`;
        const res = await fetch(url);
        expect(res.status, url).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: 'bad_query' } });
      }
    }
    expect(
      (await fetch(`${server.url}/api/datasets/${dataset}/graph?from=2020-02-29&to=2020-03-01`)).status,
    ).toBe(200);
  });

  it('answers 400 for unknown logon types and event IDs', async () => {
    for (const q of ['logonTypes=abc', 'logonTypes=3,42', 'eventIds=1234', 'eventIds=4624,9999']) {
      const res = await fetch(`${server.url}/api/datasets/${dataset}/graph?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('bad_query');
      console.log(`  ${q} -> 400 ${body.error.message}`);
    }
    expect(
      (await fetch(`${server.url}/api/datasets/${dataset}/graph?logonTypes=3,10&eventIds=4624`)).status,
    ).toBe(200);
  });

  it('accepts a JSON body that starts with a UTF-8 byte order mark', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"with a BOM"}')]);
    const res = await fetch(`${server.url}/api/datasets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect((await expectJson<{ dataset: DatasetInfo }>(res, 201)).dataset.name).toBe('with a BOM');
  });

  it('names too-deep and too-large JSON documents in the job', async () => {
    const deep = path.join(dir, 'deep.json');
    writeFileSync(deep, '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    const large = path.join(dir, 'large.json');
    writeFileSync(
      large,
      JSON.stringify({ winlog: { event_id: 4624, event_data: { x: 'a'.repeat(50_000_000) } } }),
    );
    const res = await fetch(`${server.url}/api/datasets`, {
      method: 'POST',
      body: await filesForm([deep, large]),
    });
    const { job } = await expectJson<{ job: JobInfo }>(res, 202);
    const done = await waitForJob(server.url, job.id);
    const errors = (done.result?.files ?? []).map((f) => f.error);
    console.log(`  job file errors: ${JSON.stringify(errors)}`);
    expect(errors[0]).toMatch(/too deep/);
    expect(errors[1]).toMatch(/too large/);
  });
});
