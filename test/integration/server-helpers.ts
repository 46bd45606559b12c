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

/**
 * Writes a large, valid Winlogbeat 8 (ECS) NDJSON log: `count` logon events (4624/4625) by 500
 * accounts from 200 addresses onto 50 hosts, spread over 30 days, unique record IDs. Used where a
 * test needs an import that takes a while.
 */
export async function writeLargeNdjson(file: string, count: number): Promise<number> {
  const { createWriteStream } = await import('node:fs');
  const out = createWriteStream(file);
  const start = Date.parse('2023-03-01T00:00:00Z');
  const span = 30 * 24 * 3_600_000;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const failure = i % 17 === 0;
    const doc = {
      '@timestamp': new Date(start + Math.floor((i / count) * span)).toISOString(),
      event: { code: String(failure ? 4625 : 4624) },
      winlog: {
        event_id: failure ? 4625 : 4624,
        channel: 'Security',
        provider_name: 'Microsoft-Windows-Security-Auditing',
        computer_name: `SRV${i % 50}.corp.example`,
        record_id: i + 1,
        event_data: {
          TargetUserName: `user${i % 500}`,
          TargetDomainName: 'CORP',
          TargetUserSid: `S-1-5-21-1-2-3-${1000 + (i % 500)}`,
          LogonType: i % 3 === 0 ? '10' : '3',
          IpAddress: `10.0.${(i >> 8) % 200}.${i % 200}`,
          WorkstationName: `WS${i % 200}`,
          AuthenticationPackageName: 'NTLM',
          ...(failure ? { Status: '0xc000006d', SubStatus: '0xc000006a' } : {}),
        },
      },
    };
    const line = JSON.stringify(doc) + '\n';
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return bytes;
}
