/** Formatting for the datasets page; pure, so the numbers the analyst reads are tested. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '?';
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(v < 10 ? 1 : 0)} ${UNITS[u]}`;
}

/** A count in the UI's language (`1,234` in English). */
export function formatCount(n: number, language: string): string {
  return n.toLocaleString(language);
}

/** `2021-12-03 12:06 UTC`: the app shows UTC everywhere, like the logs. */
export function formatUtc(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** null for a dataset without events (the caller says so in the UI's language). */
export function formatRange(range: { from: string; to: string } | null): string | null {
  if (range === null) return null;
  const from = formatUtc(range.from);
  const to = formatUtc(range.to);
  return from === to ? from : `${from} – ${to}`;
}
