import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a module URL. Built code (dist/node) runs .js files directly; when the
 * sources run through tsx or vitest the module is .ts: the worker then runs a small bootstrap that
 * registers tsx inside the worker and imports the module (Node 20 ignores `--import tsx` in a
 * worker's execArgv, so passing the loader there is not enough).
 */
export function spawnModuleWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const tsx = pathToFileURL(tsxEsmApi(url.href)).href;
  const script = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(script, { ...options, eval: true });
}

/** Path of tsx's ESM API (`tsx/esm/api`, import condition), found through its package.json. */
function tsxEsmApi(moduleUrl: string): string {
  const pkgPath = createRequire(moduleUrl).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports?: Record<string, { import?: { default?: string } | string }>;
  };
  const entry = pkg.exports?.['./esm/api']?.import;
  const rel = typeof entry === 'string' ? entry : (entry?.default ?? './dist/esm/api/index.mjs');
  return path.join(path.dirname(pkgPath), rel);
}
