import { DEFAULT_FILTERS, type ViewFilters } from '../../core/analysis/index.js';
import { normaliseTag, RANK_SCORES, type RankScore } from '../../core/dataset/index.js';
import { isValidTimeZone, isUtcZone } from '../../core/analysis/index.js';
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
  /** Issue 13: the layout and the node cap (they change the picture), the time zone, the viewport. */
  layout: LayoutName;
  maxNodes: number;
  /** IANA zone for times and days (`tz=Asia/Tokyo`); null = UTC. */
  tz: string | null;
  vp: Viewport | null;
  /** Tag filter (issue 13, `tag=compromised`): only what carries this tag and its neighbours. */
  tag: string | null;
}

/** Graph layouts (settings menu); the layout is part of the picture, so it is in the URL. */
export const LAYOUTS = ['fcose', 'concentric', 'breadthfirst', 'grid', 'cose'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
/** Rendering cap: the canvas renderer slows to a few frames per second past ~2,500 nodes. */
export const DEFAULT_MAX_NODES = 2500;
export const MIN_MAX_NODES = 100;
export const MAX_MAX_NODES = 50_000;

/** Quiet time after the last pan or zoom before the canvas writes the viewport to the URL. */
export const VIEWPORT_SETTLE_MS = 300;

/** Zoom and pan of the graph (`vp=zoom,x,y`): with a deterministic layout, the exact picture. */
export interface Viewport {
  zoom: number;
  x: number;
  y: number;
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
  layout: 'fcose',
  maxNodes: DEFAULT_MAX_NODES,
  tz: null,
  vp: null,
  tag: null,
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
  parsePicture(get, bad, state);

  const tag = get('tag');
  if (tag !== null) {
    state.tag = normaliseTag(tag);
    if (state.tag === null) bad('tag', tag, 'ignoredTag');
  }
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
  if (state.layout !== DEFAULT_VIEW.layout) p.set('layout', state.layout);
  if (state.maxNodes !== DEFAULT_MAX_NODES) p.set('max', String(state.maxNodes));
  if (state.tz !== null && !isUtcZone(state.tz)) p.set('tz', state.tz);
  if (state.vp !== null) p.set('vp', serializeViewport(state.vp));
  if (state.tag !== null) p.set('tag', state.tag);
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

/** Rounds a viewport to what the URL keeps: the zoom to 1/1000, the pan to whole pixels. */
export function roundViewport(vp: Viewport): Viewport {
  return { zoom: Math.round(vp.zoom * 1000) / 1000, x: Math.round(vp.x), y: Math.round(vp.y) };
}

/** `1.25,-340,120`: zoom, pan x, pan y. */
export function serializeViewport(vp: Viewport): string {
  const r = roundViewport(vp);
  // `+ 0` turns -0 into 0, so that one viewport has one text.
  return `${r.zoom + 0},${r.x + 0},${r.y + 0}`;
}

const NUMBER = /^-?\d{1,7}(\.\d{1,6})?$/;
/** Cytoscape's zoom range (graph canvas: minZoom 0.02, maxZoom 4), with room for rounding. */
const ZOOM_RANGE = [0.01, 10] as const;

export function parseViewport(value: string): Viewport | null {
  const parts = value.split(',');
  if (parts.length !== 3 || !parts.every((p) => NUMBER.test(p))) return null;
  const [zoom, x, y] = parts.map(Number) as [number, number, number];
  if (zoom < ZOOM_RANGE[0] || zoom > ZOOM_RANGE[1]) return null;
  return roundViewport({ zoom, x, y });
}

function parsePicture(
  get: (name: string) => string | null,
  bad: (name: string, value: string, key: Notice['key'], params?: Notice['params']) => void,
  state: ViewState,
): void {
  const layout = get('layout');
  if (layout !== null)
    state.layout =
      oneOf(LAYOUTS, layout) ??
      (bad('layout', layout, 'ignoredLayout', { layouts: LAYOUTS.join(', ') }), 'fcose');

  const max = get('max');
  if (max !== null) {
    const n = Number(max);
    if (/^\d{1,6}$/.test(max) && n >= MIN_MAX_NODES && n <= MAX_MAX_NODES) state.maxNodes = n;
    else bad('max', max, 'ignoredMax', { min: MIN_MAX_NODES, max: MAX_MAX_NODES });
  }

  const tz = get('tz');
  if (tz !== null) {
    if (isValidTimeZone(tz)) state.tz = isUtcZone(tz) ? null : tz;
    else bad('tz', tz, 'ignoredZone');
  }

  const vp = get('vp');
  if (vp !== null) {
    state.vp = parseViewport(vp);
    if (state.vp === null) bad('vp', vp, 'ignoredViewport');
  }
}

/**
 * Fields that change what is drawn (which nodes, their sizes, the layout): a new view with any of
 * them changed starts with a fitted viewport. The others (selection, detection, overlay-free
 * emphasis, the viewport itself) keep the analyst's zoom and pan.
 */
const PICTURE_FIELDS = [
  'page',
  'from',
  'span',
  'filters',
  'overlay',
  'focus',
  'tag',
  'hops',
  'cmp',
  'newOnly',
  'layout',
  'maxNodes',
  'tz',
] as const satisfies ReadonlyArray<keyof ViewState>;

/** The next view, without the current viewport when the picture changes (a new layout is fitted). */
export function carryViewport(current: ViewState, next: ViewState): ViewState {
  if (next.vp === null || next.vp !== current.vp) return next;
  const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
  const changed =
    !same(current.source, next.source) || PICTURE_FIELDS.some((k) => !same(current[k], next[k]));
  return changed ? { ...next, vp: null } : next;
}
