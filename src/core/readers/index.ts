import { readEvtx } from './evtx/index.js';
import { detectFormat, DETECT_HEAD_BYTES } from './detect-format.js';
import { UnreadableInputError, type ReadOptions, type ReadResult } from './types.js';
import { readJson } from './winlogbeat/index.js';
import { readXml } from './xml/index.js';

export { detectFormat, DETECT_HEAD_BYTES } from './detect-format.js';
export { readEvtx } from './evtx/index.js';
export { readXml, createXmlStreamReader, type XmlStreamReader } from './xml/index.js';
export { readJson, createJsonStreamReader, type JsonStreamReader } from './winlogbeat/index.js';
export type { StreamReadOptions, EventCallback } from './xml/collector.js';
export * from './types.js';

/**
 * Reads an event log held in memory, whatever its format (detected from the content). Damaged
 * records become counted warnings; throws UnreadableInputError only when the input is not an event
 * log at all (empty, unknown format, or a known syntax holding no events).
 */
export function readLog(bytes: Uint8Array, opts?: ReadOptions): ReadResult {
  if (bytes.length === 0) throw new UnreadableInputError('empty input');
  const format = detectFormat(bytes.subarray(0, DETECT_HEAD_BYTES));
  switch (format) {
    case 'evtx':
      return readEvtx(bytes, opts);
    case 'xml':
      return readXml(bytes, opts);
    case 'json':
      return readJson(bytes, opts);
    case null:
      throw new UnreadableInputError('not an event log: neither EVTX, XML nor JSON');
  }
}
