// A theme or palette switch on a big view (over 1,000 nodes) restyles its elements in slices, the
// nodes in view first (issue 14). In real Chromium (not timed): once the slices are in, every node
// and edge of the real Cytoscape instance has the style a full restyle with the same stylesheet
// gives it, in the switch's colours, in both directions (light → dark → light, standard → colour
// blind → standard), with the selection and the level-of-detail labels as they were.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PALETTES, type PaletteName } from '../../src/core/palette.js';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { openDatasetFile } from './helpers/app-page.js';
import { settledDrawn } from './helpers/cy.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { useTempDir } from './helpers/temp-dir.js';
import { writeBigViewDataset } from './helpers/big-view-dataset.js';

warnIfNoChromium();

declare const document: { querySelector(selector: string): unknown };

/** The style properties that themes and palettes change, and the marks drawn with them. */
const PROPS = [
  'background-color',
  'border-color',
  'border-width',
  'color',
  'text-outline-color',
  'label',
  'outline-color',
  'underlay-color',
  'line-color',
  'text-background-color',
  'opacity',
];

interface Styled {
  id: string;
  paint: string;
  state: string;
  selected: boolean;
  classes: string;
  style: Record<string, string>;
}

interface Snapshot {
  restyling: boolean;
  elements: Styled[];
}

/**
 * Every element's style now; with `reference`, after restyling everything at once from the same
 * stylesheet the way Cytoscape does it by itself (`cy.style(json)`), to compare with.
 */
async function snapshot(page: Page, reference: boolean): Promise<Snapshot> {
  return page.evaluate(
    ({ props, reference }) => {
      interface Ele {
        id(): string;
        data(k: string): unknown;
        selected(): boolean;
        classes(): string[];
        style(p: string): string;
      }
      interface Cy {
        elements(): Ele[];
        style(): { json(): unknown };
        style(sheet: unknown): unknown;
      }
      const container = document.querySelector('.graph-canvas') as {
        _cyreg?: { cy?: Cy };
        hasAttribute(n: string): boolean;
      } | null;
      const cy = container?._cyreg?.cy;
      if (cy === undefined || container === null) return { restyling: true, elements: [] };
      if (reference) cy.style(cy.style().json());
      return {
        restyling: container.hasAttribute('data-restyling'),
        elements: cy.elements().map((e) => ({
          id: e.id(),
          paint: String(e.data('paint') ?? ''),
          state: String(e.data('state') ?? ''),
          selected: e.selected(),
          classes: e.classes().join(' '),
          style: Object.fromEntries(props.map((p) => [p, String(e.style(p))])),
        })),
      };
    },
    { props: PROPS, reference },
  );
}

/** `#rrggbb` as Cytoscape reports a colour. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}

/** Canvas label colours per theme (stylesheet.ts). */
const LABEL = { light: '#1f2937', dark: '#e5e7eb' } as const;

describe.skipIf(!HAS_CHROMIUM)('theme and palette switch on a big view (Chromium)', () => {
  const tmp = useTempDir('logonlens-restyle-');
  const app = useStaticApp();
  let file: string;
  beforeAll(() => {
    file = writeBigViewDataset(tmp.path);
  });

  it('ends with every element in the new colours, both ways', async () => {
    const { page, seen } = await openDatasetFile(app.browser, app.server.url, file, { timeout: 90_000 });
    await page.emulateMedia({ colorScheme: 'light' });
    const count = await settledDrawn(page, (d) => (d.busy ? -1 : d.nodes.length), {
      timeout: 90_000,
      interval: 300,
      stable: true,
    });
    expect(count).toBeGreaterThan(1000);
    // A selected node: its ring follows the switch too.
    const selectedId = await page.evaluate(() => {
      const cy = (
        document.querySelector('.graph-canvas') as {
          _cyreg: { cy: { nodes(): Array<{ id(): string; select(): void }> } };
        }
      )._cyreg.cy;
      const node = cy.nodes()[0]!;
      node.select();
      return node.id();
    });

    const steps: Array<{ theme: 'light' | 'dark'; palette: PaletteName }> = [
      { theme: 'dark', palette: 'standard' },
      { theme: 'dark', palette: 'cvd' },
      { theme: 'light', palette: 'cvd' },
      { theme: 'light', palette: 'standard' },
    ];
    let theme: 'light' | 'dark' = 'light';
    let palette: PaletteName = 'standard';
    for (const next of steps) {
      if (next.theme !== theme) await page.getByRole('combobox', { name: 'Theme' }).selectOption(next.theme);
      if (next.palette !== palette)
        await page.getByRole('combobox', { name: 'Colours' }).selectOption(next.palette);
      ({ theme, palette } = next);
      const colours = PALETTES[palette];
      await expect.poll(async () => (await snapshot(page, false)).restyling, { timeout: 60_000 }).toBe(false);
      const sliced = await snapshot(page, false);
      expect(sliced.elements.length).toBeGreaterThan(count);

      const nodes = sliced.elements.filter((e) => e.paint !== '');
      const edges = sliced.elements.filter((e) => e.paint === '');
      for (const n of nodes) expect(n.style['color'], `${n.id} label colour`).toBe(rgb(LABEL[theme]));
      const ring = nodes.filter((n) => n.paint === 'privileged' && !n.selected && n.classes === '');
      expect(ring.length).toBeGreaterThan(0);
      for (const n of ring) expect(n.style['border-color'], n.id).toBe(rgb(colours.privilegedRing));
      const okEdges = edges.filter((e) => e.state === 'ok' && e.classes === '');
      expect(okEdges.length).toBeGreaterThan(0);
      for (const e of okEdges) expect(e.style['line-color'], e.id).toBe(rgb(colours.edges.ok));
      const selected = nodes.find((n) => n.id === selectedId);
      expect(selected?.selected).toBe(true);
      expect(selected?.style['border-color']).toBe(rgb(colours.emphasis[theme]));
      // Zoomed out (fitted), the big view's labels stay hidden except the selected node's.
      expect(nodes.filter((n) => n.style['label'] !== '').map((n) => n.id)).toEqual([selectedId]);

      // The same as restyling everything at once with this stylesheet.
      const whole = await snapshot(page, true);
      expect(whole.elements).toEqual(sliced.elements);
    }
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
