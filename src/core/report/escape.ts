/**
 * Escaping for the report. Every string that came from a log (names, hosts, details, file names) is
 * hostile: it may hold markup, quotes, control characters or bidirectional overrides that make a
 * name read as another (`admin\u202Eexe.txt`). Such characters are shown as visible escapes, then
 * the text is HTML-escaped, so that what the analyst reads is exactly what the log holds.
 */
import { displaySafe as bidiSafe } from '../text/display-safe.js';

/** Control characters and line separators (the direction marks are display-safe.ts's rule). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Direction-changing characters as the app shows them (`<U+202E>`, core/text/display-safe.ts), and
 * other invisible control characters the same way; tab and newline stay.
 */
export function displaySafe(text: string): string {
  return bidiSafe(text).replace(
    CONTROLS,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/** Log-derived text made visible and safe for HTML, optionally cut to `max` characters. */
export function logText(text: string, max = 2000): string {
  const cut = text.length > max ? text.slice(0, max) + '…' : text;
  return escapeHtml(displaySafe(cut));
}

/**
 * JSON for a `<script type="application/json">` block: `<` (and so `</script>` or `<!--`) and
 * the line separators become \u escapes, which JSON.parse reads back as the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
