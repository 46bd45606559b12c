import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateDataset, type Dataset } from '../core/dataset/index.js';
import type { LogonEvent } from '../core/events/index.js';
import { createApp, type LogonLensApp } from './app.js';
import type { Limits } from './http/limits.js';
import { silentLogger } from './logger.js';
import { Store } from './store/store.js';
import type { DatasetInfo, JobInfo } from './store/types.js';
import { fakeRank, inProcessRunner, testEvent } from './testing/fake-pipeline.js';

const BASE = 'http://localhost';
let dir: string;
let store: Store;
let app: LogonLensApp;

function make(
  options: { token?: string; limits?: Partial<Limits>; publicOrigins?: string[] } = {},
): LogonLensApp {
  return createApp({
    store,
    logger: silentLogger,
    importRunner: inProcessRunner(dir),
    rank: fakeRank,
    token: options.token ?? null,
    limits: options.limits ?? {},
    publicOrigins: options.publicOrigins ?? [],
    webRoot: null,
  });
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'logonlens-app-'));
  store = Store.open(dir);
  app = make();
});
afterEach(async () => {
  await app.services.jobs.idle();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ndjson = (events: LogonEvent[]): string => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

function sample(): LogonEvent[] {
  const out: LogonEvent[] = [];
  for (let i = 0; i < 30; i++) {
    out.push(testEvent({ time: `2021-12-0${1 + (i % 3)}T1${i % 10}:00:0${i % 10}Z`, recordId: 100 + i }));
  }
  out.push(
    testEvent({
      time: '2021-12-02T10:00:00Z',
      recordId: 500,
      targetUser: '=HYPERLINK("http://x")',
      ipAddress: '10.6.6.6',
    }),
  );
  out.push(
    testEvent({
      time: '2021-12-02T11:00:00Z',
      recordId: 501,
      targetUser: '<img src=x onerror=alert(1)>',
      computer: 'WS9',
    }),
  );
  return out;
}

function form(files: Array<[string, string]>, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  files.forEach(([name, text], i) => fd.append(`anything${i}`, new File([text], name)));
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function upload(
  files: Array<[string, string]>,
  fields: Record<string, string> = {},
): Promise<{ dataset: DatasetInfo; job: JobInfo }> {
  const res = await app.request(`${BASE}/api/datasets`, { method: 'POST', body: form(files, fields) });
  expect(res.status).toBe(202);
  const body = await json<{ dataset: DatasetInfo; job: JobInfo }>(res);
  await app.services.jobs.idle();
  return body;
}

describe('server app (in process, fake readers and analysis)', () => {
  it('answers health with security headers', async () => {
    const res = await app.request(`${BASE}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: expect.any(String), auth: 'none' });
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('creates, lists, renames and deletes an empty dataset', async () => {
    const created = await app.request(`${BASE}/api/datasets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Case 1' }),
    });
    expect(created.status).toBe(201);
    const { dataset } = await json<{ dataset: DatasetInfo }>(created);
    expect(dataset).toMatchObject({
      name: 'Case 1',
      state: 'empty',
      timeRange: null,
      counts: { events: 0, edges: 0, nodes: 0 },
    });
    const list = await json<{ datasets: DatasetInfo[] }>(await app.request(`${BASE}/api/datasets`));
    expect(list.datasets.map((d) => d.id)).toEqual([dataset.id]);
    const renamed = await app.request(`${BASE}/api/datasets/${dataset.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Case 2' }),
    });
    expect((await json<DatasetInfo>(renamed)).name).toBe('Case 2');
    expect((await app.request(`${BASE}/api/datasets/${dataset.id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await app.request(`${BASE}/api/datasets/${dataset.id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('no dataset') },
    });
  });

  it('imports an upload, windows the graph, drills down, exports, appends without double counting', async () => {
    const text = ndjson(sample());
    const { dataset, job } = await upload([['logs.ndjson', text]]);
    expect(job.state).toBe('queued');
    const done = await json<JobInfo>(await app.request(`${BASE}/api/jobs/${job.id}`));
    expect(done).toMatchObject({
      state: 'done',
      error: null,
      progress: { bytes: text.length, totalBytes: text.length },
    });
    expect(done.result?.eventsNew).toBe(32);
    const info = await json<DatasetInfo>(await app.request(`${BASE}/api/datasets/${dataset.id}`));
    expect(info).toMatchObject({
      state: 'ready',
      counts: { events: 32 },
      timeRange: { from: '2021-12-01T10:00:00Z' },
    });

    const all = await json<Dataset>(await app.request(`${BASE}/api/datasets/${dataset.id}/graph`));
    expect(validateDataset(all).ok).toBe(true);
    expect(all.edges.reduce((s, e) => s + e.count, 0)).toBe(32);
    const day = await json<Dataset>(
      await app.request(`${BASE}/api/datasets/${dataset.id}/graph?from=2021-12-02&to=2021-12-03`),
    );
    expect(day.window).toEqual({ from: '2021-12-02T00:00:00.000Z', to: '2021-12-03T00:00:00.000Z' });
    expect(day.edges.reduce((s, e) => s + e.count, 0)).toBe(12);
    const capped = await json<Dataset>(
      await make({ limits: { maxGraphEdges: 1 } }).request(`${BASE}/api/datasets/${dataset.id}/graph`),
    );
    expect(capped.edges).toHaveLength(1);
    expect(capped.caps).toMatchObject({ edgesShown: 1, edgesTotal: 3 });

    const alice = all.edges.find((e) => e.account === 'account:corp\\alice');
    expect(alice).toBeDefined();
    const page1 = await json<{ events: LogonEvent[]; nextCursor: string | null }>(
      await app.request(
        `${BASE}/api/datasets/${dataset.id}/events?edge=${encodeURIComponent(alice!.id)}&limit=20`,
      ),
    );
    expect(page1.events).toHaveLength(20);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await json<{ events: LogonEvent[]; nextCursor: string | null }>(
      await app.request(
        `${BASE}/api/datasets/${dataset.id}/events?edge=${encodeURIComponent(alice!.id)}&limit=20&cursor=${page1.nextCursor}`,
      ),
    );
    expect(page2.events).toHaveLength(10);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.events, ...page2.events].map((e) => e.recordId)).size).toBe(30);
    const byNode = await json<{ events: LogonEvent[] }>(
      await app.request(`${BASE}/api/datasets/${dataset.id}/events?node=${encodeURIComponent('host:ws9')}`),
    );
    expect(byNode.events.map((e) => e.targetUser)).toEqual(['<img src=x onerror=alert(1)>']);

    const exported = await app.request(
      `${BASE}/api/datasets/${dataset.id}/export?format=json&from=2021-12-02&to=2021-12-03`,
    );
    // The exports' one file-name rule (core/export): dataset, window and export time.
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="logonlens_logs\.ndjson_20211202T000000Z_20211203T000000Z_\d{8}T\d{6}Z_dataset\.json"; filename\*=UTF-8''logonlens_logs\.ndjson_20211202T000000Z_20211203T000000Z_\d{8}T\d{6}Z_dataset\.json$/,
    );
    // A hostile, non-Latin name: no header injection, an ASCII fallback and the UTF-8 name.
    await app.request(`${BASE}/api/datasets/${dataset.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '社内 "x"\r\nSet-Cookie: a=b' }),
    });
    const renamed = await app.request(`${BASE}/api/datasets/${dataset.id}/export?format=csv`);
    const header = renamed.headers.get('content-disposition') ?? '';
    expect(header).toMatch(
      /^attachment; filename="logonlens___-x-Set-Cookie-a-b_all_\d{8}T\d{6}Z_edges\.csv"; /,
    );
    expect(header).toContain(
      `filename*=UTF-8''logonlens_${encodeURIComponent('社内')}-x-Set-Cookie-a-b_all_`,
    );
    await renamed.text();
    const reopened = validateDataset(JSON.parse(await exported.text()));
    expect(reopened.ok).toBe(true);
    const csv = await (await app.request(`${BASE}/api/datasets/${dataset.id}/export?format=csv`)).text();
    expect(csv.split('\r\n')[0]).toMatch(/^account,source,target,eventId/);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

    const again = await app.request(`${BASE}/api/datasets/${dataset.id}/files`, {
      method: 'POST',
      body: form([['logs.ndjson', text]]),
    });
    expect(again.status).toBe(202);
    await app.services.jobs.idle();
    const appended = await json<DatasetInfo>(await app.request(`${BASE}/api/datasets/${dataset.id}`));
    expect(appended.counts).toMatchObject({ events: 32, edges: info.counts.edges, nodes: info.counts.nodes });
    const all2 = await json<Dataset>(await app.request(`${BASE}/api/datasets/${dataset.id}/graph`));
    expect(all2.edges.reduce((s, e) => s + e.count, 0)).toBe(32);
    expect(all2.readStats.eventsSkipped['duplicate']).toBe(32);
  });

  it('streams job progress as server-sent events ending with done', async () => {
    const { job } = await upload([['a.ndjson', ndjson(sample())]]);
    const res = await app.request(`${BASE}/api/jobs/${job.id}/events`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    expect(text).toMatch(/event: done\ndata: \{.*"state":"done"/);
  });

  it('reports an unreadable file as a failed job and a failed dataset', async () => {
    const { dataset, job } = await upload([['notes.txt', 'hello, not a log']]);
    const j = await json<JobInfo>(await app.request(`${BASE}/api/jobs/${job.id}`));
    expect(j.state).toBe('done');
    expect(j.result?.files[0]?.error).toContain('not an event log');
    expect(j.warnings[0]).toMatchObject({ code: 'unreadable', file: 'notes.txt' });
    const d = await json<DatasetInfo>(await app.request(`${BASE}/api/datasets/${dataset.id}`));
    expect(d.counts.events).toBe(0);
  });
});

describe('hostile requests get a clear 4xx', () => {
  const expectError = async (res: Response, status: number, code?: string): Promise<void> => {
    expect(res.status).toBe(status);
    const body = await json<{ error: { code: string; message: string } }>(res);
    expect(body.error.message.length).toBeGreaterThan(0);
    if (code !== undefined) expect(body.error.code).toBe(code);
  };

  it('malformed multipart, wrong content types, bad JSON', async () => {
    await expectError(
      await app.request(`${BASE}/api/datasets`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
        body: '--xyz\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\nunterminated',
      }),
      400,
      'bad_multipart',
    );
    await expectError(
      await app.request(`${BASE}/api/datasets`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data' },
        body: 'x',
      }),
      415,
    );
    await expectError(
      await app.request(`${BASE}/api/datasets`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      }),
      415,
    );
    await expectError(
      await app.request(`${BASE}/api/datasets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":',
      }),
      400,
      'bad_json',
    );
    await expectError(
      await app.request(`${BASE}/api/datasets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":""}',
      }),
      400,
      'bad_name',
    );
    await expectError(
      await app.request(`${BASE}/api/datasets`, { method: 'POST', body: form([]) }),
      400,
      'no_files',
    );
    expect(readdirSync(path.join(dir, 'uploads'))).toEqual([]);
  });

  it('oversized uploads and too many files answer 413 and leave nothing behind', async () => {
    const small = make({
      limits: { maxFileBytes: 1000, maxUploadBytes: 5000, maxFiles: 2, maxJsonBytes: 100 },
    });
    await expectError(
      await small.request(`${BASE}/api/datasets`, {
        method: 'POST',
        body: form([['big', 'x'.repeat(2000)]]),
      }),
      413,
      'file_too_large',
    );
    await expectError(
      await small.request(`${BASE}/api/datasets`, {
        method: 'POST',
        body: form([
          ['a', 'x'],
          ['b', 'y'],
          ['c', 'z'],
        ]),
      }),
      413,
      'too_many_files',
    );
    await expectError(
      await small.request(`${BASE}/api/datasets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(500) }),
      }),
      413,
    );
    expect(readdirSync(path.join(dir, 'uploads'))).toEqual([]);
    expect(store.listDatasets()).toEqual([]);
  });

  it('keeps path-like file names out of the file system', async () => {
    const { job } = await upload([
      ['../../etc/passwd', ndjson(sample())],
      ['C:\\Windows\\evil\u202egpj.evtx', ndjson(sample())],
    ]);
    const j = await json<JobInfo>(await app.request(`${BASE}/api/jobs/${job.id}`));
    expect(j.result?.files.map((f) => f.name)).toEqual(['passwd', 'evilgpj.evtx']);
    // A control character in a part header is malformed multipart, not a file name.
    await expectError(
      await app.request(`${BASE}/api/datasets`, { method: 'POST', body: form([['evil\u0007.evtx', 'x']]) }),
      400,
      'bad_multipart',
    );
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['logonlens.sqlite', 'uploads']));
    expect(readdirSync(path.join(dir, 'uploads'))).toEqual([]);
  });

  it('invalid query parameters and unknown ids', async () => {
    const { dataset } = await upload([['a', ndjson(sample())]]);
    const g = `${BASE}/api/datasets/${dataset.id}`;
    for (const q of [
      'from=yesterday',
      'from=2021-12-03&to=2021-12-01',
      'eventIds=46x4',
      'outcome=maybe',
      'minCount=-1',
      'hidden=yes',
      `search=${'a'.repeat(300)}`,
    ]) {
      await expectError(await app.request(`${g}/graph?${q}`), 400, 'bad_query');
    }
    await expectError(await app.request(`${g}/events`), 400, 'bad_query');
    await expectError(await app.request(`${g}/events?node=a&edge=b`), 400, 'bad_query');
    await expectError(await app.request(`${g}/events?edge=nope`), 404, 'not_found');
    await expectError(await app.request(`${g}/events?node=host:ws9&cursor=%%%`), 400, 'bad_query');
    await expectError(await app.request(`${g}/events?node=host:ws9&limit=100000`), 400, 'bad_query');
    await expectError(await app.request(`${g}/export?format=xlsx`), 400, 'bad_query');
    await expectError(await app.request(`${BASE}/api/datasets/nope/graph`), 404, 'not_found');
    await expectError(await app.request(`${BASE}/api/jobs/nope`), 404, 'not_found');
    await expectError(await app.request(`${BASE}/api/nothing`), 404, 'not_found');
  });

  it('requires the token when one is set, and refuses foreign hosts and origins', async () => {
    const locked = make({ token: 'a-long-enough-secret-token' });
    expect((await locked.request(`${BASE}/api/health`)).status).toBe(200);
    await expectError(await locked.request(`${BASE}/api/datasets`), 401, 'unauthorized');
    await expectError(
      await locked.request(`${BASE}/api/datasets`, { headers: { authorization: 'Bearer wrong' } }),
      401,
    );
    expect(
      (
        await locked.request(`${BASE}/api/datasets`, {
          headers: { authorization: 'Bearer a-long-enough-secret-token' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await locked.request(`${BASE}/api/datasets?access_token=a-long-enough-secret-token`)).status,
    ).toBe(200);
    await expectError(await app.request('http://evil.example/api/datasets'), 403, 'forbidden_host');
    await expectError(
      await app.request(`${BASE}/api/datasets`, {
        method: 'POST',
        headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
        body: '{"name":"x"}',
      }),
      403,
      'forbidden_origin',
    );
  });

  it('accepts writes from the public origin of a Host-rewriting reverse proxy, and only from it', async () => {
    const proxied = make({ publicOrigins: ['https://logonlens.corp.example'] });
    const post = (origin: string): Promise<Response> =>
      Promise.resolve(
        proxied.request(`${BASE}/api/datasets`, {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json' },
          body: '{"name":"behind a proxy"}',
        }),
      );
    expect((await post('https://logonlens.corp.example')).status).toBe(201);
    await expectError(await post('https://evil.example'), 403, 'forbidden_origin');
  });
});

describe('the built app', () => {
  it('serves files from the web root, the app page for routes, and nothing outside', async () => {
    const web = path.join(dir, 'web');
    mkdirSync(path.join(web, 'assets'), { recursive: true });
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(web, 'assets', 'a.js'), 'export {};');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const served = createApp({
      store,
      logger: silentLogger,
      importRunner: inProcessRunner(dir),
      rank: fakeRank,
      webRoot: web,
    });
    const index = await served.request(`${BASE}/`);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toContain('<title>app</title>');
    expect(await (await served.request(`${BASE}/datasets/ds_1?from=2021-12-03&span=day`)).text()).toContain(
      '<title>app</title>',
    );
    const js = await served.request(`${BASE}/assets/a.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await served.request(`${BASE}/assets/missing.js`)).status).toBe(404);
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const res = await served.request(`${BASE}${p}`);
      expect(await res.text()).not.toContain('secret');
    }
    expect((await served.request(`${BASE}/api/nothing`)).status).toBe(404);
  });
});

