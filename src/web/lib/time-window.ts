import { isUtcZone, zoneDateOf, zoneDaysWindow } from '../../core/analysis/index.js';
import type { TimeRange } from '../../core/dataset/index.js';
import { i18n } from '../i18n';
import type { Notice } from './notice';

/**
 * The window is a day or a week (7 days from the chosen date): UTC days, or the days of the zone the
 * analyst chose (URL `tz=`; the rule is core's zoneDaysWindow, shared with the server).
 */
export const SPANS = ['day', 'week'] as const;
export type Span = (typeof SPANS)[number];

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of a `YYYY-MM-DD` UTC date, or NaN when it is not a real date. */
export function dateToMs(date: string): number {
  const m = DATE_RE.exec(date);
  if (m === null) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2021-02-30 over to March: refuse dates that do not round-trip.
  return msToDate(ms) === date ? ms : Number.NaN;
}

export function isValidDate(date: string): boolean {
  return !Number.isNaN(dateToMs(date));
}

export function msToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date of an ISO time, UTC's or the zone's (`2021-12-03T23:59:59Z` → `2021-12-03`; Tokyo: `2021-12-04`). */
export function dateOf(iso: string, zone: string | null = null): string {
  if (isUtcZone(zone)) return iso.slice(0, 10);
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso.slice(0, 10) : zoneDateOf(ms, zone);
}

export function spanDays(span: Span): number {
  return span === 'day' ? 1 : 7;
}

export function shiftDate(date: string, days: number): string {
  return msToDate(dateToMs(date) + days * DAY_MS);
}

/**
 * The window [from's midnight, from + span) with an exclusive end, as the analysis expects: UTC
 * midnights, or the zone's (DST-correct: a New York day can be 23 or 25 hours long).
 */
export function windowFor(from: string, span: Span, zone: string | null = null): TimeRange {
  const w = zoneDaysWindow(from, spanDays(span), zone);
  if (w !== null) return w;
  const start = dateToMs(from);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';
  return { from: iso(start), to: iso(start + spanDays(span) * DAY_MS) };
}

export interface ResolvedWindow {
  /** null when the dataset covers no time (empty dataset). */
  from: string | null;
  window: TimeRange | null;
  /** Set when the asked date was outside the dataset and was moved into it. */
  notice: Notice | null;
}

/**
 * The window to show: the asked date, or the dataset's first day when none was asked; a date
 * outside the dataset's range is moved to its nearest end, with a notice.
 */
export function resolveWindow(
  range: TimeRange | null,
  from: string | null,
  span: Span,
  zone: string | null = null,
): ResolvedWindow {
  if (range === null) return { from: null, window: null, notice: null };
  const min = dateOf(range.from, zone);
  const max = dateOf(range.to, zone);
  if (from === null) return { from: min, window: windowFor(min, span, zone), notice: null };
  if (from < min || from > max) {
    const moved = from < min ? min : max;
    return {
      from: moved,
      window: windowFor(moved, span, zone),
      notice: { key: 'dateOutside', params: { from, min, max, moved } },
    };
  }
  return { from, window: windowFor(from, span, zone), notice: null };
}

/** Previous/next window start, or null when it would leave the dataset's range entirely. */
export function stepWindow(
  range: TimeRange | null,
  from: string,
  span: Span,
  direction: -1 | 1,
  zone: string | null = null,
): string | null {
  if (range === null) return null;
  const next = shiftDate(from, direction * spanDays(span));
  const min = dateOf(range.from, zone);
  const max = dateOf(range.to, zone);
  const lastDay = shiftDate(next, spanDays(span) - 1);
  if (lastDay < min || next > max) return null;
  return next;
}

/**
 * `2021-12-03 (UTC day)`, `2021-12-03 – 2021-12-09 (UTC week)`, `2021-12-03 (Asia/Tokyo day)`, in the
 * UI's current language (a component showing it re-renders on a language change through its own
 * useTranslation).
 */
export function windowLabel(from: string, span: Span, zone: string | null = null): string {
  const name = isUtcZone(zone) ? 'UTC' : zone!;
  if (span === 'day') return i18n.t('view:window.day', { from, zone: name });
  return i18n.t('view:window.week', { from, to: shiftDate(from, 6), zone: name });
}
