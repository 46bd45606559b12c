import { ROLLUP_TABLES } from './migrations.js';
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  checkAnnotation,
  type Annotation,
  type AnnotationTarget,
  type Coverage,
  type DatasetEdge,
  type DatasetNode,
  type DatasetSource,
  type Detection,
  type ReadStatsSummary,
} from '../../core/dataset/index.js';
import type { LogonEvent } from '../../core/events/index.js';
import { datasetSources } from './dataset-sources.js';
import { openDatabase } from './database.js';
import { NotFoundError, type DatasetInfo, type DatasetState, type JobInfo } from './types.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Random, URL-safe ids: never derived from anything a client sent. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}

interface DatasetRow {
  id: string;
  name: string;
  created_at: string;
  state: DatasetState;
  error: string | null;
  revision: number;
  time_from: string | null;
  time_to: string | null;
  event_count: number;
  edge_count: number;
  node_count: number;
  files: number;
}

const DATASET_SELECT = `SELECT d.*, (SELECT COUNT(*) FROM imports i WHERE i.dataset_id = d.id AND i.state = 'done') AS files FROM datasets d`;

function toInfo(r: DatasetRow): DatasetInfo {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    state: r.state,
    error: r.error,
    revision: r.revision,
    timeRange: r.time_from !== null && r.time_to !== null ? { from: r.time_from, to: r.time_to } : null,
    counts: { events: r.event_count, edges: r.edge_count, nodes: r.node_count, files: r.files },
  };
}

export interface WindowEdgeRow {
  id: string;
  /** Events in the window. */
  count: number;
  eventId: number;
  logonType: string | null;
  failure: boolean;
  account: string;
  source: string | null;
  target: string | null;
}

export interface EventPageRow {
  seq: number;
  timeMs: number;
  event: LogonEvent;
}

/**
 * The embedded store, as the HTTP thread sees it: dataset and job bookkeeping plus the read queries
 * behind /graph and /events. Import workers write through ImportWriter on their own connection.
 */
export class Store {
  private constructor(
    readonly db: Database.Database,
    readonly dataDir: string,
    private readonly clock: Clock,
  ) {}

