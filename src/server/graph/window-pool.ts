import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingModuleUrl, spawnModuleWorker } from '../jobs/spawn-worker.js';
import type { Logger } from '../logger.js';
import type { WindowWork } from './window-output.js';
import { fromWireError, HEAVY_COST, type WindowRunner } from './window-runner.js';
import type { WindowTask, WindowWorkerData, WindowWorkerMessage } from './window-worker.js';

/** The worker module beside this one: .ts when running from sources, .js when built. */
const WORKER_URL = siblingModuleUrl('window-worker', import.meta.url);

/**
 * Threads for window work: one core is left to the HTTP thread and imports, at most 4 (each holds
 * a database connection and the largest window it computed), at least 2, so that one thread is
 * kept for light work while heavy work runs (see HEAVY_COST).
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.max(2, Math.min(4, cores - 1));
}

interface Pending {
  task: WindowTask;
  cost: number;
  emit(piece: Uint8Array): void;
  resolve(): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

/**
 * A small pool of worker threads for /graph and /export: windowing, ranking and serializing a large
 * dataset take seconds of CPU, which on the HTTP thread would stall every other request. Workers
 * start on first use and take one task at a time, cheapest first (a day's graph before a full
 * export); heavy work never takes the last free thread, so light requests are not stuck behind ten
 * exports. A worker that dies is replaced (its task fails with a 500, the others go on).
 */
export class WindowPool implements WindowRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly size: number,
    private readonly logger: Logger,
  ) {}

  run(work: WindowWork, emit: (piece: Uint8Array) => void, cost = 0): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the window pool is closed'));
    return new Promise<void>((resolve, reject) => {
      const pending: Pending = { task: { id: this.nextId++, work }, cost, emit, resolve, reject };
      // Cheapest first; equal costs in arrival order.
      let at = this.queue.length;
      while (at > 0 && (this.queue[at - 1]?.cost ?? 0) > cost) at--;
      this.queue.splice(at, 0, pending);
      this.dispatch();
    });
  }

  /** Tasks waiting or running (for tests and the benchmark). */
  load(): number {
    return this.queue.length + this.slots.filter((s) => s.busy !== null).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the server is stopping'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (;;) {
      const next = this.queue[0];
      if (next === undefined) return;
      const running = this.slots.filter((s) => s.busy !== null).length;
      const free = this.size - running;
      // The last free thread is kept for light work (the queue is cheapest first: none is waiting).
      if (free <= 0 || (next.cost > HEAVY_COST && free === 1 && this.size > 1)) return;
      const slot = this.slots.find((s) => s.busy === null) ?? this.spawn();
      this.queue.shift();
      slot.busy = next;
      slot.worker.postMessage(next.task);
    }
  }

  private spawn(): Slot {
    const data: WindowWorkerData = { dataDir: this.dataDir };
    const worker = spawnModuleWorker(WORKER_URL, { workerData: data });
    // An idle pool must not keep the process alive.
    worker.unref();
    const slot: Slot = { worker, busy: null };
    this.slots.push(slot);
    worker.on('message', (m: WindowWorkerMessage) => {
      const p = slot.busy;
      if (p === null || p.task.id !== m.id) return;
      if (m.type === 'piece') {
        p.emit(m.piece);
        return;
      }
      slot.busy = null;
      if (m.type === 'done') p.resolve();
      else p.reject(fromWireError(m.error));
      this.dispatch();
    });
    const lost = (reason: string): void => {
      const i = this.slots.indexOf(slot);
      if (i === -1) return;
      this.slots.splice(i, 1);
      if (!this.closed) this.logger.warn(`a window worker stopped (${reason}); starting another on demand`);
      slot.busy?.reject(new Error(`the window worker stopped: ${reason}`));
      slot.busy = null;
      this.dispatch();
    };
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return slot;
  }
}
