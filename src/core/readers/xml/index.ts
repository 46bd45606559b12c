import { UnreadableInputError, type ReadOptions, type ReadResult } from '../types.js';
import { ReadCollector, type StreamReadOptions } from './collector.js';
import { EventBuilder } from './event-builder.js';
import { StreamTextDecoder } from './text-decode.js';
import { XmlTokenizer } from './tokenizer.js';

export type { StreamReadOptions, EventCallback } from './collector.js';

/** Feed an XML event log in chunks; events come out through `onEvent` (or in the final result). */
export interface XmlStreamReader {
  push(chunk: Uint8Array | string): void;
  /** Records (events or documents) met so far, for progress reports. */
  records(): number;
  /**
   * Ends the input and returns the result (`events` is empty when `onEvent` was given). Throws
   * UnreadableInputError when the input held no event log at all (no `<Event>`, another root).
   */
  end(): ReadResult;
}

/** Roots an event log may have: Windows' and python-evtx's `<Events>`, or records directly (libevtx). */
const EVENT_LOG_ROOTS = new Set(['Events', 'Event']);

export function createXmlStreamReader(opts?: StreamReadOptions): XmlStreamReader {
  const out = new ReadCollector('xml', opts);
  const builder = new EventBuilder(out);
  const tokenizer = new XmlTokenizer(builder);
  builder.lineOf = () => tokenizer.line;
  const decoder = new StreamTextDecoder();
  let first = true;
  const write = (text: string): void => {
    if (first && text !== '') {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    tokenizer.write(text);
  };
  return {
    records: () => out.recordsRead,
    push(chunk) {
      if (typeof chunk === 'string') {
        out.bytes += chunk.length;
        write(chunk);
      } else {
        out.bytes += chunk.length;
        write(decoder.push(chunk));
      }
    },
    end() {
      write(decoder.end());
      tokenizer.end();
      builder.finish();
      if (builder.eventElementsSeen === 0) {
        if (builder.rootName === null)
          throw new UnreadableInputError('not an event log: no XML elements found');
        if (!EVENT_LOG_ROOTS.has(builder.rootName)) {
          throw new UnreadableInputError(
            `not an event log: XML root element is <${builder.rootName.slice(0, 40)}>`,
          );
        }
      }
      return out.result();
    },
  };
}

/**
 * Reads an XML event log: Windows' own export (Event Viewer / wevtutil), libevtx `evtxexport` and
 * python-evtx `evtx_dump.py` output. Malformed records are counted and skipped, never thrown.
 */
export function readXml(input: Uint8Array | string, opts?: ReadOptions): ReadResult {
  const reader = createXmlStreamReader(opts);
  reader.push(input);
  return reader.end();
}
