import { displaySafe } from './display-safe.js';

/**
 * One CSV cell: quoted, and neutralized when a spreadsheet would read it as a formula (cells that
 * start with = + - @, tab or carriage return get a leading apostrophe); control characters other
 * than tab and line breaks (terminal escapes) become U+FFFD; bidirectional controls are shown as
 * `<U+202E>` (displaySafe). Log values are attacker-controlled.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  let s = displaySafe(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
  const formula = /^[=+\-@\t\r]/.test(s);
  if (formula) s = `'${s}`;
  return formula || /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly (string | number | boolean | null)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
