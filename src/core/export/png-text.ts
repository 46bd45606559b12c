/**
 * Text chunks in a PNG (PNG spec §11.3.4): the exported picture names its dataset, window and export
 * time inside the file, where image viewers, `exiftool` and forensic tools read them. Latin-1 text
 * goes into `tEXt`, other text (a Japanese dataset name) into uncompressed `iTXt` (UTF-8). The chunks
 * are inserted right after IHDR, before the image data; every chunk carries its CRC-32.
 */
import { crc32 } from '../readers/evtx/crc32.js';
import { displaySafe } from '../report/escape.js';
import { utf8 } from '../report/sha256.js';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** A keyword of the PNG spec (`Title`, `Description`, `Creation Time`, `Software`, `Comment`, ...). */
export type PngTextEntry = readonly [keyword: string, text: string];

/** Longest text written per chunk: a hostile dataset name must not make a megabyte chunk. */
const MAX_TEXT = 4096;

function isPng(png: Uint8Array): boolean {
  return png.length >= 33 && PNG_SIGNATURE.every((b, i) => png[i] === b) && ascii(png, 12, 16) === 'IHDR';
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function putU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

/** One chunk: length, type, data, CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  putU32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  putU32(out, 8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** Keywords are 1-79 printable Latin-1 characters without leading, trailing or double spaces. */
function cleanKeyword(keyword: string): string {
  const k = keyword
    .replace(/[^\u0020-\u007e\u00a1-\u00ff]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, 79);
  return k === '' ? 'Comment' : k;
}

/** Text with control characters made visible (no NUL may appear in a chunk's text), bounded. */
function cleanText(text: string): string {
  const safe = displaySafe(text.replace(/\r\n?/g, '\n'));
  return safe.length > MAX_TEXT ? safe.slice(0, MAX_TEXT) + '…' : safe;
}

/** A `tEXt` chunk when the text is Latin-1, else an `iTXt` chunk (UTF-8, uncompressed, no language). */
export function textChunk(keyword: string, text: string): Uint8Array {
  const k = cleanKeyword(keyword);
  const t = cleanText(text);
  if (/^[\u0000-\u00ff]*$/.test(t)) {
    const data = Uint8Array.from(`${k}\u0000${t}`, (c) => c.charCodeAt(0));
    return chunk('tEXt', data);
  }
  const head = Uint8Array.from(`${k}\u0000\u0000\u0000\u0000\u0000`, (c) => c.charCodeAt(0));
  const body = utf8(t);
  const data = new Uint8Array(head.length + body.length);
  data.set(head);
  data.set(body, head.length);
  return chunk('iTXt', data);
}

/** The PNG with text chunks inserted after IHDR; throws when the bytes are not a PNG. */
export function withPngText(png: Uint8Array, entries: readonly PngTextEntry[]): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG image');
  const afterIhdr = 8 + 12 + u32(png, 8);
  const chunks = entries.map(([k, t]) => textChunk(k, t));
  const size = png.length + chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, afterIhdr));
  let at = afterIhdr;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(afterIhdr), at);
  return out;
}

export interface PngChunkInfo {
  type: string;
  /** The CRC stored in the file matches the chunk's type and data. */
  crcOk: boolean;
  /** tEXt and uncompressed iTXt: keyword and text. */
  text?: { keyword: string; text: string };
}

/**
 * The chunks of a PNG in order (a checker for tests and for reading an export back); stops at a
 * truncated chunk. Throws when the bytes are not a PNG.
 */
export function pngChunks(png: Uint8Array): PngChunkInfo[] {
  if (!isPng(png)) throw new Error('not a PNG image');
  const out: PngChunkInfo[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = u32(png, at);
    const end = at + 12 + length;
    if (end > png.length) break;
    const type = ascii(png, at + 4, at + 8);
    const info: PngChunkInfo = { type, crcOk: crc32(png, at + 4, at + 8 + length) === u32(png, end - 4) };
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'tEXt' || type === 'iTXt') info.text = decodeText(type, data);
    out.push(info);
    at = end;
  }
  return out;
}

function decodeText(type: string, data: Uint8Array): { keyword: string; text: string } {
  const nul = data.indexOf(0);
  const keyword = ascii(data, 0, nul < 0 ? data.length : nul);
  if (type === 'tEXt') return { keyword, text: latin1(data.subarray(nul + 1)) };
  // iTXt: keyword NUL flag method language NUL translated NUL text (uncompressed only here).
  let p = nul + 3;
  p = data.indexOf(0, p) + 1;
  p = data.indexOf(0, p) + 1;
  return { keyword, text: decodeUtf8(data.subarray(p)) };
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** UTF-8 to text (core has no TextDecoder in its types); malformed sequences become U+FFFD. */
function decodeUtf8(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (n === 0 || i + n > bytes.length) {
      s += '\ufffd';
      i++;
      continue;
    }
    let c = n === 1 ? b : b & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) c = (c << 6) | (bytes[i + k]! & 63);
    s += String.fromCodePoint(c);
    i += n;
  }
  return s;
}
