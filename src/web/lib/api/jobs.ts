import { apiFetch } from './client';
import { ApiError, isAbort } from './errors';
import { getJob } from './datasets';
import { jobSchema, type Job } from './schemas';
import { createSseParser } from './sse';

export interface FollowJobOptions {
  /** Every state the job goes through, in order (the last one is also the returned value). */
  onUpdate: (job: Job) => void;
  signal?: AbortSignal | undefined;
  /** Polling interval for the fallback, in ms. */
  pollMs?: number;
}

export function isFinished(job: Job): boolean {
  return job.state === 'done' || job.state === 'failed';
}

function parseJob(data: string): Job | null {
  try {
    const parsed = jobSchema.safeParse(JSON.parse(data) as unknown);
    if (parsed.success) return parsed.data;
    // `done` may carry `{ job }` rather than the job itself.
    const wrapped = jobSchema.safeParse((JSON.parse(data) as { job?: unknown }).job);
    return wrapped.success ? wrapped.data : null;
  } catch {
    return null;
  }
}

/**
 * Follows an import job to its end: the server-sent events of GET /api/jobs/:id/events (read with
 * fetch so that the bearer token goes in a header), and when the stream is unavailable or breaks
 * off, polling GET /api/jobs/:id. Resolves with the final job (done or failed).
 */
export async function followJob(jobId: string, opts: FollowJobOptions): Promise<Job> {
  try {
    const last = await streamJob(jobId, opts);
    if (last !== null) return last;
  } catch (e) {
    // Aborts and a refused token are final; anything else (proxy without streaming, a cut
    // connection, an old server) falls back to polling.
    if (isAbort(e) || (e instanceof ApiError && (e.status === 401 || e.status === 404))) throw e;
  }
  return pollJob(jobId, opts);
}

async function streamJob(jobId: string, opts: FollowJobOptions): Promise<Job | null> {
  const res = await apiFetch(`/jobs/${encodeURIComponent(jobId)}/events`, {
    accept: 'text/event-stream',
    signal: opts.signal,
  });
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream') || res.body === null) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let final: Job | null = null;
  let sawDone = false;
  const parser = createSseParser((event) => {
    if (event.type !== 'progress' && event.type !== 'done' && event.type !== 'message') return;
    const job = parseJob(event.data);
    if (job !== null) {
      final = job;
      opts.onUpdate(job);
    }
    if (event.type === 'done') sawDone = true;
  });
  try {
    while (!sawDone) {
      const { done, value } = await reader.read();
      if (done) {
        parser.end();
        break;
      }
      parser.push(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const last: Job | null = final;
  if (last !== null && isFinished(last)) return last;
  // The stream ended (or said done) without a final job: ask for it.
  return sawDone ? pollJob(jobId, opts) : null;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

async function pollJob(jobId: string, opts: FollowJobOptions): Promise<Job> {
  for (;;) {
    const job = await getJob(jobId, opts.signal);
    opts.onUpdate(job);
    if (isFinished(job)) return job;
    await sleep(opts.pollMs ?? 500, opts.signal);
  }
}
