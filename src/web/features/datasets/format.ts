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

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `2021-12-03 12:06 UTC`: the app shows UTC everywhere, like the logs. */
export function formatUtc(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

export function formatRange(range: { from: string; to: string } | null): string {
  if (range === null) return 'no events';
  const from = formatUtc(range.from);
  const to = formatUtc(range.to);
  return from === to ? from : `${from} – ${to}`;
}
