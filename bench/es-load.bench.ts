// `npm run bench -- es-load`: loading a day and a week from a real OpenSearch node by aggregation
// (what POST /api/es/load does) against a scroll-everything load of the same range (what
// LogonTracer's "Load from ES" does: every raw document over the wire), measured in the same run.
//
// It starts the embedded node of test/opensearch, indexes LOGONLENS_BENCH_DOCS (default 1,000,000)
// ECS documents made by replaying the real sample logs across 14 days, ~2,000 accounts (skewed:
// a few busy ones, many quiet ones, each with a few habits taken from the real events) and ~500
// hosts, then runs each load in a child process so that
// its peak memory (max RSS) is its own. Needs Java 17 + Maven and the sample logs in test/fixtures/logs.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGraphBuilder } from '../src/core/analysis/index.js';
import type { LogonEvent } from '../src/core/events/logon-event.js';
import { SECURITY_EVENT_IDS } from '../src/core/events/logon-event.js';
import { readEvtx } from '../src/core/readers/evtx/index.js';
import { EsClient } from '../src/server/es/client.js';
import { bulkIndex } from '../src/server/es/bulk.js';
import { getClusterInfo } from '../src/server/es/info.js';
import { readClusterRange, replayEvents, searchAfterAll } from '../src/server/es/loader.js';
import { buildFilter } from '../src/server/es/queries.js';
import { eventFromSource } from '../src/server/es/to-event.js';
import { toEcsDocument, winlogbeatTemplate } from '../src/server/es/to-ecs.js';
import { seededRandom } from '../src/core/testing/prng.js';
import { startOpenSearch, unavailableReason } from '../test/opensearch/start-node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(here, '../test/fixtures/logs');
const STREAM = 'winlogbeat-8.12.0';
const BASE = Date.parse('2024-03-04T00:00:00Z');
const DAYS = 14;
/** Accounts and habits per account: fewer make denser edges (a busier domain per edge). */
const ACCOUNTS = Number(process.env.LOGONLENS_BENCH_ACCOUNTS ?? 2000);
const HABITS = Number(process.env.LOGONLENS_BENCH_HABITS ?? 4);
const DAY = { from: '2024-03-06T00:00:00Z', to: '2024-03-07T00:00:00Z' };
const WEEK = { from: '2024-03-06T00:00:00Z', to: '2024-03-13T00:00:00Z' };

type Mode = 'agg' | 'scroll';

async function child(mode: Mode, url: string, range: { from: string; to: string }): Promise<void> {
  const client = new EsClient({ url, timeoutMs: 600_000 });
  const t0 = performance.now();
  let edges: number;
  let documents = 0;
  let buckets = 0;
  if (mode === 'agg') {
    const read = await readClusterRange(client, { indexPattern: 'winlogbeat-*', range });
    buckets = read.buckets.length;
    documents = read.documents;
    const builder = createGraphBuilder();
    for (const ev of replayEvents(read)) builder.add(ev);
    edges = builder.finish().edges.length;
  } else {
    // Every Security document of the range, whole, in pages of 5,000 (a PIT + search_after, the
    // modern form of a scroll), each turned into an event and fed to the same graph builder.
    const info = await getClusterInfo(client);
    const builder = createGraphBuilder();
    const query = buildFilter(range, ['winlog.event_id'], [...SECURITY_EVENT_IDS]);
    for await (const src of searchAfterAll(client, info, 'winlogbeat-*', query, 5000, undefined, ['*'])) {
      documents++;
      const ev = eventFromSource(src);
      if (ev) builder.add(ev);
    }
    edges = builder.finish().edges.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      mode,
      seconds,
      bytes: client.bytesReceived,
      requests: client.requests,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      documents,
      buckets,
      edges,
    }),
  );
  client.close();
}

function sampleEvents(): LogonEvent[] {
  const dir = path.join(SHARED, 'evtx');
  const wanted: ReadonlySet<number> = new Set(SECURITY_EVENT_IDS);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.evtx') && !f.startsWith('sys-'))
    .flatMap((f) => readEvtx(new Uint8Array(readFileSync(path.join(dir, f)))).events)
    .filter((e) => wanted.has(e.eventId));
}

