import { Hono } from 'hono';
import type { Services } from '../http/context.js';
import { parseFilters, parseWindow } from '../http/query.js';
import { collectWindow } from '../graph/stream-window.js';
import { windowCost } from '../graph/window-runner.js';

/**
 * `GET /api/datasets/:id/graph`: the analyzed dataset for a window and filters (format v1). The
 * window is computed in the window pool (off this thread), cached per dataset revision and query,
 * and requests for the same answer while it is computed share one computation.
 */
export function graphRoutes(s: Services): Hono {
  const app = new Hono();
  const inFlight = new Map<string, Promise<Uint8Array>>();
  app.get('/:id/graph', async (c) => {
    const id = c.req.param('id');
    const info = s.store.getDataset(id);
    const q = c.req.query();
    const window = parseWindow(q, info.timeRange);
    const filters = parseFilters(q);
    const key = JSON.stringify([id, info.revision, info.name, window, filters, s.limits.maxGraphEdges]);
    let body = s.windowCache.get(key);
    if (body === undefined) {
      let pending = inFlight.get(key);
      if (pending === undefined) {
        pending = collectWindow(
          s.windows,
          {
            format: 'json',
            datasetId: id,
            window,
            filters,
            maxEdges: s.limits.maxGraphEdges,
            now: s.clock.now().toISOString(),
          },
          windowCost(window, info.timeRange, 'graph'),
        ).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      body = await pending;
      s.windowCache.set(key, body);
    }
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/json; charset=utf-8',
    });
  });
  return app;
}
