import { ROLLUP_TABLES } from './migrations.js';
import type Database from 'better-sqlite3';
import type { Dataset, DatasetNode, DatasetSource, ReadStatsSummary } from '../../core/dataset/index.js';
import { datasetSources } from './dataset-sources.js';
import type { LogonEvent } from '../../core/events/index.js';
import { eventRows, type EventRows } from './event-row.js';

export { dedupKey } from './event-row.js';

/** What /graph's `search` matches for a node: its label, name, addresses and other names, lower-cased. */
export function nodeSearchText(n: DatasetNode): string {
  return [n.label, n.name, ...n.ips, ...n.names].join('\u0000').toLowerCase();
}

/** Hour bucket of a time in ms, as the dataset format defines it. */
export function unixHour(ms: number): number {
  return Math.floor(ms / 3_600_000);
}

export interface ImportedFileInfo {
  sha256: string | null;
  format: string | null;
  recordsRead: number;
  eventsNew: number;
  eventsDuplicate: number;
  skipped: Record<string, number>;
  warnings: number;
}

/** Where an event is drilled down from: the edge it was counted in, the nodes whose flags cite it. */
export interface EventLinks {
  edge: string | null;
  flaggedNodes: readonly string[];
}

/** A stored event with its links. */
export type EventLink = readonly [links: EventLinks, timeMs: number, seq: number];

/**
 * The write side of an import, used by the import worker on its own connection. Events go in in
 * small transactions (so that other writers are never blocked for long), tagged with their import;
 * the roll-ups change only in `replaceRollups`, one transaction that also marks the imports done.
 * Until then a crash leaves the import 'running' or 'parsed' and Store.recoverInterrupted removes it.
 */
export class ImportWriter {
  private insert: Database.Statement | null = null;

  constructor(private readonly db: Database.Database) {}

  /** `file.sources`: what a non-file import read (an Elasticsearch range), reported as the dataset's sources. */
  beginImport(
    datasetId: string,
    jobId: string,
    file: { name: string; size: number; sources?: readonly DatasetSource[] },
    now: string,
  ): number {
    const r = this.db
      .prepare(
        `INSERT INTO imports (dataset_id, job_id, state, name, size, created_at, source) VALUES (?, ?, 'running', ?, ?, ?, ?)`,
      )
      .run(
        datasetId,
        jobId,
        file.name,
        file.size,
        now,
        file.sources === undefined ? null : JSON.stringify(file.sources),
      );
    return Number(r.lastInsertRowid);
  }

  /**
   * Inserts a batch in one transaction; duplicates (same dedup key in this dataset) are skipped.
   * `onInserted` hears of each row written (not of duplicates), with its time, seq and JSON.
   */
  insertEvents(
    datasetId: string,
    importId: number,
    events: readonly LogonEvent[],
    onInserted?: (event: LogonEvent, timeMs: number, seq: number, json: string) => void,
  ): { inserted: number; duplicates: number } {
    return this.insertRows(datasetId, importId, events, eventRows(events), onInserted);
  }

  /** insertEvents with the stored columns already prepared (`rows[i]` is `events[i]`'s). */
  insertRows(
    datasetId: string,
    importId: number,
    events: readonly LogonEvent[],
    rows: EventRows,
    onInserted?: (event: LogonEvent, timeMs: number, seq: number, json: string) => void,
  ): { inserted: number; duplicates: number } {
    const stmt = this.insertStatement();
    const { dedup, timeMs, json } = rows;
    let inserted = 0;
    this.db.transaction(() => {
      for (let i = 0; i < events.length; i++) {
        const r = stmt.run(datasetId, importId, dedup[i], timeMs[i], json[i]);
        if (r.changes === 0) continue;
        inserted++;
        onInserted?.(events[i]!, timeMs[i]!, Number(r.lastInsertRowid), json[i]!);
      }
    })();
    return { inserted, duplicates: events.length - inserted };
  }

  private insertStatement(): Database.Statement {
    this.insert ??= this.db.prepare(
      `INSERT OR IGNORE INTO events (dataset_id, import_id, dedup, time_ms, data) VALUES (?, ?, ?, ?, ?)`,
    );
    return this.insert;
  }

