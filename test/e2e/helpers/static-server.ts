import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from '../../../src/server/http/security.js';
import { serveWebApp } from '../../../src/server/http/static.js';

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * The built app (dist/web) on 127.0.0.1 and a free port, served exactly as the LogonLens server
 * serves it (src/server/http/static.ts, with its Content-Security-Policy and security headers) but
 * without the API: for browser tests of the app on its own (files opened in the browser).
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.get('*', serveWebApp(root));
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s as Server));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
