/**
 * The view filters, defined once: the app's window view (view.ts), the server's /graph and
 * /export (src/server/graph/window-dataset.ts) and the Elasticsearch export all read these.
 */

export interface ViewFilters {
  /** null = all */
  eventIds: number[] | null;
  /** null = all; edges without a logon type (Kerberos, NTLM) are hidden when a list is given. */
  logonTypes: string[] | null;
  outcome: 'any' | 'success' | 'failure';
  /** Edges with fewer events in the window are hidden. */
  minCount: number;
  /** Case-insensitive substring over account/host/IP labels; '' = none. */
  search: string;
  /** Machine accounts, ANONYMOUS LOGON, well-known accounts, local sources. */
  showHidden: boolean;
}

export const DEFAULT_FILTERS: ViewFilters = Object.freeze({
  eventIds: null,
  logonTypes: null,
  outcome: 'any',
  minCount: 1,
  search: '',
  showHidden: false,
}) as ViewFilters;

/** Every filter off, hidden accounts shown: a whole window, as an export describes it. */
export const NO_FILTERS: ViewFilters = Object.freeze({
  eventIds: null,
  logonTypes: null,
  outcome: 'any',
  minCount: 0,
  search: '',
  showHidden: true,
}) as ViewFilters;

/** What the edge filter reads of an edge: its own attributes and its event count in the window. */
export interface FilterableEdge {
  eventId: number;
  logonType: string | null;
  failure: boolean;
  count: number;
}

/**
 * The part of the filters an edge decides on its own: event ID, logon type, outcome and events in
 * the window (at least one, whatever minCount says). Hidden ends and the search depend on the
 * edge's nodes, which the app and the server look up each in their own store.
 */
export function edgeFilter(filters: ViewFilters): (edge: FilterableEdge) => boolean {
  const eventIds = filters.eventIds === null ? null : new Set(filters.eventIds);
  const logonTypes = filters.logonTypes === null ? null : new Set(filters.logonTypes);
  const minCount = Math.max(1, filters.minCount);
  const { outcome } = filters;
  return (e) =>
    (eventIds === null || eventIds.has(e.eventId)) &&
    (logonTypes === null || (e.logonType !== null && logonTypes.has(e.logonType))) &&
    !(outcome === 'success' && e.failure) &&
    !(outcome === 'failure' && !e.failure) &&
    e.count >= minCount;
}
