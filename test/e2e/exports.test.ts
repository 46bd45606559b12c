// Issue 13's exports of the view in a real browser: the Export menu writes a PNG (with its text
// chunks), an SVG that parses as XML although a label is hostile, CSV files whose rows are the view's
// nodes and edges, the dataset cut to the window (it opens in the app again) and the offline report
// (it opens from file:// with the network blocked and shows the detection).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pngChunks, PNG_SIGNATURE } from '../../src/core/export/index.js';
import { validateDataset } from '../../src/core/dataset/index.js';
import { HAS_CHROMIUM, launchChromium, warnIfNoChromium } from './helpers/chromium.js';
import { openDatasetFile } from './helpers/app-page.js';
import { analyzeFixtures } from './helpers/cli.js';
import { graphBounds, settledDrawn, type Drawn } from './helpers/cy.js';
import { watchPage } from './helpers/page-errors.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { useTempDir } from './helpers/temp-dir.js';

warnIfNoChromium();

const HOSTILE = '<img src=x onerror=alert(1)>10.23.23.9\u202E';
/** Where the test leaves its screenshots for a person to look at (LOGONLENS_SHOTS), if set. */
const SHOTS = process.env.LOGONLENS_SHOTS ?? null;

/** A tiny RFC 4180 reader: quoted cells, doubled quotes, CRLF rows (a leading BOM is dropped). */
function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, k) => [h, r[k] ?? ''])));
}

/** page.evaluate callbacks run in the page; the Node typecheck has no DOM lib. */
declare const document: {
  createElement(tag: 'canvas'): PageCanvas;
};
declare const localStorage: { setItem(key: string, value: string): void };
declare class Image {
  src: string;
  width: number;
  height: number;
  decode(): Promise<void>;
}
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    drawImage(img: Image, x: number, y: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  } | null;
}
interface XmlNode {
  localName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface XmlDocument {
  documentElement: XmlNode;
  getElementsByTagName(name: string): { length: number };
  getElementsByTagNameNS(ns: string, name: string): ArrayLike<XmlNode>;
  querySelector(selector: string): XmlNode | null;
  querySelectorAll(selector: string): Iterable<XmlNode>;
}
declare const DOMParser: new () => { parseFromString(text: string, type: string): XmlDocument };

interface DrawnGraph {
  busy: boolean;
  nodes: Array<{ id: string; kind: string }>;
  edges: Array<{ source: string; target: string; role: string }>;
}

/** The graph's nodes and links, as this test compares them. */
const nodesAndLinks = (d: Drawn): DrawnGraph => ({
  busy: d.busy,
  nodes: d.nodes.map((n) => ({ id: n.id, kind: n.kind })),
  edges: d.edges.map((e) => ({ source: e.source, target: e.target, role: e.role })),
});

/** The graph once drawn and laid out (also in beforeAll, outside a test). */
const settledGraph = (page: Page): Promise<DrawnGraph> =>
  settledDrawn(page, nodesAndLinks, { timeout: 30_000, interval: 250, stable: false });

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const file = await (dl as Download).path();
  return { name: (dl as Download).suggestedFilename(), bytes: readFileSync(file) };
}

/** logonlens_<dataset>_<from>_<to>_<exported>_<part>.<ext>, instants as 20211203T000000Z. */
const NAME = (part: string, ext: string) =>
  new RegExp(`^logonlens_[\\p{L}\\p{N}._-]+_(\\d{8}T\\d{6}Z_){3}${part}\\.${ext}$`, 'u');

