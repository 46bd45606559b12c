// A window worker thread (graph/window-pool.ts): cuts, ranks and serializes windows on its own
// read connection to the store, so that the HTTP thread stays free for other requests.
import { parentPort, workerData } from 'node:worker_threads';
import { Store } from '../store/store.js';
import { defaultRank } from './default-rank.js';
import { produceWindowOutput, type WindowWork } from './window-output.js';
import { toWireError, type WireError } from './window-runner.js';

export interface WindowWorkerData {
  dataDir: string;
}

export interface WindowTask {
  id: number;
  work: WindowWork;
}

export type WindowWorkerMessage =
  | { id: number; type: 'piece'; piece: Uint8Array }
  | { id: number; type: 'done' }
  | { id: number; type: 'failed'; error: WireError };

const port = parentPort;
if (port === null) throw new Error('window-worker must run in a worker thread');
const store = Store.open((workerData as WindowWorkerData).dataDir);
const post = (m: WindowWorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

port.on('message', (task: WindowTask) => {
  try {
    produceWindowOutput(store, task.work, defaultRank, (piece) =>
      // Each piece owns its buffer (TextEncoder output): moved, not copied.
      post({ id: task.id, type: 'piece', piece }, [piece.buffer as ArrayBuffer]),
    );
    post({ id: task.id, type: 'done' });
  } catch (e) {
    post({ id: task.id, type: 'failed', error: toWireError(e) });
  }
});
