import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../../core/readers/winlogbeat/index.js';
import { generateStoryWeek, STORY_FILE_NAME, storyEvents } from './generate.js';
import { WEEK_START_MS } from './clock.js';
import { Prng } from './prng.js';

const shipped = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', STORY_FILE_NAME);

describe('the demo week', () => {
  it('regenerates the shipped file byte for byte (run npm run demo:generate after changing the story)', () => {
    const text = generateStoryWeek();
    const file = readFileSync(shipped, 'utf8');
    expect(text.length).toBe(file.length);
    expect(text === file).toBe(true);
  });

  it('is another week for another seed, and the same week for the same one', () => {
    expect(generateStoryWeek({ seed: 7 })).toBe(generateStoryWeek({ seed: 7 }));
    expect(generateStoryWeek({ seed: 7 })).not.toBe(generateStoryWeek());
  });

  it('is read by the JSON reader without a warning or a skipped document', () => {
    const text = generateStoryWeek();
    const r = readJson(text);
    const lines = text.trimEnd().split('\n').length;
    expect(r.warnings).toEqual([]);
    expect(r.events.length).toBe(lines);
    // Every document names its computer and record, and reads as a Security event.
    expect(
      r.events.every((e) => e.computer !== null && e.recordId !== null && e.channel === 'Security'),
    ).toBe(true);
  });

  it('keeps inside its week, in time order, with unique record numbers per computer', () => {
    const events = storyEvents();
    const end = WEEK_START_MS + 7 * 24 * 3600_000;
    expect(events.every((e) => e.ms >= WEEK_START_MS && e.ms < end)).toBe(true);
    expect(events.every((e, i) => i === 0 || events[i - 1]!.ms <= e.ms)).toBe(true);
    const r = readJson(generateStoryWeek());
    const seen = new Set(r.events.map((e) => `${e.computer}\u0000${e.recordId}`));
    expect(seen.size).toBe(r.events.length);
  });

  it('stays a few megabytes', () => {
    expect(readFileSync(shipped).length).toBeLessThan(5_000_000);
  });
});

describe('Prng', () => {
  it('gives the same numbers for a seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('samples distinct items and picks within bounds', () => {
    const p = new Prng(1);
    const s = p.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
    for (let i = 0; i < 100; i++) {
      const n = p.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });
});
