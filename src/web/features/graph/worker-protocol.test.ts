import { describe, expect, it } from 'vitest';
import {
  compareWindows,
  computeView,
  DEFAULT_FILTERS,
  hourlyHistogram,
} from '../../../core/analysis/index.js';
import { datasetFacets } from '../../lib/facets';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { createViewHandler, type DatasetSummary, type WindowGraphWire } from './view-worker-handler';
import { decodeView } from './view-wire';
import type { WindowParams } from './window-graph';
import {
  LatestOnlyClient,
  serveLanes,
  sliceResult,
  type WorkerPort,
  type WorkerReply,
} from './worker-protocol';

/**
 * A worker stand-in that holds messages until the test lets them through, one at a time: "in flight"
 * is then a state the test controls, not a race. Replies are cloned like postMessage does.
 */
function heldWorker(handle: (data: unknown, post: (r: WorkerReply) => void) => void) {
  const inbox: unknown[] = [];
  const port: WorkerPort = {
    postMessage: (m) => inbox.push(structuredClone(m)),
    onmessage: null,
    onerror: null,
  };
  return {
    port,
    inbox,
    /** Runs the oldest message in the worker and delivers its reply. */
    async step() {
      const m = inbox.shift();
      if (m === undefined) throw new Error('no message waiting');
      handle(m, (r) => port.onmessage?.({ data: structuredClone(r) }));
      await Promise.resolve();
    },
    async drain() {
      while (inbox.length > 0) await this.step();
    },
  };
}

const echo = (data: unknown, post: (r: WorkerReply) => void) =>
  serveLanes(
    {
      echo: (p) => p,
      fail: () => {
        throw new Error('ranking failed: out of memory');
      },
    },
    post,
  )(data);

describe('worker protocol', () => {
  it('answers a request with its result', async () => {
    const w = heldWorker(echo);
    const client = new LatestOnlyClient(w.port);
    const p = client.request<number>('echo', 42);
    await w.drain();
    expect(await p).toEqual({ status: 'done', result: 42 });
  });

  it('cancels what is stale: one in flight, the newest waits, the ones between are never sent', async () => {
    const w = heldWorker(echo);
    const client = new LatestOnlyClient(w.port);
    const first = client.request('echo', 'day 1');
    const second = client.request('echo', 'day 2');
    const third = client.request('echo', 'day 3');
    // Only the first went to the worker; day 2 was replaced by day 3 before it could go.
    expect(w.inbox).toHaveLength(1);
    expect(await second).toEqual({ status: 'cancelled' });
    await w.step();
    // day 1 finished after day 3 was asked for: its result is stale.
    expect(await first).toEqual({ status: 'cancelled' });
    expect(w.inbox).toHaveLength(1);
    await w.step();
    expect(await third).toEqual({ status: 'done', result: 'day 3' });
    expect(client.busy('echo')).toBe(false);
  });

  it('keeps lanes apart: a layout does not cancel a view', async () => {
    const w = heldWorker(echo);
    const client = new LatestOnlyClient(w.port);
    const a = client.request('echo', 1);
    const b = client.request('other', 2);
    await w.drain();
    expect(await a).toEqual({ status: 'done', result: 1 });
    expect(await b).toEqual({ status: 'error', message: 'unknown request "other"' });
  });

  it('an error thrown in the worker reaches the page as a message', async () => {
    const w = heldWorker(echo);
    const client = new LatestOnlyClient(w.port);
    const p = client.request('fail', null);
    await w.drain();
    expect(await p).toEqual({ status: 'error', message: 'ranking failed: out of memory' });
    // The lane goes on working after an error.
    const q = client.request('echo', 'next');
    await w.drain();
    expect(await q).toEqual({ status: 'done', result: 'next' });
  });

  it('a worker that dies fails every open request instead of leaving them hanging', async () => {
    const w = heldWorker(echo);
    const client = new LatestOnlyClient(w.port);
    const a = client.request('echo', 1);
    const b = client.request('echo', 2);
    w.port.onerror?.({ message: 'Uncaught RangeError: Maximum call stack size exceeded' });
    expect(await a).toEqual({
      status: 'error',
      message: 'Uncaught RangeError: Maximum call stack size exceeded',
    });
    expect(await b).toMatchObject({ status: 'error' });
  });

  it('a payload that cannot be cloned fails that request only', async () => {
    const w = heldWorker(echo);
    const client = new LatestOnlyClient(w.port);
    const bad = client.request('echo', { f: () => 1 });
    expect(await bad).toMatchObject({ status: 'error' });
    const good = client.request('echo', 'ok');
    await w.drain();
    expect(await good).toEqual({ status: 'done', result: 'ok' });
  });

  it('a closed client answers at once with an error', async () => {
    const w = heldWorker(echo);
    const client = new LatestOnlyClient(w.port);
    const open = client.request('echo', 1);
    client.close();
    expect(await open).toMatchObject({ status: 'error' });
    expect(await client.request('echo', 2)).toEqual({ status: 'error', message: 'the worker was closed' });
    expect(client.post('echo', 3)).toBe(false);
  });
});

