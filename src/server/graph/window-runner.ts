import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { TimeRange } from '../../core/dataset/index.js';
import { ApiError } from '../http/errors.js';
import { NotFoundError } from '../store/types.js';
import type { Store } from '../store/store.js';
import type { RankFn } from './window-dataset.js';
import { produceWindowOutput, type WindowWork } from './window-output.js';

/**
 * Runs window work (cut, rank, serialize) and hands its bytes on, piece by piece. `cost` orders
 * waiting work, cheapest first (see windowCost).
 */
export interface WindowRunner {
  run(work: WindowWork, emit: (piece: Uint8Array) => void, cost?: number): Promise<void>;
  close(): Promise<void>;
}

/** Work costing more than a week's window is heavy: it never takes the pool's last free thread. */
export const HEAVY_COST = 7 * 24;

/**
 * The expected cost of window work, in hours of window (the whole dataset when no window is asked
 * for); exports come after every /graph answer (people wait for a graph, a download can wait).
 */
export function windowCost(
  window: TimeRange | null,
  datasetRange: TimeRange | null,
  kind: 'graph' | 'export',
): number {
  const range = window ?? datasetRange;
  const hours = range === null ? 0 : Math.max(1, (Date.parse(range.to) - Date.parse(range.from)) / 3_600_000);
  return kind === 'export' ? 1e9 + hours : hours;
}

/** An error as it crosses from a worker thread: status and code survive, the stack does not. */
export interface WireError {
  status: number;
  code: string;
  message: string;
}

export function toWireError(e: unknown): WireError {
  if (e instanceof ApiError) return { status: e.status, code: e.code, message: e.message };
  if (e instanceof NotFoundError) return { status: 404, code: 'not_found', message: e.message };
  return { status: 500, code: 'internal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

/** Back to an error the app's error handler maps (500s stay unexpected: logged, details hidden). */
export function fromWireError(w: WireError): Error {
  if (w.status === 500) return new Error(`window worker: ${w.message}`);
  return new ApiError(w.status as ContentfulStatusCode, w.code, w.message);
}

/**
 * Runs the work on the calling thread. Used when the app is given its own `rank` (tests with a
 * fake ranking: a function cannot cross to a worker thread).
 */
export function inProcessWindowRunner(store: Store, rank: RankFn): WindowRunner {
  return {
    run: (work, emit) =>
      new Promise<void>((resolve) => {
        produceWindowOutput(store, work, rank, emit);
        resolve();
      }),
    close: () => Promise.resolve(),
  };
}
