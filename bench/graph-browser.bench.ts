// `npm run bench -- graph-browser`: the graph page in real headless Chromium (issue 14). Generated
// datasets of about 1k, 5k and 26k nodes are opened as files; for each step (open, day → week, a
// filter, cap 2,500 → 5,000, theme → dark) it prints the time until the status line shows the new view, the time
// until the graph is drawn, and the longest main-thread task meanwhile (PerformanceObserver
// `longtask`). Then the frames per second of pan/zoom with the canvas renderer and with WebGL (a
// scripted viewport, and mouse drags and wheel turns), each with the main-thread time Cytoscape spent
// drawing a frame and the CPU time of Chromium's GPU process per frame (on a machine without a GPU,
// WebGL runs in software, SwiftShader: that part is what a GPU would do), the page's JS heap (main
// thread, from Chromium) and the tab's memory (the renderer process's resident size). A ~100 MB
// file is only opened (longest task, memory). Load averages are printed beside the figures.
//
// LOGONLENS_BENCH_GRAPH_SIZES=1k,5k limits the sizes (default 1k,5k,26k,100mb). Needs Chromium
// (LOGONLENS_CHROMIUM) and builds dist/web when missing. LOGONLENS_BENCH_GRAPH_PROFILE=<dir> also
// writes a main-thread CPU profile of each step there and prints what its longest busy stretch ran.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { generateDataset, type GenerateOptions } from '../src/core/dataset/testing/generate-dataset.js';
import { CHROMIUM_SKIP_REASON, HAS_CHROMIUM, launchChromium } from '../test/e2e/helpers/chromium.js';
import { serveStatic } from '../test/e2e/helpers/static-server.js';
import { ensureWebBuild } from '../test/e2e/helpers/web-build.js';
import { busiestStretch, type CpuProfile } from './cpu-profile.js';
import { chromiumCpuSeconds } from './process-cpu.js';
import { rendererRssMB } from './process-memory.js';

if (!HAS_CHROMIUM) {
  console.log(`skipped: ${CHROMIUM_SKIP_REASON}`);
  process.exit(0);
}

const SIZES: Record<string, GenerateOptions> = {
  '1k': { accounts: 800, hosts: 180, ips: 20, days: 7, edgesPerAccount: 4, seed: 14 },
  '5k': { accounts: 3400, hosts: 700, ips: 100, days: 7, edgesPerAccount: 5, seed: 14 },
  '26k': { accounts: 21_000, hosts: 4500, ips: 500, days: 7, edgesPerAccount: 6, seed: 14 },
  // A file of about 100 MB: only opened (does the page freeze while it loads? how much memory?).
  '100mb': { accounts: 43_000, hosts: 9000, ips: 1000, days: 7, edgesPerAccount: 6, seed: 14 },
};
const OPEN_ONLY = new Set(['100mb']);
const wanted = (process.env.LOGONLENS_BENCH_GRAPH_SIZES ?? '1k,5k,26k,100mb').split(',').map((s) => s.trim());
/** A step that has not finished by then is reported as such instead of blocking the run. */
const STEP_TIMEOUT = 180_000;
const PROFILE_DIR = process.env.LOGONLENS_BENCH_GRAPH_PROFILE ?? null;
/** The size being measured: profile files are named after it and the step. */
let profilePrefix = '';
if (PROFILE_DIR !== null) mkdirSync(PROFILE_DIR, { recursive: true });

/** page.evaluate callbacks run in the page; the Node typecheck has no DOM lib. */
declare const document: { querySelector(selector: string): { textContent: string | null } | null };
interface BenchWindow {
  __longtasks: Array<{ start: number; duration: number }>;
}
declare const window: BenchWindow;

