import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../core/analysis/index.js';
import {
  carryViewport,
  DEFAULT_VIEW,
  parseViewport,
  parseViewState,
  serializeViewport,
  serializeViewState,
  type ViewState,
} from './url-state';
import { i18n } from '../i18n';

const KEY = 'a'.repeat(64);

describe('URL view state', () => {
  it('parses the contract example', () => {
    const { state, notices } = parseViewState(
      `?source=file:${KEY}&from=2021-12-03&span=week&ids=4625,4624&types=10,3&outcome=failure&min=2&q=alice&overlay=anomaly&sel=account:corp%5Calice&hidden=1`,
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      page: 'graph',
      source: { kind: 'file', key: KEY },
      from: '2021-12-03',
      span: 'week',
      filters: {
        eventIds: [4624, 4625],
        logonTypes: ['3', '10'],
        outcome: 'failure',
        minCount: 2,
        search: 'alice',
        showHidden: true,
      },
      overlay: 'anomaly',
      sel: 'account:corp\\alice',
      det: null,
      focus: null,
      hops: 1,
      path: null,
      chain: null,
      cmp: false,
      newOnly: false,
      layout: 'fcose',
      maxNodes: 2500,
      tz: null,
      vp: null,
      tag: null,
    });
  });

  it('an empty query is the default view, and the default view serializes to nothing', () => {
    expect(parseViewState('')).toEqual({ state: DEFAULT_VIEW, notices: [] });
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
  });

  const states: ViewState[] = [
    DEFAULT_VIEW,
    { ...DEFAULT_VIEW, source: { kind: 'server', id: 'ds_01' }, span: 'week', from: '2022-01-31' },
    { ...DEFAULT_VIEW, page: 'datasets', overlay: 'none' },
    {
      ...DEFAULT_VIEW,
      source: { kind: 'file', key: KEY },
      filters: {
        ...DEFAULT_FILTERS,
        eventIds: [4624],
        logonTypes: ['2', '10'],
        outcome: 'success',
        minCount: 5,
        search: 'a b&c=d,é <img>',
        showHidden: true,
      },
      sel: 'host:ws1 & <x>',
    },
    {
      ...DEFAULT_VIEW,
      source: { kind: 'server', id: 'ds_01' },
      sel: 'account:corp\\alice',
      det: 'det:dcsync:1a2b',
      focus: 'account:corp\\alice',
      hops: 3,
      path: { from: 'ip:10.0.0.1', to: 'host:dc~1%7E' },
      chain: 'account:a~b',
      cmp: true,
      newOnly: true,
    },
    {
      ...DEFAULT_VIEW,
      layout: 'concentric',
      maxNodes: 10_000,
      tz: 'Asia/Tokyo',
      vp: { zoom: 1.25, x: -340, y: 120 },
    },
    {
      ...DEFAULT_VIEW,
      layout: 'grid',
      maxNodes: 100,
      tz: 'America/New_York',
      vp: { zoom: 0.02, x: 0, y: -7 },
    },
    { ...DEFAULT_VIEW, sel: 'host:dc1', vp: { zoom: 3.999, x: 123456, y: -98765 } },
  ];
  it.each(states.map((s, i) => [i, s] as const))('round-trips state %i', (_i, s) => {
    const query = serializeViewState(s);
    expect(parseViewState(query)).toEqual({ state: s, notices: [] });
    expect(serializeViewState(parseViewState(`?${query}`).state)).toBe(query);
  });

  it('keeps lists readable in the URL', () => {
    const q = serializeViewState({
      ...DEFAULT_VIEW,
      filters: { ...DEFAULT_FILTERS, eventIds: [4625, 4624] },
    });
    expect(q).toBe('ids=4624,4625');
  });

  it('falls back to defaults with a notice for each invalid value, never throwing', () => {
    const { state, notices } = parseViewState(
      '?source=ftp:x&from=2021-02-30&span=month&ids=4624,abc&types=3,<b>&outcome=maybe&min=-1&overlay=magic&hidden=yes&page=admin',
    );
    expect(state.source).toBeNull();
    expect(state.from).toBeNull();
    expect(state.span).toBe('day');
    expect(state.filters.eventIds).toEqual([4624]);
    expect(state.filters.logonTypes).toEqual(['3']);
    expect(state.filters.outcome).toBe('any');
    expect(state.filters.minCount).toBe(1);
    expect(state.overlay).toBe('pagerank');
    expect(state.filters.showHidden).toBe(false);
    expect(state.page).toBe('graph');
    expect(notices).toHaveLength(10);
    expect(notices).toContainEqual({ key: 'ignoredSource', params: { name: 'source', value: '"ftp:x"' } });
    // Rendered in the reader's language (the Notices component does this with the same catalogue).
    const source = notices.find((n) => n.key === 'ignoredSource');
    expect(i18n.t(`notices:ignoredSource`, source?.params ?? {})).toBe(
      'Ignored source="ftp:x": expected file:<sha-256> or server:<id>.',
    );
    expect(i18n.getFixedT('ja', 'notices')('ignoredSource', source?.params ?? {})).toBe(
      'source="ftp:x" を無視しました: file:<sha-256> または server:<id> の形式で指定してください。',
    );
  });

  it('bounds hostile values', () => {
    const { state, notices } = parseViewState(
      `?q=${'x'.repeat(5000)}&sel=${'y'.repeat(5000)}&ids=${'1,'.repeat(1000)}`,
    );
    expect(state.filters.search).toBe('');
    expect(state.sel).toBeNull();
    expect(notices.length).toBeGreaterThanOrEqual(2);
    expect(notices.every((n) => i18n.t(`notices:${n.key}`, n.params ?? {}).length < 200)).toBe(true);
    expect(() => parseViewState('?%E0%A4%A=1&from=%00')).not.toThrow();
  });
  it('reads the LogonTracer PageRank overlay', () => {
    expect(parseViewState('?overlay=pagerankLogontracer').state.overlay).toBe('pagerankLogontracer');
  });

  it('writes the investigation readably', () => {
    const q = serializeViewState({
      ...DEFAULT_VIEW,
      det: 'd1',
      focus: 'host:ws1',
      hops: 2,
      path: { from: 'ip:10.0.0.1', to: 'host:dc1' },
      cmp: true,
      newOnly: true,
    });
    expect(q).toBe('det=d1&focus=host%3Aws1&hops=2&path=ip%3A10.0.0.1%7Ehost%3Adc1&cmp=1&new=1');
    expect(parseViewState(q).state.path).toEqual({ from: 'ip:10.0.0.1', to: 'host:dc1' });
  });

  it('turns invalid investigation values into defaults with a notice', () => {
    const { state, notices } = parseViewState('?focus=host:a&hops=7&path=onlyone&cmp=yes&new=2&chain=');
    expect(state.focus).toBe('host:a');
    expect(state.hops).toBe(1);
    expect(state.path).toBeNull();
    expect(state.cmp).toBe(false);
    expect(state.newOnly).toBe(false);
    expect(state.chain).toBeNull();
    expect(notices).toHaveLength(4);
    expect(parseViewState('?path=a~a').state.path).toBeNull();
    expect(parseViewState('?path=a~b~c').notices).toHaveLength(1);
  });

  it('writes the picture compactly: layout, node cap, zone and viewport', () => {
    const q = serializeViewState({
      ...DEFAULT_VIEW,
      layout: 'cose',
      maxNodes: 5000,
      tz: 'Asia/Tokyo',
      vp: { zoom: 1.2345, x: -340.4, y: 119.6 },
    });
    expect(q).toBe('layout=cose&max=5000&tz=Asia%2FTokyo&vp=1.235,-340,120');
    expect(parseViewState(`?${q}`).state.vp).toEqual({ zoom: 1.235, x: -340, y: 120 });
    // UTC is the default: it is not written, and tz=UTC reads as the default.
    expect(serializeViewState({ ...DEFAULT_VIEW, tz: 'UTC' })).toBe('');
    expect(parseViewState('?tz=UTC')).toEqual({ state: DEFAULT_VIEW, notices: [] });
  });

  it('refuses bad layouts, caps, zones and viewports with a notice each', () => {
    const { state, notices } = parseViewState('?layout=random&max=7&tz=Mars%2FBase&vp=1,2&layout2=x');
    expect(state.layout).toBe('fcose');
    expect(state.maxNodes).toBe(2500);
    expect(state.tz).toBeNull();
    expect(state.vp).toBeNull();
    expect(notices).toHaveLength(4);
    for (const bad of ['0,0,0', '99,0,0', 'a,b,c', '1,1e9,0', '1,NaN,0', '1,,0', '1,2,3,4', '-1,0,0'])
      expect(parseViewport(bad), bad).toBeNull();
    expect(parseViewState('?max=100000000').state.maxNodes).toBe(2500);
    expect(parseViewState('?tz=%3Cscript%3E').notices).toHaveLength(1);
  });

  it('writes one text per viewport (no -0)', () => {
    expect(serializeViewport({ zoom: 1, x: -0.2, y: 0.4 })).toBe('1,0,0');
    expect(parseViewport('1.5,-0,0')).toEqual({ zoom: 1.5, x: -0, y: 0 });
  });

  it('keeps the viewport across a selection, and drops it when the picture changes', () => {
    const current: ViewState = { ...DEFAULT_VIEW, from: '2021-12-03', vp: { zoom: 2, x: 1, y: 2 } };
    expect(carryViewport(current, { ...current, sel: 'host:a' }).vp).toBe(current.vp);
    expect(carryViewport(current, { ...current, det: 'd1' }).vp).toBe(current.vp);
    expect(carryViewport(current, { ...current, from: '2021-12-04' }).vp).toBeNull();
    expect(carryViewport(current, { ...current, layout: 'grid' }).vp).toBeNull();
    expect(carryViewport(current, { ...current, maxNodes: 500 }).vp).toBeNull();
    expect(carryViewport(current, { ...current, tz: 'Asia/Tokyo' }).vp).toBeNull();
    expect(
      carryViewport(current, { ...current, filters: { ...current.filters, outcome: 'failure' } }).vp,
    ).toBeNull();
    // A viewport given explicitly (the canvas reporting a pan) is kept.
    const moved = { zoom: 3, x: 0, y: 0 };
    expect(carryViewport(current, { ...current, vp: moved }).vp).toBe(moved);
  });

  it('round-trips the tag filter (issue 13), normalised, and refuses a bad tag with a notice', () => {
    const state = { ...DEFAULT_VIEW, tag: 'false-positive' };
    const query = serializeViewState(state);
    expect(query).toBe('tag=false-positive');
    expect(parseViewState(`?${query}`)).toEqual({ state, notices: [] });
    expect(parseViewState('?tag=Compromised').state.tag).toBe('compromised');
    expect(parseViewState('?tag=%3Cb%3E').state.tag).toBe('<b>');
    const bad = parseViewState(`?tag=${'x'.repeat(65)}`);
    expect(bad.state.tag).toBeNull();
    expect(bad.notices).toHaveLength(1);
    expect(parseViewState('?tag=a%07').state.tag).toBeNull();
  });
});
