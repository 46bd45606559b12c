import { apiJson } from './client';
import { eventsPageSchema, parseWith, type EventsPage } from './schemas';

/** Whose events: a node (account, host, IP) or an edge of the graph. */
export type DrillTarget = { kind: 'node'; id: string } | { kind: 'edge'; id: string };

export interface EventsParams {
  from: string | null;
  to: string | null;
  target: DrillTarget;
  limit?: number;
}

export const DEFAULT_EVENTS_LIMIT = 100;

export function eventsSearch(p: EventsParams, cursor: string | null): string {
  const q = new URLSearchParams();
  if (p.from !== null) q.set('from', p.from);
  if (p.to !== null) q.set('to', p.to);
  q.set(p.target.kind, p.target.id);
  if (cursor !== null) q.set('cursor', cursor);
  q.set('limit', String(p.limit ?? DEFAULT_EVENTS_LIMIT));
  return `?${q.toString()}`;
}

/** One page of the raw events behind a node or edge in a window. */
export function getEvents(
  datasetId: string,
  params: EventsParams,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<EventsPage> {
  return apiJson(
    `/datasets/${encodeURIComponent(datasetId)}/events${eventsSearch(params, cursor)}`,
    parseWith(eventsPageSchema, 'events'),
    { signal },
  );
}
