import { displaySafe } from '../../../core/text/display-safe';

/**
 * Log values shown as evidence: exactly the text, made visible. React already renders strings as
 * text (no HTML); here control characters and bidirectional overrides, which could hide or reorder
 * what the analyst reads, become visible escapes, and megabyte values are clipped.
 */
export const MAX_CELL_CHARS = 2000;

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function displayText(value: string | number | null): { text: string; clipped: number } {
  if (value === null) return { text: '', clipped: 0 };
  const raw = String(value);
  const head = raw.length > MAX_CELL_CHARS ? raw.slice(0, MAX_CELL_CHARS) : raw;
  // Bidi controls the same way as every other displayed name (core displaySafe: `<U+202E>`).
  const text = displaySafe(head.replace(CONTROL, escapeChar)).replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  return { text, clipped: raw.length - head.length };
}
