/** One server-sent event: its `event:` type (default `message`) and its joined `data:` lines. */
export interface SseEvent {
  type: string;
  data: string;
}

/** Bound on one event's text: a misbehaving stream must not grow memory without end. */
const MAX_EVENT_CHARS = 4_000_000;

/**
 * An incremental text/event-stream parser (the WHATWG rules the app needs: `event`, `data`,
 * comments, CR/LF/CRLF line ends). We read the stream with fetch() rather than EventSource because
 * EventSource cannot send the Authorization header, and the token must never go into the URL.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): {
  push(chunk: string): void;
  end(): void;
} {
  let buffer = '';
  let type = '';
  let data: string[] = [];
  let size = 0;

  const dispatch = () => {
    if (data.length > 0) onEvent({ type: type || 'message', data: data.join('\n') });
    type = '';
    data = [];
    size = 0;
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') {
      size += value.length;
      if (size > MAX_EVENT_CHARS) {
        data = [];
        return;
      }
      data.push(value);
    }
  };

  return {
    push(chunk) {
      buffer += chunk;
      for (;;) {
        const m = /\r\n|\r|\n/.exec(buffer);
        if (m === null) break;
        // A lone CR at the very end may be the first half of CRLF: wait for the next chunk.
        if (m[0] === '\r' && m.index === buffer.length - 1) break;
        line(buffer.slice(0, m.index));
        buffer = buffer.slice(m.index + m[0].length);
      }
      if (buffer.length > MAX_EVENT_CHARS) buffer = '';
    },
    end() {
      if (buffer !== '') line(buffer);
      buffer = '';
      dispatch();
    },
  };
}
