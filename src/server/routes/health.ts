import { Hono } from 'hono';
import { GENERATOR } from '../../core/version.js';

/** `GET /api/health`: liveness, version, and whether the app must send a token. */
export function healthRoutes(tokenRequired: boolean): Hono {
  const app = new Hono();
  app.get('/', (c) =>
    c.json({ status: 'ok', version: GENERATOR.version, auth: tokenRequired ? 'token' : 'none' }),
  );
  return app;
}