  static open(dataDir: string, clock: Clock = systemClock): Store {
    return new Store(openDatabase(dataDir), dataDir, clock);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  createDataset(name: string): DatasetInfo {
    const id = newId('ds');
    this.db
      .prepare(`INSERT INTO datasets (id, name, created_at, state) VALUES (?, ?, ?, 'empty')`)
      .run(id, name, this.nowIso());
    return this.getDataset(id);
  }

  listDatasets(): DatasetInfo[] {
    const rows = this.db.prepare(`${DATASET_SELECT} ORDER BY d.created_at DESC, d.id`).all() as DatasetRow[];
    return rows.map(toInfo);
  }

  findDataset(id: string): DatasetInfo | null {
    const row = this.db.prepare(`${DATASET_SELECT} WHERE d.id = ?`).get(id) as DatasetRow | undefined;
    return row === undefined ? null : toInfo(row);
  }

  getDataset(id: string): DatasetInfo {
    const d = this.findDataset(id);
    if (d === null) throw new NotFoundError(`no dataset with id ${JSON.stringify(id.slice(0, 100))}`);
    return d;
  }

  renameDataset(id: string, name: string): DatasetInfo {
    const r = this.db.prepare(`UPDATE datasets SET name = ? WHERE id = ?`).run(name, id);
    if (r.changes === 0) throw new NotFoundError(`no dataset with id ${JSON.stringify(id.slice(0, 100))}`);
    return this.getDataset(id);
  }

  setDatasetState(id: string, state: DatasetState, error: string | null = null): void {
    this.db.prepare(`UPDATE datasets SET state = ?, error = ? WHERE id = ?`).run(state, error, id);
  }

  /** Deletes a dataset and everything derived from it, in one transaction. */
  deleteDataset(id: string): void {
    this.getDataset(id);
    this.db.transaction(() => {
      for (const table of ['events', ...ROLLUP_TABLES, 'annotations', 'jobs']) {
        this.db.prepare(`DELETE FROM ${table} WHERE dataset_id = ?`).run(id);
      }
      this.db.prepare(`DELETE FROM imports WHERE dataset_id = ?`).run(id);
      this.db.prepare(`DELETE FROM datasets WHERE id = ?`).run(id);
    })();
  }

  saveJob(job: JobInfo): void {
    this.db
      .prepare(
        `INSERT INTO jobs (id, dataset_id, state, created_at, finished_at, progress, warnings, error, result)
         VALUES (@id, @datasetId, @state, @createdAt, @finishedAt, @progress, @warnings, @error, @result)
         ON CONFLICT(id) DO UPDATE SET state = excluded.state, finished_at = excluded.finished_at,
           progress = excluded.progress, warnings = excluded.warnings, error = excluded.error, result = excluded.result`,
      )
      .run({
        id: job.id,
        datasetId: job.datasetId,
        state: job.state,
        createdAt: job.createdAt,
        finishedAt: job.finishedAt,
        progress: JSON.stringify(job.progress),
        warnings: JSON.stringify(job.warnings),
        error: job.error,
        result: job.result === null ? null : JSON.stringify(job.result),
      });
  }

  findJob(id: string): JobInfo | null {
    const r = this.db.prepare(`SELECT * FROM jobs WHERE id = ?`).get(id) as
      | {
          id: string;
          dataset_id: string;
          state: JobInfo['state'];
          created_at: string;
          finished_at: string | null;
          progress: string;
          warnings: string;
          error: string | null;
          result: string | null;
        }
      | undefined;
    if (r === undefined) return null;
    return {
      id: r.id,
      datasetId: r.dataset_id,
      state: r.state,
      createdAt: r.created_at,
      finishedAt: r.finished_at,
      progress: JSON.parse(r.progress) as JobInfo['progress'],
      warnings: JSON.parse(r.warnings) as JobInfo['warnings'],
      error: r.error,
      result: r.result === null ? null : (JSON.parse(r.result) as JobInfo['result']),
    };
  }

  /**
   * After a crash or kill: imports that had not committed their roll-ups are removed (their events
   * deleted), their jobs marked failed, and their datasets put back to what they were before (ready
   * when an earlier import completed, failed otherwise). Returns the ids of the failed jobs.
   */
  recoverInterrupted(): string[] {
    const message =
      'the server stopped during this import; its partial data was removed (upload the files again)';
    const jobs = this.db
      .prepare(`SELECT id, dataset_id FROM jobs WHERE state IN ('queued', 'running')`)
      .all() as {
      id: string;
      dataset_id: string;
    }[];
    this.db.transaction(() => {
      // Done and superseded (replaced by a later Elasticsearch load of the same dataset) are finished.
      const stale = this.db
        .prepare(`SELECT id FROM imports WHERE state NOT IN ('done', 'superseded')`)
        .all() as { id: number }[];
      for (const imp of stale) {
        this.db.prepare(`DELETE FROM events WHERE import_id = ?`).run(imp.id);
        this.db.prepare(`UPDATE imports SET state = 'failed' WHERE id = ?`).run(imp.id);
      }
      for (const j of jobs) {
        this.db
          .prepare(`UPDATE jobs SET state = 'failed', error = ?, finished_at = ? WHERE id = ?`)
          .run(message, this.nowIso(), j.id);
      }
      this.db
        .prepare(
          `UPDATE datasets SET state = CASE WHEN revision > 0 THEN 'ready' ELSE 'failed' END,
             error = CASE WHEN revision > 0 THEN NULL ELSE ? END
           WHERE state = 'importing'`,
        )
        .run(message);
    })();
    return jobs.map((j) => j.id);
  }

  /** The sources of the dataset's committed imports. */
  sources(datasetId: string): DatasetSource[] {
    return datasetSources(this.db, datasetId, { withParsed: false });
  }

  readStats(datasetId: string): ReadStatsSummary {
    const r = this.db.prepare(`SELECT read_stats FROM datasets WHERE id = ?`).get(datasetId) as
      { read_stats: string } | undefined;
    if (r === undefined)
      throw new NotFoundError(`no dataset with id ${JSON.stringify(datasetId.slice(0, 100))}`);
    return JSON.parse(r.read_stats) as ReadStatsSummary;
  }

  /**
   * The edges with events in the hours [fromHour, toHour): their window count and the attributes
   * /graph filters on, without their JSON (a large window is filtered and capped before parsing).
   */
  windowEdgeRows(datasetId: string, fromHour: number, toHour: number): WindowEdgeRow[] {
    const range = this.db
      .prepare(`SELECT MIN(hour) AS lo, MAX(hour) AS hi FROM edge_hours WHERE dataset_id = ?`)
      .get(datasetId) as { lo: number | null; hi: number | null };
    // A window over the whole dataset needs no hourly sums: each edge's total is stored with it.
    const whole = range.lo === null || range.hi === null || (fromHour <= range.lo && toHour > range.hi);
    const sql = whole
      ? `SELECT id, total, event_id, logon_type, failure, account, source, target FROM edges WHERE dataset_id = @ds`
      : `SELECT e.id, w.n, e.event_id, e.logon_type, e.failure, e.account, e.source, e.target
         FROM (SELECT edge_id, SUM(count) AS n FROM edge_hours WHERE dataset_id = @ds AND hour >= @from AND hour < @to GROUP BY edge_id) w
         CROSS JOIN edges e ON e.dataset_id = @ds AND e.id = w.edge_id`;
    const rows = this.db
      .prepare(sql)
      .raw()
      .all(whole ? { ds: datasetId } : { ds: datasetId, from: fromHour, to: toHour }) as [
      string,
      number,
      number,
      string | null,
      number,
      string,
      string | null,
      string | null,
    ][];
    return rows.map(([id, count, eventId, logonType, failure, account, source, target]) => ({
      id,
      count,
      eventId,
      logonType,
      failure: failure === 1,
      account,
      source,
      target,
    }));
  }

  /** Hidden reason and search text of nodes (for /graph filters), by id. */
  nodeFacts(
    datasetId: string,
    ids: readonly string[],
  ): Map<string, { hidden: string | null; search: string }> {
    const out = new Map<string, { hidden: string | null; search: string }>();
    if (ids.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT t.id, t.hidden, t.search FROM json_each(?) j CROSS JOIN nodes t ON t.dataset_id = ? AND t.id = j.value`,
      )
      .raw()
      .all(JSON.stringify(ids), datasetId) as [string, string | null, string][];
    for (const [id, hidden, search] of rows) out.set(id, { hidden, search });
    return out;
  }

  /** Event counts per edge for the hours [fromHour, toHour), from the hourly roll-ups. */
  windowEdgeCounts(datasetId: string, fromHour: number, toHour: number): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT edge_id, SUM(count) AS n FROM edge_hours WHERE dataset_id = ? AND hour >= ? AND hour < ? GROUP BY edge_id`,
      )
      .raw()
      .all(datasetId, fromHour, toHour) as [string, number][];
    return new Map(rows);
  }

  /** Nodes with a flag in the hours [fromHour, toHour). */
  flaggedNodes(datasetId: string, fromHour: number, toHour: number): string[] {
    const rows = this.db
      .prepare(`SELECT DISTINCT node_id FROM node_hours WHERE dataset_id = ? AND hour >= ? AND hour < ?`)
      .raw()
      .all(datasetId, fromHour, toHour) as [string][];
    return rows.map((r) => r[0]);
  }

  /** Events per Unix hour in [fromHour, toHour), ascending; only hours with events (the histogram). */
  hourlyEventCounts(datasetId: string, fromHour: number, toHour: number): Array<[number, number]> {
    return this.db
      .prepare(
        `SELECT hour, SUM(count) AS n FROM edge_hours
         WHERE dataset_id = ? AND hour >= ? AND hour < ? GROUP BY hour ORDER BY hour`,
      )
      .raw()
      .all(datasetId, fromHour, toHour) as Array<[number, number]>;
  }

  /**
   * The analysis' detections of the whole dataset, or those overlapping the hours [fromHour, toHour),
   * in the analysis' order (severity, then time), as stored by the last import.
   */
  detections(datasetId: string, fromHour = -Infinity, toHour = Infinity): Detection[] {
    const rows = this.db
      .prepare(
        `SELECT data FROM detections WHERE dataset_id = ? AND last_hour >= ? AND first_hour < ? ORDER BY rowid`,
      )
      .raw()
      .all(
        datasetId,
        Number.isFinite(fromHour) ? fromHour : -1e15,
        Number.isFinite(toHour) ? toHour : 1e15,
      ) as [string][];
    return rows.map((r) => JSON.parse(r[0]) as Detection);
  }

  /** What the dataset's sources can show (event IDs present, detections that cannot fire); null before schema 4 imports. */
  coverage(datasetId: string): Coverage | null {
    const row = this.db.prepare(`SELECT coverage FROM datasets WHERE id = ?`).raw().get(datasetId) as
      [string | null] | undefined;
    return row?.[0] == null ? null : (JSON.parse(row[0]) as Coverage);
  }

  /**
   * The analyst's notes on the dataset, oldest first. Rows are checked again on the way out (the
   * database file may have been edited); one that no longer fits is left out, not served.
   */
  annotations(datasetId: string): Annotation[] {
    const rows = this.db
      .prepare(
        `SELECT kind, target_id, note, tags, updated FROM annotations WHERE dataset_id = ? ORDER BY rowid`,
      )
      .raw()
      .all(datasetId) as [string, string, string, string, string][];
    const out: Annotation[] = [];
    for (const [kind, id, note, tags, updated] of rows) {
      let parsedTags: unknown;
      try {
        parsedTags = JSON.parse(tags);
      } catch {
        continue;
      }
      const checked = checkAnnotation({ target: { kind, id }, note, tags: parsedTags, updated });
      if (checked.ok) out.push(checked.value);
    }
    return out;
  }

  countAnnotations(datasetId: string): number {
    const row = this.db
      .prepare(`SELECT COUNT(*) FROM annotations WHERE dataset_id = ?`)
      .raw()
      .get(datasetId) as [number];
    return row[0];
  }

  /** Saves the note of a target, replacing the one there (its place in the list is kept). */
  saveAnnotation(datasetId: string, a: Annotation): void {
    this.db
      .prepare(
        `INSERT INTO annotations (dataset_id, kind, target_id, note, tags, updated) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(dataset_id, kind, target_id) DO UPDATE SET note = excluded.note, tags = excluded.tags, updated = excluded.updated`,
      )
      .run(datasetId, a.target.kind, a.target.id, a.note, JSON.stringify(a.tags), a.updated);
  }

  hasAnnotation(datasetId: string, target: AnnotationTarget): boolean {
    return (
      this.db
        .prepare(`SELECT 1 FROM annotations WHERE dataset_id = ? AND kind = ? AND target_id = ?`)
        .get(datasetId, target.kind, target.id) !== undefined
    );
  }

  /** Deletes the note of a target; false when there was none. */
  deleteAnnotation(datasetId: string, target: AnnotationTarget): boolean {
    const r = this.db
      .prepare(`DELETE FROM annotations WHERE dataset_id = ? AND kind = ? AND target_id = ?`)
      .run(datasetId, target.kind, target.id);
    return r.changes > 0;
  }

  /** Every node and edge of the dataset's roll-ups, for work over its whole graph (drill-down linking). */
  wholeGraph(datasetId: string): { nodes: DatasetNode[]; edges: DatasetEdge[] } {
    const parse = <T>(table: 'edges' | 'nodes'): T[] =>
      (
        this.db.prepare(`SELECT data FROM ${table} WHERE dataset_id = ?`).raw().all(datasetId) as [string][]
      ).map((r) => JSON.parse(r[0]) as T);
    return { nodes: parse<DatasetNode>('nodes'), edges: parse<DatasetEdge>('edges') };
  }

  edgesByIds(datasetId: string, ids: readonly string[]): DatasetEdge[] {
    return this.byIds('edges', datasetId, ids) as DatasetEdge[];
  }

  nodesByIds(datasetId: string, ids: readonly string[]): DatasetNode[] {
    return this.byIds('nodes', datasetId, ids) as DatasetNode[];
  }

  /** Every edge a node is an end of (account, source or target), over the whole dataset. */
  edgesOfNode(datasetId: string, nodeId: string): DatasetEdge[] {
    const rows = this.db
      .prepare(
        `SELECT data FROM edges WHERE dataset_id = @ds AND account = @id
         UNION SELECT data FROM edges WHERE dataset_id = @ds AND source = @id
         UNION SELECT data FROM edges WHERE dataset_id = @ds AND target = @id`,
      )
      .raw()
      .all({ ds: datasetId, id: nodeId }) as [string][];
    return rows.map((r) => JSON.parse(r[0]) as DatasetEdge);
  }

  findEdge(datasetId: string, id: string): DatasetEdge | null {
    return this.edgesByIds(datasetId, [id])[0] ?? null;
  }

  findNode(datasetId: string, id: string): DatasetNode | null {
    return this.nodesByIds(datasetId, [id])[0] ?? null;
  }

  private byIds(table: 'edges' | 'nodes', datasetId: string, ids: readonly string[]): unknown[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(
        // CROSS JOIN keeps json_each outside: one primary-key lookup per id, never a scan per id.
        `SELECT t.data FROM json_each(?) j CROSS JOIN ${table} t ON t.dataset_id = ? AND t.id = j.value ORDER BY t.id`,
      )
      .raw()
      .all(JSON.stringify(ids), datasetId) as [string][];
    return rows.map((r) => JSON.parse(r[0]) as unknown);
  }

  /**
   * One page of the events behind an edge, or behind a node (the events of its edges and those its
   * flags cite), with from <= time < to, ordered by time then insertion, strictly after `after`.
   */
  eventsPage(
    datasetId: string,
    ref: { edge: string } | { node: string },
    fromMs: number,
    toMs: number,
    after: { timeMs: number; seq: number } | null,
    limit: number,
  ): EventPageRow[] {
    const afterMs = after?.timeMs ?? Number.MIN_SAFE_INTEGER;
    const afterSeq = after?.seq ?? -1;
    const range = `l.dataset_id = @ds AND l.time_ms >= @from AND l.time_ms < @to AND (l.time_ms, l.seq) > (@afterMs, @afterSeq)`;
    const sql =
      'edge' in ref
        ? `SELECT e.seq, e.time_ms, e.data FROM event_links l JOIN events e ON e.seq = l.seq
           WHERE l.edge_no = (SELECT no FROM edges WHERE dataset_id = @ds AND id = @ref) AND ${range}
           ORDER BY l.time_ms, l.seq LIMIT @limit`
        : `SELECT e.seq, e.time_ms, e.data FROM events e JOIN (
             SELECT l.seq, l.time_ms FROM event_links l
               WHERE l.edge_no IN (SELECT no FROM edges WHERE dataset_id = @ds AND account = @ref
                                   UNION SELECT no FROM edges WHERE dataset_id = @ds AND source = @ref
                                   UNION SELECT no FROM edges WHERE dataset_id = @ds AND target = @ref)
                 AND ${range}
             UNION
             SELECT l.seq, l.time_ms FROM flag_links l WHERE l.node_id = @ref AND ${range}
           ) k ON e.seq = k.seq
           ORDER BY k.time_ms, k.seq LIMIT @limit`;
    const rows = this.db
      .prepare(sql)
      .raw()
      .all({
        ds: datasetId,
        ref: 'edge' in ref ? ref.edge : ref.node,
        from: fromMs,
        to: toMs,
        afterMs,
        afterSeq,
        limit,
      }) as [number, number, string][];
    return rows.map(([seq, timeMs, data]) => ({ seq, timeMs, event: JSON.parse(data) as LogonEvent }));
  }
}
