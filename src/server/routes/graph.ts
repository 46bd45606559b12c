import { Hono } from 'hono';
import type { Services } from '../http/context.js';
import { parseFilters, parseWindow } from '../http/query.js';
import { windowDataset } from '../graph/window-dataset.js';

/** `GET /api/datasets/:id/graph`: the analyzed dataset for a window and filters (format v1). */
export function graphRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/:id/graph', (c) => {
    const id = c.req.param('id');
    const info = s.store.getDataset(id);
    const q = c.req.query();
    const window = parseWindow(q, info.timeRange);
    const filters = parseFilters(q);
    const key = JSON.stringify([id, info.revision, info.name, window, filters, s.limits.maxGraphEdges]);
    let body = s.graphCache.get(key);
    if (body === undefined) {
      const dataset = windowDataset(s.store, id, window, filters, {
        maxEdges: s.limits.maxGraphEdges,
        rank: s.rank,
        now: s.clock.now(),
      });
      body = JSON.stringify(dataset);
      s.graphCache.set(key, body);
    }
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  return app;
}