describe('sliced results', () => {
  const big = {
    name: 'view',
    inner: {
      list: Array.from({ length: 25 }, (_, i) => ({ i })),
      byId: new Map([...'abcdefg'].map((c, i) => [c, i])),
    },
  };
  const sliced = (data: unknown, post: (r: WorkerReply) => void) =>
    serveLanes(
      {
        big: () =>
          sliceResult(
            big,
            [
              ['inner', 'list'],
              ['inner', 'byId'],
            ],
            // Weights: a list item 2 (itself and i), a Map entry 3 (the pair and its two values).
            20,
          ),
      },
      post,
    )(data);

  it('a big result arrives as several messages and is put back together, Maps included', async () => {
    const messages: WorkerReply[] = [];
    const w = heldWorker((d, post) =>
      sliced(d, (r) => {
        messages.push(r);
        post(r);
      }),
    );
    const client = new LatestOnlyClient(w.port);
    const p = client.request<typeof big>('big', null);
    await w.drain();
    expect(messages.length).toBe(6); // 3 slices of the list, 2 of the Map, then the head
    expect(await p).toEqual({ status: 'done', result: big });
  });

  it('a result smaller than one slice is sent whole', () => {
    const small = { inner: { list: [1, 2] } };
    expect(sliceResult(small, [['inner', 'list']], 10)).toBe(small);
  });

  it('the slices of an overtaken request are dropped with it', async () => {
    const w = heldWorker(sliced);
    const client = new LatestOnlyClient(w.port);
    const first = client.request('big', 1);
    const second = client.request('big', 2);
    await w.drain();
    expect(await first).toEqual({ status: 'cancelled' });
    expect(await second).toEqual({ status: 'done', result: big });
  });
});

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('view worker', () => {
  const dataset = generateDataset({ accounts: 20, hosts: 6, ips: 2, days: 3, seed: 5 });
  const first = dataset.timeRange!.from.slice(0, 10);
  const params = (day: string): WindowParams => ({
    window: {
      from: `${day}T00:00:00.000Z`,
      to: new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString(),
    },
    filters: DEFAULT_FILTERS,
    overlay: 'pagerank',
    maxNodes: 2500,
    selected: null,
  });

  it('holds the dataset sent once and computes views from parameters only', async () => {
    let deliver: (r: WorkerReply) => void = () => undefined;
    const handle = createViewHandler((r) => deliver(r));
    const w = heldWorker((d, post) => {
      deliver = post;
      handle(d);
    });
    const client = new LatestOnlyClient(w.port);
    expect(client.post('dataset', { version: 1, dataset })).toBe(true);
    const p = client.request<WindowGraphWire>('view', { version: 1, params: params(first) });
    await w.drain();
    const out = await p;
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    const expected = computeView(dataset, params(first).window, DEFAULT_FILTERS);
    const view = decodeView(out.result.view, dataset);
    expect(view.edges.map((e) => e.id)).toEqual(expected.edges.map((e) => e.id));
    expect(view.rankings).toBeInstanceOf(Map);
    expect(out.result.graph.shown.nodes).toBe(expected.nodes.length);
  });

  it('a view for a dataset it does not hold is an error message, not an empty graph', async () => {
    const replies: WorkerReply[] = [];
    const handle = createViewHandler((r) => replies.push(r));
    handle({ id: 0, lane: 'dataset', payload: { version: 1, dataset } });
    handle({ id: 7, lane: 'view', payload: { version: 2, params: params(first) } });
    expect(replies.at(-1)).toMatchObject({ id: 7, ok: false });
    expect((replies.at(-1) as { error: string }).error).toMatch(/does not hold this dataset/);
  });

  it('uses the rankings /graph sent for a server window instead of ranking again', () => {
    const replies: WorkerReply[] = [];
    // In one message (no slices), to read the result off the last reply.
    const handle = createViewHandler((r) => replies.push(r), Infinity);
    const w = params(first).window!;
    const marked = {
      ...dataset,
      window: w,
      rankings: dataset.rankings.map((r) => ({ ...r, scores: { ...r.scores, pagerank: 0.123 } })),
    };
    handle({ id: 0, lane: 'dataset', payload: { version: 3, dataset: marked } });
    handle({ id: 1, lane: 'view', payload: { version: 3, params: params(first) } });
    const reply = replies.at(-1) as { ok: true; result: WindowGraphWire };
    expect(reply.ok).toBe(true);
    const scores = reply.result.view.rankings.map((r) => r.scores.pagerank);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.every((s) => s === 0.123)).toBe(true);
  });

  it('compares with the previous window in the worker when asked (file datasets only)', () => {
    const replies: WorkerReply[] = [];
    const handle = createViewHandler((r) => replies.push(r));
    handle({ id: 0, lane: 'dataset', payload: { version: 1, dataset } });
    const second = nextDay(first);
    handle({ id: 1, lane: 'view', payload: { version: 1, params: { ...params(second), compare: true } } });
    const reply = replies.at(-1) as { ok: true; result: WindowGraphWire };
    const expected = compareWindows(dataset, params(second).window!, DEFAULT_FILTERS);
    expect(reply.result.diff).toEqual(expected);
    handle({ id: 2, lane: 'view', payload: { version: 1, params: params(second) } });
    expect((replies.at(-1) as { ok: true; result: WindowGraphWire }).result.diff).toBeNull();
  });

  it('sends a big view in slices that make the same view', async () => {
    let deliver: (r: WorkerReply) => void = () => undefined;
    let slices = 0;
    const handle = createViewHandler((r) => {
      if ('slice' in r) slices++;
      deliver(r);
    }, 20);
    const w = heldWorker((d, post) => {
      deliver = post;
      handle(d);
    });
    const client = new LatestOnlyClient(w.port);
    client.post('dataset', { version: 1, dataset });
    const p = client.request<WindowGraphWire>('view', { version: 1, params: params(first) });
    await w.drain();
    const out = await p;
    expect(slices).toBeGreaterThan(3);
    if (out.status !== 'done') throw new Error(out.status);
    const expected = computeView(dataset, params(first).window, DEFAULT_FILTERS);
    // The page takes the view's nodes and edges from its own dataset, by position.
    const view = decodeView(out.result.view, dataset);
    expect(view.edges).toEqual(expected.edges);
    expect(view.nodes).toEqual(expected.nodes);
    expect(view.detections).toEqual(expected.detections);
    expect(view.rankings).toEqual(expected.rankings);
    expect(view.totals).toEqual(expected.totals);
    expect(out.result.graph.elements.length).toBeGreaterThan(expected.nodes.length);
  });

  it('sends the dataset timeline and filter choices on request, and refuses another dataset', () => {
    const replies: WorkerReply[] = [];
    const handle = createViewHandler((r) => replies.push(r));
    handle({ id: 0, lane: 'dataset', payload: { version: 1, dataset } });
    handle({ id: 1, lane: 'summary', payload: { version: 1 } });
    const summary = (replies.at(-1) as { ok: true; result: DatasetSummary }).result;
    expect(summary.hourly).toEqual(hourlyHistogram(dataset));
    expect(summary.facets).toEqual(datasetFacets(dataset));
    handle({ id: 2, lane: 'summary', payload: { version: 2 } });
    expect(replies.at(-1)).toMatchObject({ id: 2, ok: false });
  });
});
