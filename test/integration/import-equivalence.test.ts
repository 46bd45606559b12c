// A server import stores the same dataset, events and links whatever the number of EVTX workers,
// and the same as the import did before it analysed in one pass (events read back from the store
// twice: once for the analysis, once for the links; `storedTheOldWay` below is that path). The
// inputs mix formats, duplicates within and across jobs, a damaged and an unreadable file, an append,
// and a replicated log whose times repeat (the store's time order is then far from the read order,
// and the analysis keeps the first record ids of each flag: the order matters).
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { buildLargeEvtx } from '../../bench/evtx-build.js';
import type { LogonEvent } from '../../src/core/events/index.js';
import { defaultImportDeps } from '../../src/server/ingest/default-deps.js';
import { createEventLinker } from '../../src/server/ingest/event-links.js';
import { importFiles, type ImportDeps, type ImportMessage } from '../../src/server/ingest/import-files.js';
import { readInputFile, streamInputFile } from '../../src/server/ingest/read-input-file.js';
import { openDatabase } from '../../src/server/store/database.js';
import { dedupKey, ImportWriter, type EventLink } from '../../src/server/store/import-writer.js';
import { Store } from '../../src/server/store/store.js';
import { sharedData } from '../helpers/shared-data.js';

const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-import-equivalence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let firstJob: string[];
let secondJob: string[];

beforeAll(() => {
  const copy = path.join(dir, 'size_t-copy.evtx');
  copyFileSync(sharedData('evtx', 'sec-omer-size_t.evtx'), copy);
  const failing = path.join(dir, FAILS_AFTER_READING);
  copyFileSync(sharedData('evtx', 'm2a-4771-valid.evtx'), failing);
  const junk = path.join(dir, 'notes.txt');
  writeFileSync(junk, 'not an event log\n');
  const replicated = path.join(dir, 'replicated.evtx');
  buildLargeEvtx(sharedData('evtx', 'sec-omer-size_t.evtx'), replicated, 3e6);
  firstJob = [
    sharedData('evtx', 'sec-omer-size_t.evtx'),
    sharedData('evtx', 'm2a-kerbrute.evtx'),
    junk,
    failing,
    copy,
    sharedData('evtx-bad', 'dev-derived-truncated-size_t.evtx'),
    sharedData('json', 'otrf-covenant-dcsync.security.ndjson'),
    sharedData('xml-export', 'sys-tsevtx-system.windows.xml'),
    replicated,
  ];
  secondJob = [
    sharedData('evtx', 'm2a-pth-mimikatz.evtx'),
    sharedData('evtx', 'sec-omer-post.evtx'),
    sharedData('evtx', 'm2a-kerbrute.evtx'),
    sharedData('evtx', 'm2a-dcsync.evtx'),
  ];
});

/** A file whose events are read and stored before its import fails: they must leave no trace. */
const FAILS_AFTER_READING = 'fails-after-reading.evtx';

/**
 * The real readers and analysis with `workers` EVTX worker threads, used even for small files;
 * `heldJson` small makes the analysis read the events back from the store.
 */
function depsWith(workers: number, heldJson?: number): ImportDeps {
  return {
    ...defaultImportDeps,
    ...(heldJson === undefined ? {} : { heldJson }),
    readFile: async (file, opts) => {
      const result = await streamInputFile(file, { ...opts, workers, inThreadBelow: 0 });
      if (path.basename(file) === FAILS_AFTER_READING) throw new Error('the disk went away');
      return result;
    },
  };
}

const NOW = () => '2026-01-01T00:00:00.000Z';

async function runJob(dataDir: string, datasetId: string, jobId: string, files: string[], deps: ImportDeps) {
  const db = openDatabase(dataDir);
  const readDb = openDatabase(dataDir, { readonly: true });
  const messages: ImportMessage[] = [];
  try {
    const job = {
      datasetId,
      jobId,
      title: 'equivalence',
      files: files.map((f) => ({ path: f, name: path.basename(f), size: statSync(f).size })),
    };
    await importFiles(db, readDb, deps, job, (m) => messages.push(m), NOW);
  } finally {
    readDb.close();
    db.close();
  }
  return messages;
}

