import type { JobManager } from '../jobs/job-manager.js';
import type { Logger } from '../logger.js';
import type { Clock, Store } from '../store/store.js';
import type { RankFn } from '../graph/window-dataset.js';
import type { WindowRunner } from '../graph/window-runner.js';
import type { Limits } from './limits.js';

/** What the routes use; built once by createApp from its dependencies. */
export interface Services {
  store: Store;
  jobs: JobManager;
  clock: Clock;
  limits: Limits;
  logger: Logger;
  uploadDir: string;
  rank: RankFn;
  /** Serialized /graph answers by dataset revision and query (windows are re-read often). */
  graphCache: LruCache<string>;
  /** Window work of /graph and /export: a worker-thread pool (graph/window-pool.ts). */
  windows: WindowRunner;
  /** Encoded /graph answers by dataset, revision and query. */
  windowCache: LruCache<Uint8Array>;
}

/** A small LRU for serialized answers. */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (oldest.done === true) break;
      this.map.delete(oldest.value);
    }
  }
}
