/// <reference lib="webworker" />
import { computeLayout, type LayoutRequest } from './layout-compute';
import { serveLanes } from './worker-protocol';

/** Layouts run here, in headless Cytoscape; the page only applies the positions (preset). */
const handle = serveLanes({ layout: (payload) => computeLayout(payload as LayoutRequest) }, (reply) =>
  self.postMessage(reply),
);
self.onmessage = (event: MessageEvent<unknown>) => handle(event.data);