describe('crash recovery', () => {
  it('removes an interrupted import and keeps earlier datasets intact', async () => {
    const { dataset: before } = await upload([['a', ndjson(sample())]]);
    const graphBefore = await (await app.request(`${BASE}/api/datasets/${before.id}/graph`)).text();
    // Simulate a kill mid-import: a job left running with part of its events written.
    const victim = store.createDataset('victim');
    store.saveJob({
      id: 'job_x',
      datasetId: victim.id,
      state: 'running',
      createdAt: '2021-01-01T00:00:00.000Z',
      finishedAt: null,
      progress: { phase: 'storing', bytes: 1, totalBytes: 2, records: 1, files: 1, filesDone: 0 },
      warnings: [],
      error: null,
      result: null,
    });
    store.setDatasetState(victim.id, 'importing');
    const { ImportWriter } = await import('./store/import-writer.js');
    const w = new ImportWriter(store.db);
    const imp = w.beginImport(victim.id, 'job_x', { name: 'x', size: 2 }, '2021-01-01T00:00:00.000Z');
    w.insertEvents(victim.id, imp, sample());
    expect(store.recoverInterrupted()).toEqual(['job_x']);
    expect(store.getDataset(victim.id)).toMatchObject({ state: 'failed', counts: { events: 0 } });
    expect(store.findJob('job_x')).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('stopped'),
    });
    expect(
      (
        store.db.prepare('SELECT COUNT(*) AS n FROM events WHERE dataset_id = ?').get(victim.id) as {
          n: number;
        }
      ).n,
    ).toBe(0);
    expect(store.getDataset(before.id)).toMatchObject({ state: 'ready', counts: { events: 32 } });
    const graphAfter = await (await app.request(`${BASE}/api/datasets/${before.id}/graph`)).text();
    expect(JSON.parse(graphAfter)).toEqual({ ...JSON.parse(graphBefore), createdAt: expect.any(String) });
  });
});
