import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset, type Annotation, type Dataset } from '../../src/core/dataset/index.js';
import { renderReport } from '../../src/core/report/index.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import { silentLogger } from '../../src/server/logger.js';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { sharedData } from '../helpers/shared-data.js';
import { expectErrorShape, expectJson, filesForm, waitForJob } from './server-helpers.js';

const HOSTILE = '<script>alert(1)</script>=HYPERLINK("x")\u202Eexe\u0007';

// The real server over a socket with its SQLite file in a temp dir: notes are written, read,
// refused when bad, kept over a restart, exported with the dataset and deleted with it.
describe('server annotations', () => {
  let dir: string;
  let server: RunningServer;
  let base: string;
  let dataset: DatasetInfo;
  const token = 'annotations-test-token';
  const auth = { Authorization: `Bearer ${token}` };

  const start = async (): Promise<void> => {
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir: dir, token, demo: false },
      { logger: silentLogger, webRoot: null },
    );
    base = server.url;
  };
  const url = (id = dataset.id): string => `${base}/api/datasets/${id}/annotations`;
  const put = (body: unknown, headers: Record<string, string> = auth, id = dataset.id): Promise<Response> =>
    fetch(url(id), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const list = async (): Promise<Annotation[]> =>
    (await expectJson<{ annotations: Annotation[] }>(await fetch(url(), { headers: auth }))).annotations;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-annotations-'));
    await start();
    const res = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      headers: auth,
      body: await filesForm([sharedData('evtx', 'm2a-dcsync.evtx')], { name: 'notes' }),
    });
    const body = await expectJson<{ dataset: DatasetInfo; job: JobInfo }>(res, 202);
    expect((await waitForJob(base, body.job.id, auth)).state).toBe('done');
    dataset = body.dataset;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts empty, saves one per target (stamped by the server) and replaces it on a second save', async () => {
    expect(await list()).toEqual([]);
    const first = await expectJson<{ annotation: Annotation }>(
      await put({ target: { kind: 'node', id: 'n1' }, note: HOSTILE, tags: ['Compromised', 'compromised'] }),
    );
    expect(first.annotation).toMatchObject({ note: HOSTILE, tags: ['compromised'] });
    expect(Date.parse(first.annotation.updated)).not.toBeNaN();
    await expectJson(await put({ target: { kind: 'detection', id: 'd1' }, note: '', tags: ['reviewed'] }));
    await expectJson(
      await put({
        target: { kind: 'node', id: 'n1' },
        note: 'changed',
        tags: ['benign'],
        updated: '2000-01-01T00:00:00Z',
      }),
    );
    const all = await list();
    expect(all.map((a) => [a.target.kind, a.target.id, a.note, a.tags])).toEqual([
      ['node', 'n1', 'changed', ['benign']],
      ['detection', 'd1', '', ['reviewed']],
    ]);
    expect(all[0]!.updated).not.toBe('2000-01-01T00:00:00Z');
  });

  it('refuses bad input with 400 and an error body, and oversized bodies with 413', async () => {
    const bad = [
      '{not json',
      [],
      { target: { kind: 'planet', id: 'x' }, note: 'x' },
      { target: { kind: 'node', id: '' }, note: 'x' },
      { target: { kind: 'node', id: 'a' }, note: 'x'.repeat(10_001) },
      { target: { kind: 'node', id: 'a' }, tags: Array.from({ length: 33 }, (_, i) => `t${i}`) },
      { target: { kind: 'node', id: 'a' }, tags: ['a\u0000'] },
      { target: { kind: 'node', id: 'a' }, note: ' ', tags: [] },
    ];
    for (const body of bad) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expectErrorShape(await res.json());
    }
    expect((await put({ target: { kind: 'node', id: 'a' }, note: 'x'.repeat(300_000) })).status).toBe(413);
    const noType = await fetch(url(), { method: 'PUT', headers: auth, body: '{}' });
    expect(noType.status).toBe(415);
    expect((await fetch(`${url()}?kind=node`, { method: 'DELETE', headers: auth })).status).toBe(400);
    expect((await put({ target: { kind: 'node', id: 'a' }, note: 'x' }, auth, 'ds_missing')).status).toBe(
      404,
    );
    expect(await list()).toHaveLength(2);
  });

  it('applies the write checks: a token is needed, and cross-origin writes are refused', async () => {
    expect((await put({ target: { kind: 'node', id: 'a' }, note: 'x' }, {})).status).toBe(401);
    expect((await fetch(url())).status).toBe(401);
    const cross = await put(
      { target: { kind: 'node', id: 'a' }, note: 'x' },
      { ...auth, Origin: 'https://evil.example' },
    );
    expect(cross.status).toBe(403);
    const crossDelete = await fetch(`${url()}?kind=node&id=n1`, {
      method: 'DELETE',
      headers: { ...auth, Origin: 'https://evil.example' },
    });
    expect(crossDelete.status).toBe(403);
    expect(await list()).toHaveLength(2);
  });

  it('keeps the notes over a restart', async () => {
    await server.close();
    await start();
    expect((await list()).map((a) => a.target.id)).toEqual(['n1', 'd1']);
  });

  it('puts them in the JSON export, which validates and makes a report with the notes', async () => {
    const res = await fetch(`${base}/api/datasets/${dataset.id}/export?format=json`, { headers: auth });
    const exported = await expectJson<Dataset>(res);
    const parsed = validateDataset(exported);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    expect(parsed.dataset.annotations?.map((a) => a.target.id)).toEqual(['n1', 'd1']);
    const html = renderReport(parsed.dataset, { window: null, generatedAt: '2026-12-06T07:00:00Z' });
    expect(html).toContain('Analyst notes (2)');
    expect(html).toContain('<span class="tag">reviewed</span>');
  });

  it('deletes one by target (404 when none), and all with the dataset', async () => {
    expect((await fetch(`${url()}?kind=node&id=n1`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await fetch(`${url()}?kind=node&id=n1`, { method: 'DELETE', headers: auth })).status).toBe(404);
    expect((await list()).map((a) => a.target.id)).toEqual(['d1']);
    expect(
      (await fetch(`${base}/api/datasets/${dataset.id}`, { method: 'DELETE', headers: auth })).status,
    ).toBe(204);
    expect((await fetch(url(), { headers: auth })).status).toBe(404);
    const left = server.store.db.prepare(`SELECT COUNT(*) AS n FROM annotations`).get();
    expect(left).toEqual({ n: 0 });
  });
});
