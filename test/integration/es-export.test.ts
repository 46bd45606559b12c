// es-export and es-watch against the real OpenSearch node.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { analyzeEvents, rankDataset } from '../../src/core/analysis/index.js';
import type { LogonEvent } from '../../src/core/events/logon-event.js';
import { esExportCommand } from '../../src/server/cli/commands/es-export.js';
import { EsClient } from '../../src/server/es/client.js';
import { runWatch, sourceKey, readWatchState } from '../../src/server/es/watch.js';
import { readSampleEvents, seedEcsDataStream } from './es-seed.js';

const url = inject('opensearchUrl');
const skip = !url;
const reason = inject('opensearchSkipReason');
const PATTERN = 'exporttest-winlogbeat-*';

function sink(): { stream: Writable; text: () => string } {
  let out = '';
  return {
    stream: new Writable({
      write(chunk: Buffer, _enc, cb) {
        out += chunk.toString('utf8');
        cb();
      },
    }),
    text: () => out,
  };
}

interface Hit<T> {
  _id: string;
  _source: T;
}
interface AccountDoc {
  window: { id: string; from: string; to: string };
  node: { id: string };
  scores: Record<string, number>;
  reasons: unknown[];
  tool: { version: string };
  '@timestamp': string;
}

describe.skipIf(skip)(`es-export and es-watch ${skip ? reason : ''}`, () => {
  let client: EsClient;
  let events: LogonEvent[];

  beforeAll(async () => {
    client = new EsClient({ url });
    events = readSampleEvents();
    await seedEcsDataStream(client, events, 'exporttest-winlogbeat-8.12.0');
  });
  afterAll(() => client.close());

  async function search<T>(index: string, query: unknown): Promise<Array<Hit<T>>> {
    await client.request({ method: 'POST', path: `/${index}/_refresh`, query: { ignore_unavailable: true } });
    const r = await client.request<{ hits: { hits: Array<Hit<T>> } }>({
      method: 'POST',
      path: `/${index}/_search`,
      query: { ignore_unavailable: true, allow_no_indices: true },
      body: { size: 10_000, query },
    });
    return r.body.hits.hits;
  }

  it('exports one account document per ranked account with the dataset’s scores; a re-run changes nothing', async () => {
    const window = { from: '2015-08-23T00:00:00.000Z', to: '2015-08-25T00:00:00.000Z' };
    const args = ['--url', url, '--index', PATTERN, '--from', window.from, '--to', window.to];
    const out = sink();
    const err = sink();
    expect(await esExportCommand.run(args, { stdout: out.stream, stderr: err.stream })).toBe(0);
    expect(err.text()).toBe('');
    expect(out.text()).toMatch(/exported .* accounts/);

    const inWindow = events.filter(
      (e) => Date.parse(e.time) >= Date.parse(window.from) && Date.parse(e.time) < Date.parse(window.to),
    );
    const ranked = rankDataset(
      analyzeEvents(inWindow, { sources: [], readStats: { recordsRead: 0, eventsSkipped: {}, warnings: 0 } }),
      window,
    );
    const accountIds = new Set(ranked.nodes.filter((n) => n.kind === 'account').map((n) => n.id));
    const expected = new Map(
      ranked.rankings.filter((r) => accountIds.has(r.node)).map((r) => [r.node, r.scores]),
    );
    expect(expected.size).toBeGreaterThan(2);

    const windowQuery = {
      bool: { filter: [{ term: { 'window.from': window.from } }, { term: { 'window.to': window.to } }] },
    };
    const docs = await search<AccountDoc>('logonlens-accounts-*', windowQuery);
    expect(docs).toHaveLength(expected.size);
    for (const d of docs) {
      const scores = expected.get(d._source.node.id);
      expect(scores, d._source.node.id).toBeDefined();
      expect(d._source.scores.pagerank).toBeCloseTo(scores?.pagerank ?? NaN, 12);
      expect(d._source['@timestamp']).toBe(window.from);
      expect(d._source.reasons.length).toBeGreaterThan(0);
    }
    const hosts = await search('logonlens-hosts-*', windowQuery);
    const detections = await search('logonlens-detections-*', windowQuery);

    // Again: same ids, same counts.
    expect(await esExportCommand.run(args, { stdout: sink().stream, stderr: sink().stream })).toBe(0);
    const again = await search<AccountDoc>('logonlens-accounts-*', windowQuery);
    expect(again.map((d) => d._id).sort()).toEqual(docs.map((d) => d._id).sort());
    expect(await search('logonlens-hosts-*', windowQuery)).toHaveLength(hosts.length);
    expect(await search('logonlens-detections-*', windowQuery)).toHaveLength(detections.length);

    const mapping = (await client.request({ method: 'GET', path: '/logonlens-accounts-*/_mapping' }))
      .body as Record<
      string,
      {
        mappings: {
          properties: {
            scores: { properties: Record<string, { type: string }> };
            node: { properties: { id: { type: string } } };
          };
        };
      }
    >;
    const m = Object.values(mapping)[0]?.mappings.properties;
    expect(m?.scores.properties.pagerank?.type).toBe('double');
    expect(m?.node.properties.id.type).toBe('keyword');
  });

  it('es-watch writes three days once each, across a restart', async () => {
    const written: string[] = [];
    const base = {
      client,
      cluster: 'test',
      indexPattern: PATTERN,
      interval: 'day' as const,
      start: '2015-08-23T00:00:00Z',
      until: '2015-08-26T00:00:00Z',
      graceMs: 0,
    };
    // First run: "killed" after its first window.
    const abort = new AbortController();
    await runWatch({
      ...base,
      signal: abort.signal,
      onWindow: (w) => {
        written.push(w.from);
        abort.abort();
      },
    });
    expect(written).toEqual(['2015-08-23T00:00:00.000Z']);
    expect(await readWatchState(client, sourceKey('test', PATTERN, 'day'))).toBe('2015-08-24T00:00:00.000Z');
    // Restart: resumes after the first window.
    await runWatch({ ...base, onWindow: (w) => written.push(w.from) });
    expect(written).toEqual([
      '2015-08-23T00:00:00.000Z',
      '2015-08-24T00:00:00.000Z',
      '2015-08-25T00:00:00.000Z',
    ]);
    // And a third start finds nothing left to do.
    await runWatch({ ...base, onWindow: (w) => written.push(w.from) });
    expect(written).toHaveLength(3);
    const docs = await search<AccountDoc>('logonlens-accounts-*', {
      bool: {
        filter: [
          { range: { '@timestamp': { gte: '2015-08-23T00:00:00Z', lt: '2015-08-26T00:00:00Z' } } },
          { term: { 'window.to': '2015-08-24T00:00:00.000Z' } },
        ],
      },
    });
    expect(docs.length).toBeGreaterThan(0);
  });
});