const INIT = `
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

interface StepResult {
  step: string;
  statusMs: number | null;
  drawnMs: number | null;
  longestTaskMs: number;
  status: string;
}

const now = (page: Page) => page.evaluate(() => performance.now());
const statusText = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-testid="status"]')?.textContent ?? '');
/**
 * The status line's text and the key of the view it shows (`data-view`): a step that leaves the
 * counts as they were (a cap raised above the view's size) still shows a new view, and is timed to it.
 */
const statusState = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-testid="status"]') as {
      textContent: string | null;
      getAttribute(n: string): string | null;
    } | null;
    return `${el?.getAttribute('data-view') ?? ''}|${el?.textContent ?? ''}`;
  });
const busy = (page: Page) =>
  page.evaluate(() => {
    const area = document.querySelector('.graph-area') as { getAttribute(n: string): string | null } | null;
    // A theme or palette switch restyles a big view in slices (data-restyling on the canvas).
    const canvas = document.querySelector('.graph-canvas') as { hasAttribute(n: string): boolean } | null;
    return (
      area === null ||
      area.getAttribute('aria-busy') === 'true' ||
      canvas?.hasAttribute('data-restyling') === true
    );
  });

/** Runs an action and times it until the status line changes and until the graph is drawn. */
async function step(
  page: Page,
  name: string,
  action: () => Promise<void>,
  /** False for a step that shows the same view (a theme switch): timed until drawn only. */
  changesStatus = true,
): Promise<StepResult> {
  const file = `${profilePrefix} ${name}`;
  const before = await statusState(page);
  const profiler = PROFILE_DIR === null ? null : await page.context().newCDPSession(page);
  if (profiler !== null) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 1000 });
    await profiler.send('Profiler.start');
  }
  const t0 = await now(page);
  await action();
  let statusAt: number | null = null;
  let drawnAt: number | null = null;
  let idleSince: number | null = null;
  const deadline = Date.now() + STEP_TIMEOUT;
  while (Date.now() < deadline) {
    const [state, isBusy, t] = await Promise.all([statusState(page), busy(page), now(page)]);
    if (statusAt === null && state !== '|' && state !== before) statusAt = t;
    // Drawn: not busy on two readings 300 ms apart (the layout starts just after the status updates).
    if (!isBusy && (statusAt !== null || !changesStatus || t - t0 > 3000)) {
      if (idleSince === null) idleSince = t;
      else if (t - idleSince >= 300) {
        drawnAt = idleSince;
        if (changesStatus) statusAt ??= t;
        break;
      }
    } else idleSince = null;
    await page.waitForTimeout(50);
  }
  if (profiler !== null && PROFILE_DIR !== null) {
    const { profile } = (await profiler.send('Profiler.stop')) as { profile: CpuProfile };
    await profiler.detach();
    const out = path.join(PROFILE_DIR, `${file.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`);
    writeFileSync(out, JSON.stringify(profile));
    const busiest = busiestStretch(profile);
    console.log(`  [profile] ${name}: longest busy stretch ${busiest.ms.toFixed(0)} ms in ${out}`);
    for (const line of busiest.top) console.log(`    ${line}`);
  }
  const tasks = await page.evaluate(() => window.__longtasks);
  const longest = Math.max(0, ...tasks.filter((x) => x.start + x.duration >= t0).map((x) => x.duration));
  return {
    step: name,
    statusMs: statusAt === null ? null : statusAt - t0,
    drawnMs: drawnAt === null ? null : drawnAt - t0,
    longestTaskMs: longest,
    status: await statusText(page),
  };
}

/**
 * Frames per second while the viewport is panned and zoomed every frame for two seconds, and the
 * main-thread milliseconds Cytoscape spent drawing per frame (its own redraw counters). A string,
 * not a function: tsx compiles functions with helpers (`__name`) that do not exist in the page.
 */
const PAN_ZOOM = `new Promise((resolve) => {
  const cy = document.querySelector('.graph-canvas')?._cyreg?.cy;
  if (cy === undefined) return resolve({ fps: 0, drawMs: 0 });
  const r = cy.renderer();
  const count0 = r.redrawCount ?? 0;
  const total0 = r.redrawTotalTime ?? 0;
  const start = performance.now();
  const z0 = cy.zoom();
  let frames = 0;
  const tick = (t) => {
    frames++;
    const k = (t - start) / 2000;
    cy.panBy({ x: Math.sin(k * 12) * 6, y: Math.cos(k * 12) * 4 });
    cy.zoom(z0 * (1 + 0.5 * Math.sin(k * Math.PI * 2)));
    if (t - start < 2000) requestAnimationFrame(tick);
    else {
      const draws = (r.redrawCount ?? 0) - count0;
      resolve({ fps: (frames * 1000) / (t - start), drawMs: draws > 0 ? ((r.redrawTotalTime ?? 0) - total0) / draws : 0 });
    }
  };
  requestAnimationFrame(tick);
})`;

interface Motion {
  fps: number;
  /** Main-thread time Cytoscape spent drawing, per frame it drew. */
  drawMs: number;
  /** CPU time of Chromium's GPU process per frame (SwiftShader's software WebGL; null: unknown). */
  gpuMs: number | null;
}

/** Measures one motion with the GPU process's CPU time around it. */
async function withGpuTime(
  run: () => Promise<{ fps: number; drawMs: number; seconds: number }>,
): Promise<Motion> {
  const gpu0 = chromiumCpuSeconds('gpu-process');
  const m = await run();
  const gpu1 = chromiumCpuSeconds('gpu-process');
  const frames = m.fps * m.seconds;
  return {
    fps: m.fps,
    drawMs: m.drawMs,
    gpuMs: gpu0 === null || gpu1 === null || frames === 0 ? null : ((gpu1 - gpu0) * 1000) / frames,
  };
}

async function panZoomFps(page: Page): Promise<Motion> {
  return withGpuTime(async () => {
    const m = (await page.evaluate(PAN_ZOOM)) as { fps: number; drawMs: number };
    return { ...m, seconds: 2 };
  });
}

/** Counts animation frames in the page until `window.__stopFrames()` (then: frames per second, draw ms per frame). */
const FRAME_COUNTER = `(() => {
  const start = performance.now();
  const r = document.querySelector('.graph-canvas')?._cyreg?.cy?.renderer();
  const count0 = r?.redrawCount ?? 0;
  const total0 = r?.redrawTotalTime ?? 0;
  let frames = 0;
  let on = true;
  const tick = () => { frames++; if (on) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  window.__stopFrames = () => {
    on = false;
    const draws = (r?.redrawCount ?? 0) - count0;
    return { fps: (frames * 1000) / (performance.now() - start), drawMs: draws > 0 ? ((r?.redrawTotalTime ?? 0) - total0) / draws : 0 };
  };
})()`;

/**
 * Frames per second while a person pans (mouse drag on the background) and zooms (wheel): unlike
 * the scripted viewport above, these are the gestures during which Cytoscape's canvas renderer draws
 * a snapshot (textureOnViewport) and leaves edges out (hideEdgesOnViewport) on big views.
 */
async function gestureFps(page: Page): Promise<Motion> {
  const box = await page.locator('.graph-canvas').boundingBox();
  if (box === null) return { fps: 0, drawMs: 0, gpuMs: null };
  const x = box.x + 12;
  const y = box.y + 12;
  return withGpuTime(async () => {
    const t0 = Date.now();
    await page.evaluate(FRAME_COUNTER);
    const until = Date.now() + 2000;
    let i = 0;
    while (Date.now() < until) {
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let k = 1; k <= 8; k++) await page.mouse.move(x + 15 * k, y + 8 * k);
      await page.mouse.up();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, i++ % 2 === 0 ? -200 : 200);
    }
    const m = (await page.evaluate('window.__stopFrames()')) as { fps: number; drawMs: number };
    return { ...m, seconds: (Date.now() - t0) / 1000 };
  });
}

const motion = (m: Motion) =>
  `${m.fps.toFixed(1)} fps (drawing ${m.drawMs.toFixed(0)} ms/frame on the main thread` +
  (m.gpuMs === null ? ')' : `, GPU process ${m.gpuMs.toFixed(0)} ms CPU/frame)`);

/** The WebGL implementation the page gets (SwiftShader: WebGL emulated on the CPU). */
const GL_RENDERER = `(() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (gl === null) return 'no WebGL2';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(info === null ? '?' : gl.getParameter(info.UNMASKED_RENDERER_WEBGL));
})()`;

/** The renderer the page draws with (the canvas says it in `data-renderer`). */
const rendererOf = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      (
        document.querySelector('.graph-canvas') as { getAttribute(n: string): string | null } | null
      )?.getAttribute('data-renderer') ?? '?',
  );

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
}

const fmt = (ms: number | null) => (ms === null ? 'timeout' : `${(ms / 1000).toFixed(2)} s`);

const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-graph-bench-'));
const server = await serveStatic(ensureWebBuild());
const browser = await launchChromium();
try {
  for (const size of wanted) {
    const options = SIZES[size];
    if (options === undefined) {
      console.log(`unknown size ${size} (known: ${Object.keys(SIZES).join(', ')})`);
      continue;
    }
    profilePrefix = size;
    const dataset = generateDataset(options);
    const file = path.join(dir, `${size}.json`);
    writeFileSync(file, JSON.stringify(dataset));
    console.log(
      `\n${size}: ${dataset.nodes.length.toLocaleString('en')} nodes / ${dataset.edges.length.toLocaleString('en')} edges, ${(statSync(file).size / 1e6).toFixed(1)} MB`,
    );
    const page = await browser.context.newPage();
    // The pages share localStorage (one browser profile): the WebGL page of the size before must not
    // make this one draw with WebGL too (it did, unseen, for every size after the first), and the
    // theme step of the size before must not leave this one dark already (its theme step then
    // changed nothing).
    await page.addInitScript(
      `${INIT}; for (const k of ['logonlens:webgl', 'logonlens:theme', 'logonlens:palette']) localStorage.removeItem(k);`,
    );
    await page.goto(`${server.url}/`);
    const results: StepResult[] = [];
    results.push(await step(page, 'open (day window)', () => page.setInputFiles('input[type=file]', file)));
    if (OPEN_ONLY.has(size)) {
      const [r] = results as [StepResult];
      const rss = rendererRssMB();
      console.log(
        `open only: status line ${fmt(r.statusMs)}, drawn ${fmt(r.drawnMs)}, longest task ${Math.round(r.longestTaskMs)} ms, ` +
          `main-thread JS heap ${(await heapMB(page)).toFixed(0)} MB, tab (renderer process RSS) ${rss === null ? '?' : rss.toFixed(0)} MB; ${r.status}`,
      );
      await page.close();
      continue;
    }
    results.push(
      await step(page, 'day → week', () =>
        page
          .getByLabel('Window span')
          .selectOption('week')
          .then(() => undefined),
      ),
    );
    results.push(
      await step(page, 'filter: logon type 3 off', () =>
        page.getByRole('group', { name: 'Logon types' }).getByLabel('3', { exact: true }).uncheck(),
      ),
    );
    results.push(
      await step(page, 'max nodes → 5,000', () =>
        page
          .getByLabel('Max nodes')
          .selectOption('5000')
          .then(() => undefined),
      ),
    );
    // The same view in other colours: the status line stays as it is, the step is timed until drawn.
    results.push(
      await step(
        page,
        'theme → dark',
        () =>
          page
            .getByLabel('Theme')
            .selectOption('dark')
            .then(() => undefined),
        false,
      ),
    );
    console.log(`steps (load average ${loadavg()[0]!.toFixed(1)}):`);
    console.log('| step | status line | drawn | longest task | status |');
    console.log('|---|---|---|---|---|');
    for (const r of results)
      console.log(
        `| ${r.step} | ${r.statusMs === null && r.drawnMs !== null ? 'same view' : fmt(r.statusMs)} | ${fmt(r.drawnMs)} | ${Math.round(r.longestTaskMs)} ms | ${r.status} |`,
      );
    const canvasRenderer = await rendererOf(page);
    // Memory once the steps are drawn, before pan/zoom fills the renderer's caches (printed below too).
    const stepsHeap = await heapMB(page);
    const stepsRss = rendererRssMB();
    const canvasFps = await panZoomFps(page);
    const canvasGestureFps = await gestureFps(page);
    const heap = await heapMB(page);
    const rss = rendererRssMB();
    await page.close();

    // The same view drawn with WebGL (forced even where it runs on the CPU, to compare).
    const glPage = await browser.context.newPage();
    await glPage.addInitScript(`${INIT}; localStorage.setItem('logonlens:webgl', 'always');`);
    await glPage.goto(`${server.url}/`);
    await step(glPage, 'open (WebGL page)', () => glPage.setInputFiles('input[type=file]', file));
    await glPage.getByLabel('Window span').selectOption('week');
    await glPage.getByRole('group', { name: 'Logon types' }).getByLabel('3', { exact: true }).uncheck();
    await step(glPage, 'cap (WebGL page)', () =>
      glPage
        .getByLabel('Max nodes')
        .selectOption('5000')
        .then(() => undefined),
    );
    const renderer = await rendererOf(glPage);
    const glFps = await panZoomFps(glPage);
    const glGestureFps = await gestureFps(glPage);
    const glInfo = String(await glPage.evaluate(GL_RENDERER));
    const shown = (await statusText(glPage)).replace(/ \(.*$/, '');
    await glPage.close();
    console.log(`pan/zoom of the last view (${shown}; load average ${loadavg()[0]!.toFixed(1)}):`);
    console.log('| renderer | scripted viewport | mouse drag + wheel |');
    console.log('|---|---|---|');
    console.log(`| ${canvasRenderer} | ${motion(canvasFps)} | ${motion(canvasGestureFps)} |`);
    console.log(`| ${renderer} (${glInfo.slice(0, 60)}) | ${motion(glFps)} | ${motion(glGestureFps)} |`);
    console.log(
      `memory: main-thread JS heap ${heap.toFixed(0)} MB, tab (renderer process RSS) ${rss === null ? '?' : rss.toFixed(0)} MB ` +
        `(after the steps, before pan/zoom: ${stepsHeap.toFixed(0)} MB heap, ${stepsRss === null ? '?' : stepsRss.toFixed(0)} MB RSS)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
