import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset/index.js';
import type { LogonEvent } from '../../src/core/events/index.js';
import { silentLogger } from '../../src/server/logger.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { sharedData } from '../helpers/shared-data.js';
import { expectErrorShape, expectJson, filesForm, waitForJob } from './server-helpers.js';

// Hostile input against the real server over a real socket: each gets a clear 4xx or a counted
// warning, and the server keeps answering.
const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  '=cmd|"/c calc"!A1',
  '+SUM(1,2)',
  '@evil',
  '-2+3',
  'bell\u0007esc\u001b[31mred',
  '../../etc/passwd',
  'x'.repeat(1_048_576),
];

function hostileLog(): string {
  return HOSTILE_NAMES.map((name, i) =>
    JSON.stringify({
      '@timestamp': `2023-05-0${1 + (i % 3)}T10:00:0${i}.000Z`,
      winlog: {
        event_id: 4624,
        channel: 'Security',
        computer_name: i === 0 ? '<img src=x onerror=alert(2)>.corp' : i === 1 ? '=1+1.corp' : 'DC1.corp',
        record_id: i + 1,
        event_data: { TargetUserName: name, TargetDomainName: 'CORP', LogonType: '3', IpAddress: '10.1.1.1' },
      },
    }),
  ).join('\n');
}

describe('server hostile input', () => {
  let dir: string;
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-hostile-'));
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir: path.join(dir, 'data'), token: null, demo: false },
      {
        logger: silentLogger,
        webRoot: null,
        appDeps: { limits: { maxFileBytes: 2_000_000, maxUploadBytes: 3_000_000, maxFiles: 5 } },
      },
    );
    base = server.url;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const healthy = async (): Promise<void> => {
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect(readdirSync(path.join(dir, 'data', 'uploads')).filter((f) => f.endsWith('.part'))).toEqual([]);
  };

  it('keeps hostile names in logs as inert data: JSON strings, neutralized CSV', async () => {
    const file = path.join(dir, 'hostile.ndjson');
    writeFileSync(file, hostileLog());
    const { dataset, job } = await expectJson<{ dataset: DatasetInfo; job: JobInfo }>(
      await fetch(`${base}/api/datasets`, { method: 'POST', body: await filesForm([file]) }),
      202,
    );
    expect((await waitForJob(base, job.id)).state).toBe('done');
    const res = await fetch(`${base}/api/datasets/${dataset.id}/graph?hidden=1`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const graph = (await res.json()) as Dataset;
    const labels = graph.nodes.map((n) => n.label).join('\n');
    expect(labels).toContain('<script>alert(1)</script>');
    expect(labels).toContain('=cmd|"/c calc"!A1');
    const csv = await (await fetch(`${base}/api/datasets/${dataset.id}/export?format=csv`)).text();
    for (const line of csv.split('\r\n').slice(1)) {
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@-]/);
    }
    // The host name `=1+1` is a cell of its own (target): neutralized with a leading apostrophe.
    expect(csv).toContain(`,"'=1+1",`);
    // Control characters (terminal escapes) do not reach the file.
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const account = graph.nodes.find((n) => n.label.includes('<script>'));
    expect(account).toBeDefined();
    const events = await expectJson<{ events: LogonEvent[] }>(
      await fetch(`${base}/api/datasets/${dataset.id}/events?node=${encodeURIComponent(account!.id)}`),
    );
    expect(events.events[0]?.targetUser).toBe('<script>alert(1)</script>');
    await healthy();
  });

  it('reports truncated and non-log files as warnings and file errors, not crashes', async () => {
    const junk = path.join(dir, 'junk.bin');
    writeFileSync(junk, Buffer.from([0, 1, 2, 3, 255, 254]));
    const { job } = await expectJson<{ job: JobInfo }>(
      await fetch(`${base}/api/datasets`, {
        method: 'POST',
        body: await filesForm([sharedData('evtx-bad', 'dev-derived-truncated-size_t.evtx'), junk]),
      }),
      202,
    );
    const done = await waitForJob(base, job.id);
    expect(done.state).toBe('done');
    expect(done.result?.files[0]).toMatchObject({
      name: 'dev-derived-truncated-size_t.evtx',
      format: 'evtx',
      error: null,
    });
    expect(done.result?.files[0]?.eventsNew).toBeGreaterThan(0);
    expect(done.result?.files[1]).toMatchObject({
      name: 'junk.bin',
      error: expect.stringContaining('junk.bin'),
    });
    expect(done.warnings.length).toBeGreaterThan(0);
    await healthy();
  });

  it('answers 413 for oversized uploads and 400 for broken multipart', async () => {
    const tooBig = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      body: await filesForm([
        sharedData('evtx', 'sec-omer-size_t.evtx'),
        sharedData('evtx', 'sec-omer-post.evtx'),
        sharedData('evtx', 'sys-tsevtx-system.evtx'),
        sharedData('evtx', 'sec-omer-newuser.evtx'),
      ]),
    });
    expect(tooBig.status).toBe(413);
    expectErrorShape(await tooBig.json());
    const bad = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=----x' },
      body: '------x\r\nContent-Disposition: form-data; name="a"; filename="a.evtx"\r\n\r\ntruncated without closing boundary',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_multipart' } });
    const noBoundary = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data' },
      body: 'x',
    });
    expect(noBoundary.status).toBe(415);
    const xml = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect(xml.status).toBe(415);
    await healthy();
  });

  it('survives a client that drops the connection halfway through an upload', async () => {
    const url = new URL(`${base}/api/datasets`);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=zz', 'content-length': '10000000' },
      });
      req.on('error', () => resolve());
      req.write('--zz\r\nContent-Disposition: form-data; name="f"; filename="a.evtx"\r\n\r\n');
      req.write(Buffer.alloc(200_000, 7));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    await new Promise((r) => setTimeout(r, 300));
    await healthy();
  });

  it('answers invalid query parameters with 400 and a readable message', async () => {
    const list = await expectJson<{ datasets: DatasetInfo[] }>(await fetch(`${base}/api/datasets`));
    const id = list.datasets[0]!.id;
    for (const q of [
      'from=2023-13-45',
      'to=tomorrow',
      'eventIds=all',
      'logonTypes=%3Cscript%3E',
      'minCount=1e9',
      'outcome=%00',
    ]) {
      const res = await fetch(`${base}/api/datasets/${id}/graph?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('bad_query');
    }
    const res = await fetch(`${base}/api/datasets/${id}/events?node=${'a'.repeat(10_000)}`);
    expect(res.status).toBe(404);
    await healthy();
  });
});
