import type { Context } from 'hono';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

function fileResponse(c: Context, file: string, immutable: boolean): Response {
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream;
  return c.body(body, 200, {
    'Content-Type': type,
    'Content-Length': String(statSync(file).size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}

/**
 * Serves the built app from `root` (dist/web): a file when the path names one inside root, else
 * index.html so that the app's own routes (shared URLs) load. Paths never leave root.
 */
export function serveWebApp(root: string): (c: Context) => Response {
  const base = path.resolve(root);
  return (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      rel = '/';
    }
    if (!rel.includes('\u0000')) {
      const file = path.resolve(base, '.' + path.posix.normalize('/' + rel));
      if (file.startsWith(base + path.sep) && existsSync(file) && statSync(file).isFile()) {
        return fileResponse(c, file, rel.startsWith('/assets/'));
      }
    }
    // A missing file (`/assets/old-hash.js`) is a 404, not the app page: only routes load the app.
    if (/\.[A-Za-z0-9]{1,8}$/.test(rel)) {
      return c.json({ error: { code: 'not_found', message: 'no such file' } }, 404);
    }
    const index = path.join(base, 'index.html');
    if (!existsSync(index)) {
      return c.json(
        { error: { code: 'not_built', message: 'the web app is not built (run npm run build)' } },
        404,
      );
    }
    return fileResponse(c, index, false);
  };
}
