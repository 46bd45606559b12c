import type { CollectionReturnValue, Core, ElementDefinition, SingularElementArgument } from 'cytoscape';

/**
 * Elements added or changed in one task. Adding a few thousand elements at once costs Cytoscape a
 * second or more in one frame (style resolution, bounds, texture caches: measured with a CPU profile
 * of the graph bench); in slices, each task stays short and the page keeps answering in between.
 */
export const ADD_CHUNK = 600;

/** The renderer's private queue flush (Cytoscape 3.x): style and rendered style of what changed. */
interface StyleFlush {
  flushRenderedStyleQueue?(): void;
}

/**
 * Lets the browser draw and handle input before the next slice. Drawing between slices is kept on
 * purpose: each frame then makes the textures of one slice's elements, and the last frame draws
 * from those caches. Skipping those frames (tried) made one frame build every texture at once: a
 * 1.2 s task on a 5,000-node view instead of several of a few hundred milliseconds.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ElementChanges {
  /** Elements that go (removing one restyles its neighbours: thousands at once are a long task too). */
  remove?: CollectionReturnValue;
  /** Elements that stay, with their new data (only those whose data changed). */
  update: Array<[SingularElementArgument, Record<string, unknown>]>;
  /** New elements (nodes with their positions). */
  add: readonly ElementDefinition[];
}

/**
 * Removes what goes (edges first), applies data changes, then adds new elements (nodes before edges, so that every edge finds its ends),
 * in slices of ADD_CHUNK, one task each, resolving each slice's style and bounds in its own task
 * (not all together in the next frame). `onApplied` hears of each element's data once it is in. Returns false when `live()`
 * turned false in between (newer elements took over: the rest is left to them).
 */
export async function applyInSlices(
  cy: Core,
  changes: ElementChanges,
  live: () => boolean,
  onApplied: (id: string, data: Record<string, unknown>) => void,
): Promise<boolean> {
  const ordered = [
    ...changes.add.filter((e) => e.data.source === undefined),
    ...changes.add.filter((e) => e.data.source !== undefined),
  ];
  const gone = changes.remove === undefined ? [] : [...changes.remove.edges(), ...changes.remove.nodes()];
  const total = gone.length + changes.update.length + ordered.length;
  const slices: Array<() => void> = [];
  for (let i = 0; i < gone.length; i += ADD_CHUNK) {
    const part = gone.slice(i, i + ADD_CHUNK);
    slices.push(() => {
      for (const ele of part) if (ele.inside()) ele.remove();
    });
  }
  for (let i = 0; i < changes.update.length; i += ADD_CHUNK) {
    const part = changes.update.slice(i, i + ADD_CHUNK);
    slices.push(() => {
      for (const [ele, data] of part) {
        ele.data(data);
        onApplied(ele.id(), data);
      }
    });
  }
  for (let i = 0; i < ordered.length; i += ADD_CHUNK) {
    const part = ordered.slice(i, i + ADD_CHUNK);
    slices.push(() => {
      cy.add(part);
      for (const e of part) onApplied(String(e.data.id), e.data);
    });
  }
  for (let i = 0; i < slices.length; i++) {
    if (i > 0) {
      await nextTask();
      if (!live() || cy.destroyed()) return false;
    }
    cy.batch(slices[i]!);
    if (total > ADD_CHUNK) prepare(cy);
  }
  return true;
}

/** Resolves the style and rendered style of what changed now, in this task, not in the next frame. */
function prepare(cy: Core): void {
  (cy as unknown as { renderer(): StyleFlush | undefined }).renderer()?.flushRenderedStyleQueue?.();
}
