import cytoscape, {
  type CollectionReturnValue,
  type Core,
  type NodeSingular,
  type SingularElementArgument,
  type StylesheetJson,
} from 'cytoscape';
import { ADD_CHUNK, DRAW_EVERY } from './apply-in-slices';

/**
 * A theme or palette switch on a big view, restyled in slices. `cy.style(sheet)` wipes the style of
 * every element at once and the next frame resolves them all: a 1.0 s task on the graph bench's
 * 7,800-element view (1.1–2.5 s on 13,000). Here the new stylesheet takes the old one's place while
 * every element keeps the style it has (still drawn, in the old colours), then elements are
 * restyled ADD_CHUNK at a time, one task each, the nodes in view and their edges first.
 *
 * Cytoscape 3.x internals (checked against 3.35's `style/apply.mjs`): the core holds its parsed
 * stylesheet in `_private.style`, which names its core in `_private.cy`; an element is restyled
 * from the contexts whose match differs from its `_private.styleCxtKey`, so an emptied key makes
 * it take every property of the new stylesheet. When that shape is not found, `cy.style` is used.
 */

interface Internals {
  _private?: { style?: unknown; cy?: unknown; styleCxtKey?: string };
}
interface RendererInternals {
  flushRenderedStyleQueue?(): void;
  /** Skips the next animation frame's drawing (reset by the render loop after that frame). */
  skipFrame?: boolean;
}

const internals = (x: unknown) => (x as Internals)._private;

/** The latest switch per instance: an older one still in slices stops (the newer restyles everything). */
const turns = new WeakMap<Core, number>();
/** The stylesheet each instance was last given: the same one again restyles nothing. */
const applied = new WeakMap<Core, StylesheetJson>();

/** Records the stylesheet an instance was created with. */
export function styledWith(cy: Core, sheet: StylesheetJson): void {
  applied.set(cy, sheet);
}

/**
 * Gives the instance a new stylesheet: in one go on small graphs, in slices past ADD_CHUNK
 * elements. `onBusy` hears when slices start and when the last one is in (or a newer switch took over).
 */
export function restyleInSlices(cy: Core, sheet: StylesheetJson, onBusy: (busy: boolean) => void): void {
  if (applied.get(cy) === sheet) return;
  applied.set(cy, sheet);
  const turn = (turns.get(cy) ?? 0) + 1;
  turns.set(cy, turn);
  if (cy.elements().length <= ADD_CHUNK || !swapStylesheet(cy, sheet)) {
    cy.style(sheet);
    onBusy(false);
    return;
  }
  const parts = slicesInViewFirst(cy);
  const renderer = (cy as unknown as { renderer(): RendererInternals | undefined }).renderer();
  onBusy(true);
  const step = (i: number) => {
    if (cy.destroyed() || turns.get(cy) !== turn) return;
    const part = parts[i]!.filter((ele: SingularElementArgument) => ele.inside());
    cy.batch(() => {
      for (const ele of part) {
        const p = internals(ele);
        if (p !== undefined) p.styleCxtKey = '';
      }
      // Marks the slice's style dirty and queues it for the renderer (untyped in Cytoscape's types).
      (part as unknown as { updateStyle(): void }).updateStyle();
    });
    // The slice's style and rendered style now, in this task, not all together in the next frame.
    renderer?.flushRenderedStyleQueue?.();
    if (i + 1 === parts.length) {
      onBusy(false);
      return;
    }
    // Drawn after every DRAW_EVERY slices, not after each: a frame redraws the whole view (80 ms of
    // a 5,000-node view's 2.3 s restyle when each slice was drawn, CPU profile of the graph bench).
    if (renderer !== undefined && (i + 1) % DRAW_EVERY !== 0) renderer.skipFrame = true;
    setTimeout(() => step(i + 1), 0);
  };
  step(0);
}

/**
 * Puts the parsed `sheet` in place of the instance's stylesheet without touching its elements (a
 * spare headless instance parses it). False when the internals are not as expected.
 */
function swapStylesheet(cy: Core, sheet: StylesheetJson): boolean {
  const core = internals(cy);
  if (core?.style === undefined) return false;
  const spare = cytoscape({ headless: true, styleEnabled: true, style: sheet });
  const style = spare.style();
  spare.destroy();
  const parsed = internals(style);
  if (parsed?.cy === undefined) return false;
  parsed.cy = cy;
  core.style = style;
  return true;
}

/** The elements in slices of ADD_CHUNK: nodes in view with their edges, then the rest. */
function slicesInViewFirst(cy: Core): CollectionReturnValue[] {
  const { x1, x2, y1, y2 } = cy.extent();
  const inView = cy.nodes().filter((n: NodeSingular) => {
    const p = n.position();
    return p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
  });
  const first = inView.union(inView.connectedEdges());
  const ordered = [first, cy.elements().difference(first)];
  const parts: CollectionReturnValue[] = [];
  for (const group of ordered)
    for (let i = 0; i < group.length; i += ADD_CHUNK) parts.push(group.slice(i, i + ADD_CHUNK));
  return parts;
}
