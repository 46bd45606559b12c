import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/server/logger.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import type { JobInfo } from '../../src/server/store/types.js';
import { sharedData } from '../helpers/shared-data.js';
import { waitForJob } from './server-helpers.js';

// Every upload path ends in an answer (or a closed connection) and releases what it held: the
// spooled `.part` files in uploads/ and their descriptors. The server runs in this process, so
// /proc/self/fd counts its descriptors (Linux).

const BOUNDARY = 'upload-paths-boundary';
const MAX_FILE = 256 * 1024;

interface Outcome {
  /** The status line's code, or null when the server closed without answering. */
  status: number | null;
  body: string;
}

/** Sends raw bytes over one socket; resolves with what the server answered once it closes. */
function rawUpload(
  port: number,
  parts: Buffer[],
  opts: { contentLength?: number; end?: 'complete' | 'fin' | 'rst' | 'stall'; path?: string } = {},
): Promise<Outcome> {
  const body = Buffer.concat(parts);
  const head =
    `POST ${opts.path ?? '/api/datasets'} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
    `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
    `Content-Length: ${opts.contentLength ?? body.length}\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer and no close within 20 s; got ${JSON.stringify(received.slice(0, 200))}`));
    }, 20_000);
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(received);
      resolve({ status: m ? Number(m[1]) : null, body: received.slice(received.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(head);
    socket.write(body, () => {
      if (opts.end === 'fin') setTimeout(() => socket.end(), 100);
      else if (opts.end === 'rst') setTimeout(() => socket.resetAndDestroy(), 100);
    });
  });
}

const filePart = (name: string, content: Buffer, field = 'file'): Buffer =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from('\r\n'),
  ]);
const fieldPart = (name: string, value: string): Buffer =>
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
const closing = Buffer.from(`--${BOUNDARY}--\r\n`);

