import { Hono } from 'hono';
import { parseDrillTarget } from '../http/drill-target.js';
import { badRequest } from '../http/errors.js';
import type { Services } from '../http/context.js';
import { parseInteger, parseWindow } from '../http/query.js';

const DEFAULT_LIMIT = 100;

export function encodeCursor(timeMs: number, seq: number): string {
  return Buffer.from(`${timeMs}:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string): { timeMs: number; seq: number } {
  const m =
    cursor.length <= 64
      ? /^(-?\d{1,16}):(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
      : null;
  if (m === null || m[1] === undefined || m[2] === undefined)
    throw badRequest('cursor is not valid (use nextCursor as given)', 'bad_query');
  return { timeMs: Number(m[1]), seq: Number(m[2]) };
}

/**
 * `GET /api/datasets/:id/events?node=|edge=&from=&to=&cursor=&limit=`: the stored events behind a
 * node or an edge, oldest first, a page at a time.
 */
export function eventRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/:id/events', (c) => {
    const id = c.req.param('id');
    const info = s.store.getDataset(id);
    const q = c.req.query();
    const target = parseDrillTarget(s.store, id, q);
    const window = parseWindow(q, info.timeRange);
    const limit = parseInteger('limit', q['limit'], DEFAULT_LIMIT, 1, s.limits.maxEventsPage);
    const cursor = q['cursor'];
    const after = cursor === undefined || cursor === '' ? null : decodeCursor(cursor);
    const fromMs = window === null ? Number.MIN_SAFE_INTEGER : Date.parse(window.from);
    const toMs = window === null ? Number.MAX_SAFE_INTEGER : Date.parse(window.to);
    const rows = s.store.eventsPage(
      id,
      target.kind === 'node' ? { node: target.ref } : { edge: target.ref },
      fromMs,
      toMs,
      after,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(last.timeMs, last.seq) : null;
    return c.json({ events: page.map((r) => r.event), nextCursor });
  });
  return app;
}
