import { Hono } from 'hono';
import type { Services } from '../http/context.js';
import { parseWindow } from '../http/query.js';
import { windowHours } from '../../core/analysis/index.js';

/**
 * `GET /api/datasets/:id/histogram`: events per Unix hour over the whole dataset (or `[from, to)`),
 * summed from the hourly roll-ups. The app draws its timeline from it, so the bars cover the whole
 * dataset whatever window the graph shows. One indexed scan of `edge_hours` (its primary key starts
 * with dataset and hour); only hours with events are listed, so the size follows the data, not
 * the (log-controlled) time range.
 */
export function histogramRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/:id/histogram', (c) => {
    const id = c.req.param('id');
    const info = s.store.getDataset(id);
    const q = c.req.query();
    const window = parseWindow(q, info.timeRange);
    const key = JSON.stringify(['histogram', id, info.revision, window]);
    let body = s.graphCache.get(key);
    if (body === undefined) {
      const { fromHour, toHour } = windowHours(window);
      const rows = s.store.hourlyEventCounts(id, fromHour, toHour);
      body = JSON.stringify({ timeRange: info.timeRange, window, hours: rows });
      s.graphCache.set(key, body);
    }
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  return app;
}
