/**
 * Deterministic layouts (issue 13, exact permalinks): the force-directed layouts (fcose, cose) start
 * from random positions drawn with Math.random, so two browsers laid the same view out differently.
 * Here Math.random is replaced, for the duration of one synchronous layout run, by a PRNG seeded from
 * the graph itself: the same elements give the same positions, in any browser, on any visit.
 */
import { seededRandom } from '../../../core/random.js';

/** FNV-1a over the text: a 32-bit seed from the sorted element ids. */
export function seedOf(parts: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f; // a separator, so that ["ab","c"] and ["a","bc"] differ
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Runs `fn` with Math.random drawing from a PRNG seeded with `seed`, then restores it. The layout
 * libraries read the global Math.random and offer no seed option; the run is synchronous, so
 * nothing else can draw from the swapped function meanwhile.
 */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
