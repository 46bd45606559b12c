/**
 * Cuts a list into slices of about the same cost to clone, for messages between the page and a
 * worker. Receiving (or posting) a message is one task on the page, and its cost grows with the
 * values inside, not with the items: a window ranking carries a dozen scores and its reasons (about
 * 90 values, 45 µs to clone), a Cytoscape element a dozen (3 µs). 1,000 rankings of a 26k-node view
 * took 170–270 ms to receive on a busy two-core machine; 1,000 elements a few.
 */
export const SLICE_WEIGHT = 20_000; // about 10 ms to clone on an idle core, 50–100 ms on a busy one

/** Values nested deeper than this are not counted (logs cannot make an item arbitrarily costly to weigh). */
const MAX_DEPTH = 4;

/** About how many values cloning `item` copies: 1 per value, nested arrays and objects counted in. */
export function itemWeight(item: unknown, depth = 0): number {
  if (typeof item !== 'object' || item === null || depth >= MAX_DEPTH) return 1;
  let w = 1;
  if (Array.isArray(item)) for (const v of item) w += itemWeight(v, depth + 1);
  else for (const k in item) w += itemWeight((item as Record<string, unknown>)[k], depth + 1);
  return w;
}

/** The slices of `items`, in order, each at most `budget` in weight (or a single heavier item). */
export function* weightedSlices<T>(items: readonly T[], budget = SLICE_WEIGHT): Generator<T[]> {
  let start = 0;
  let weight = 0;
  for (let i = 0; i < items.length; i++) {
    const w = itemWeight(items[i]);
    if (i > start && weight + w > budget) {
      yield items.slice(start, i);
      start = i;
      weight = 0;
    }
    weight += w;
  }
  if (start < items.length) yield items.slice(start);
}
