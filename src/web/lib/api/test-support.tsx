// Test-only helpers for code that talks to the server: the network stubbed at its edges (fetch,
// XMLHttpRequest) and sample answers. Components render with src/web/test/render.tsx. Not used by the app.
import { vi } from 'vitest';
import { resetTokenState } from './token';

export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export type StubHandler = (req: StubRequest) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function apiError(status: number, code: string, message: string): Response {
  return jsonResponse(status, { error: { code, message } });
}

/** A text/event-stream answer carrying these events, then closing. */
export function sseResponse(events: Array<{ event: string; data: unknown }>): Response {
  const text = events.map((e) => `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`).join('');
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // Two chunks split mid-event: the parser must reassemble them.
      const cut = Math.floor(bytes.length / 2);
      controller.enqueue(bytes.slice(0, cut));
      controller.enqueue(bytes.slice(cut));
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

/** Replaces fetch with `handler`; every call is recorded. Restore with vi.unstubAllGlobals(). */
export function stubFetch(handler: StubHandler) {
  const calls: StubRequest[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://app.test',
    );
    let body: unknown = init?.body ?? null;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body) as unknown;
      } catch {
        // leave it as text
      }
    }
    const req: StubRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init?.headers),
      body,
    };
    calls.push(req);
    return handler(req);
  });
  vi.stubGlobal('fetch', fn);
  return { calls, fn };
}

/**
 * A scripted XMLHttpRequest: each send() is recorded, and the test (or `script`) reports upload
 * progress and the answer.
 */
export class FakeXhr {
  static instances: FakeXhr[] = [];
  static script: ((xhr: FakeXhr) => void) | null = null;

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.instances.push(this);
    const script = FakeXhr.script;
    if (script) setTimeout(() => script(this), 0);
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }

  static install(script: ((xhr: FakeXhr) => void) | null = null) {
    FakeXhr.instances = [];
    FakeXhr.script = script;
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  }
}

/** Undo every stub and forget the token: call in afterEach. */
export function resetApiStubs() {
  vi.unstubAllGlobals();
  FakeXhr.instances = [];
  FakeXhr.script = null;
  resetTokenState();
  sessionStorage.clear();
}

/** Sample answers in the shapes of docs/api.md. */
export function sampleDataset(over: Partial<Record<string, unknown>> = {}) {
  return {
    id: 'ds1',
    name: 'DC01 security',
    createdAt: '2026-11-27T10:00:00Z',
    state: 'ready',
    timeRange: { from: '2021-12-03T08:00:00Z', to: '2021-12-05T17:30:00Z' },
    counts: { events: 1234, edges: 56, nodes: 20 },
    ...over,
  };
}

export function sampleJob(over: Partial<Record<string, unknown>> = {}) {
  return {
    id: 'job1',
    datasetId: 'ds1',
    state: 'running',
    progress: { bytes: 0, totalBytes: 1000, records: 0 },
    warnings: [],
    error: null,
    result: null,
    ...over,
  };
}
