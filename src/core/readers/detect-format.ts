import type { InputFormat } from './types.js';
import { decodeText } from './xml/text-decode.js';

const EVTX_MAGIC = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]; // "ElfFile\0"

/** How many leading bytes detectFormat looks at (more are ignored). */
export const DETECT_HEAD_BYTES = 4096;

/**
 * The input format from the first bytes of the content (never from a file name): EVTX by its file
 * signature, XML when the text (after an optional BOM and whitespace) starts with `<` or with a
 * tool's banner line followed by `<Event` (libevtx `evtxexport`), JSON when it starts with `{` or
 * `[`. Null when it is none of these.
 */
export function detectFormat(head: Uint8Array): InputFormat | null {
  if (head.length >= 8 && EVTX_MAGIC.every((b, i) => head[i] === b)) return 'evtx';
  const text = decodeText(head.subarray(0, DETECT_HEAD_BYTES));
  const m = /[^\s\uFEFF]/.exec(text);
  if (m === null) return null;
  const c = m[0];
  if (c === '<') return 'xml';
  if (c === '{' || c === '[') return 'json';
  if (/^[^\n<]{0,200}\r?\n\s*<Event[\s>]/.test(text.slice(m.index))) return 'xml';
  return null;
}