describe('every upload path answers and frees its spool files and descriptors', () => {
  let dir: string;
  let uploads: string;
  let server: RunningServer;
  let port: number;
  const evtx = (): Buffer => readFileSync(sharedData('evtx', 'sec-omer-newuser.evtx'));
  const fds = (): number => readdirSync('/proc/self/fd').length;
  const spooled = (): number => (existsSync(uploads) ? readdirSync(uploads).length : 0);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-upload-paths-'));
    uploads = path.join(dir, 'uploads');
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir: dir, token: null, demo: false },
      {
        logger: silentLogger,
        webRoot: null,
        appDeps: { limits: { maxFileBytes: MAX_FILE, maxUploadBytes: 4 * MAX_FILE, maxFiles: 100 } },
        // Short enough for the stalled-upload case below; every other case sends without pausing.
        timeouts: { idleMs: 2_000 },
      },
    );
    port = Number(new URL(server.url).port);
    // Warm up: the first import opens descriptors that stay (the worker thread's, the database's).
    const first = await rawUpload(port, [filePart('warm.evtx', evtx()), closing]);
    await waitForJob(server.url, (JSON.parse(first.body) as { job: JobInfo }).job.id);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs one path, then waits until the descriptors and spool files are back to where they were. */
  async function expectFreed(run: () => Promise<Outcome>): Promise<Outcome> {
    const fdBefore = fds();
    const filesBefore = spooled();
    const outcome = await run();
    let fdAfter = fds();
    let filesAfter = spooled();
    for (let i = 0; i < 50 && (fdAfter > fdBefore || filesAfter > filesBefore); i++) {
      await new Promise((r) => setTimeout(r, 100));
      fdAfter = fds();
      filesAfter = spooled();
    }
    console.log(`  fds ${fdBefore} -> ${fdAfter}, spool files ${filesBefore} -> ${filesAfter}`);
    expect(filesAfter).toBe(filesBefore);
    expect(fdAfter).toBeLessThanOrEqual(fdBefore);
    return outcome;
  }

  it('success: 202, and the spool file is removed once the import has read it', async () => {
    const out = await expectFreed(async () => {
      const o = await rawUpload(port, [filePart('ok.evtx', evtx()), closing]);
      const { job } = JSON.parse(o.body) as { job: JobInfo };
      const done = await waitForJob(server.url, job.id);
      expect(done.state).toBe('done');
      return o;
    });
    expect(out.status).toBe(202);
  });

  it('rejection: a dataset name over the length rule answers 400 bad_name and removes the file', async () => {
    const out = await expectFreed(() =>
      rawUpload(port, [filePart('ok.evtx', evtx()), fieldPart('name', 'n'.repeat(230)), closing]),
    );
    expect(out.status).toBe(400);
    expect(out.body).toContain('bad_name');
  });

  it('one length rule: a 230-character file name is cut to the same limit as a dataset name', async () => {
    const out = await expectFreed(async () => {
      const o = await rawUpload(port, [filePart(`${'f'.repeat(226)}.evtx`, evtx()), closing]);
      const { job } = JSON.parse(o.body) as { job: JobInfo };
      await waitForJob(server.url, job.id);
      return o;
    });
    expect(out.status).toBe(202);
    expect((JSON.parse(out.body) as { dataset: { name: string } }).dataset.name.length).toBe(200);
  });

  it('client abort with FIN mid-file: the connection ends and the file is removed', async () => {
    const out = await expectFreed(() =>
      rawUpload(port, [filePart('half.evtx', Buffer.alloc(100_000, 1)).subarray(0, 60_000)], {
        contentLength: 200_000,
        end: 'fin',
      }),
    );
    // The server may answer 400 into a half-closed socket or just close; both end the request.
    expect([400, null]).toContain(out.status);
  });

  it('client abort with RST mid-file: the file and its descriptor are released', async () => {
    await expectFreed(() =>
      rawUpload(port, [filePart('half.evtx', Buffer.alloc(100_000, 1)).subarray(0, 60_000)], {
        contentLength: 200_000,
        end: 'rst',
      }),
    );
  });

  const limitCases: Array<[string, () => Buffer[], string]> = [
    [
      '21 fields',
      () => [
        filePart('a.evtx', Buffer.alloc(10_000, 1)),
        ...Array.from({ length: 21 }, (_, i) => fieldPart(`f${i}`, 'v')),
        closing,
      ],
      'too_many_fields',
    ],
    [
      '101 files',
      () => [...Array.from({ length: 101 }, (_, i) => filePart(`${i}.evtx`, Buffer.alloc(100, 1))), closing],
      'too_many_files',
    ],
    [
      'a 5,000-byte field after a file part',
      () => [filePart('a.evtx', Buffer.alloc(10_000, 1)), fieldPart('name', 'x'.repeat(5000)), closing],
      'field_too_large',
    ],
    [
      'a file over the per-file limit',
      () => [filePart('big.evtx', Buffer.alloc(MAX_FILE + 10_000, 1)), closing],
      'file_too_large',
    ],
    [
      'files over the per-upload limit',
      () => [
        ...Array.from({ length: 5 }, (_, i) => filePart(`${i}.evtx`, Buffer.alloc(MAX_FILE - 1000, 1))),
        closing,
      ],
      'upload_too_large',
    ],
  ];
  for (const [label, parts, code] of limitCases) {
    it(`limit: ${label} answers 413 ${code}`, async () => {
      const out = await expectFreed(() => rawUpload(port, parts()));
      expect(out.status).toBe(413);
      expect(out.body).toContain(code);
    });
  }

  it('malformed body (no closing boundary) answers 400 bad_multipart', async () => {
    const out = await expectFreed(() => rawUpload(port, [filePart('a.evtx', Buffer.alloc(5000, 1))]));
    expect(out.status).toBe(400);
    expect(out.body).toContain('bad_multipart');
  });

  it('stalled upload: the idle timeout closes the connection and frees the file', async () => {
    const out = await expectFreed(() =>
      rawUpload(port, [filePart('stall.evtx', Buffer.alloc(50_000, 1))], {
        contentLength: 500_000,
        end: 'stall',
      }),
    );
    expect(out.status).toBeNull();
  });

  it('50 held-then-aborted uploads leave no descriptor and no file behind', async () => {
    await expectFreed(async () => {
      const all = Array.from({ length: 50 }, (_, i) =>
        rawUpload(port, [filePart(`${i}.evtx`, Buffer.alloc(20_000, 1))], {
          contentLength: 500_000,
          end: i % 2 === 0 ? 'fin' : 'rst',
        }),
      );
      await Promise.all(all);
      return { status: null, body: '' };
    });
  });

  it('still answers afterwards', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
  });
});
