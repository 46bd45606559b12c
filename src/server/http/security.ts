import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/**
 * The app's Content-Security-Policy: scripts and styles only from the server's own files (no inline
 * scripts, no eval), no plugins, no framing. Log content reaches the page only as text.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
};

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

/**
 * Without a token the server listens on loopback only, but a web page in the analyst's browser can
 * still reach it: by DNS rebinding (a foreign Host header) or by a cross-site form post (a foreign
 * Origin). Both are refused.
 *
 * Behind a reverse proxy that rewrites `Host` (TLS termination), the browser's Origin never matches
 * the Host the server sees: `publicOrigins` (LOGONLENS_PUBLIC_ORIGIN, normalized by
 * `parsePublicOrigins`) lists the origins people use to reach the app, and writes from them pass.
 */
export function sameOriginGuard(tokenSet: boolean, publicOrigins: readonly string[] = []): MiddlewareHandler {
  const allowed = new Set(publicOrigins);
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!tokenSet && host !== '' && !LOOPBACK_HOST.test(host)) {
      throw new ApiError(
        403,
        'forbidden_host',
        'this server answers on localhost only (set LOGONLENS_TOKEN to serve elsewhere)',
      );
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null' && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      let originHost: string;
      let originNormalized = '';
      try {
        const u = new URL(origin);
        originHost = u.host;
        originNormalized = u.origin;
      } catch {
        originHost = '';
      }
      if (originHost.toLowerCase() !== host.toLowerCase() && !allowed.has(originNormalized)) {
        throw new ApiError(403, 'forbidden_origin', 'cross-origin requests are not accepted');
      }
    } else if (origin === 'null' && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      throw new ApiError(403, 'forbidden_origin', 'cross-origin requests are not accepted');
    }
    await next();
  };
}

/**
 * LOGONLENS_PUBLIC_ORIGIN: comma-separated origins (`https://logonlens.corp.example`, scheme, host
 * and optional port, no path). Returns them normalized as the browser sends them, or throws with
 * the offending entry.
 */
export function parsePublicOrigins(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const text = entry.trim();
    let url: URL | null;
    try {
      url = new URL(text);
    } catch {
      url = null;
    }
    const originOnly =
      url !== null &&
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === '' &&
      url.pathname === '/' &&
      url.search === '' &&
      url.hash === '' &&
      !/^https?:\/\/[^/]+\/./i.test(text);
    if (!originOnly || url === null) {
      throw new Error(
        `LOGONLENS_PUBLIC_ORIGIN: ${JSON.stringify(text.slice(0, 100))} is not an origin like https://logonlens.example.org`,
      );
    }
    return url.origin;
  });
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * Bearer token check for /api (except health, which tells the app whether to ask for a token).
 * EventSource and download links cannot send headers, so GET requests may also carry
 * `?access_token=`.
 */
export function bearerAuth(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    if (c.req.path === '/api/health') return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    let given = match?.[1]?.trim() ?? null;
    if (given === null && (c.req.method === 'GET' || c.req.method === 'HEAD'))
      given = c.req.query('access_token') ?? null;
    if (given === null || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="logonlens"');
      throw new ApiError(
        401,
        'unauthorized',
        'a valid access token is required (Authorization: Bearer <LOGONLENS_TOKEN>)',
      );
    }
    await next();
  };
}
