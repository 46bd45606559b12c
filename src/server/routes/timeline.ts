import { Hono } from 'hono';
import { nodeTimeline } from '../../core/analysis/index.js';
import { DATASET_FORMAT_V1, type Dataset } from '../../core/dataset/index.js';
import { GENERATOR } from '../../core/version.js';
import type { Services } from '../http/context.js';
import { badRequest, notFound } from '../http/errors.js';

/**
 * `GET /api/datasets/:id/timeline?node=<id>`: one node's events per hour over the whole dataset
 * (the analysis' nodeTimeline: successes, failures, by event ID, anomaly). `/graph` sends one window,
 * so the app's node timeline of a server dataset comes from here. The anomaly score is computed
 * over the node's own edges (the ranking's warm-up population is the window's accounts).
 */
export function timelineRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/:id/timeline', (c) => {
    const id = c.req.param('id');
    const info = s.store.getDataset(id);
    const node = (c.req.query('node') ?? '').slice(0, 5000);
    if (node === '') throw badRequest('give the node id as node=', 'bad_query');
    const found = s.store.findNode(id, node);
    if (found === null) throw notFound(`no node ${JSON.stringify(node.slice(0, 100))} in this dataset`);
    const key = JSON.stringify(['timeline', id, info.revision, node]);
    let body = s.graphCache.get(key);
    if (body === undefined) {
      const edges = s.store.edgesOfNode(id, node);
      const ends = new Set<string>();
      for (const e of edges) for (const n of [e.account, e.source, e.target]) if (n !== null) ends.add(n);
      const mini: Dataset = {
        format: DATASET_FORMAT_V1,
        generator: { name: GENERATOR.name, version: GENERATOR.version },
        createdAt: s.clock.now().toISOString(),
        title: info.name,
        sources: [],
        timeRange: info.timeRange,
        window: null,
        readStats: { recordsRead: 0, eventsUsed: 0, eventsSkipped: {}, warnings: 0 },
        nodes: s.store.nodesByIds(id, [...ends]),
        edges,
        rankings: [],
        detections: [],
      };
      body = JSON.stringify(nodeTimeline(mini, node, { showHidden: found.hidden !== null }));
      s.graphCache.set(key, body);
    }
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  return app;
}
