import { UnreadableInputError, type ReadOptions, type ReadResult } from '../types.js';
import { ReadCollector, type StreamReadOptions } from '../xml/collector.js';
import { StreamTextDecoder } from '../xml/text-decode.js';
import { parseTime } from '../xml/time.js';
import {
  DocumentError,
  detectShape,
  isObject,
  mapDocument,
  type FlatContext,
  type JsonObject,
} from './shapes.js';
import { JsonSplitter, type SplitterLimits } from './splitter.js';

export { detectShape, getPath, LOGON_TYPE_NUMBERS, type DocumentShape } from './shapes.js';

export interface JsonStreamReader {
  push(chunk: Uint8Array | string): void;
  /** Records (events or documents) met so far, for progress reports. */
  records(): number;
  /**
   * Ends the input and returns the result (`events` empty when `onEvent` was given). Throws
   * UnreadableInputError when the input is not JSON or holds no Windows event document at all.
   */
  end(): ReadResult;
}

export interface JsonReadOptions extends StreamReadOptions {
  limits?: Partial<SplitterLimits>;
}

/**
 * Streaming reader for Windows event documents in JSON: Winlogbeat 7/8 and Elastic Agent (ECS),
 * Winlogbeat 6, NXLog and flat EVTX-to-JSON documents, as NDJSON, a JSON array or an
 * Elasticsearch search response. The shape is decided per document; documents that are not
 * usable (bad JSON, wrong types, missing fields, oversize) are reported with their line and skipped.
 */
export function createJsonStreamReader(opts?: JsonReadOptions): JsonStreamReader {
  const out = new ReadCollector('json', opts);
  const decoder = new StreamTextDecoder();
  let recognized = 0;
  let searchResponse = false;
  let firstChar: string | null = null;
  const offsetsWarned = new Set<string>();
  /** Documents refused for their size or nesting: named in the error when nothing else is read. */
  let tooLarge = 0;
  let tooDeep = 0;
  const maxDepth = opts?.limits?.maxDepth ?? 128;
  const maxDocument = opts?.limits?.maxDocument ?? 1 << 20;

  const flatContext: FlatContext = {
    localOffset(doc: JsonObject): number | null {
      const offset = inferLocalOffset(doc);
      const key = offset === null ? 'utc' : String(offset);
      if (!offsetsWarned.has(key)) {
        offsetsWarned.add(key);
        out.warn(
          offset === null
            ? {
                code: 'json-local-time',
                message:
                  'NXLog EventTime has no time zone and the collector offset could not be inferred (EventReceivedTime vs @timestamp): read as UTC',
              }
            : {
                code: 'json-local-time',
                message: `NXLog EventTime is the collector's local time: converted to UTC with offset ${formatOffset(offset)} inferred from EventReceivedTime vs @timestamp`,
              },
        );
      }
      return offset;
    },
  };

  const splitter = new JsonSplitter(
    {
      document(text, line) {
        out.recordsRead++;
        let doc: unknown;
        try {
          doc = JSON.parse(text);
        } catch (e) {
          out.warn({
            code: 'json-parse',
            message: `line ${line}: not valid JSON (${errorText(e)}); skipped`,
            line,
          });
          out.skip('malformed-record');
          return;
        }
        if (isObject(doc) && isObject(doc._source)) doc = doc._source; // a search hit
        if (!isObject(doc)) {
          out.warn({
            code: 'json-bad-type',
            message: `line ${line}: a document must be a JSON object; skipped`,
            line,
          });
          out.skip('malformed-record');
          return;
        }
        const shape = detectShape(doc);
        if (shape === null && nestedDeeperThan(doc, maxDepth)) {
          // NDJSON lines are checked by JSON.parse alone, which accepts any depth: name it here.
          tooDeep++;
          out.warn({
            code: 'json-too-deep',
            message: `line ${line}: nested deeper than ${maxDepth}; skipped`,
            line,
          });
          out.skip('malformed-record');
          return;
        }
        if (shape === null) {
          out.warn({
            code: 'json-unknown-shape',
            message: `line ${line}: not a Windows event document; skipped`,
            line,
          });
          out.skip('not-an-event');
          return;
        }
        recognized++;
        try {
          out.accept(mapDocument(doc, shape, flatContext));
        } catch (e) {
          if (!(e instanceof DocumentError)) throw e;
          out.warn({ code: e.code, message: `line ${line}: ${e.message}; skipped`, line });
          out.skip('malformed-record');
        }
      },
      problem(code, message, line) {
        out.recordsRead++;
        if (code === 'json-too-large') tooLarge++;
        if (code === 'json-too-deep') tooDeep++;
        out.warn({ code, message: `line ${line}: ${message}; skipped`, line });
        out.skip('malformed-record');
      },
      searchResponse() {
        searchResponse = true;
      },
    },
    { maxDocument, maxDepth },
  );

  const write = (text: string): void => {
    if (firstChar === null) {
      const m = /[^\s\uFEFF]/.exec(text);
      if (m === null) return;
      firstChar = m[0];
      if (firstChar !== '{' && firstChar !== '[') {
        throw new UnreadableInputError(
          `not JSON: input starts with ${JSON.stringify(text.slice(m.index, m.index + 20))}`,
        );
      }
      text = text.slice(m.index);
    }
    splitter.write(text);
  };

  const refusedNote = (): string => {
    const parts: string[] = [];
    if (tooLarge > 0) parts.push(`${tooLarge} too large (longer than ${maxDocument} characters)`);
    if (tooDeep > 0) parts.push(`${tooDeep} too deep (nested deeper than ${maxDepth})`);
    return parts.length > 0 ? `: ${parts.join(', ')}` : '';
  };

  return {
    records: () => out.recordsRead,
    push(chunk) {
      out.bytes += chunk.length;
      write(typeof chunk === 'string' ? chunk : decoder.push(chunk));
    },
    end() {
      write(decoder.end());
      splitter.end();
      if (firstChar === null) throw new UnreadableInputError('empty input');
      if (recognized === 0 && !searchResponse) {
        throw new UnreadableInputError(
          out.recordsRead === 0
            ? 'no JSON documents found'
            : `not an event log: none of ${out.recordsRead} JSON documents is a Windows event${refusedNote()}`,
        );
      }
      return out.result();
    },
  };
}

