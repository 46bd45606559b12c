import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { notFound } from '../http/errors.js';
import type { Services } from '../http/context.js';
import type { JobInfo } from '../store/types.js';

const HEARTBEAT_MS = 15_000;

/** `/api/jobs`: a job's state, and its progress as server-sent events. */
export function jobRoutes(s: Services): Hono {
  const app = new Hono();

  const find = (id: string): JobInfo => {
    const job = s.jobs.get(id);
    if (job === null) throw notFound(`no job with id ${JSON.stringify(id.slice(0, 100))}`);
    return job;
  };

  app.get('/:id', (c) => c.json(find(c.req.param('id'))));

  /**
   * `progress` events (data = the job) while it runs, then one `done` event (data = the finished
   * job, done or failed) and the stream ends. A finished job answers `done` at once.
   */
  app.get('/:id/events', (c) => {
    const id = c.req.param('id');
    const first = find(id);
    return streamSSE(c, async (stream) => {
      const finished = (j: JobInfo): boolean => j.state === 'done' || j.state === 'failed';
      if (finished(first)) {
        await stream.writeSSE({ event: 'done', data: JSON.stringify(first) });
        return;
      }
      let queue: Promise<void> = Promise.resolve();
      let resolveEnd: () => void = () => {};
      const ended = new Promise<void>((resolve) => (resolveEnd = resolve));
      let lastSent = 0;
      const send = (j: JobInfo): void => {
        const done = finished(j);
        const now = Date.now();
        // Progress at most every 100 ms; state changes and the end always.
        if (!done && now - lastSent < 100 && j.state === first.state) return;
        lastSent = now;
        first.state = j.state;
        queue = queue
          .then(() => stream.writeSSE({ event: done ? 'done' : 'progress', data: JSON.stringify(j) }))
          .then(() => {
            if (done) resolveEnd();
          });
      };
      const unsubscribe = s.jobs.subscribe(id, send);
      const heartbeat = setInterval(() => {
        queue = queue.then(() => stream.write(': keep-alive\n\n')).then(() => undefined);
      }, HEARTBEAT_MS);
      stream.onAbort(() => resolveEnd());
      try {
        // The job may have finished between the lookup and the subscription.
        const now = s.jobs.get(id);
        send(now ?? first);
        if (now === null || finished(now)) resolveEnd();
        await ended;
        await queue;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
      }
    });
  });

  return app;
}
