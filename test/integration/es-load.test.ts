// Loading a time range from a real OpenSearch node gives the same graph as analysing the files
// the documents came from (docs/elasticsearch.md). The node is started by es-setup.ts.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LogonEvent } from '../../src/core/events/logon-event.js';
import { createGraphBuilder, type LogonGraph } from '../../src/core/analysis/graph-builder.js';
import { readJson } from '../../src/core/readers/winlogbeat/index.js';
import { EsClient, EsError } from '../../src/server/es/client.js';
import { parseEsConfig, resolveConnection } from '../../src/server/es/config.js';
import { readClusterRange, replayEvents } from '../../src/server/es/loader.js';
import { sharedData } from '../helpers/shared-data.js';
import { readSampleEvents, seedEcsDataStream, seedNdjson, seedWithoutTemplate } from './es-seed.js';

const url = inject('opensearchUrl');
const skipReason = inject('opensearchSkipReason');

/** Event times are stored as milliseconds by `date` fields: compare at that precision. */
function ms(iso: string): string {
  return new Date(Date.parse(iso)).toISOString();
}

/** The comparable part of a graph: every node and edge with counts, first/last and hourly buckets. */
function project(g: LogonGraph): { nodes: unknown[]; edges: unknown[]; range: unknown } {
  return {
    nodes: g.nodes.map((n) => ({ ...n, flags: n.flags.map((f) => ({ ...f, recordIds: [] })) })),
    // Edge order follows input order (a Map), which is not part of the graph: sort by id.
    edges: g.edges
      .map((e) => ({ ...e, first: ms(e.first), last: ms(e.last) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    range: g.timeRange ? { from: ms(g.timeRange.from), to: ms(g.timeRange.to) } : null,
  };
}

function graphOf(events: Iterable<LogonEvent>): LogonGraph {
  const b = createGraphBuilder();
  for (const e of events) b.add(e);
  return b.finish();
}

function inRange(events: LogonEvent[], from: string, to: string): LogonEvent[] {
  const f = Date.parse(from);
  const t = Date.parse(to);
  return events.filter((e) => {
    const m = Date.parse(e.time);
    return m >= f && m < t;
  });
}

describe.skipIf(!url)(
  `load a range from OpenSearch into events, as the server's ES load does${!url ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let client: EsClient;
    let events: LogonEvent[];

    beforeAll(async () => {
      client = new EsClient({ url });
      events = readSampleEvents();
      await seedEcsDataStream(client, events);
      await seedWithoutTemplate(client, events, 'notemplate-security-2021');
    });
    afterAll(() => client.close());

    it('seeded ECS documents with the moved fields, and mapping without a template is text + keyword', async () => {
      const m = (await client.request({ method: 'GET', path: '/notemplate-security-2021/_mapping' }))
        .body as Record<
        string,
        {
          mappings: {
            properties: { winlog: { properties: { computer_name: { type: string; fields?: unknown } } } };
          };
        }
      >;
      const cn = m['notemplate-security-2021']?.mappings.properties.winlog.properties.computer_name;
      expect(cn?.type).toBe('text');
      expect(cn?.fields).toEqual({ keyword: { type: 'keyword', ignore_above: 256 } });
      const moved = (
        await client.request({
          method: 'POST',
          path: '/winlogbeat-8.12.0/_search',
          body: {
            size: 1,
            query: {
              bool: {
                filter: [
                  { exists: { field: 'source.ip' } },
                  { exists: { field: 'user.name' } },
                  { exists: { field: 'winlog.logon.type' } },
                ],
              },
            },
          },
        })
      ).body as { hits: { hits: Array<{ _source: { winlog: { event_data: Record<string, unknown> } } }> } };
      const data = moved.hits.hits[0]?._source.winlog.event_data ?? {};
      expect(data.IpAddress).toBeUndefined();
      expect(data.TargetUserName).toBeUndefined();
      expect(data.LogonType).toBeUndefined();
    });

    it('loads the whole range into exactly the graph of the files', async () => {
      const read = await readClusterRange(client, {
        indexPattern: 'winlogbeat-*',
        range: { from: '2010-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' },
        pageSize: 500,
      });
      expect(read.info).toMatchObject({ distribution: 'opensearch', pit: 'opensearch' });
      expect(read.shapes).toEqual(['ecs']);
      // Far fewer buckets than documents: the cluster aggregated.
      const edgeDocs = read.buckets.reduce((s, b) => s + b.count, 0);
      expect(read.buckets.length).toBeLessThan(edgeDocs);
      const expected = graphOf(events);
      expect(expected.edges.length).toBeGreaterThan(20);
      expect(project(graphOf(replayEvents(read)))).toEqual(project(expected));
    });

    it('loads a narrower range the same as the files cut to it', async () => {
      const range = { from: '2015-08-23T00:00:00Z', to: '2015-08-25T00:00:00Z' };
      const read = await readClusterRange(client, { indexPattern: 'winlogbeat-*', range });
      const expected = graphOf(inRange(events, range.from, range.to));
      expect(expected.edges.length).toBeGreaterThan(5);
      expect(project(graphOf(replayEvents(read)))).toEqual(project(expected));
    });

    it('reads an index created without a template (text + .keyword) to the same graph', async () => {
      const read = await readClusterRange(client, {
        indexPattern: 'notemplate-security-*',
        range: { from: '2010-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' },
      });
      expect(project(graphOf(replayEvents(read)))).toEqual(project(graphOf(events)));
    });

    it('reads Winlogbeat 6 and NXLog documents', async () => {
      const wlb6 = sharedData('json', 'otrf-empire-runas.security.ndjson');
      const nx = sharedData('json', 'otrf-covenant-dcsync.security.ndjson');
      expect(await seedNdjson(client, wlb6, 'wlb6-security-2019.05.18')).toBeGreaterThan(300);
      expect(await seedNdjson(client, nx, 'nxlog-security-2020.08.05')).toBeGreaterThan(150);
      await client.request({ method: 'POST', path: '/wlb6-*,nxlog-*/_refresh' });
      const all = { from: '2010-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' };

      const r6 = await readClusterRange(client, { indexPattern: 'wlb6-*', range: all });
      expect(r6.shapes).toEqual(['winlogbeat6']);
      const fileEvents6 = readJson(readFileSync(wlb6)).events;
      expect(project(graphOf(replayEvents(r6)))).toEqual(project(graphOf(fileEvents6)));

      const rn = await readClusterRange(client, { indexPattern: 'nxlog-*', range: all });
      expect(rn.shapes).toEqual(['nxlog']);
      const g = graphOf(replayEvents(rn));
      const fileGraph = graphOf(readJson(readFileSync(nx)).events);
      // NXLog's event time is local time without a zone; the loader ranges on @timestamp (ingest
      // time), so times may differ by the shipping delay: compare the graph without times.
      const shape = (x: LogonGraph): unknown => ({
        nodes: x.nodes.map((n) => n.id).sort(),
        edges: x.edges.map((e) => `${e.id} ${e.count}`).sort(),
      });
      expect(g.edges.length).toBeGreaterThan(0);
      expect(shape(g)).toEqual(shape(fileGraph));
    });

    it('refuses a URL outside the allowlist before any request', () => {
      const clusters = parseEsConfig(JSON.stringify({ name: 'test', url, indexPatterns: ['winlogbeat-*'] }));
      expect(() => resolveConnection(clusters, { cluster: 'test', url: 'http://127.0.0.1:1' })).toThrow(
        /not in the server's list/,
      );
      expect(resolveConnection(clusters, { cluster: 'test', url }).client.url).toBe(new URL(url).origin);
    });

    it('fails cleanly when the node stops answering mid-load', async () => {
      // A TCP relay to the node that dies after the first few requests, like a node going down.
      const target = new URL(url);
      let connections = 0;
      const sockets = new Set<net.Socket>();
      const relay = net.createServer((c) => {
        connections++;
        sockets.add(c);
        const up = net.connect(Number(target.port), target.hostname);
        sockets.add(up);
        c.pipe(up).pipe(c);
        c.on('error', () => up.destroy());
        up.on('error', () => c.destroy());
      });
      await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
      const port = (relay.address() as AddressInfo).port;
      const c = new EsClient({ url: `http://127.0.0.1:${port}`, attempts: 3, backoffMs: 20 });
      let pages = 0;
      const p = readClusterRange(c, {
        indexPattern: 'winlogbeat-*',
        range: { from: '2010-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' },
        pageSize: 20,
        onProgress: (pr) => {
          if (pr.phase === 'edges' && pr.pages > 0) pages = pr.pages;
          if (pr.pages === 2) {
            relay.close();
            for (const s of sockets) s.destroy();
          }
        },
      });
      const err = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(EsError);
      expect((err as EsError).code).toBe('unreachable');
      expect((err as EsError).message).toMatch(/after 3 attempts/);
      expect(pages).toBe(2);
      expect(connections).toBeGreaterThan(0);
      c.close();
    });
  },
);