/** Reads a whole JSON input (see createJsonStreamReader). */
export function readJson(
  input: Uint8Array | string,
  opts?: ReadOptions & { limits?: Partial<SplitterLimits> },
): ReadResult {
  const reader = createJsonStreamReader(opts);
  reader.push(input);
  return reader.end();
}

/**
 * NXLog's EventReceivedTime is the collector's local clock when it got the event and @timestamp
 * the UTC time Logstash/Elasticsearch stored it, normally within seconds. Their difference, rounded
 * to the 15-minute grid time zones live on, is the collector's UTC offset (minutes east of UTC).
 */
export function inferLocalOffset(doc: JsonObject): number | null {
  const recv = doc.EventReceivedTime;
  const stamp = doc['@timestamp'];
  if (typeof recv !== 'string' || typeof stamp !== 'string') return null;
  const local = parseTime(recv);
  const utc = parseTime(stamp);
  if (local === null || utc === null || local.hadZone || !utc.hadZone) return null;
  const diffMin = (Date.parse(local.iso) - Date.parse(utc.iso)) / 60_000;
  const rounded = Math.round(diffMin / 15) * 15;
  if (Math.abs(diffMin - rounded) > 2 || Math.abs(rounded) > 14 * 60) return null;
  return rounded === 0 ? 0 : rounded;
}

function formatOffset(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Whether a parsed value nests deeper than `max` containers (iterative: no recursion to overflow). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { v, depth } = top;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push({ v: child, depth: depth + 1 });
    }
  }
  return false;
}

function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 80 ? m.slice(0, 80) + '…' : m;
}
