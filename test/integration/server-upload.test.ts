import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/server/logger.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { expectJson, waitForJob } from './server-helpers.js';

// A large upload is streamed to disk: memory does not grow with it, and the server answers other
// requests while it comes in. The file is not an event log, so its import ends at once with a
// clear per-file error.
const MiB = 1024 * 1024;
const SIZE_MIB = 384;

describe('large uploads', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-upload-'));
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir: dir, token: null, demo: false },
      { logger: silentLogger, webRoot: null },
    );
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`streams a ${SIZE_MIB} MiB upload to disk while answering other requests`, async () => {
    const boundary = 'logonlens-test-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="blob"; filename="huge.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const chunk = Buffer.alloc(MiB, 0x41);
    const memory = (): number => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = memory();
    let peak = before;
    let sent = 0;
    const answeredDuring: number[] = [];
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 0) controller.enqueue(head);
        if (sent < SIZE_MIB) {
          controller.enqueue(chunk);
          sent++;
          peak = Math.max(peak, memory());
          if (sent % 64 === 0) {
            // Another request, answered while the upload is still coming in.
            const res = await fetch(`${server.url}/api/health`);
            if (res.status === 200 && sent < SIZE_MIB) answeredDuring.push(sent);
          }
        } else {
          controller.enqueue(tail);
          controller.close();
        }
      },
    });
    const res = await fetch(`${server.url}/api/datasets`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    const { dataset, job } = await expectJson<{ dataset: DatasetInfo; job: JobInfo }>(res, 202);
    expect(job.progress.totalBytes).toBe(SIZE_MIB * MiB);
    expect(answeredDuring.length).toBeGreaterThanOrEqual(4);
    // Held in memory, the upload alone would add 384 MiB.
    expect(peak - before).toBeLessThan(128 * MiB);
    const done = await waitForJob(server.url, job.id);
    expect(done.result?.files[0]).toMatchObject({
      name: 'huge.bin',
      size: SIZE_MIB * MiB,
      error: expect.stringContaining('not an event log'),
    });
    const d = await expectJson<DatasetInfo>(await fetch(`${server.url}/api/datasets/${dataset.id}`));
    expect(d.counts.events).toBe(0);
  });
});
