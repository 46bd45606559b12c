import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Hashed bundles under /assets never change; everything else (index.html) is revalidated. */
function withCacheControl(res: Response, c: Context): Response {
  res.headers.set(
    'Cache-Control',
    c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
  return res;
}

const noNext = (): Promise<void> => Promise.resolve();

/**
 * Serves the built app from `root` (dist/web) with @hono/node-server's serveStatic: a file when the
 * path names one inside root (serveStatic refuses `..`, encoded separators and `%` tricks), else
 * index.html so that the app's own routes (shared URLs) load. serveStatic gives content types,
 * HEAD, ranges and Last-Modified; it still stats the file synchronously, one call per request,
 * which costs microseconds on a local disk and is the library's choice.
 */
export function serveWebApp(root: string): MiddlewareHandler {
  const base = path.resolve(root);
  let handlers: { files: MiddlewareHandler; appPage: MiddlewareHandler } | null = null;
  return async (c) => {
    // Made once root exists (serveStatic complains on the console about a missing root): a server
    // started before `npm run build` answers not_built until the build is there.
    handlers ??= existsSync(base)
      ? {
          files: serveStatic({ root: base }),
          appPage: serveStatic({ root: base, path: 'index.html' }),
        }
      : null;
    if (handlers === null) return notBuilt(c);
    const { files, appPage } = handlers;
    const file = await files(c, noNext);
    if (file) return withCacheControl(file, c);
    // A missing file (`/assets/old-hash.js`) is a 404, not the app page: only routes load the app.
    if (/\.[A-Za-z0-9]{1,8}$/.test(c.req.path)) {
      return c.json({ error: { code: 'not_found', message: 'no such file' } }, 404);
    }
    const page = await appPage(c, noNext);
    return page ? withCacheControl(page, c) : notBuilt(c);
  };
}

function notBuilt(c: Context): Response {
  return c.json(
    { error: { code: 'not_built', message: 'the web app is not built (run npm run build)' } },
    404,
  );
}
