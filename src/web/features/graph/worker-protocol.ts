import { itemWeight, weightedSlices } from '../../lib/weighted-slices';

/**
 * A small typed message protocol between the page and a Web Worker, with "latest wins" per lane.
 *
 * A worker runs one message at a time and cannot be interrupted, so cancelling means: at most one
 * request per lane is in flight, a newer request replaces the one waiting behind it (the replaced
 * one ends `cancelled` without ever being sent), and the reply of a request that was overtaken is
 * dropped. A window dragged across ten days thus costs at most two computations, and the page always
 * ends on the latest one. Errors come back as messages (`{ ok: false }`) and end the request as
 * `error`; a worker that dies fails every open request the same way. Nothing here rejects. A big
 * result can come as slices followed by its head (SlicedResult), each message its own task.
 */

export interface WorkerRequest<P = unknown> {
  id: number;
  lane: string;
  payload: P;
}

export type WorkerReply<R = unknown> =
  | { id: number; ok: true; result: R; sliced?: boolean }
  | { id: number; ok: false; error: string }
  | { id: number; slice: ResultSlice };

/**
 * A part of a big result, sent ahead of it. Receiving one message costs the page its structured
 * clone in one task (a 26k-node window view: 200–400 ms); sent as slices, each task stays short.
 * `path` leads from the result to an array (items appended) or a Map (items are [key, value]).
 */
export interface ResultSlice {
  path: string[];
  items: unknown[];
}

/** A result to send in slices: `head` is the result with those arrays and Maps left empty. */
export class SlicedResult {
  constructor(
    readonly head: unknown,
    readonly slices: ResultSlice[],
  ) {}
}

/**
 * Cuts the arrays and Maps found at `paths` in `result` into slices of about `budget` in weight
 * (weighted-slices.ts: receiving a message costs the page its structured clone, which grows with the
 * values inside); the result is sent whole when everything fits in one slice.
 */
export function sliceResult(result: object, paths: string[][], budget: number): object | SlicedResult {
  const found = paths.map((path) => {
    const value = at(result, path);
    const items = value instanceof Map ? [...value.entries()] : Array.isArray(value) ? value : null;
    return { path, value, items };
  });
  const total = found.reduce((w, f) => w + (f.items?.reduce((s: number, i) => s + itemWeight(i), 0) ?? 0), 0);
  if (total <= budget) return result;
  const slices: ResultSlice[] = [];
  let head: unknown = result;
  for (const { path, value, items } of found) {
    if (items === null) continue;
    for (const part of weightedSlices(items, budget)) slices.push({ path, items: part });
    head = withEmpty(head, path, value instanceof Map ? new Map() : []);
  }
  return new SlicedResult(head, slices);
}

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path)
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** A copy of `value` with `empty` at `path` (the objects on the way are copied, nothing else). */
function withEmpty(value: unknown, path: readonly string[], empty: unknown): unknown {
  if (path.length === 0) return empty;
  const obj = value as Record<string, unknown>;
  const [key, ...rest] = path as [string, ...string[]];
  return { ...obj, [key]: withEmpty(obj[key], rest, empty) };
}

/** Puts the slices back into the head (in arrival order). */
function joinSlices(head: unknown, slices: readonly ResultSlice[]): unknown {
  for (const { path, items } of slices) {
    const target = at(head, path);
    if (target instanceof Map) for (const [k, v] of items as Array<[unknown, unknown]>) target.set(k, v);
    else if (Array.isArray(target)) for (const item of items) target.push(item);
  }
  return head;
}

export type Outcome<R> =
  { status: 'done'; result: R } | { status: 'cancelled' } | { status: 'error'; message: string };

/** What the client needs of a Worker (a MessagePort or a fake in tests fits too). */
export interface WorkerPort {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror?: ((event: { message?: string }) => void) | null;
  terminate?(): void;
}

interface Open {
  id: number;
  lane: string;
  payload: unknown;
  resolve(outcome: Outcome<unknown>): void;
  /** Slices of the result received so far. */
  slices?: ResultSlice[];
}

export class LatestOnlyClient {
  private nextId = 1;
  private readonly inFlight = new Map<string, Open>();
  private readonly waiting = new Map<string, Open>();
  /** The newest request id per lane: replies to older ones are stale. */
  private readonly newest = new Map<string, number>();
  private closed = false;

