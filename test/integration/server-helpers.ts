import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { JobInfo } from '../../src/server/store/types.js';

/** JSON of a response, failing the test with the body when the status is not the expected one. */
export async function expectJson<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** A multipart body with the files under arbitrary field names, streamed from disk. */
export async function filesForm(files: string[], fields: Record<string, string> = {}): Promise<FormData> {
  const fd = new FormData();
  let i = 0;
  for (const f of files) fd.append(`file${i++}`, await openAsBlob(f), path.basename(f));
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

/** Polls a job until it is done or failed. */
export async function waitForJob(
  base: string,
  id: string,
  headers: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<JobInfo> {
  const start = Date.now();
  for (;;) {
    const job = await expectJson<JobInfo>(await fetch(`${base}/api/jobs/${id}`, { headers }));
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() - start > timeoutMs) throw new Error(`job ${id} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function expectErrorShape(body: unknown): void {
  expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
}
