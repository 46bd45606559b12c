import { DEFAULT_FILTERS, type ViewFilters } from '../../core/analysis/index.js';
import { RANK_SCORES, type RankScore } from '../../core/dataset/index.js';
import type { Notice } from './notice';
import { isValidDate, SPANS, type Span } from './time-window';

/**
 * The view an analyst shares is the URL: one readable query parameter per field (the parameters
 * are those parseViewState reads below; docs/architecture.md, "Where state lives"). Parsing never
 * throws: an invalid value becomes the default and a notice says so. Serializing writes only non-default values, in a fixed order, so
 * that a view has one URL.
 */
export type SourceRef = { kind: 'file'; key: string } | { kind: 'server'; id: string };
export const OVERLAYS = ['none', ...RANK_SCORES, 'pagerankLogontracer'] as const;
/** `pagerankLogontracer`: LogonTracer's PageRank, a score of every ranking (docs/analysis.md). */
export type Overlay = 'none' | RankScore | 'pagerankLogontracer';
export const PAGES = ['graph', 'datasets'] as const;
export type Page = (typeof PAGES)[number];

export interface ViewState {
  page: Page;
  source: SourceRef | null;
  /** Window start, `YYYY-MM-DD` (UTC); null = the dataset's first day. */
  from: string | null;
  span: Span;
  filters: ViewFilters;
  overlay: Overlay;
  /** Selected node or edge id. */
  sel: string | null;
  /** Investigation state (issue 9): the chosen detection, focus, path, chain and comparison. */
  det: string | null;
  /** Show only this node and its neighbours up to `hops`. */
  focus: string | null;
  hops: Hops;
  /** Shortest logon paths between two nodes (`path=a~b`). */
  path: { from: string; to: string } | null;
  /** Time-ordered lateral-movement chains from this node. */
  chain: string | null;
  /** Compare with the previous window of the same length. */
  cmp: boolean;
  /** Show only what is new in this window (needs cmp). */
  newOnly: boolean;
}

export const HOPS = [1, 2, 3] as const;
export type Hops = (typeof HOPS)[number];

export const DEFAULT_VIEW: ViewState = Object.freeze({
  page: 'graph',
  source: null,
  from: null,
  span: 'day',
  filters: DEFAULT_FILTERS,
  overlay: 'pagerank',
  sel: null,
  det: null,
  focus: null,
  hops: 1,
  path: null,
  chain: null,
  cmp: false,
  newOnly: false,
}) as ViewState;

export interface ParsedView {
  state: ViewState;
  /** One notice (message id and parameters) per value that was not understood and fell back to its default. */
  notices: Notice[];
}

const MAX_SEARCH = 200;
const MAX_ID = 4096;
const MAX_LIST = 100;
const FILE_KEY = /^[0-9a-f]{64}$/;
const SERVER_ID = /^[A-Za-z0-9_.-]{1,128}$/;
const LOGON_TYPE = /^[A-Za-z0-9_-]{1,32}$/;

/** Quotes a user-supplied value for a notice, shortened: it is shown as text, never as markup. */
function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

export function parseSource(value: string): SourceRef | null {
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (kind === 'file' && FILE_KEY.test(rest)) return { kind: 'file', key: rest };
  if (kind === 'server' && SERVER_ID.test(rest)) return { kind: 'server', id: rest };
  return null;
}

export function serializeSource(source: SourceRef): string {
  return source.kind === 'file' ? `file:${source.key}` : `server:${source.id}`;
}

