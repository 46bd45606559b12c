// UTF-16LE and ANSI decoding for EVTX strings. Most strings in a Security log are short ASCII
// (names, SIDs, `-`, numbers as text), where a plain loop beats a TextDecoder call; longer strings go
// through TextDecoder on a subarray (no copy).

interface Utf16Decoder {
  decode(input: Uint8Array): string;
}
type DecoderCtor = new (label: string) => Utf16Decoder;

// src/core has no DOM typings; TextDecoder exists in every runtime we target (Node, browsers, workers).
const DecoderClass = (globalThis as unknown as { TextDecoder?: DecoderCtor }).TextDecoder;
const utf16Decoder: Utf16Decoder | null = DecoderClass ? new DecoderClass('utf-16le') : null;

const SHORT = 24;

/**
 * Decodes `byteLength` bytes of UTF-16LE at `start`, dropping trailing NUL characters (EVTX string
 * values usually carry their terminator). The caller has checked the bounds.
 */
export function decodeUtf16(b: Uint8Array, start: number, byteLength: number): string {
  let n = byteLength >>> 1;
  while (n > 0 && b[start + 2 * n - 2] === 0 && b[start + 2 * n - 1] === 0) n--;
  if (n === 0) return '';
  if (n <= SHORT || utf16Decoder === null) {
    let s = '';
    for (let i = 0, p = start; i < n; i++, p += 2) s += String.fromCharCode(b[p]! | (b[p + 1]! << 8));
    return s;
  }
  return utf16Decoder.decode(b.subarray(start, start + 2 * n));
}

/** ANSI (code page) strings: read as Latin-1, which keeps ASCII exact; trailing NULs dropped. */
export function decodeAnsi(b: Uint8Array, start: number, byteLength: number): string {
  let n = byteLength;
  while (n > 0 && b[start + n - 1] === 0) n--;
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[start + i]!);
  return s;
}
