import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type LaunchedBrowser } from './chromium.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { ensureWebBuild } from './web-build.js';

/** The built app served on its own and a browser to open it, ready in the tests of a describe. */
export interface StaticApp {
  readonly server: StaticServer;
  readonly browser: LaunchedBrowser;
}

/**
 * Registers, in the calling describe, a beforeAll that serves the built app (serveStatic) and
 * launches Chromium (with `launch`), and an afterAll that closes both. Read `server` and `browser`
 * inside tests and hooks, once they have started.
 */
export function useStaticApp(launch: Parameters<typeof launchChromium>[0] = {}): StaticApp {
  let server: StaticServer | undefined;
  let browser: LaunchedBrowser | undefined;
  beforeAll(async () => {
    server = await serveStatic(ensureWebBuild());
    browser = await launchChromium(launch);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is read before its beforeAll ran`);
    return value;
  };
  return {
    get server() {
      return started(server, 'static server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
