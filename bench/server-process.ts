// The LogonLens server as a child process for the server benchmarks: dist/node when built (imports
// and window work in worker threads, as in production), else the sources through tsx.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openAsBlob, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = path.join(ROOT, 'dist/node/server/main.js');

export interface ServerProcess {
  proc: ChildProcess;
  url: string;
  mode: string;
  stop(): void;
}

export async function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const built = existsSync(BUILT);
  const args = built ? [BUILT] : ['--import', 'tsx', path.join(ROOT, 'src/server/main.ts')];
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOGONLENS_DATA: dataDir,
      LOGONLENS_TOKEN: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    proc,
    url,
    mode: built ? 'dist/node (workers for imports and windows)' : 'sources via tsx (imports in-process)',
    stop: () => proc.kill('SIGTERM'),
  };
}

/** Resident and peak resident memory of a process (Linux /proc), in bytes. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number =>
    Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

export async function uploadFile(
  url: string,
  file: string,
  name: string,
): Promise<{ datasetId: string; jobId: string }> {
  const fd = new FormData();
  fd.append('file', await openAsBlob(file), path.basename(file));
  fd.append('name', name);
  const res = await fetch(`${url}/api/datasets`, { method: 'POST', body: fd });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { dataset: { id: string }; job: { id: string } };
  return { datasetId: body.dataset.id, jobId: body.job.id };
}

export interface JobState {
  state: string;
  error: string | null;
  progress: { records: number };
  result: { counts: { events: number; edges: number } } | null;
}

export async function waitForJobDone(url: string, id: string, onPoll?: () => void): Promise<JobState> {
  for (;;) {
    const j = (await (await fetch(`${url}/api/jobs/${id}`)).json()) as JobState;
    onPoll?.();
    if (j.state === 'done' || j.state === 'failed') return j;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function percentiles(values: number[]): { n: number; p50: number; p95: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number): number => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
  return { n: s.length, p50: at(50), p95: at(95), max: s[s.length - 1] ?? NaN };
}

export const ms = (v: number): string => `${v.toFixed(0)} ms`;
