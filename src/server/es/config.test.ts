import { describe, expect, it } from 'vitest';
import { EsError } from './client.js';
import {
  indexPatternAllowed,
  parseEsConfig,
  publicCluster,
  resolveConnection,
  urlAllowed,
} from './config.js';

const clusters = parseEsConfig(
  JSON.stringify({
    clusters: [
      {
        name: 'prod',
        url: 'https://es.corp.example:9200',
        auth: { type: 'basic', username: 'reader', password: 's3cret-pw' },
        indexPatterns: ['winlogbeat-*', 'logs-system.security-*'],
        allowedUrls: ['https://es2.corp.example:9200'],
      },
      { name: 'lab', url: 'http://127.0.0.1:9200' },
    ],
  }),
);

describe('Elasticsearch configuration', () => {
  it('accepts a bare cluster object or an array', () => {
    expect(parseEsConfig('{"name":"a","url":"http://x:9200"}')).toHaveLength(1);
    expect(parseEsConfig('[{"name":"a","url":"http://x:9200"}]')).toHaveLength(1);
  });
  it('refuses credentials in URLs and duplicate names, without echoing secrets', () => {
    expect(() => parseEsConfig('{"name":"a","url":"http://u:pw@x:9200"}')).toThrow(/not in the URL/);
    expect(() => parseEsConfig('[{"name":"a","url":"http://x"},{"name":"a","url":"http://y"}]')).toThrow(
      /duplicate/,
    );
    try {
      parseEsConfig(
        '{"name":"a","url":"http://x","auth":{"type":"basic","username":"","password":"topsecret"}}',
      );
      expect.unreachable();
    } catch (e) {
      expect(String(e)).not.toContain('topsecret');
    }
  });
  it('never exposes credentials to the browser', () => {
    const pub = publicCluster(clusters[0]!);
    expect(JSON.stringify(pub)).not.toContain('s3cret-pw');
    expect(pub).toEqual({
      name: 'prod',
      url: 'https://es.corp.example:9200',
      auth: 'basic',
      indexPatterns: ['winlogbeat-*', 'logs-system.security-*'],
      defaultIndexPattern: 'winlogbeat-*,logs-system.security-*',
    });
  });
  it('accepts a typed URL only when it is on the allowlist', () => {
    const prod = clusters[0]!;
    expect(urlAllowed(prod, 'https://es.corp.example:9200')).toBe(true);
    expect(urlAllowed(prod, 'https://es2.corp.example:9200/')).toBe(true);
    expect(urlAllowed(prod, 'https://evil.example:9200')).toBe(false);
    expect(urlAllowed(prod, 'http://es.corp.example:9200')).toBe(false);
    expect(urlAllowed(prod, 'https://es.corp.example:9201')).toBe(false);
    expect(urlAllowed(prod, 'https://u:p@es.corp.example:9200')).toBe(false);
    expect(urlAllowed(prod, 'https://es.corp.example:9200/_cat/indices')).toBe(false);
    expect(() => resolveConnection(clusters, { url: 'http://169.254.169.254' })).toThrow(EsError);
    expect(() => resolveConnection(clusters, { cluster: 'prod', url: 'http://169.254.169.254' })).toThrow(
      /allowed/,
    );
    expect(resolveConnection(clusters, { url: 'https://es2.corp.example:9200' }).client.url).toBe(
      'https://es2.corp.example:9200',
    );
  });
  it('limits index patterns to the configured ones, never wider', () => {
    const prod = clusters[0]!;
    expect(indexPatternAllowed(prod, 'winlogbeat-*')).toBe(true);
    expect(indexPatternAllowed(prod, 'winlogbeat-8.*,logs-system.security-default')).toBe(true);
    expect(indexPatternAllowed(prod, '*')).toBe(false);
    expect(indexPatternAllowed(prod, 'winlog*')).toBe(false);
    expect(indexPatternAllowed(prod, '.security')).toBe(false);
    expect(() => resolveConnection(clusters, { cluster: 'prod', indexPattern: 'secrets-*' })).toThrow(
      /not allowed/,
    );
  });
  it('passes the auth and the CA to the client', () => {
    const withCa = parseEsConfig('{"name":"c","url":"https://x:9200","caFile":"/etc/ca.pem"}');
    const r = resolveConnection(withCa, { cluster: 'c' }, (p) => `PEM of ${p}`);
    expect(r.client).toEqual({ url: 'https://x:9200', ca: 'PEM of /etc/ca.pem' });
    expect(resolveConnection(clusters, { cluster: 'prod' }).client.auth).toEqual({
      type: 'basic',
      username: 'reader',
      password: 's3cret-pw',
    });
    expect(() => resolveConnection([], {})).toThrow(/no Elasticsearch cluster is configured/);
  });
});
