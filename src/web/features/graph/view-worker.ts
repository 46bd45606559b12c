/// <reference lib="webworker" />
import { createViewHandler } from './view-worker-handler';

/** Window recomputation and element building, off the page's main thread (architecture rule 8). */
const handle = createViewHandler((reply) => self.postMessage(reply));
self.onmessage = (event: MessageEvent<unknown>) => handle(event.data);
