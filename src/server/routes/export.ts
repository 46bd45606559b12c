import { Hono } from 'hono';
import type { Dataset } from '../../core/dataset/index.js';
import { badRequest } from '../http/errors.js';
import type { Services } from '../http/context.js';
import { parseFilters, parseWindow } from '../http/query.js';
import { streamWindow } from '../graph/stream-window.js';
import { windowCost } from '../graph/window-runner.js';

/** A file name made of safe characters only (the dataset name is user input). */
function fileStem(name: string, window: Dataset['window']): string {
  const base =
    name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'dataset';
  return window === null ? `logonlens-${base}` : `logonlens-${base}-${window.from.slice(0, 10)}`;
}

/**
 * `GET /api/datasets/:id/export?format=json|csv&from=&to=` (+ the /graph filters): the dataset file
 * for the window (it opens in the app), or its edges as CSV. No edge cap: an export is complete.
 * Computed in the window pool and streamed from it (CSV in pieces of about 1 MiB).
 */
export function exportRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/:id/export', async (c) => {
    const id = c.req.param('id');
    const info = s.store.getDataset(id);
    const q = c.req.query();
    const format = q['format'] ?? 'json';
    if (format !== 'json' && format !== 'csv') throw badRequest('format must be json or csv', 'bad_query');
    const window = parseWindow(q, info.timeRange);
    const filters = {
      ...parseFilters(q),
      showHidden: q['hidden'] === undefined ? true : parseFilters(q).showHidden,
    };
    const body = await streamWindow(
      s.windows,
      {
        format,
        datasetId: id,
        window,
        filters,
        maxEdges: Number.MAX_SAFE_INTEGER,
        now: s.clock.now().toISOString(),
        withAnnotations: true,
      },
      windowCost(window, info.timeRange, 'export'),
    );
    const stem = fileStem(info.name, window);
    return c.body(body, 200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${stem}.${format}"`,
    });
  });
  return app;
}
