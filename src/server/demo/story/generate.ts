/**
 * The demo's generated week as Winlogbeat 8 NDJSON: deterministic for a seed (no clock, no
 * Math.random, no locale), so `npm run demo:generate` rewrites the shipped file byte for byte and a
 * test can prove it. Pure: no Node built-ins.
 */
import { attack } from './attack.js';
import { buildCast, HOSTS } from './cast.js';
import { Prng } from './prng.js';
import { routineWeek } from './routine.js';
import { winlogbeatDocument } from './winlogbeat-document.js';
import { EventFactory, type WinEvent } from './windows-events.js';

/** The seed of the shipped week. */
export const STORY_SEED = 20260311;
/** The shipped file, in src/server/demo/. */
export const STORY_FILE_NAME = 'corp-week-2026-03.winlogbeat.ndjson';

export interface StoryOptions {
  seed?: number;
  /** False: the ordinary week alone (tests check that it raises no high-severity detection). */
  attack?: boolean;
}

/** The week's events in time order (stable for equal times). */
export function storyEvents(options: StoryOptions = {}): WinEvent[] {
  const prng = new Prng(options.seed ?? STORY_SEED);
  const cast = buildCast(prng);
  const factory = new EventFactory(prng);
  const routine = routineWeek(cast, factory, prng);
  const events = options.attack === false ? routine : [...routine, ...attack(cast, factory, prng, routine)];
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.ms - b.e.ms || a.i - b.i)
    .map((x) => x.e);
}

/** The week as NDJSON text: one Winlogbeat document per line, record numbers per computer. */
export function generateStoryWeek(options: StoryOptions = {}): string {
  const events = storyEvents(options);
  // Separate from the events' generator so that the record numbers do not shift the story.
  const prng = new Prng((options.seed ?? STORY_SEED) ^ 0x5eed);
  const counters = new Map(
    HOSTS.map((h) => [h.name, { next: prng.int(20_000, 900_000), lsass: 4 * prng.int(150, 250) }]),
  );
  const lines: string[] = [];
  const times = naturalTimes(events, prng);
  events.forEach((e, i) => {
    const c = counters.get(e.computer.name)!;
    const doc = winlogbeatDocument(
      { ...e, ms: times[i]!.ms },
      {
        recordId: c.next++,
        subMs: times[i]!.subMs,
        processId: c.lsass,
        threadId: 4 * prng.int(100, 2000),
      },
    );
    lines.push(JSON.stringify(doc));
  });
  return lines.join('\n') + '\n';
}

/**
 * The story places events on whole seconds; real clocks do not. Each distinct time gets up to
 * 0.4 s more and digits below the millisecond, the same for events that happen together (a 4624
 * and its 4672), never moving an event before the one it follows.
 */
function naturalTimes(events: readonly WinEvent[], prng: Prng): Array<{ ms: number; subMs: number }> {
  const out: Array<{ ms: number; subMs: number }> = [];
  let previous = { story: Number.NaN, ms: -Infinity, subMs: 0 };
  for (const e of events) {
    if (e.ms !== previous.story) {
      const ms = Math.max(previous.ms + 1, e.ms + prng.int(0, 399));
      previous = { story: e.ms, ms, subMs: prng.int(0, 9999) };
    }
    out.push({ ms: previous.ms, subMs: previous.subMs });
  }
  return out;
}
