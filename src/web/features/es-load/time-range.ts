// The dialog's range: local wall-clock inputs plus an explicit UTC offset → ISO times with a zone
// (the server refuses zone-less times, so nothing depends on the browser's or server's zone).

export type Preset = 'day' | 'week';

/** `2021-12-03T10:00` (a datetime-local value) at `offsetMinutes` east of UTC → ISO with `Z`. */
export function toUtcIso(local: string, offsetMinutes: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (!Number.isFinite(ms)) return null;
  return new Date(ms - offsetMinutes * 60_000).toISOString();
}

/** The datetime-local value of a UTC instant seen at `offsetMinutes`. */
export function toLocalInput(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 16);
}

/** The preset ending at the start of the current day in that zone: yesterday, or the last 7 days. */
export function presetRange(
  preset: Preset,
  nowMs: number,
  offsetMinutes: number,
): { from: string; to: string } {
  const localNow = nowMs + offsetMinutes * 60_000;
  const dayStart = Math.floor(localNow / 86_400_000) * 86_400_000;
  const days = preset === 'day' ? 1 : 7;
  return {
    from: new Date(dayStart - days * 86_400_000).toISOString().slice(0, 16),
    to: new Date(dayStart).toISOString().slice(0, 16),
  };
}

/** Offsets offered: whole and half hours from −12:00 to +14:00. */
export const OFFSETS: readonly number[] = Array.from({ length: 53 }, (_, i) => (i - 24) * 30);

export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
