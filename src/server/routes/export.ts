import { Hono } from 'hono';
import type { Dataset, DatasetNode } from '../../core/dataset/index.js';
import { badRequest } from '../http/errors.js';
import type { Services } from '../http/context.js';
import { parseFilters, parseWindow } from '../http/query.js';
import { windowDataset } from '../graph/window-dataset.js';
import { csvRow } from '../graph/csv.js';

const CSV_COLUMNS = [
  'account',
  'source',
  'target',
  'eventId',
  'logonType',
  'status',
  'subStatus',
  'authPackage',
  'failure',
  'count',
  'first',
  'last',
  'accountId',
  'sourceId',
  'targetId',
  'edgeId',
] as const;

/** A file name made of safe characters only (the dataset name is user input). */
function fileStem(name: string, window: Dataset['window']): string {
  const base =
    name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'dataset';
  return window === null ? `logonlens-${base}` : `logonlens-${base}-${window.from.slice(0, 10)}`;
}

function toCsv(d: Dataset): string {
  const nodes = new Map<string, DatasetNode>(d.nodes.map((n) => [n.id, n]));
  const label = (id: string | null): string | null => (id === null ? null : (nodes.get(id)?.label ?? id));
  let out = csvRow(CSV_COLUMNS);
  for (const e of d.edges) {
    out += csvRow([
      label(e.account),
      label(e.source),
      label(e.target),
      e.eventId,
      e.logonType,
      e.status,
      e.subStatus,
      e.authPackage,
      e.failure,
      e.count,
      e.first,
      e.last,
      e.account,
      e.source,
      e.target,
      e.id,
    ]);
  }
  return out;
}

/**
 * `GET /api/datasets/:id/export?format=json|csv&from=&to=` (+ the /graph filters): the dataset file
 * for the window (it opens in the app), or its edges as CSV. No edge cap: an export is complete.
 */
export function exportRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/:id/export', (c) => {
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
    const dataset = windowDataset(s.store, id, window, filters, {
      maxEdges: Number.MAX_SAFE_INTEGER,
      rank: s.rank,
      now: s.clock.now(),
    });
    const stem = fileStem(info.name, window);
    if (format === 'csv') {
      return c.body(toCsv(dataset), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${stem}.csv"`,
      });
    }
    return c.body(JSON.stringify(dataset), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${stem}.json"`,
    });
  });
  return app;
}
