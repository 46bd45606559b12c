import { afterEach, describe, expect, it } from 'vitest';
import { followJob } from './jobs';
import type { Job } from './schemas';
import { jsonResponse, resetApiStubs, sampleJob, sseResponse, stubFetch } from './test-support';

afterEach(resetApiStubs);

describe('followJob', () => {
  it('follows the server-sent events to the final job', async () => {
    const { calls } = stubFetch((req) => {
      expect(req.path).toBe('/api/jobs/job1/events');
      expect(req.headers.get('accept')).toBe('text/event-stream');
      return sseResponse([
        { event: 'progress', data: sampleJob({ progress: { bytes: 400, totalBytes: 1000, records: 40 } }) },
        { event: 'progress', data: sampleJob({ progress: { bytes: 1000, totalBytes: 1000, records: 90 } }) },
        {
          event: 'done',
          data: sampleJob({ state: 'done', progress: { bytes: 1000, totalBytes: 1000, records: 100 } }),
        },
      ]);
    });
    const seen: Job[] = [];
    const final = await followJob('job1', { onUpdate: (j) => seen.push(j) });
    expect(final.state).toBe('done');
    expect(seen.map((j) => j.progress.bytes)).toEqual([400, 1000, 1000]);
    expect(calls).toHaveLength(1);
  });

  it('falls back to polling when the stream is not available', async () => {
    let polls = 0;
    const { calls } = stubFetch((req) => {
      if (req.path.endsWith('/events')) return new Response('no streaming here', { status: 503 });
      polls++;
      return jsonResponse(
        200,
        polls < 3
          ? sampleJob({ progress: { bytes: polls * 300, totalBytes: 1000, records: 1 } })
          : sampleJob({ state: 'done' }),
      );
    });
    const seen: string[] = [];
    const final = await followJob('job1', { onUpdate: (j) => seen.push(j.state), pollMs: 1 });
    expect(final.state).toBe('done');
    expect(seen).toEqual(['running', 'running', 'done']);
    expect(calls.filter((c) => c.path === '/api/jobs/job1')).toHaveLength(3);
  });

  it('falls back to polling when the stream ends before the job does', async () => {
    stubFetch((req) =>
      req.path.endsWith('/events')
        ? sseResponse([{ event: 'progress', data: sampleJob() }])
        : jsonResponse(200, sampleJob({ state: 'failed', error: 'file 2: not an event log' })),
    );
    const final = await followJob('job1', { onUpdate: () => undefined, pollMs: 1 });
    expect(final.state).toBe('failed');
    expect(final.error).toBe('file 2: not an event log');
  });
});
