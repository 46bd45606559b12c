import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse';

function parse(chunks: string[]): SseEvent[] {
  const out: SseEvent[] = [];
  const p = createSseParser((e) => out.push(e));
  for (const c of chunks) p.push(c);
  p.end();
  return out;
}

describe('createSseParser', () => {
  it('reads typed events with multi-line data and ignores comments', () => {
    expect(parse([': keep-alive\n', 'event: progress\ndata: {"a":1}\n\n', 'data: x\ndata: y\n\n'])).toEqual([
      { type: 'progress', data: '{"a":1}' },
      { type: 'message', data: 'x\ny' },
    ]);
  });

  it('reassembles events split anywhere, including inside a CRLF', () => {
    const text = 'event: done\r\ndata: {"state":"done"}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)])).toEqual([
        { type: 'done', data: '{"state":"done"}' },
      ]);
    }
  });

  it('dispatches a last event without a trailing blank line at the end of the stream', () => {
    expect(parse(['event: done\ndata: 1'])).toEqual([{ type: 'done', data: '1' }]);
  });

  it('drops an event whose data exceeds the bound instead of growing without end', () => {
    const big = 'x'.repeat(1_000_000);
    const chunks = [
      'event: progress\n',
      ...Array.from({ length: 5 }, () => `data: ${big}\n`),
      '\n',
      'data: ok\n\n',
    ];
    expect(parse(chunks)).toEqual([{ type: 'message', data: 'ok' }]);
  });
});
