import { Hono } from 'hono';
import type { Services } from '../http/context.js';
import { datasetDetections } from '../graph/dataset-detections.js';

/**
 * `GET /api/datasets/:id/detections`: every detection of the whole dataset (`/graph` returns those
 * of its window only), `{ timeRange, detections }`. Cached per dataset revision like /graph.
 */
export function detectionRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/:id/detections', (c) => {
    const id = c.req.param('id');
    const info = s.store.getDataset(id);
    const key = JSON.stringify(['detections', id, info.revision]);
    let body = s.graphCache.get(key);
    if (body === undefined) {
      body = JSON.stringify({ timeRange: info.timeRange, detections: datasetDetections(s.store, id) });
      s.graphCache.set(key, body);
    }
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  return app;
}
