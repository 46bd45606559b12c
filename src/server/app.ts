import { Hono } from 'hono';
import path from 'node:path';
import { JobManager as Jobs, type ImportRunner } from './jobs/job-manager.js';
import { workerImportRunner } from './jobs/worker-runner.js';
import { defaultRank } from './graph/default-rank.js';
import { LruCache, type Services } from './http/context.js';
import { notFound, toErrorResponse } from './http/errors.js';
import { DEFAULT_LIMITS, type Limits } from './http/limits.js';
import { bearerAuth, sameOriginGuard, securityHeaders } from './http/security.js';
import { serveWebApp } from './http/static.js';
import { consoleLogger, type Logger } from './logger.js';
import type { RankFn } from './graph/window-dataset.js';
import { defaultPoolSize, WindowPool } from './graph/window-pool.js';
import { inProcessWindowRunner, type WindowRunner } from './graph/window-runner.js';
import { systemClock, type Clock, type Store } from './store/store.js';
import { annotationRoutes } from './routes/annotations.js';
import { datasetRoutes } from './routes/datasets.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/export.js';
import { graphRoutes } from './routes/graph.js';
import { histogramRoutes } from './routes/histogram.js';
import { detectionRoutes } from './routes/detections.js';
import { timelineRoutes } from './routes/timeline.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { esRoutes } from './es/routes.js';
import { esEventRoutes } from './es/drill-down.js';

export interface AppDeps {
  store: Store;
  clock?: Clock;
  limits?: Partial<Limits>;
  /** When set, every /api request but health needs `Authorization: Bearer <token>`. */
  token?: string | null;
  /** Origins allowed to write through a Host-rewriting reverse proxy (LOGONLENS_PUBLIC_ORIGIN). */
  publicOrigins?: readonly string[];
  logger?: Logger;
  /** The built web app (dist/web); null serves the API only. */
  webRoot?: string | null;
  /** Where uploads are spooled; default `<data dir>/uploads`. */
  uploadDir?: string;
  /** How imports run; default a worker thread per import (jobs/worker-runner.ts). */
  importRunner?: ImportRunner;
  /** Window cut and ranking; default the analysis' rankDataset (graph/default-rank.ts). */
  rank?: RankFn;
  /**
   * Where /graph and /export compute windows; default a worker-thread pool sized from the cores,
   * or the calling thread when `rank` is given (a function cannot cross to a worker).
   */
  windowRunner?: WindowRunner;
}

export type LogonLensApp = Hono & { services: Services };

/** The HTTP app, built from its dependencies so that tests call it in-process (app.request). */
export function createApp(deps: AppDeps): LogonLensApp {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? consoleLogger;
  const limits: Limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const jobs = new Jobs(
    deps.store,
    deps.importRunner ?? workerImportRunner(deps.store.dataDir),
    clock,
    logger,
    limits.concurrentImports,
  );
  const services: Services = {
    store: deps.store,
    jobs,
    clock,
    limits,
    logger,
    uploadDir: deps.uploadDir ?? path.join(deps.store.dataDir, 'uploads'),
    rank: deps.rank ?? defaultRank,
    graphCache: new LruCache(64),
    windows:
      deps.windowRunner ??
      (deps.rank !== undefined
        ? inProcessWindowRunner(deps.store, deps.rank)
        : new WindowPool(deps.store.dataDir, defaultPoolSize(), logger)),
    windowCache: new LruCache(64),
  };
  const token = deps.token ?? null;

  const app = new Hono();
  app.use('*', securityHeaders);
  app.use('*', sameOriginGuard(token !== null, deps.publicOrigins ?? []));
  if (token !== null) app.use('/api/*', bearerAuth(token));

  app.route('/api/health', healthRoutes(token !== null));
  app.route('/api/datasets', datasetRoutes(services));
  app.route('/api/datasets', graphRoutes(services));
  app.route('/api/datasets', histogramRoutes(services));
  app.route('/api/datasets', detectionRoutes(services));
  app.route('/api/datasets', timelineRoutes(services));
  app.route('/api/datasets', esEventRoutes(services));
  app.route('/api/datasets', eventRoutes(services));
  app.route('/api/datasets', exportRoutes(services));
  app.route('/api/datasets', annotationRoutes(services));
  app.route('/api/jobs', jobRoutes(services));
  app.route('/api/es', esRoutes(services));
  app.all('/api/*', (c) => {
    throw notFound(`no API route ${c.req.method} ${c.req.path.slice(0, 200)}`);
  });
  if (deps.webRoot !== undefined && deps.webRoot !== null) {
    app.get('*', serveWebApp(deps.webRoot));
  }

  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'not found' } }, 404));
  app.onError((err, c) => {
    const { status, body, unexpected } = toErrorResponse(err);
    if (unexpected)
      logger.error(
        `${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="logonlens"');
    return c.json(body, status);
  });

  return Object.assign(app, { services });
}
