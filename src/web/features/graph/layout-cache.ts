import type { Positions } from './layout-compute';

/**
 * Positions of the views laid out lately, by layout key (viewport-sync's layoutKeyOf). Layouts are a
 * pure function of the view, so a view shown again (back/forward, the previous window again) takes
 * its positions from here instead of waiting seconds for the worker. Positions are never mutated.
 */
const MAX_ENTRIES = 16;
const cache = new Map<string, Positions>();

export function cachedLayout(key: string): Positions | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Most recently used last: the oldest entry is the first one dropped.
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

export function keepLayout(key: string, positions: Positions): void {
  cache.delete(key);
  cache.set(key, positions);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}
