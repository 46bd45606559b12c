import { Hono } from 'hono';
import type { TimeRange } from '../../core/dataset/index.js';
import { exportFileName } from '../../core/export/index.js';
import { badRequest } from '../http/errors.js';
import type { Services } from '../http/context.js';
import { parseFilters, parseWindow } from '../http/query.js';
import { streamWindow } from '../graph/stream-window.js';
import { windowCost } from '../graph/window-runner.js';

/**
 * The attachment header: the exports' one file-name rule (core/export: dataset, window, export
 * time; the name is user input, only letters, digits, `.`, `_`, `-` are kept), with an ASCII
 * fallback for clients that do not read RFC 6266's `filename*`.
 */
function attachment(
  name: string,
  window: TimeRange | null,
  exportedAt: string,
  format: 'json' | 'csv',
): string {
  const file = exportFileName(
    { dataset: name, window, exportedAt },
    format,
    format === 'json' ? 'dataset' : 'edges',
  );
  const ascii = file.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`;
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
    const now = s.clock.now().toISOString();
    const body = await streamWindow(
      s.windows,
      {
        format,
        datasetId: id,
        window,
        filters,
        maxEdges: Number.MAX_SAFE_INTEGER,
        now,
        withAnnotations: true,
      },
      windowCost(window, info.timeRange, 'export'),
    );
    return c.body(body, 200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': attachment(info.name, window, now, format),
    });
  });
  return app;
}