function* synthetic(base: LogonEvent[], n: number): Generator<{ doc: unknown }> {
  const r = seededRandom(42);
  for (let i = 0; i < n; i++) {
    const u = Math.floor(ACCOUNTS * r() ** 3); // skewed: busy accounts log on far more often
    // Each account has a few habits (kinds of logon, taken from the real events) and a few hosts,
    // as real accounts do: that repetition is what an aggregation folds.
    const t = base[(u * 17 + Math.floor(r() * HABITS)) % base.length]!;
    const h = (u * 7 + Math.floor(r() * 3)) % 500;
    const ms = BASE + Math.floor(r() * DAYS * 86_400_000);
    const ev: LogonEvent = {
      ...t,
      time: new Date(ms).toISOString(),
      recordId: i + 1,
      computer: t.computer ? `${t.computer.split('.')[0]}-${h % 40}.corp.example` : null,
      targetUser: t.targetUser && !t.targetUser.endsWith('$') ? `${t.targetUser}${u}` : t.targetUser,
      subjectUser:
        t.subjectUser && t.subjectUser !== '-' && !t.subjectUser.endsWith('$')
          ? `${t.subjectUser}${u}`
          : t.subjectUser,
      ipAddress: t.ipAddress && /^\d/.test(t.ipAddress) ? `10.20.${h >> 8}.${h & 255}` : t.ipAddress,
      workstation: t.workstation && t.workstation !== '-' ? `WS${h}` : t.workstation,
    };
    yield { doc: toEcsDocument(ev) };
  }
}

async function main(): Promise<void> {
  const [, , flag, mode, url, from, to] = process.argv;
  if (flag === '--child' && (mode === 'agg' || mode === 'scroll') && url && from && to) {
    await child(mode, url, { from, to });
    return;
  }
  const reason = unavailableReason();
  if (reason) {
    console.log(`es-load bench skipped: ${reason}`);
    return;
  }
  const total = Number(process.env.LOGONLENS_BENCH_DOCS ?? 1_000_000);
  const node = await startOpenSearch({ heap: '1g' });
  try {
    const client = new EsClient({ url: node.url, timeoutMs: 600_000 });
    await client.request({
      method: 'PUT',
      path: `/_index_template/${STREAM}`,
      body: winlogbeatTemplate(`${STREAM}*`, true),
    });
    const base = sampleEvents();
    const t0 = performance.now();
    const r = await bulkIndex(client, STREAM, synthetic(base, total), {
      op: 'create',
      maxBytes: 8 * 1024 * 1024,
    });
    await client.request({ method: 'POST', path: `/${STREAM}/_forcemerge`, query: { max_num_segments: 1 } });
    const idx = (performance.now() - t0) / 1000;
    console.log(
      `indexed ${r.indexed.toLocaleString('en')} documents (${r.failed} failed) replayed from ${base.length} real events in ${idx.toFixed(0)} s over ${DAYS} days, ${ACCOUNTS} accounts with ${HABITS} habits each`,
    );
    client.close();
    const rows: string[] = [];
    for (const [label, range] of [
      ['day', DAY],
      ['week', WEEK],
    ] as const) {
      for (const mode of ['agg', 'scroll'] as const) {
        const res = spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            fileURLToPath(import.meta.url),
            '--child',
            mode,
            node.url,
            range.from,
            range.to,
          ],
          { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
        );
        const line = res.stdout.trim().split('\n').pop() ?? '';
        if (res.status !== 0 || !line.startsWith('{')) {
          console.log(`${label} ${mode} failed: ${res.stderr.slice(-2000)}`);
          continue;
        }
        const m = JSON.parse(line) as {
          seconds: number;
          bytes: number;
          requests: number;
          maxRssMb: number;
          documents: number;
          buckets: number;
          edges: number;
        };
        rows.push(
          `${label.padEnd(5)} ${(mode === 'agg' ? 'aggregation' : 'scroll-all').padEnd(12)} ${m.seconds.toFixed(2).padStart(8)} s ${(m.bytes / 1048576).toFixed(1).padStart(9)} MiB ${m.maxRssMb.toFixed(0).padStart(6)} MiB  ${String(m.documents).padStart(8)} docs ${String(m.buckets).padStart(7)} buckets ${String(m.edges).padStart(6)} edges ${String(m.requests).padStart(5)} requests`,
        );
        console.log(rows.at(-1));
      }
    }
    console.log(
      '\nrange mode          time        received  peak RSS  (documents in range, aggregation buckets, graph edges, HTTP requests)',
    );
    for (const row of rows) console.log(row);
  } finally {
    await node.stop();
  }
}

await main();
