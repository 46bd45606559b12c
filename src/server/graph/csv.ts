/**
 * One CSV cell: quoted, and neutralized when a spreadsheet would read it as a formula (cells that
 * start with = + - @, tab or carriage return get a leading apostrophe). Log values are attacker-controlled.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== String(value) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly (string | number | boolean | null)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