/** Every row the import wrote for the dataset (not its revision: the old way bumps it again). */
function snapshot(db: Database.Database, datasetId: string) {
  // The dataset's own id is left out: each run makes a new dataset.
  const all = (sql: string) =>
    (db.prepare(sql).raw().all(datasetId) as unknown[][]).map((row) =>
      row.map((cell) => (cell === datasetId ? 'the dataset' : cell)),
    );
  return {
    dataset: all(
      `SELECT state, error, time_from, time_to, event_count, edge_count, node_count, read_stats, coverage FROM datasets WHERE id = ?`,
    ),
    imports: all(
      `SELECT id, job_id, state, name, size, sha256, format, records_read, events_new, events_duplicate, skipped, warnings
       FROM imports WHERE dataset_id = ? ORDER BY id`,
    ),
    events: all(`SELECT seq, import_id, dedup, time_ms, data FROM events WHERE dataset_id = ? ORDER BY seq`),
    nodes: all(`SELECT id, hidden, search, data FROM nodes WHERE dataset_id = ? ORDER BY id`),
    edges: all(`SELECT * FROM edges WHERE dataset_id = ? ORDER BY id`),
    edgeHours: all(`SELECT * FROM edge_hours WHERE dataset_id = ? ORDER BY hour, edge_id`),
    nodeHours: all(`SELECT * FROM node_hours WHERE dataset_id = ? ORDER BY hour, node_id`),
    eventLinks: all(`SELECT * FROM event_links WHERE dataset_id = ? ORDER BY edge_no, time_ms, seq`),
    flagLinks: all(`SELECT * FROM flag_links WHERE dataset_id = ? ORDER BY node_id, time_ms, seq`),
    detections: all(`SELECT * FROM detections WHERE dataset_id = ? ORDER BY id`),
  };
}

/** The roll-ups as the import wrote them before: the stored events read back for the analysis, then again for the links. */
function storedTheOldWay(dataDir: string, datasetId: string): void {
  const db = openDatabase(dataDir);
  const readDb = openDatabase(dataDir, { readonly: true });
  try {
    const writer = new ImportWriter(db);
    const reader = new ImportWriter(readDb);
    const stats = writer.readStats(datasetId);
    const sources = writer.sources(datasetId);
    const analysis = defaultImportDeps.analyze(
      (function* () {
        for (const row of reader.iterateEvents(datasetId)) yield row.event;
      })(),
      { sources, readStats: stats, title: 'equivalence' },
    );
    const link = createEventLinker(analysis);
    function* links(): Generator<EventLink> {
      for (const row of reader.iterateEvents(datasetId)) yield [link(row.event), row.timeMs, row.seq];
    }
    writer.replaceRollups(datasetId, analysis.dataset, links(), reader.eventCount(datasetId));
  } finally {
    readDb.close();
    db.close();
  }
}

/** The rows the events table should hold: each readable file read on this thread, duplicates dropped. */
async function expectedEventRows(jobs: string[][]): Promise<[string, number, string][]> {
  const seen = new Set<string>();
  const rows: [string, number, string][] = [];
  for (const file of jobs.flat()) {
    if (path.basename(file) === FAILS_AFTER_READING) continue;
    let events: LogonEvent[];
    try {
      events = (await readInputFile(file, { eventIds: defaultImportDeps.eventIds, inThreadBelow: 1e12 }))
        .events;
    } catch {
      continue; // the unreadable file: stores nothing
    }
    for (const e of events) {
      const key = dedupKey(e);
      if (seen.has(key)) continue;
      seen.add(key);
      const ms = Date.parse(e.time);
      rows.push([key, Number.isFinite(ms) ? ms : 0, JSON.stringify(e)]);
    }
  }
  return rows;
}

describe('server import with 1 and 2 EVTX workers', () => {
  const results = new Map<string, ReturnType<typeof snapshot>>();

  it.each([
    ['1 worker', 1, undefined],
    ['2 workers', 2, undefined],
    ['2 workers, events read back from the store', 2, 50_000],
  ] as const)('%s: stores what the old path stored, events and roll-ups', async (name, workers, held) => {
    const dataDir = path.join(dir, name.replace(/\W+/g, '-'));
    const store = Store.open(dataDir);
    const datasetId = store.createDataset('equivalence').id;
    store.close();
    /** The rows after a job, checked against the old way's roll-ups over the same stored events. */
    const checked = async (jobId: string, files: string[]) => {
      const messages = await runJob(dataDir, datasetId, jobId, files, depsWith(workers, held));
      expect(messages.at(-1)).toMatchObject({ type: 'done' });
      const db = openDatabase(dataDir, { readonly: true });
      const rows = snapshot(db, datasetId);
      db.close();
      storedTheOldWay(dataDir, datasetId);
      const again = openDatabase(dataDir, { readonly: true });
      expect(snapshot(again, datasetId), jobId).toEqual(rows);
      again.close();
      return { messages, rows };
    };
    const first = await checked('job-1', firstJob);
    expect(first.messages.filter((m) => m.type === 'file' && m.result.error !== null)).toHaveLength(2);
    const { rows } = await checked('job-2', secondJob);
    expect(rows.dataset[0]?.slice(0, 2)).toEqual(['ready', null]);
    expect(rows.eventLinks.length).toBeGreaterThan(1000);
    expect(rows.flagLinks.length).toBeGreaterThan(100);
    const expected = await expectedEventRows([firstJob, secondJob]);
    expect(rows.events.map((r) => r.slice(2))).toEqual(expected);
    results.set(name, rows);
  });

  it('stores the same rows with 1 and 2 workers, from memory or read back', () => {
    const one = results.get('1 worker');
    expect(one).toBeDefined();
    expect(results.get('2 workers')).toEqual(one);
    expect(results.get('2 workers, events read back from the store')).toEqual(one);
  });
});
