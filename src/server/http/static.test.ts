import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveWebApp } from './static.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'logonlens-static-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function appOn(root: string): Hono {
  const app = new Hono();
  app.get('*', serveWebApp(root));
  return app;
}

describe('serveWebApp', () => {
  it('answers not_built until the app is built, then serves it without a restart', async () => {
    const web = path.join(dir, 'web');
    const app = appOn(web);
    const before = await app.request('http://localhost/');
    expect(before.status).toBe(404);
    expect(await before.json()).toMatchObject({ error: { code: 'not_built' } });
    mkdirSync(web);
    writeFileSync(path.join(web, 'index.html'), '<title>app</title>');
    const after = await app.request('http://localhost/datasets');
    expect(after.status).toBe(200);
    expect(after.headers.get('cache-control')).toBe('no-cache');
    expect(await after.text()).toContain('<title>app</title>');
  });

  it('answers HEAD with the length and no body, and gives hashed assets a long cache', async () => {
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), '<title>app</title>');
    writeFileSync(path.join(dir, 'assets', 'a-1234.css'), 'body{}');
    const app = appOn(dir);
    const head = await app.request('http://localhost/assets/a-1234.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('6');
    expect(head.headers.get('content-type')).toContain('text/css');
    expect(head.headers.get('cache-control')).toContain('immutable');
    expect(await head.text()).toBe('');
  });

  it('never serves outside the root, whatever the encoding of the path', async () => {
    const web = path.join(dir, 'web');
    mkdirSync(web);
    writeFileSync(path.join(web, 'index.html'), '<title>app</title>');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const app = appOn(web);
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..\\secret.txt',
    ]) {
      const res = await app.request(`http://localhost${p}`);
      expect(await res.text()).not.toContain('secret');
    }
  });
});
