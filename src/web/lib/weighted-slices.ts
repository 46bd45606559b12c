/**
 * Cuts a list into slices of about the same cost to clone, for messages between the page and a
 * worker. Receiving (or posting) a message is one task on the page, and its cost grows with the
 * objects inside, not with the items: a dataset edge carries its hourly buckets (one to hundreds),
 * so 3,000 edges of a 26k-node dataset took 200 ms to receive on a busy two-core machine while
 * 3,000 edges of a small one take a few. An item weighs 1 plus the lengths of its array fields.
 */
export const SLICE_WEIGHT = 12_000;

export function itemWeight(item: unknown): number {
  if (typeof item !== 'object' || item === null) return 1;
  let w = 1;
  for (const value of Object.values(item)) if (Array.isArray(value)) w += value.length;
  return w;
}

/** The slices of `items`, in order, each at most `budget` in weight (or a single heavier item). */
export function weightedSlices<T>(items: readonly T[], budget = SLICE_WEIGHT): T[][] {
  const slices: T[][] = [];
  let start = 0;
  let weight = 0;
  for (let i = 0; i < items.length; i++) {
    const w = itemWeight(items[i]);
    if (i > start && weight + w > budget) {
      slices.push(items.slice(start, i));
      start = i;
      weight = 0;
    }
    weight += w;
  }
  if (start < items.length) slices.push(items.slice(start));
  return slices;
}
