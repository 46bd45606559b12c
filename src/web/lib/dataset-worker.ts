/// <reference lib="webworker" />
import { parseDatasetText } from '../../core/dataset/index.js';

/** Parses and validates dataset text off the main thread; replies with the ParseResult. */
self.onmessage = (event: MessageEvent<string>) => {
  self.postMessage(parseDatasetText(event.data));
};
