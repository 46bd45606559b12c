import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * Browser tests drive Debian's Chromium through playwright-core (no bundled browser download).
 * `.ci/run` installs it in CI; elsewhere a missing browser skips the tests with a printed reason.
 */
export const CHROMIUM_PATH = process.env.LOGONLENS_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const CHROMIUM_SKIP_REASON = `Chromium not found at ${CHROMIUM_PATH} (install Debian's chromium or set LOGONLENS_CHROMIUM)`;

if (!HAS_CHROMIUM && process.env.CI) {
  // In CI a silent skip would hide a broken setup: .ci/run must have installed it.
  throw new Error(`CI run without a browser: ${CHROMIUM_SKIP_REASON}`);
}

let warned = false;
/** Prints the skip reason once; use with `describe.skipIf(!HAS_CHROMIUM)`. */
export function warnIfNoChromium(): void {
  if (!HAS_CHROMIUM && !warned) {
    warned = true;
    console.warn(`[skip] ${CHROMIUM_SKIP_REASON}`);
  }
}

/** Flags that keep a headless run quiet, offline and reproducible on a shared 2-core machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  /** One persistent context (its own fresh profile directory): pages share IndexedDB like tabs. */
  context: BrowserContext;
  browser: Browser | null;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh temporary profile. A persistent context is used so that the
 * profile lives in a --user-data-dir we own and remove; all its pages behave like tabs of one browser.
 */
export async function launchChromium(
  options: { viewport?: { width: number; height: number }; extraArgs?: string[] } = {},
): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'logonlens-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    viewport: options.viewport ?? { width: 1400, height: 900 },
  });
  return {
    context,
    browser: context.browser(),
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
