import type { Page } from 'playwright-core';

/**
 * Readers of the real Cytoscape instance, through the registry Cytoscape keeps on its container
 * element (nothing is exposed on window for tests). Their callbacks run in the page; the Node
 * typecheck has no DOM lib, so the little they use is declared here.
 */
declare const document: { querySelector(selector: string): unknown };

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface DrawnNode {
  id: string;
  kind: string;
  classes: string[];
  /** Position in graph units. */
  x: number;
  y: number;
  /** Position on screen. */
  rx: number;
  ry: number;
  /** On screen: the node's shape, and its label alone. */
  body: Box;
  label: Box;
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  role: string;
  classes: string[];
}

/** The drawn graph as a test reads it; each test picks what it compares. */
export interface Drawn {
  width: number;
  height: number;
  /** The graph area says it is computing or laying out (aria-busy). */
  busy: boolean;
  renderer: string | null;
  zoom: number;
  pan: { x: number; y: number };
  selected: string[];
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

/** The drawn graph now, or null before Cytoscape is on the page. */
export async function readDrawn(page: Page): Promise<Drawn | null> {
  return page.evaluate(() => {
    type BB = { x1: number; y1: number; x2: number; y2: number };
    interface Ele {
      id(): string;
      data(k: string): unknown;
      classes(): string[];
      selected(): boolean;
      position(): { x: number; y: number };
      renderedPosition(): { x: number; y: number };
      renderedBoundingBox(o: object): BB;
    }
    interface Cy {
      width(): number;
      height(): number;
      zoom(): number;
      pan(): { x: number; y: number };
      nodes(): Ele[];
      edges(): Ele[];
    }
    const container = document.querySelector('.graph-canvas') as {
      _cyreg?: { cy?: Cy };
      getAttribute(n: string): string | null;
    } | null;
    const area = document.querySelector('.graph-area') as { getAttribute(n: string): string | null } | null;
    const cy = container?._cyreg?.cy;
    if (cy === undefined || container === null) return null;
    const box = (b: BB) => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
    return {
      width: cy.width(),
      height: cy.height(),
      busy: area?.getAttribute('aria-busy') === 'true',
      renderer: container.getAttribute('data-renderer'),
      zoom: cy.zoom(),
      pan: cy.pan(),
      selected: cy
        .nodes()
        .filter((n) => n.selected())
        .map((n) => n.id()),
      nodes: cy.nodes().map((n) => {
        const p = n.position();
        const r = n.renderedPosition();
        return {
          id: n.id(),
          kind: String(n.data('kind')),
          classes: n.classes(),
          x: p.x,
          y: p.y,
          rx: r.x,
          ry: r.y,
          body: box(n.renderedBoundingBox({ includeLabels: false, includeOverlays: false })),
          label: box(
            n.renderedBoundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false }),
          ),
        };
      }),
      edges: cy.edges().map((e) => ({
        id: e.id(),
        source: String(e.data('source')),
        target: String(e.data('target')),
        role: String(e.data('role')),
        classes: e.classes(),
      })),
    };
  });
}

export interface SettleOptions {
  timeout: number;
  interval: number;
  /** Wait until two readings in a row agree on what is picked (the layout has stopped moving). */
  stable: boolean;
}

/**
 * What `pick` takes from the drawn graph once it is drawn, not busy and has nodes (and, when
 * `stable`, two readings agree). A plain loop, not expect.poll: it also runs in beforeAll.
 */
export async function settledDrawn<T>(
  page: Page,
  pick: (d: Drawn) => T,
  { timeout, interval, stable }: SettleOptions,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    const d = await readDrawn(page);
    if (d !== null && !d.busy && d.nodes.length > 0) {
      const picked = pick(d);
      const now = JSON.stringify(picked);
      if (!stable || now === last) return picked;
      last = now;
    } else last = '';
    if (Date.now() > deadline) throw new Error(`the graph did not settle within ${timeout / 1000} s`);
    await page.waitForTimeout(interval);
  }
}

/** Ids of the drawn nodes and edges that carry a class (emphasis, dimmed, new). */
export async function idsWithClass(page: Page, cls: string): Promise<string[]> {
  const d = await readDrawn(page);
  if (d === null) return [];
  return [...d.nodes, ...d.edges].filter((e) => e.classes.includes(cls)).map((e) => e.id);
}

/** A style of the first painted node as the real Cytoscape resolved it. */
export async function nodeStyle(page: Page, property: string): Promise<string | null> {
  return page.evaluate((p) => {
    interface Cy {
      nodes(selector?: string): Array<{ style(name: string): string }>;
    }
    const container = document.querySelector('.graph-canvas') as { _cyreg?: { cy?: Cy } } | null;
    return container?._cyreg?.cy?.nodes('[paint]')[0]?.style(p) ?? null;
  }, property);
}

/** The bounds of the whole graph in graph units. */
export async function graphBounds(page: Page): Promise<{ w: number; h: number }> {
  return page.evaluate(() => {
    const container = document.querySelector('.graph-canvas') as {
      _cyreg: { cy: { elements(): { boundingBox(): { w: number; h: number } } } };
    };
    return container._cyreg.cy.elements().boundingBox();
  });
}

/** Pans and zooms as a wheel or a drag would (the canvas hears the same viewport events). */
export async function moveViewport(page: Page, zoom: number, x: number, y: number): Promise<void> {
  await page.evaluate(
    ([z, px, py]) => {
      const container = document.querySelector('.graph-canvas') as {
        _cyreg?: { cy?: { viewport(v: object): void } };
      } | null;
      container?._cyreg?.cy?.viewport({ zoom: z, pan: { x: px, y: py } });
    },
    [zoom, x, y] as const,
  );
}