  constructor(private readonly port: WorkerPort) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => this.failAll(event.message || 'the worker stopped');
  }

  /** Asks the worker; a later request on the same lane cancels this one if it has not started yet,
   * and makes its result stale (`cancelled`) if it has. */
  request<R>(lane: string, payload: unknown): Promise<Outcome<R>> {
    return new Promise<Outcome<R>>((resolve) => {
      if (this.closed) {
        resolve({ status: 'error', message: 'the worker was closed' });
        return;
      }
      const open: Open = {
        id: this.nextId++,
        lane,
        payload,
        resolve: resolve as (o: Outcome<unknown>) => void,
      };
      this.newest.set(lane, open.id);
      this.waiting.get(lane)?.resolve({ status: 'cancelled' });
      if (this.inFlight.has(lane)) this.waiting.set(lane, open);
      else {
        this.waiting.delete(lane);
        this.send(open);
      }
    });
  }

  /**
   * Sends a message now, with no reply awaited (id 0). Messages reach the worker in order, so data
   * posted here (a dataset) is there before any request sent after it. False when it could not go.
   */
  post(lane: string, payload: unknown): boolean {
    if (this.closed) return false;
    try {
      this.port.postMessage({ id: 0, lane, payload } satisfies WorkerRequest);
      return true;
    } catch {
      return false;
    }
  }

  /** True while a request of this lane is in flight or waiting. */
  busy(lane: string): boolean {
    return this.inFlight.has(lane) || this.waiting.has(lane);
  }

  close(): void {
    if (this.closed) return;
    this.failAll('the worker was closed');
    this.closed = true;
    this.port.onmessage = null;
    this.port.terminate?.();
  }

  private send(open: Open): void {
    this.inFlight.set(open.lane, open);
    const message: WorkerRequest = { id: open.id, lane: open.lane, payload: open.payload };
    try {
      this.port.postMessage(message);
    } catch (e) {
      // A payload that cannot be cloned, or a closed port: this request fails, the lane goes on.
      this.inFlight.delete(open.lane);
      open.resolve({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      this.next(open.lane);
    }
  }

  private receive(data: unknown): void {
    if (!isReply(data)) return;
    const open = [...this.inFlight.values()].find((o) => o.id === data.id);
    if (open === undefined) return;
    if ('slice' in data) {
      // Kept even when overtaken: the final reply ends the request (and frees the lane).
      (open.slices ??= []).push(data.slice);
      return;
    }
    this.inFlight.delete(open.lane);
    if (this.newest.get(open.lane) !== open.id) open.resolve({ status: 'cancelled' });
    else if (data.ok)
      open.resolve({
        status: 'done',
        result: data.sliced === true ? joinSlices(data.result, open.slices ?? []) : data.result,
      });
    else open.resolve({ status: 'error', message: data.error });
    this.next(open.lane);
  }

  private next(lane: string): void {
    const waiting = this.waiting.get(lane);
    if (waiting === undefined) return;
    this.waiting.delete(lane);
    this.send(waiting);
  }

  private failAll(message: string): void {
    for (const open of [...this.inFlight.values(), ...this.waiting.values()])
      open.resolve({ status: 'error', message });
    this.inFlight.clear();
    this.waiting.clear();
  }
}

function isReply(data: unknown): data is WorkerReply {
  return typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'number';
}

/**
 * The worker side: routes each request to its lane's handler and always answers, with the result
 * or with the error's message (a thrown error must reach the page as text, not as a blank graph).
 */
export function serveLanes(
  handlers: Record<string, (payload: unknown) => unknown>,
  post: (reply: WorkerReply) => void,
): (data: unknown) => void {
  return (data) => {
    const req = data as Partial<WorkerRequest>;
    if (typeof req.id !== 'number') return;
    const handler = typeof req.lane === 'string' ? handlers[req.lane] : undefined;
    if (handler === undefined) {
      post({ id: req.id, ok: false, error: `unknown request "${String(req.lane)}"` });
      return;
    }
    let result: unknown;
    try {
      result = handler(req.payload);
    } catch (e) {
      post({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) });
      return;
    }
    try {
      if (result instanceof SlicedResult) {
        for (const slice of result.slices) post({ id: req.id, slice });
        post({ id: req.id, ok: true, result: result.head, sliced: true });
      } else post({ id: req.id, ok: true, result });
    } catch (e) {
      post({ id: req.id, ok: false, error: `the result could not be sent: ${String(e)}` });
    }
  };
}

/** A Web Worker as a WorkerPort. */
export function workerPort(worker: Worker): WorkerPort {
  const port: WorkerPort = {
    postMessage: (message) => worker.postMessage(message),
    onmessage: null,
    onerror: null,
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (event: MessageEvent<unknown>) => port.onmessage?.({ data: event.data });
  worker.onerror = (event: ErrorEvent) => {
    // Handled: the open requests end as errors the page shows.
    event.preventDefault();
    port.onerror?.({ message: event.message });
  };
  return port;
}
