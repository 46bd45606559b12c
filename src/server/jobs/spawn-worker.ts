import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// The one way the server starts worker threads (imports, window work, EVTX chunks): a worker
// module beside its caller, run as compiled .js from dist/node or as .ts through tsx from sources.

/**
 * The worker module `name` beside the module at `callerUrl`, with the caller's extension: .ts when
 * running from sources (vitest, tsx), .js when built.
 */
export function siblingModuleUrl(name: string, callerUrl: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/**
 * What `new Worker` gets for a module: built code runs the .js file directly; a .ts module runs
 * through a small bootstrap that registers tsx inside the worker and then imports it (Node 20
 * ignores `--import tsx` in a worker's execArgv, so passing the loader there is not enough).
 */
export function workerEntry(url: URL): { script: string | URL; eval: boolean } {
  if (!url.pathname.endsWith('.ts')) return { script: url, eval: false };
  const tsx = pathToFileURL(tsxEsmApi(url.href)).href;
  const script = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return { script, eval: true };
}

/**
 * Starts a worker thread on a module URL (see workerEntry). The parent's Node options are inherited
 * minus those a worker rejects or does not need (workerExecArgv); options a worker still rejects
 * (process-wide V8 flags) make Node throw, so a second try passes none. Throws when neither starts.
 */
export function spawnModuleWorker(url: URL, options: WorkerOptions = {}): Worker {
  const entry = workerEntry(url);
  let last: unknown = null;
  for (const execArgv of [workerExecArgv(process.execArgv), []]) {
    try {
      return new Worker(entry.script, { execArgv, ...options, eval: entry.eval });
    } catch (e) {
      last = e;
    }
  }
  throw last instanceof Error ? last : new Error(String(last));
}

/**
 * The parent's Node options for a worker, minus those a worker rejects (`--input-type` of
 * `node -e`) and tsx's loader (`--import tsx`), which the compiled worker does not need and the
 * TypeScript bootstrap registers itself: loading it in every worker costs startup time.
 */
export function workerExecArgv(parent: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    const a = parent[i]!;
    if (a.startsWith('--input-type=') || a === '--import=tsx') continue;
    if (a === '--input-type' || (a === '--import' && parent[i + 1] === 'tsx')) {
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
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
