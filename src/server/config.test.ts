import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopback, resolveConfig } from './config.js';
import { parseServeArgs } from './cli/commands/serve.js';
import { UsageError } from './cli/command.js';

describe('server configuration', () => {
  it('defaults to 127.0.0.1:8080 and ./data', () => {
    expect(resolveConfig({}, {}, '/srv')).toEqual({
      host: '127.0.0.1',
      port: 8080,
      dataDir: path.resolve('/srv/data'),
      token: null,
      demo: false,
      publicOrigins: [],
    });
  });
  it('reads LOGONLENS_PUBLIC_ORIGIN (for a Host-rewriting reverse proxy) and refuses non-origins', () => {
    expect(
      resolveConfig(
        { LOGONLENS_PUBLIC_ORIGIN: 'https://LogonLens.corp.example, http://10.0.0.5:8443' },
        {},
        '/',
      ).publicOrigins,
    ).toEqual(['https://logonlens.corp.example', 'http://10.0.0.5:8443']);
    for (const bad of [
      'logonlens.corp.example',
      'https://a.example/app',
      'ftp://a.example',
      'https://u:p@a.example',
    ])
      expect(() => resolveConfig({ LOGONLENS_PUBLIC_ORIGIN: bad }), bad).toThrow(/LOGONLENS_PUBLIC_ORIGIN/);
  });
  it('reads PORT, HOST, LOGONLENS_DATA, LOGONLENS_TOKEN; options win', () => {
    const env = { PORT: '9000', HOST: '0.0.0.0', LOGONLENS_DATA: '/var/ll', LOGONLENS_TOKEN: 'x'.repeat(20) };
    expect(resolveConfig(env, {}, '/')).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/var/ll',
      token: 'x'.repeat(20),
    });
    expect(resolveConfig(env, { port: 1234, host: '127.0.0.1' }, '/')).toMatchObject({
      port: 1234,
      host: '127.0.0.1',
    });
  });
  it('refuses to bind beyond loopback without a token, with a clear message', () => {
    expect(() => resolveConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => resolveConfig({ HOST: '192.168.1.5' })).toThrow(
      /refusing to listen on 192.168.1.5 without an access token/,
    );
    expect(() => resolveConfig({ HOST: '0.0.0.0', LOGONLENS_TOKEN: 'short' })).toThrow(/at least 16/);
    expect(() => resolveConfig({ PORT: 'eighty' })).toThrow(/PORT must be a number/);
  });
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', 'example.com']) expect(isLoopback(h)).toBe(false);
  });
  it('parses serve options', () => {
    expect(parseServeArgs(['--demo', '--port', '0', '--host', '::1', '--data', 'd'])).toEqual({
      demo: true,
      port: 0,
      host: '::1',
      dataDir: 'd',
    });
    expect(() => parseServeArgs(['--port'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--port', '99999'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--bogus'])).toThrow(UsageError);
  });
});
