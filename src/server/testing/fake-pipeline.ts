// Stand-ins for the readers and the analysis in the server's unit tests, so that the store, the
// routes and the jobs are tested on their own. Integration tests (test/integration/server-*) use
// the real ones on real logs.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { cutEdge } from '../../core/analysis/view.js';
import {
  accountId,
  hostId,
  ipId,
  NO_SOURCE_ID,
  normalizeHostName,
  normalizeIp,
} from '../../core/analysis/ids.js';
import {
  DATASET_FORMAT_V1,
  type Dataset,
  type DatasetEdge,
  type DatasetNode,
} from '../../core/dataset/index.js';
import { emptyEvent, type LogonEvent } from '../../core/events/index.js';
import { UnreadableInputError } from '../../core/readers/types.js';
import type { ImportDeps } from '../ingest/import-files.js';
import type { RankFn } from '../graph/window-dataset.js';
import type { ImportRunner } from '../jobs/job-manager.js';
import { inProcessImportRunner } from '../jobs/in-process-runner.js';

/** Reads NDJSON of LogonEvent (one per line); a file not starting with `{` is unreadable. */
export const fakeReadFile: ImportDeps['readFile'] = async (path, opts) => {
  const bytes = await readFile(path);
  const text = bytes.toString('utf8');
  if (!text.startsWith('{')) throw new UnreadableInputError('not an event log (test reader: NDJSON only)');
  const events: LogonEvent[] = [];
  let bad = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      events.push(JSON.parse(line) as LogonEvent);
    } catch {
      bad++;
    }
  }
  opts.onProgress?.({ bytes: bytes.length, totalBytes: bytes.length, records: events.length + bad });
  return {
    format: 'json',
    events,
    warnings: bad > 0 ? [{ code: 'json-bad-line', message: `${bad} lines are not JSON` }] : [],
    warningCounts: bad > 0 ? { 'json-bad-line': bad } : {},
    stats: {
      recordsRead: events.length + bad,
      eventsReturned: events.length,
      skipped: bad > 0 ? { corrupt: bad } : {},
      bytes: bytes.length,
    },
    source: {
      name: path,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: 'json',
    },
  };
};

/** A minimal analysis: account → target edges per (account, source, target, event ID, logon type). */
export const fakeAnalyze: ImportDeps['analyze'] = (events, meta) => {
  const nodes = new Map<string, DatasetNode>();
  const edges = new Map<string, DatasetEdge>();
  const node = (id: string, kind: DatasetNode['kind'], label: string): string => {
    if (!nodes.has(id)) {
      nodes.set(id, {
        id,
        kind,
        label,
        name: label.toLowerCase(),
        domain: null,
        sid: null,
        ips: [],
        names: [],
        hidden: label.endsWith('$') ? 'machine-account' : null,
        flags: [],
        notes: [],
      });
    }
    return id;
  };
  let used = 0;
  let from: string | null = null;
  let to: string | null = null;
  for (const e of events) {
    if (e.targetUser === null) continue;
    used++;
    const { account, source, target, id } = fakeEdgeOf(e, e.targetUser);
    node(account, 'account', e.targetUser);
    if (target !== null) node(target, 'host', normalizeHostName(e.computer) ?? '');
    node(source, 'ip', normalizeIp(e.ipAddress) ?? '-');
    const hour = Math.floor(Date.parse(e.time) / 3_600_000);
    const edge = edges.get(id);
    if (edge === undefined) {
      edges.set(id, {
        id,
        account,
        source,
        target,
        eventId: e.eventId,
        logonType: e.logonType,
        status: null,
        subStatus: null,
        authPackage: null,
        failure: e.eventId === 4625,
        count: 1,
        first: e.time,
        last: e.time,
        hourly: [[hour, 1]],
      });
    } else {
      edge.count++;
      if (e.time < edge.first) edge.first = e.time;
      if (e.time > edge.last) edge.last = e.time;
      const b = edge.hourly.find((h) => h[0] === hour);
      if (b !== undefined) b[1]++;
      else edge.hourly.push([hour, 1]);
      edge.hourly.sort((a, b2) => a[0] - b2[0]);
    }
    if (from === null || e.time < from) from = e.time;
    if (to === null || e.time > to) to = e.time;
  }
  const skipped = { ...meta.readStats.eventsSkipped };
  const dataset: Dataset = {
    format: DATASET_FORMAT_V1,
    generator: { name: 'logonlens', version: 'test' },
    createdAt: new Date(0).toISOString(),
    title: meta.title ?? null,
    sources: meta.sources,
    timeRange: from !== null && to !== null ? { from, to } : null,
    window: null,
    readStats: {
      recordsRead: meta.readStats.recordsRead,
      eventsUsed: used,
      eventsSkipped: skipped,
      warnings: meta.readStats.warnings,
    },
    nodes: [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: [...edges.values()],
    rankings: [],
    detections: [],
  };
  return {
    dataset,
    edgeIdOf: (e) => (e.targetUser === null ? null : fakeEdgeOf(e, e.targetUser).id),
  };
};

/** The fake analysis' edge of an event: its ends' node ids and the edge id (a hash of its key). */
function fakeEdgeOf(
  e: LogonEvent,
  targetUser: string,
): { account: string; source: string; target: string | null; id: string } {
  const account = accountId(e.targetDomain, targetUser);
  const host = normalizeHostName(e.computer);
  const target = host === null ? null : hostId(host);
  const ip = normalizeIp(e.ipAddress);
  const source = ip === null ? NO_SOURCE_ID : ipId(ip);
  const id = `e${createHash('sha1')
    .update(JSON.stringify([account, source, target, e.eventId, e.logonType]))
    .digest('hex')
    .slice(0, 12)}`;
  return { account, source, target, id };
}

/** Cuts edges to the window (the real rankDataset also ranks). */
export const fakeRank: RankFn = (d, window) => {
  if (window === null) return d;
  const from = Math.floor(Date.parse(window.from) / 3_600_000);
  const to = Math.ceil(Date.parse(window.to) / 3_600_000);
  return {
    ...d,
    window,
    edges: d.edges.flatMap((e) => {
      const c = cutEdge(e, from, to);
      return c === null ? [] : [c];
    }),
  };
};

export const fakeDeps: ImportDeps = {
  readFile: fakeReadFile,
  analyze: fakeAnalyze,
  eventIds: null,
};

/** Runs imports in-process (no worker thread) with the fakes, on the data directory's database. */
export function inProcessRunner(dataDir: string, deps: ImportDeps = fakeDeps): ImportRunner {
  return inProcessImportRunner(dataDir, deps);
}

/** A LogonEvent for tests. */
export function testEvent(over: Partial<LogonEvent> & { time: string; recordId: number }): LogonEvent {
  return {
    ...emptyEvent(4624, over.time),
    channel: 'Security',
    provider: 'Microsoft-Windows-Security-Auditing',
    computer: 'DC1.corp.local',
    targetUser: 'alice',
    targetDomain: 'CORP',
    logonType: '3',
    ipAddress: '10.0.0.5',
    ...over,
  };
}