describe.skipIf(!HAS_CHROMIUM)('exports of the view (Chromium)', () => {
  const tmp = useTempDir('logonlens-exports-e2e-');
  const app = useStaticApp({ viewport: { width: 1400, height: 900 } });
  let page: Page;
  let seen: ReturnType<typeof watchPage>;
  let graph: DrawnGraph;
  const files: Record<string, { name: string; bytes: Buffer }> = {};

  beforeAll(async () => {
    const dataset = await analyzeFixtures(['evtx/m2a-dcsync.evtx'], tmp.path, 'dcsync.json');
    // A hostile label, as an attacker's log would hold it, and a hostile dataset title.
    const value = JSON.parse(readFileSync(dataset, 'utf8')) as {
      title: string | null;
      nodes: Array<{ kind: string; label: string }>;
    };
    const ip = value.nodes.find((n) => n.kind === 'ip');
    if (ip === undefined) throw new Error('the DCSync dataset has no IP node');
    ip.label = HOSTILE;
    value.title = '../DCSync "case" <b>\u202E';
    writeFileSync(dataset, JSON.stringify(value));

    ({ page, seen } = await openDatasetFile(app.browser, app.server.url, dataset));
    graph = await settledGraph(page);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    if (SHOTS !== null) await page.screenshot({ path: path.join(SHOTS, 'export-menu.png') });
  });

  it('writes a PNG of the full graph at 2× with the dataset, window and export time inside', async () => {
    await page.getByLabel('Scale').selectOption('2');
    files.png = await download(page, 'PNG');
    expect(files.png.name).toMatch(NAME('graph-full-2x', 'png'));
    expect(files.png.name).toContain('_DCSync-case-b_');
    const bytes = Uint8Array.from(files.png.bytes);
    expect([...bytes.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    const chunks = pngChunks(bytes);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(chunks.at(-1)?.type).toBe('IEND');
    const text = Object.fromEntries(chunks.flatMap((c) => (c.text ? [[c.text.keyword, c.text.text]] : [])));
    expect(text['Title']).toBe('LogonLens graph: ../DCSync "case" <b><U+202E>');
    expect(text['Description']).toMatch(
      /^Window: \S+Z to \S+Z \(UTC\)\. Exported \S+Z \(full graph, 2x\)\.$/,
    );
    expect(text['Software']).toMatch(/^logonlens /);
    // 2× of the full graph: twice its bounds in graph units (IHDR holds width and height).
    const bounds = await graphBounds(page);
    const ihdr = files.png.bytes;
    expect(Math.abs(ihdr.readUInt32BE(16) - 2 * Math.ceil(bounds.w))).toBeLessThanOrEqual(2);
    expect(Math.abs(ihdr.readUInt32BE(20) - 2 * Math.ceil(bounds.h))).toBeLessThanOrEqual(2);
    if (SHOTS !== null) writeFileSync(path.join(SHOTS, files.png.name), files.png.bytes);
  });

  it('writes an SVG of the visible part that parses as XML, with the hostile label as text', async () => {
    await page.getByLabel('Visible part').check();
    files.svg = await download(page, 'SVG');
    expect(files.svg.name).toMatch(NAME('graph-visible-2x', 'svg'));
    const svg = files.svg.bytes.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.localName,
        title: doc.querySelector('svg > title')?.textContent ?? null,
        exportedAt: doc
          .getElementsByTagNameNS('urn:logonlens:export', 'export')[0]
          ?.getAttribute('exportedAt'),
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        scripts: doc.getElementsByTagName('script').length + doc.getElementsByTagName('img').length,
      };
    }, svg);
    expect(parsed.errors).toBe(0);
    expect(parsed.root).toBe('svg');
    expect(parsed.title).toBe('LogonLens graph: ../DCSync "case" <b><U+202E>');
    expect(parsed.exportedAt).toMatch(/Z$/);
    expect(parsed.texts.some((t) => t.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(parsed.scripts).toBe(0);
    if (SHOTS !== null) {
      const shot = await app.browser.context.newPage();
      await shot.setContent(`<img src="data:image/svg+xml;base64,${files.svg.bytes.toString('base64')}">`);
      await shot.screenshot({ path: path.join(SHOTS, 'exported-svg.png') });
      await shot.close();
    }
  });

  it('writes CSV files whose rows are the nodes and edges of the view', async () => {
    files.nodes = await download(page, 'Nodes (CSV)');
    files.edges = await download(page, 'Edges (CSV)');
    expect(files.nodes.name).toMatch(NAME('nodes', 'csv'));
    const nodes = parseCsv(files.nodes.bytes.toString('utf8'));
    const drawnNodes = graph.nodes.filter((n) => n.kind !== 'domain').map((n) => n.id);
    expect(nodes.map((r) => r['nodeId']).sort()).toEqual([...drawnNodes].sort());
    expect(nodes.every((r) => Number(r['pagerank']) >= 0 && r['windowFrom']!.endsWith('Z'))).toBe(true);
    expect(nodes.find((r) => r['kind'] === 'ip')?.['label']).toBe(
      '<img src=x onerror=alert(1)>10.23.23.9<U+202E>',
    );
    // Each edge draws as links account–source and account–target (domain memberships are not edges).
    const edges = parseCsv(files.edges.bytes.toString('utf8'));
    const pair = (a: string, b: string) => [a, b].sort().join(' ~ ');
    const fromCsv = new Set(
      edges.flatMap((e) =>
        [e['sourceId'], e['targetId']].filter((x) => x).map((x) => pair(e['accountId']!, x!)),
      ),
    );
    const drawnLinks = new Set(
      graph.edges.filter((e) => e.role !== 'member').map((e) => pair(e.source, e.target)),
    );
    expect(fromCsv).toEqual(drawnLinks);
    for (const r of [...nodes, ...edges])
      for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('writes the dataset cut to the window, which validates and opens in the app again', async () => {
    files.dataset = await download(page, 'Dataset of the window (JSON)');
    expect(files.dataset.name).toMatch(NAME('dataset', 'json'));
    const checked = validateDataset(JSON.parse(files.dataset.bytes.toString('utf8')));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.dataset.window).not.toBeNull();
    const cut = path.join(tmp.path, files.dataset.name);
    writeFileSync(cut, files.dataset.bytes);
    const { page: again, seen: seenAgain } = await openDatasetFile(app.browser, app.server.url, cut);
    const reopened = await settledGraph(again);
    // The cut keeps the nodes touched in the window; a domain node is drawn only for a whole dataset.
    const accountsHostsIps = (g: DrawnGraph) =>
      g.nodes
        .filter((n) => n.kind !== 'domain')
        .map((n) => n.id)
        .sort();
    expect(accountsHostsIps(reopened)).toEqual(accountsHostsIps(graph));
    expect(seenAgain.errors).toEqual([]);
    await again.close();
  });

  it('writes the offline report, which opens from file:// offline and shows the detection', async () => {
    files.report = await download(page, 'Offline report (HTML)');
    expect(files.report.name).toMatch(NAME('report', 'html'));
    const report = path.join(tmp.path, 'report.html');
    writeFileSync(report, files.report.bytes);
    const network: string[] = [];
    const offline = await launchChromium();
    try {
      await offline.context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        network.push(url);
        return route.abort();
      });
      await offline.context.setOffline(true);
      const reader = await offline.context.newPage();
      const seenReport = watchPage(reader);
      await reader.goto(pathToFileURL(report).href);
      await expect
        .poll(() => reader.locator('#detections').textContent())
        .toContain('DCSync: OFFSEC\\admmig requested directory replication');
      expect(await reader.locator('#rankings').textContent()).toContain('<img src=x onerror=alert(1)>');
      expect(await reader.locator('img').count()).toBe(0);
      expect(network).toEqual([]);
      expect(seenReport.errors).toEqual([]);
      expect(seenReport.dialogs).toEqual([]);
    } finally {
      await offline.close();
    }
  });

  it('draws the PNG with the canvas renderer when the page draws with WebGL', async () => {
    const gl = await app.browser.context.newPage();
    const seenGl = watchPage(gl);
    // WebGL on a machine without a GPU (SwiftShader) is used only when asked for (graph-canvas.tsx).
    await gl.addInitScript(() => localStorage.setItem('logonlens:webgl', 'always'));
    await gl.goto(page.url());
    await settledGraph(gl);
    expect(await gl.locator('.graph-canvas').getAttribute('data-renderer')).toBe('webgl');
    await gl.getByRole('button', { name: 'Export', exact: true }).click();
    const png = await download(gl, 'PNG');
    const chunks = pngChunks(Uint8Array.from(png.bytes));
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    // Not a blank picture: count the pixels that are not the background, in the browser's decoder.
    const inked = await gl.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200) n++;
      return n;
    }, png.bytes.toString('base64'));
    expect(inked).toBeGreaterThan(500);
    expect(await gl.locator('[aria-hidden="true"] canvas').count()).toBe(0); // the twin is gone
    expect(seenGl.errors).toEqual([]);
    await gl.close();
  });

  it('raised no error and ran no log text in the app', () => {
    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
  });
});
