import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ViewFilters } from '../../src/core/analysis/index.js';
import { sharedData } from '../helpers/shared-data.js';
import { startServer, type RunningServer } from './server-harness.js';

/**
 * The app's API client against the real server (not a stub): every answer it parses is the one the
 * server really sends. Runs in Node; the browser-only upload (XMLHttpRequest) is covered by
 * server-datasets.test.ts in Chromium, so the files go up here with fetch + FormData.
 */

/**
 * The browser's API client, loaded at run time: its modules are written for the bundler (imports
 * without `.js`, DOM types), which this Node-typed test project cannot type-check, so the part used
 * here is declared below. A mismatch still fails the test at run time.
 */
const API_MODULE = '../../src/web/lib/api/index.ts';

interface Job {
  id: string;
  state: string;
  error: string | null;
  progress: { bytes: number; totalBytes: number; records: number };
}
interface DatasetSummary {
  id: string;
  name: string;
  state: string;
  counts: { events: number; edges: number; nodes: number };
}
interface GraphParams extends ViewFilters {
  from: string | null;
  to: string | null;
}
interface LoadedDataset {
  window: { from: string; to: string } | null;
  edges: Array<{ id: string; count: number }>;
}
interface EventsPage {
  events: Array<{ computer: string | null; recordId: number | null }>;
  nextCursor: string | null;
}
type ApiErrorShape = Error & { status: number; code: string };
interface ApiModule {
  ApiError: new (...args: never[]) => ApiErrorShape;
  createDataset(name: string): Promise<DatasetSummary>;
  deleteDataset(id: string): Promise<void>;
  followJob(id: string, opts: { onUpdate: (j: Job) => void }): Promise<Job>;
  getDataset(id: string): Promise<DatasetSummary>;
  getEvents(
    id: string,
    params: {
      from: string | null;
      to: string | null;
      target: { kind: 'node' | 'edge'; id: string };
      limit?: number;
    },
    cursor: string | null,
  ): Promise<EventsPage>;
  getGraph(id: string, params: GraphParams): Promise<LoadedDataset>;
  listDatasets(): Promise<DatasetSummary[]>;
  renameDataset(id: string, name: string): Promise<DatasetSummary>;
  setTokenPrompt(fn: ((reason: string) => Promise<string | null>) | null): () => void;
  clearToken(): void;
}

const api = (await import(/* @vite-ignore */ API_MODULE)) as ApiModule;
const {
  ApiError,
  createDataset,
  deleteDataset,
  followJob,
  getDataset,
  getEvents,
  getGraph,
  listDatasets,
  renameDataset,
  setTokenPrompt,
  clearToken,
} = api;
const resetTokenState = () => {
  clearToken();
  setTokenPrompt(null);
};

const SAMPLE = 'sec-omer-size_t.evtx';
const ALL: GraphParams = {
  from: null,
  to: null,
  eventIds: null,
  logonTypes: null,
  outcome: 'any',
  minCount: 1,
  search: '',
  showHidden: true,
};

function routeFetchTo(base: string) {
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) =>
    realFetch(typeof input === 'string' && input.startsWith('/') ? `${base}${input}` : input, init),
  );
  return realFetch;
}

