import type { CollectionReturnValue, Core, ElementDefinition, SingularElementArgument } from 'cytoscape';

/**
 * Elements added or changed in one task. Adding a few thousand elements at once costs Cytoscape a
 * second or more in one frame (style resolution, bounds, texture caches: measured with a CPU profile
 * of the graph bench); in slices, each task stays short and the page keeps answering in between.
 */
export const ADD_CHUNK = 600;

/** The renderer's private parts used here (Cytoscape 3.x canvas renderer). */
interface RendererInternals {
  /** Style and rendered style of what changed, now. */
  flushRenderedStyleQueue?(): void;
  /** Skips the next animation frame's drawing (reset by the render loop after that frame). */
  skipFrame?: boolean;
}

function internals(cy: Core): RendererInternals | undefined {
  return (cy as unknown as { renderer(): RendererInternals | undefined }).renderer();
}

/**
 * The graph is drawn after every DRAW_EVERY slices, not after each. A frame redraws every element
 * present and makes the textures of those new since the last frame: drawing after each slice made
 * as many full redraws as slices (48 s to finish a 10,000-element view on the loaded bench machine);
 * drawing only at the end made one frame build every texture at once (a 1.2 s task).
 */
export const DRAW_EVERY = 3;

/** Lets the browser handle input (and draw, see DRAW_EVERY) before the next slice. */
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
  // Edges first (a node's removal takes its edges along: they would go in one big slice).
  const gone = changes.remove === undefined ? [] : [changes.remove.edges(), changes.remove.nodes()];
  const total = gone.reduce((n, c) => n + c.length, 0) + changes.update.length + ordered.length;
  const slices: Array<() => void> = [];
  for (const group of gone)
    for (let i = 0; i < group.length; i += ADD_CHUNK) {
      const part = group.slice(i, i + ADD_CHUNK);
      // One remove() per slice, not per element: each call scans every element left in the graph
      // (Cytoscape checks whether it still has compound nodes), 0.5 s for a slice of 600 one by one.
      slices.push(() => {
        part.filter((ele: SingularElementArgument) => ele.inside()).remove();
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
      const r = internals(cy);
      if (r !== undefined && i % DRAW_EVERY !== 0) r.skipFrame = true;
      await nextTask();
      if (!live() || cy.destroyed()) return false;
    }
    cy.batch(slices[i]!);
    // Style and rendered style of the slice now, in this task, not all together in the next frame.
    if (total > ADD_CHUNK) internals(cy)?.flushRenderedStyleQueue?.();
  }
  return true;
}
