import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../server-harness.js';
import { launchChromium, type LaunchedBrowser } from './chromium.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { ensureWebBuild } from './web-build.js';

/** A server of the app and a browser to open it, ready in the tests of a describe. */
export interface AppInBrowser<S> {
  readonly server: S;
  readonly browser: LaunchedBrowser;
}

type LaunchOptions = Parameters<typeof launchChromium>[0];

/**
 * Registers, in the calling describe, a beforeAll that starts a server (`start`) and launches
 * Chromium (with `launch`), and an afterAll that closes both. Read `server` and `browser` inside
 * tests and later hooks, once they have started.
 */
export function useAppInBrowser<S extends { close(): Promise<void> }>(
  start: () => Promise<S>,
  launch: LaunchOptions = {},
): AppInBrowser<S> {
  let server: S | undefined;
  let browser: LaunchedBrowser | undefined;
  beforeAll(async () => {
    server = await start();
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
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}

/** The built app served on its own (files opened in the browser, no API) and Chromium. */
export function useStaticApp(launch: LaunchOptions = {}): AppInBrowser<StaticServer> {
  return useAppInBrowser(() => serveStatic(ensureWebBuild()), launch);
}

/** The real LogonLens server (SQLite in a temporary directory) serving the built app, and Chromium. */
export function useServerApp(options: { token?: string | null } = {}): AppInBrowser<RunningServer> {
  return useAppInBrowser(() => startServer({ webRoot: ensureWebBuild(), ...options }));
}