function oneOf<T extends string>(values: readonly T[], value: string): T | null {
  return (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseViewState(search: string): ParsedView {
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  const state: ViewState = { ...DEFAULT_VIEW, filters: { ...DEFAULT_FILTERS } };
  const bad = (name: string, value: string, key: Notice['key'], params: Notice['params'] = {}) =>
    notices.push({ key, params: { name, value: quote(value), ...params } });
  const get = (name: string): string | null => {
    const v = params.get(name);
    return v === null || v === '' ? null : v;
  };

  const page = get('page');
  if (page !== null) state.page = oneOf(PAGES, page) ?? (bad('page', page, 'ignoredPage'), 'graph');

  const source = get('source');
  if (source !== null) {
    state.source = parseSource(source);
    if (state.source === null) bad('source', source, 'ignoredSource');
  }

  const from = get('from');
  if (from !== null) {
    if (isValidDate(from)) state.from = from;
    else bad('from', from, 'ignoredFrom');
  }

  const span = get('span');
  if (span !== null) state.span = oneOf(SPANS, span) ?? (bad('span', span, 'ignoredSpan'), 'day');

  const ids = get('ids');
  if (ids !== null) {
    const parts = ids.split(',').slice(0, MAX_LIST);
    const good = parts.filter((p) => /^\d{1,5}$/.test(p) && Number(p) <= 65535).map(Number);
    if (good.length !== parts.length) bad('ids', ids, 'ignoredIds');
    state.filters.eventIds = good.length > 0 ? [...new Set(good)].sort((a, b) => a - b) : null;
  }

  const types = get('types');
  if (types !== null) {
    const parts = types.split(',').slice(0, MAX_LIST);
    const good = parts.filter((p) => LOGON_TYPE.test(p));
    if (good.length !== parts.length) bad('types', types, 'ignoredTypes');
    state.filters.logonTypes = good.length > 0 ? [...new Set(good)].sort(compareTypes) : null;
  }

  const outcome = get('outcome');
  if (outcome !== null) {
    state.filters.outcome =
      oneOf(['any', 'success', 'failure'] as const, outcome) ??
      (bad('outcome', outcome, 'ignoredOutcome'), 'any');
  }

  const min = get('min');
  if (min !== null) {
    if (/^\d{1,9}$/.test(min) && Number(min) >= 1) state.filters.minCount = Number(min);
    else bad('min', min, 'ignoredMin');
  }

  const q = params.get('q');
  if (q !== null) {
    if (q.length > MAX_SEARCH) bad('q', q, 'ignoredSearch', { max: MAX_SEARCH });
    else state.filters.search = q;
  }

  const hidden = get('hidden');
  if (hidden !== null) {
    if (hidden === '1' || hidden === '0') state.filters.showHidden = hidden === '1';
    else bad('hidden', hidden, 'ignoredFlag');
  }

  const overlay = get('overlay');
  if (overlay !== null) {
    state.overlay = oneOf(OVERLAYS, overlay) ?? (bad('overlay', overlay, 'ignoredOverlay'), 'pagerank');
  }

  const sel = get('sel');
  if (sel !== null) {
    if (sel.length <= MAX_ID) state.sel = sel;
    else bad('sel', sel, 'ignoredSelection');
  }
  parseInvestigation(get, bad, state);
  return { state, notices };
}

/** Logon types sort numerically when they are numbers ("2" before "10"). */
function compareTypes(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  return a.localeCompare(b);
}

/** The query string (without `?`) for a state; defaults are left out. */
export function serializeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  const f = state.filters;
  if (state.page !== 'graph') p.set('page', state.page);
  if (state.source !== null) p.set('source', serializeSource(state.source));
  if (state.from !== null) p.set('from', state.from);
  if (state.span !== 'day') p.set('span', state.span);
  if (f.eventIds !== null && f.eventIds.length > 0)
    p.set('ids', [...f.eventIds].sort((a, b) => a - b).join(','));
  if (f.logonTypes !== null && f.logonTypes.length > 0)
    p.set('types', [...f.logonTypes].sort(compareTypes).join(','));
  if (f.outcome !== 'any') p.set('outcome', f.outcome);
  if (f.minCount > 1) p.set('min', String(f.minCount));
  if (f.search !== '') p.set('q', f.search);
  if (f.showHidden) p.set('hidden', '1');
  if (state.overlay !== DEFAULT_VIEW.overlay) p.set('overlay', state.overlay);
  if (state.sel !== null) p.set('sel', state.sel);
  if (state.det !== null) p.set('det', state.det);
  if (state.focus !== null) p.set('focus', state.focus);
  if (state.focus !== null && state.hops !== 1) p.set('hops', String(state.hops));
  if (state.path !== null) p.set('path', serializePath(state.path));
  if (state.chain !== null) p.set('chain', state.chain);
  if (state.cmp) p.set('cmp', '1');
  if (state.cmp && state.newOnly) p.set('new', '1');
  // URLSearchParams writes spaces as '+', commas as %2C; keep commas readable.
  return p.toString().replace(/%2C/g, ',');
}

/**
 * `path=a~b`. Node ids may hold any character: `%` and `~` inside an id are written `%25` and
 * `%7E` so that the one `~` left separates the two ends.
 */
export function serializePath(path: { from: string; to: string }): string {
  const escape = (id: string) => id.replace(/%/g, '%25').replace(/~/g, '%7E');
  return `${escape(path.from)}~${escape(path.to)}`;
}

export function parsePath(value: string): { from: string; to: string } | null {
  const parts = value.split('~');
  if (parts.length !== 2) return null;
  const unescape = (id: string) =>
    id.replace(/%(25|7E)/gi, (_m, code: string) => (code === '25' ? '%' : '~'));
  const [from, to] = parts.map(unescape) as [string, string];
  if (from === '' || to === '' || from === to || from.length > MAX_ID || to.length > MAX_ID) return null;
  return { from, to };
}

function parseInvestigation(
  get: (name: string) => string | null,
  bad: (name: string, value: string, key: Notice['key']) => void,
  state: ViewState,
): void {
  const nodeParam = (name: 'det' | 'focus' | 'chain') => {
    const v = get(name);
    if (v === null) return;
    if (v.length <= MAX_ID) state[name] = v;
    else bad(name, v, 'ignoredTooLong');
  };
  nodeParam('det');
  nodeParam('focus');
  nodeParam('chain');

  const hops = get('hops');
  if (hops !== null) {
    const n = Number(hops);
    if ((HOPS as readonly number[]).includes(n) && /^\d$/.test(hops)) state.hops = n as Hops;
    else bad('hops', hops, 'ignoredHops');
  }

  const path = get('path');
  if (path !== null) {
    state.path = parsePath(path);
    if (state.path === null) bad('path', path, 'ignoredPath');
  }

  const flag = (name: string): boolean => {
    const v = get(name);
    if (v === null) return false;
    if (v === '1' || v === '0') return v === '1';
    bad(name, v, 'ignoredFlag');
    return false;
  };
  state.cmp = flag('cmp');
  state.newOnly = flag('new');
}
