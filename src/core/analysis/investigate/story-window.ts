/**
 * Open where the story is (docs/analysis.md, "Investigation"): which UTC day or week the app shows
 * first, which window holds a detection, and the nearest window with events when the one on screen
 * is empty.
 *
 * Windows are named by their first day, `YYYY-MM-DD` (UTC), as in the app's URL. A day is a UTC
 * day. The week that holds a time is the Monday-to-Sunday UTC week (ISO 8601), so that every
 * detection of a week opens the same window; `nearestActiveWindow` keeps the phase of the window it
 * starts from (the analyst may have picked any first day).
 */
import type { Dataset, Detection } from '../../dataset/schema.js';
import { HOUR_MS, isoToMs } from '../time.js';
import { hourlyHistogram } from '../view.js';

export type WindowSpan = 'day' | 'week';

export interface StoryWindow {
  /** First day of the window, `YYYY-MM-DD`. */
  from: string;
  /** Why: the first high-severity detection, else the busiest window, else nothing to show. */
  reason: 'detection' | 'busiest' | 'none';
  /** The detection's id when reason = detection. */
  detection?: string;
}

const DAY_MS = 86_400_000;
const HOURS_PER_DAY = 24;

const spanDays = (span: WindowSpan): number => (span === 'day' ? 1 : 7);

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The first day (day number) of the window of `span` that holds day `day`. */
function windowDay(day: number, span: WindowSpan): number {
  if (span === 'day') return day;
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** The first day of the window of `span` holding a UTC ISO time; null when it is not a real time. */
function windowOf(iso: string, span: WindowSpan): string | null {
  const ms = isoToMs(iso);
  return Number.isNaN(ms) ? null : dateOfDay(windowDay(Math.floor(ms / DAY_MS), span));
}

/**
 * The first day of the window of `span` holding the detection's first event. A time the schema
 * lets through but the calendar does not (`2021-02-30T…`) gives its own date part, as written.
 */
export function detectionWindow(d: Detection, span: WindowSpan): string {
  return windowOf(d.first, span) ?? d.first.slice(0, 10);
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2, info: 3 } as const;

/** The first high-severity detection (earliest start, then id), or null. */
export function storyDetection(detections: readonly Detection[]): Detection | null {
  let best: Detection | null = null;
  let bestMs = Infinity;
  for (const d of detections) {
    if (SEVERITY_RANK[d.severity] !== 0) continue;
    const ms = isoToMs(d.first);
    if (Number.isNaN(ms)) continue;
    if (ms < bestMs || (ms === bestMs && best !== null && d.id < best.id)) {
      best = d;
      bestMs = ms;
    }
  }
  return best;
}

/**
 * What the opening window is decided from, for callers without a whole dataset (a server dataset
 * arrives one window at a time): events per Unix hour, the detections, and the time to fall back
 * on when there are no events (the range's start).
 */
export interface StoryInput {
  hourly: ReadonlyArray<readonly [number, number]>;
  detections: readonly Detection[];
  fallback: string;
}

/** The window to open on (see StoryWindow) from events per hour and detections. */
export function storyWindowOf(input: StoryInput, span: WindowSpan): StoryWindow {
  const detection = storyDetection(input.detections);
  if (detection !== null)
    return { from: detectionWindow(detection, span), reason: 'detection', detection: detection.id };
  // Busiest: the most events in a window; the earliest of equals.
  const totals = new Map<number, number>();
  for (const [h, c] of input.hourly) {
    const w = windowDay(Math.floor(h / HOURS_PER_DAY), span);
    totals.set(w, (totals.get(w) ?? 0) + c);
  }
  let bestDay = NaN;
  let bestCount = 0;
  for (const [w, c] of totals)
    if (c > bestCount || (c === bestCount && w < bestDay)) {
      bestDay = w;
      bestCount = c;
    }
  if (bestCount > 0) return { from: dateOfDay(bestDay), reason: 'busiest' };
  return { from: windowOf(input.fallback, span) ?? input.fallback.slice(0, 10), reason: 'none' };
}

/** The window a dataset opens on (see StoryWindow). */
export function storyWindow(dataset: Dataset, span: WindowSpan): StoryWindow {
  return storyWindowOf(
    {
      hourly: hourlyHistogram(dataset),
      detections: dataset.detections,
      fallback: dataset.timeRange?.from ?? dataset.createdAt,
    },
    span,
  );
}

const activeCache = new WeakMap<Dataset, Float64Array>();

/**
 * Hours with something to show, ascending: edge buckets, and flags other than `privileged` (their
 * nodes are shown without logons; privileged logons come with logons anyway).
 */
function activeHours(dataset: Dataset): Float64Array {
  let hours = activeCache.get(dataset);
  if (hours !== undefined) return hours;
  const set = new Set<number>();
  for (const [h] of hourlyHistogram(dataset)) set.add(h);
  for (const n of dataset.nodes)
    for (const f of n.flags) {
      if (f.kind === 'privileged') continue;
      const ms = isoToMs(f.time);
      if (!Number.isNaN(ms)) set.add(Math.floor(ms / HOUR_MS));
    }
  hours = Float64Array.from(set).sort();
  activeCache.set(dataset, hours);
  return hours;
}

/**
 * The nearest window with events, stepping from `from` by whole spans: `from` itself when its
 * window has events, else the closest before or after (the later one when both are as close), or
 * null when the dataset has none or `from` is not a date.
 */
export function nearestActiveWindow(dataset: Dataset, from: string, span: WindowSpan): string | null {
  return nearestWindowIn(activeHours(dataset), from, span);
}

/**
 * nearestActiveWindow over a list of active Unix hours sorted ascending (for callers that hold a
 * histogram, not a dataset).
 */
export function nearestWindowIn(hours: ArrayLike<number>, from: string, span: WindowSpan): string | null {
  const startMs = isoToMs(`${from}T00:00:00Z`);
  if (Number.isNaN(startMs) || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return null;
  if (hours.length === 0) return null;
  const startHour = startMs / HOUR_MS;
  const spanHours = spanDays(span) * HOURS_PER_DAY;
  // First active hour at or after the window's start.
  let lo = 0;
  let hi = hours.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hours[mid]! < startHour) lo = mid + 1;
    else hi = mid;
  }
  const after = lo < hours.length ? Math.floor((hours[lo]! - startHour) / spanHours) : Infinity;
  const before = lo > 0 ? Math.floor((hours[lo - 1]! - startHour) / spanHours) : -Infinity;
  const k = after <= -before ? after : before;
  const startDay = Math.round(startMs / DAY_MS);
  return dateOfDay(startDay + k * spanDays(span));
}
