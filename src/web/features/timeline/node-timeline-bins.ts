import type { NodeTimeline } from '../../../core/analysis/index.js';
import { binHours } from './histogram-bins';

/** One bar of a node's timeline: events of whole hours, successes and failures apart. */
export interface NodeBin {
  fromHour: number;
  hours: number;
  success: number;
  failure: number;
  /** Highest anomaly score among its hours (0 when none). */
  anomaly: number;
}

/**
 * A node's timeline in at most `maxBins` bars over [fromHour, toHour]. With `eventId` set, only that
 * event ID's counts (as `success` when it is not a failure event, as reported per hour by the
 * analysis; the bar colour then says nothing of outcome).
 */
export function nodeBins(
  t: NodeTimeline,
  fromHour: number,
  toHour: number,
  maxBins: number,
  eventId: string | null = null,
): NodeBin[] {
  const pairs = (values: number[]): Array<[number, number]> => t.hours.map((h, i) => [h, values[i] ?? 0]);
  const chosen = eventId === null ? null : (t.byEventId[eventId] ?? []);
  const success = binHours(pairs(chosen ?? t.success), fromHour, toHour, maxBins);
  const failure = binHours(chosen === null ? pairs(t.failure) : [], fromHour, toHour, maxBins);
  const bins: NodeBin[] = success.map((b, i) => ({
    fromHour: b.fromHour,
    hours: b.hours,
    success: b.count,
    failure: failure[i]?.count ?? 0,
    anomaly: 0,
  }));
  const width = bins[0]?.hours ?? 1;
  t.hours.forEach((h, i) => {
    const bin = bins[Math.floor((h - fromHour) / width)];
    const score = t.anomaly[i] ?? 0;
    if (bin !== undefined && score > bin.anomaly) bin.anomaly = score;
  });
  return bins;
}

/** The hours a timeline is drawn over: the node's active hours and the window on screen. */
export function timelineDomain(
  t: NodeTimeline,
  windowHours: [number, number] | null,
): [number, number] | null {
  const first = t.hours[0];
  const last = t.hours[t.hours.length - 1];
  if (first === undefined || last === undefined) return windowHours;
  if (windowHours === null) return [first, last];
  return [Math.min(first, windowHours[0]), Math.max(last, windowHours[1] - 1)];
}