  /** The highest seq of the dataset's events, or null when it has none. */
  lastSeq(datasetId: string): number | null {
    const r = this.db.prepare(`SELECT MAX(seq) AS m FROM events WHERE dataset_id = ?`).get(datasetId) as {
      m: number | null;
    };
    return r.m;
  }

  markParsed(importId: number, info: ImportedFileInfo): void {
    this.db
      .prepare(
        `UPDATE imports SET state = 'parsed', sha256 = ?, format = ?, records_read = ?, events_new = ?,
           events_duplicate = ?, skipped = ?, warnings = ? WHERE id = ?`,
      )
      .run(
        info.sha256,
        info.format,
        info.recordsRead,
        info.eventsNew,
        info.eventsDuplicate,
        JSON.stringify(info.skipped),
        info.warnings,
        importId,
      );
  }

  /** A file that could not be read: its rows go, the import stays on record as failed. */
  markFailed(importId: number): void {
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM events WHERE import_id = ?`).run(importId);
      this.db.prepare(`UPDATE imports SET state = 'failed' WHERE id = ?`).run(importId);
    })();
  }

  /** The dataset's sources, with the imports parsed but not yet committed (for the re-analysis). */
  sources(datasetId: string): DatasetSource[] {
    return datasetSources(this.db, datasetId, { withParsed: true });
  }

  /** Read statistics over every import that is done or about to be (parsed). */
  readStats(datasetId: string): Omit<ReadStatsSummary, 'eventsUsed'> {
    const rows = this.db
      .prepare(
        `SELECT records_read, events_duplicate, skipped, warnings FROM imports WHERE dataset_id = ? AND state IN ('done', 'parsed')`,
      )
      .all(datasetId) as {
      records_read: number;
      events_duplicate: number;
      skipped: string;
      warnings: number;
    }[];
    const eventsSkipped: Record<string, number> = {};
    let recordsRead = 0;
    let warnings = 0;
    for (const r of rows) {
      recordsRead += r.records_read;
      warnings += r.warnings;
      const skipped = JSON.parse(r.skipped) as Record<string, number>;
      for (const [k, v] of Object.entries(skipped)) eventsSkipped[k] = (eventsSkipped[k] ?? 0) + v;
      if (r.events_duplicate > 0)
        eventsSkipped['duplicate'] = (eventsSkipped['duplicate'] ?? 0) + r.events_duplicate;
    }
    return { recordsRead, eventsSkipped, warnings };
  }

  /**
   * Every stored event of the dataset, oldest first (time, then seq; use a second connection while
   * writing); with `upToSeq`, only those up to that seq.
   */
  *iterateEvents(
    datasetId: string,
    upToSeq: number = Number.MAX_SAFE_INTEGER,
  ): Generator<{ seq: number; timeMs: number; event: LogonEvent }> {
    const stmt = this.db
      .prepare(
        `SELECT seq, time_ms, data FROM events WHERE dataset_id = ? AND seq <= ? ORDER BY time_ms, seq`,
      )
      .raw();
    for (const row of stmt.iterate(datasetId, upToSeq) as IterableIterator<[number, number, string]>) {
      yield { seq: row[0], timeMs: row[1], event: JSON.parse(row[2]) as LogonEvent };
    }
  }

  eventCount(datasetId: string): number {
    const r = this.db.prepare(`SELECT COUNT(*) AS n FROM events WHERE dataset_id = ?`).get(datasetId) as {
      n: number;
    };
    return r.n;
  }

  /**
   * Replaces the roll-ups with those of an import that covers every range of the dataset (an
   * Elasticsearch load reads all its ranges again): the earlier imports are superseded in the same
   * transaction as the new roll-ups, so the dataset reports its ranges once.
   */
  replaceRollupsSuperseding(datasetId: string, importId: number, dataset: Dataset, eventCount: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE imports SET state = 'superseded' WHERE dataset_id = ? AND state = 'done' AND id <> ?`,
        )
        .run(datasetId, importId);
      this.replaceRollups(datasetId, dataset, [], eventCount);
    })();
  }

  /**
   * Replaces the dataset's roll-ups with `dataset` (the analysis of all its events) and the drill-down
   * links, marks its parsed imports done and bumps the revision: all in one transaction, so readers
   * see either the previous roll-ups or the new ones.
   */
  replaceRollups(datasetId: string, dataset: Dataset, links: Iterable<EventLink>, eventCount: number): void {
    const db = this.db;
    db.transaction(() => {
      for (const table of ROLLUP_TABLES) {
        db.prepare(`DELETE FROM ${table} WHERE dataset_id = ?`).run(datasetId);
      }
      const insNode = db.prepare(
        `INSERT INTO nodes (dataset_id, id, hidden, search, data) VALUES (?, ?, ?, ?, ?)`,
      );
      const insNodeHour = db.prepare(
        `INSERT OR IGNORE INTO node_hours (dataset_id, hour, node_id) VALUES (?, ?, ?)`,
      );
      for (const n of dataset.nodes) {
        insNode.run(datasetId, n.id, n.hidden, nodeSearchText(n), JSON.stringify(n));
        for (const f of n.flags) insNodeHour.run(datasetId, unixHour(Date.parse(f.time)), n.id);
      }
      const insEdge = db.prepare(
        `INSERT INTO edges (dataset_id, id, no, account, source, target, event_id, logon_type, failure, total, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const edgeNo = new Map<string, number>();
      const insHour = db.prepare(
        `INSERT INTO edge_hours (dataset_id, hour, edge_id, count) VALUES (?, ?, ?, ?)`,
      );
      for (const e of dataset.edges) {
        edgeNo.set(e.id, edgeNo.size);
        insEdge.run(
          datasetId,
          e.id,
          edgeNo.size - 1,
          e.account,
          e.source,
          e.target,
          e.eventId,
          e.logonType,
          e.failure ? 1 : 0,
          e.count,
          JSON.stringify(e),
        );
        for (const [hour, count] of e.hourly) insHour.run(datasetId, hour, e.id, count);
      }
      const insLink = db.prepare(
        `INSERT INTO event_links (dataset_id, edge_no, time_ms, seq) VALUES (?, ?, ?, ?)`,
      );
      const insFlag = db.prepare(
        `INSERT OR IGNORE INTO flag_links (dataset_id, node_id, time_ms, seq) VALUES (?, ?, ?, ?)`,
      );
      for (const [l, timeMs, seq] of links) {
        const no = l.edge === null ? undefined : edgeNo.get(l.edge);
        if (no !== undefined) insLink.run(datasetId, no, timeMs, seq);
        for (const node of l.flaggedNodes) insFlag.run(datasetId, node, timeMs, seq);
      }
      const insDetection = db.prepare(
        `INSERT OR REPLACE INTO detections (dataset_id, id, first_hour, last_hour, data) VALUES (?, ?, ?, ?, ?)`,
      );
      for (const d of dataset.detections) {
        insDetection.run(
          datasetId,
          d.id,
          unixHour(Date.parse(d.first)),
          unixHour(Date.parse(d.last)),
          JSON.stringify(d),
        );
      }
      db.prepare(`UPDATE datasets SET coverage = ? WHERE id = ?`).run(
        dataset.coverage === undefined || dataset.coverage === null ? null : JSON.stringify(dataset.coverage),
        datasetId,
      );
      db.prepare(`UPDATE imports SET state = 'done' WHERE dataset_id = ? AND state = 'parsed'`).run(
        datasetId,
      );
      db.prepare(
        `UPDATE datasets SET state = 'ready', error = NULL, revision = revision + 1, time_from = ?, time_to = ?,
           event_count = ?, edge_count = ?, node_count = ?, read_stats = ? WHERE id = ?`,
      ).run(
        dataset.timeRange?.from ?? null,
        dataset.timeRange?.to ?? null,
        eventCount,
        dataset.edges.length,
        dataset.nodes.length,
        JSON.stringify(dataset.readStats),
        datasetId,
      );
    })();
  }
}