async function uploadWithFetch(base: string, token: string | null, file: string, name: string) {
  const form = new FormData();
  form.append('name', name);
  form.append('files', new Blob([readFileSync(sharedData('evtx', file))]), file);
  const res = await fetch(`${base}/api/datasets`, {
    method: 'POST',
    body: form,
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(202);
  return (await res.json()) as { dataset: { id: string }; job: { id: string } };
}

describe('API client against the real server', () => {
  let server: RunningServer;
  let realFetch: typeof fetch;

  beforeAll(async () => {
    server = await startServer();
    realFetch = routeFetchTo(server.url);
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    resetTokenState();
    await server?.close();
  });

  it('follows an import over server-sent events, then reads the graph and pages the events', async () => {
    const { dataset, job } = await uploadWithFetch(server.url, null, SAMPLE, 'omer size_t');
    const seen: Job[] = [];
    const final = await followJob(job.id, { onUpdate: (j) => seen.push(j) });
    expect([final.state, final.error]).toEqual(['done', null]);
    expect(final.progress.totalBytes).toBe(1_118_208);
    expect(final.progress.bytes).toBe(final.progress.totalBytes);
    expect(seen.at(-1)?.state).toBe('done');

    const summary = await getDataset(dataset.id);
    expect(summary.state).toBe('ready');
    expect(summary.counts.events).toBeGreaterThan(0);
    expect((await listDatasets()).map((d) => d.id)).toContain(dataset.id);

    // The whole dataset, then one day of it, as valid datasets (format v1).
    const whole = await getGraph(dataset.id, ALL);
    expect(whole.edges.length).toBeGreaterThan(0);
    const day = await getGraph(dataset.id, {
      ...ALL,
      from: '2015-08-23T00:00:00Z',
      to: '2015-08-24T00:00:00Z',
    });
    expect(day.window).toEqual({ from: '2015-08-23T00:00:00.000Z', to: '2015-08-24T00:00:00.000Z' });
    expect(day.edges.length).toBeLessThanOrEqual(whole.edges.length);

    // The busiest edge's events, two at a time, through every page.
    const edge = [...whole.edges].sort((a, b) => b.count - a.count)[0];
    if (edge === undefined) throw new Error('no edge');
    const params = { from: null, to: null, target: { kind: 'edge' as const, id: edge.id }, limit: 2 };
    let cursor: string | null = null as string | null;
    let total = 0;
    const keys = new Set<string>();
    for (let page = 0; page < 1000; page++) {
      const got: EventsPage = await getEvents(dataset.id, params, cursor);
      for (const e of got.events) keys.add(`${e.computer}|${e.recordId}`);
      total += got.events.length;
      cursor = got.nextCursor;
      if (cursor === null) break;
    }
    expect(total).toBe(edge.count);
    expect(keys.size).toBe(edge.count);

    const renamed = await renameDataset(dataset.id, 'renamed');
    expect(renamed.name).toBe('renamed');
    await deleteDataset(dataset.id);
    const gone = await getDataset(dataset.id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ApiError);
    expect((gone as ApiErrorShape).status).toBe(404);
  });

  it('reads the server errors as readable messages', async () => {
    const empty = await createDataset('empty one');
    expect(empty.state).toBe('empty');
    const bad = await getGraph(empty.id, {
      ...ALL,
      from: '2015-08-24T00:00:00Z',
      to: '2015-08-23T00:00:00Z',
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiErrorShape).status).toBe(400);
    expect((bad as ApiErrorShape).message).toBe('to must be after from');
    expect(realFetch).toBeTypeOf('function');
  });
});

describe('API client against a server with a token', () => {
  let server: RunningServer;
  const TOKEN = 'e2e-token-0123456789';

  beforeAll(async () => {
    server = await startServer({ token: TOKEN });
    routeFetchTo(server.url);
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    resetTokenState();
    await server?.close();
  });

  it('asks for the token once, then uses it for the API and the event stream', async () => {
    const prompt = vi.fn(() => Promise.resolve(TOKEN));
    setTokenPrompt(prompt);
    expect(await listDatasets()).toEqual([]);
    expect(prompt).toHaveBeenCalledTimes(1);

    const { job } = await uploadWithFetch(server.url, TOKEN, 'm2a-kerbrute.evtx', 'kerbrute');
    const final = await followJob(job.id, { onUpdate: () => undefined });
    expect([final.state, final.error]).toEqual(['done', null]);
    expect((await listDatasets()).map((d) => d.name)).toEqual(['kerbrute']);
    expect(prompt).toHaveBeenCalledTimes(1);
  });
});
