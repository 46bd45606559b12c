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

/**
 * Short strings repeat endlessly in a Security log (computer, domain, account names, SIDs, `-`,
 * `0x0`, logon processes). A small direct-mapped cache keyed by a hash of the code units returns
 * the same string object for the same bytes: no allocation on a hit, and the events share their
 * strings (far less memory held, less garbage collection). A hit is verified character by
 * character, so a collision only costs a decode.
 */
const INTERN_MAX = 64;
const CACHE_BITS = 12;
const cacheStrings: (string | undefined)[] = new Array<string | undefined>(1 << CACHE_BITS);
const cacheHashes = new Int32Array(1 << CACHE_BITS);

/**
 * Decodes `byteLength` bytes of UTF-16LE at `start`, dropping trailing NUL characters (EVTX string
 * values usually carry their terminator). The caller has checked the bounds.
 */
export function decodeUtf16(b: Uint8Array, start: number, byteLength: number): string {
  let n = byteLength >>> 1;
  while (n > 0 && b[start + 2 * n - 2] === 0 && b[start + 2 * n - 1] === 0) n--;
  if (n === 0) return '';
  if (n > INTERN_MAX && utf16Decoder !== null) return utf16Decoder.decode(b.subarray(start, start + 2 * n));
  let h = n;
  for (let p = start, e = start + 2 * n; p < e; p += 2)
    h = Math.imul(h ^ (b[p]! | (b[p + 1]! << 8)), 0x9e3779b1);
  h ^= h >>> 15;
  const slot = h & ((1 << CACHE_BITS) - 1);
  const cached = cacheStrings[slot];
  if (cached !== undefined && cacheHashes[slot] === h && cached.length === n) {
    let same = true;
    for (let i = 0, p = start; i < n; i++, p += 2) {
      if (cached.charCodeAt(i) !== (b[p]! | (b[p + 1]! << 8))) {
        same = false;
        break;
      }
    }
    if (same) return cached;
  }
  let s = '';
  for (let i = 0, p = start; i < n; i++, p += 2) s += String.fromCharCode(b[p]! | (b[p + 1]! << 8));
  if (n <= INTERN_MAX) {
    cacheStrings[slot] = s;
    cacheHashes[slot] = h;
  }
  return s;
}

/**
 * Code units of the UTF-16LE value in b[start, start + byteLength) once trailing NULs are dropped,
 * when decodeUtf16 gives exactly these units bar lone surrogates (which the JSON writer leaves to
 * decodeUtf16 anyway); -1 when it does not: a long value starting with a byte order mark, which
 * TextDecoder drops. Lets a value be written as JSON straight from its bytes, with the same result.
 */
export function utf16ValueUnits(b: Uint8Array, start: number, byteLength: number): number {
  let n = byteLength >>> 1;
  while (n > 0 && b[start + 2 * n - 2] === 0 && b[start + 2 * n - 1] === 0) n--;
  if (n > INTERN_MAX && utf16Decoder !== null && b[start] === 0xff && b[start + 1] === 0xfe) return -1;
  return n;
}

/** ANSI (code page) strings: read as Latin-1, which keeps ASCII exact; trailing NULs dropped. */
export function decodeAnsi(b: Uint8Array, start: number, byteLength: number): string {
  let n = byteLength;
  while (n > 0 && b[start + n - 1] === 0) n--;
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[start + i]!);
  return s;
}
