import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationHeader, EsClient, EsError } from './client.js';

// A local listener that demands credentials, like a secured cluster.
let server: http.Server;
let base = '';
const seen: Array<string | undefined> = [];
let flaky = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers.authorization);
    if (req.url?.startsWith('/flaky') && flaky-- > 0) {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"busy"}');
      return;
    }
    const ok =
      req.headers.authorization === `Basic ${Buffer.from('reader:right pw').toString('base64')}` ||
      req.headers.authorization === 'ApiKey a2V5OnNlY3JldA==';
    if (!ok) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic' });
      res.end('{"error":{"type":"security_exception","reason":"unable to authenticate user [reader]"}}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"version":{"number":"8.15.0"}}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('EsClient', () => {
  it('builds Basic and ApiKey headers', () => {
    expect(authorizationHeader({ type: 'basic', username: 'u', password: 'p:ä' })).toBe(
      `Basic ${Buffer.from('u:p:ä', 'utf8').toString('base64')}`,
    );
    expect(authorizationHeader({ type: 'apikey', apiKey: 'abc' })).toBe('ApiKey abc');
    expect(authorizationHeader({ type: 'none' })).toBeNull();
  });
  it('authenticates with the right credentials', async () => {
    const c = new EsClient({ url: base, auth: { type: 'basic', username: 'reader', password: 'right pw' } });
    expect((await c.request({ method: 'GET', path: '/' })).status).toBe(200);
    const k = new EsClient({ url: base, auth: { type: 'apikey', apiKey: 'a2V5OnNlY3JldA==' } });
    expect((await k.request({ method: 'GET', path: '/' })).status).toBe(200);
    c.close();
    k.close();
  });
  it('gives a clear error for wrong credentials, without the password', async () => {
    const c = new EsClient({
      url: base,
      auth: { type: 'basic', username: 'reader', password: 'wrong-pw-123' },
    });
    const e = await c.request({ method: 'GET', path: '/' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EsError);
    expect((e as EsError).code).toBe('unauthorized');
    expect((e as EsError).message).toMatch(/rejected the credentials/);
    expect(String((e as EsError).message)).not.toContain('wrong-pw-123');
    expect(seen.at(-1)).toBe(`Basic ${Buffer.from('reader:wrong-pw-123').toString('base64')}`);
    c.close();
  });
  it('refuses credentials in the URL', () => {
    expect(() => new EsClient({ url: 'http://u:p@127.0.0.1:9200' })).toThrow(/not in the URL/);
  });
  it('retries 503 with backoff, then succeeds', async () => {
    flaky = 2;
    const c = new EsClient({ url: base, auth: { type: 'apikey', apiKey: 'a2V5OnNlY3JldA==' }, backoffMs: 5 });
    expect((await c.request({ method: 'GET', path: '/flaky' })).status).toBe(200);
    expect(c.requests).toBe(3);
    c.close();
  });
  it('fails cleanly when nothing listens', async () => {
    const c = new EsClient({ url: 'http://127.0.0.1:1', attempts: 2, backoffMs: 1 });
    const e = await c.request({ method: 'GET', path: '/' }).catch((x: unknown) => x);
    expect((e as EsError).code).toBe('unreachable');
    expect((e as EsError).message).toMatch(/refused.*after 2 attempts/);
  });
});
