/**
 * The classes GraphCanvas toggles by id over the drawn elements (the stylesheet draws them): the
 * emphasis of evidence, a path or a chain (everything else `dimmed`), edges `new` in this window,
 * and the analyst's notes (`noted`, `noted-compromised`). Pure, so that the canvas changes only the
 * classes that differ: each class toggled restyles its element, and re-adding every mark after each
 * update restyled thousands of elements on big views for nothing.
 */
export const MARK_CLASSES = ['emphasis', 'dimmed', 'new', 'noted', 'noted-compromised'] as const;
export type MarkClass = (typeof MARK_CLASSES)[number];

export interface Marks {
  emphasis: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  newEdges: ReadonlySet<string> | null;
  noted: {
    nodes: ReadonlySet<string>;
    edges: ReadonlySet<string>;
    compromised: ReadonlySet<string>;
  } | null;
}

/** Whether the element `id` should carry `cls` under these marks. */
export function wantsClass(id: string, cls: MarkClass, { emphasis, newEdges, noted }: Marks): boolean {
  switch (cls) {
    case 'emphasis':
      return emphasis !== null && (emphasis.nodes.has(id) || emphasis.edges.has(id));
    case 'dimmed':
      return emphasis !== null && !emphasis.nodes.has(id) && !emphasis.edges.has(id);
    case 'new':
      return newEdges?.has(id) ?? false;
    case 'noted':
      return noted !== null && (noted.nodes.has(id) || noted.edges.has(id));
    case 'noted-compromised':
      return noted !== null && noted.compromised.has(id) && (noted.nodes.has(id) || noted.edges.has(id));
  }
}

/** An element as the diff reads it: its id and whether it has a class now. */
export interface ClassedElement {
  id(): string;
  hasClass(cls: string): boolean;
}

/** The class changes that bring the elements to these marks, and nothing else. */
export function classChanges<E extends ClassedElement>(
  elements: Iterable<E>,
  marks: Marks,
): Array<{ ele: E; cls: MarkClass; on: boolean }> {
  const changes: Array<{ ele: E; cls: MarkClass; on: boolean }> = [];
  for (const ele of elements) {
    const id = ele.id();
    for (const cls of MARK_CLASSES) {
      const on = wantsClass(id, cls, marks);
      if (on !== ele.hasClass(cls)) changes.push({ ele, cls, on });
    }
  }
  return changes;
}
