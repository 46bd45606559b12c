import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';
import { readLog } from './index.js';
import { UnreadableInputError } from './types.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it.each([
    ['EVTX signature', new Uint8Array([0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00, 1, 2]), 'evtx'],
    ['XML with BOM', enc('\uFEFF<?xml version="1.0"?><Events>'), 'xml'],
    ['XML after whitespace', enc('\r\n  <Event xmlns="x">'), 'xml'],
    ['libevtx banner', enc('evtxexport 20181227\n\n<Event xmlns="x">'), 'xml'],
    ['NDJSON', enc('{"winlog":{}}\n'), 'json'],
    ['JSON array', enc(' [ {"a":1} ]'), 'json'],
    ['UTF-16LE XML', new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x45, 0x00]), 'xml'],
    ['CSV', enc('a,b,c\n1,2,3'), null],
    ['plain text', enc('hello world\nthis is not a log'), null],
    ['ELF-like but short', enc('ElfFil'), null],
    ['empty', new Uint8Array(0), null],
    ['binary', new Uint8Array([0, 1, 2, 3, 255]), null],
  ] as const)('%s', (_name, head, format) => {
    expect(detectFormat(head)).toBe(format);
  });
});

describe('readLog', () => {
  it('dispatches by content', () => {
    const xml = enc(
      `<Events><Event><System><EventID>4624</EventID><TimeCreated SystemTime='2024-01-01T00:00:00Z'/></System></Event></Events>`,
    );
    expect(readLog(xml).format).toBe('xml');
    const json = enc(JSON.stringify({ '@timestamp': '2024-01-01T00:00:00Z', winlog: { event_id: '4624' } }));
    expect(readLog(json).events[0]?.eventId).toBe(4624);
  });

  it('throws UnreadableInputError for empty or unknown input', () => {
    expect(() => readLog(new Uint8Array(0))).toThrow(UnreadableInputError);
    expect(() => readLog(enc('a,b\n1,2\n'))).toThrow(UnreadableInputError);
  });
});
