// The LogonLens server: reads the configuration, opens the store and listens. `logonlens serve`
// and `npm start` come through startServer; `node dist/node/server/main.js` runs it directly.
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type AppDeps, type LogonLensApp } from './app.js';
import { ConfigError, resolveConfig, type ServerConfig } from './config.js';
import { ATTACK, ensureDemoDataset, ensureStoryDataset, storyUrl, whenImported } from './demo/index.js';
import { consoleLogger, type Logger } from './logger.js';
import { defaultWebRoot, demoDir } from './paths.js';
import { Store } from './store/store.js';
import { loadEsConfig, type ClusterConfig } from './es/config.js';
import {
  parseWatchSetting,
  startWatches,
  type RunningWatches,
  type WatchSetting,
} from './es/watch-setting.js';

export interface RunningServer {
  url: string;
  app: LogonLensApp;
  store: Store;
  /** With the demo: the demo week's graph page once it is imported (null without it, or when its import failed). */
  demoUrl: Promise<string | null>;
  close(): Promise<void>;
}

export async function startServer(
  config: ServerConfig,
  options: {
    logger?: Logger;
    webRoot?: string | null;
    appDeps?: Partial<AppDeps>;
    /** `es-watch` loops to run in the server; default LOGONLENS_ES_WATCH, null none (docs/elasticsearch.md). */
    esWatch?: string | null;
  } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? consoleLogger;
  // A watch setting that cannot run is a configuration error: refuse to start.
  let watchSettings: WatchSetting[];
  let esClusters: ClusterConfig[];
  try {
    watchSettings = parseWatchSetting(
      options.esWatch === undefined ? process.env.LOGONLENS_ES_WATCH : (options.esWatch ?? undefined),
    );
    esClusters = watchSettings.length > 0 ? loadEsConfig() : [];
  } catch (e) {
    throw new ConfigError(e instanceof Error ? e.message : String(e));
  }
  const store = Store.open(config.dataDir);
  const failed = store.recoverInterrupted();
  // No job survives a restart: spooled uploads left by a stop are garbage.
  const uploads = path.join(config.dataDir, 'uploads');
  if (existsSync(uploads)) {
    for (const f of readdirSync(uploads))
      if (f.endsWith('.part')) rmSync(path.join(uploads, f), { force: true });
  }
  if (failed.length > 0) {
    logger.warn(
      `${failed.length} import(s) were interrupted by the last stop and are marked failed: ${failed.join(', ')}`,
    );
  }
  const app = createApp({
    store,
    token: config.token,
    logger,
    webRoot: options.webRoot === undefined ? defaultWebRoot() : options.webRoot,
    ...options.appDeps,
  });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) => {
      store.close();
      reject(
        e.code === 'EADDRINUSE'
          ? new ConfigError(`port ${config.port} on ${config.host} is already in use (set PORT or --port)`)
          : e,
      );
    });
  });
  // Uploads of large files take as long as they take. Idle keep-alive sockets are kept longer than
  // clients keep them (undici: 4 s), so that a busy event loop never closes a socket a client has
  // just reused (ECONNRESET under load).
  if ('requestTimeout' in server) {
    server.requestTimeout = 0;
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${hostForUrl}:${port}`;
  let demoUrl: Promise<string | null> = Promise.resolve(null);
  if (config.demo) {
    const { jobs, uploadDir } = app.services;
    // The generated week first: it is the one a first start opens on.
    const story = ensureStoryDataset(store, jobs, uploadDir, demoDir(), logger);
    ensureDemoDataset(store, jobs, uploadDir, demoDir(), logger);
    if (story !== null) {
      const link = storyUrl(url, story.datasetId);
      demoUrl =
        story.job === null
          ? Promise.resolve(link)
          : whenImported(jobs, story.job).then((ok) => (ok ? link : null));
    }
  }
  let watches: RunningWatches | null = null;
  try {
    watches = startWatches(watchSettings, esClusters, logger);
  } catch (e) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    store.close();
    throw new ConfigError(`LOGONLENS_ES_WATCH: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    url,
    app,
    store,
    demoUrl,
    close: async () => {
      await watches?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.services.jobs.idle();
      store.close();
    },
  };
}

/** Runs the server until SIGINT/SIGTERM, then exits the process. */
export async function runServer(
  config: ServerConfig,
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const running = await startServer(config);
  out.write(
    `LogonLens is serving ${running.url}  (data: ${config.dataDir}${config.token !== null ? ', token required' : ''})\n`,
  );
  void running.demoUrl.then((link) => {
    if (link !== null)
      out.write(`LogonLens demo: a week at CORP with an attack on ${ATTACK.day}: open ${link}\n`);
  });
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  out.write('LogonLens: stopping…\n');
  // A running import stops with the process; the next start marks it failed (see recoverInterrupted).
  running.store.close();
  // Open connections (server-sent events) and import workers would keep the process alive.
  process.exit(0);
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    await runServer(resolveConfig(process.env));
  } catch (e) {
    console.error(`logonlens: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(e instanceof ConfigError ? 2 : 1);
  }
}
