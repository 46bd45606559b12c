import type Database from 'better-sqlite3';

/**
 * Versioned schema migrations. Each entry runs once, in order, inside a transaction, and bumps
 * `PRAGMA user_version`; never edit a released migration, add a new one.
 *
 * Layout per dataset:
 * - `events`: the normalized events (drill-down), unique on the dedup key computer + channel +
 *   record ID so that appending the same file again adds nothing. `import_id` ties each row to the
 *   import that wrote it, so rows of an interrupted import can be removed on restart.
 * - `nodes`, `edges`, `edge_hours`, `node_hours`: roll-ups rebuilt by the analysis after each import
 *   in one transaction; windows are answered from `edge_hours` alone. `event_links` ties each event
 *   to the edge it was counted in (by the edge's number), `flag_links` to the nodes whose flags cite it.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE datasets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL,
    error TEXT,
    revision INTEGER NOT NULL DEFAULT 0,
    time_from TEXT,
    time_to TEXT,
    event_count INTEGER NOT NULL DEFAULT 0,
    edge_count INTEGER NOT NULL DEFAULT 0,
    node_count INTEGER NOT NULL DEFAULT 0,
    read_stats TEXT NOT NULL DEFAULT '{"recordsRead":0,"eventsUsed":0,"eventsSkipped":{},"warnings":0}'
  );
  CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    job_id TEXT NOT NULL,
    state TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT,
    format TEXT,
    records_read INTEGER NOT NULL DEFAULT 0,
    events_new INTEGER NOT NULL DEFAULT 0,
    events_duplicate INTEGER NOT NULL DEFAULT 0,
    skipped TEXT NOT NULL DEFAULT '{}',
    warnings INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE INDEX imports_dataset ON imports(dataset_id);
  CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    dataset_id TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT,
    progress TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    result TEXT
  );
  CREATE INDEX jobs_dataset ON jobs(dataset_id);
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    dataset_id TEXT NOT NULL,
    import_id INTEGER NOT NULL,
    dedup TEXT NOT NULL,
    time_ms INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE UNIQUE INDEX events_dedup ON events(dataset_id, dedup);
  CREATE INDEX events_import ON events(import_id);
  CREATE TABLE nodes (
    dataset_id TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (dataset_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE edges (
    dataset_id TEXT NOT NULL,
    id TEXT NOT NULL,
    no INTEGER NOT NULL,
    account TEXT NOT NULL,
    source TEXT,
    target TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (dataset_id, id)
  ) WITHOUT ROWID;
  CREATE INDEX edges_account ON edges(dataset_id, account);
  CREATE INDEX edges_source ON edges(dataset_id, source);
  CREATE INDEX edges_target ON edges(dataset_id, target);
  CREATE TABLE edge_hours (
    dataset_id TEXT NOT NULL,
    hour INTEGER NOT NULL,
    edge_id TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (dataset_id, hour, edge_id)
  ) WITHOUT ROWID;
  CREATE TABLE node_hours (
    dataset_id TEXT NOT NULL,
    hour INTEGER NOT NULL,
    node_id TEXT NOT NULL,
    PRIMARY KEY (dataset_id, hour, node_id)
  ) WITHOUT ROWID;
  CREATE TABLE event_links (
    dataset_id TEXT NOT NULL,
    edge_no INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (dataset_id, edge_no, time_ms, seq)
  ) WITHOUT ROWID;
  CREATE TABLE flag_links (
    dataset_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    time_ms INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (dataset_id, node_id, time_ms, seq)
  ) WITHOUT ROWID;
  `,
  // 2: the attributes /graph filters on, as columns, so that a large window is filtered and capped
  // without parsing every edge. Existing rows are filled from their JSON (SQLite's lower() folds
  // ASCII only; the next import of a dataset rewrites its rows with full case folding).
  `
  ALTER TABLE edges ADD COLUMN event_id INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE edges ADD COLUMN logon_type TEXT;
  ALTER TABLE edges ADD COLUMN failure INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE edges ADD COLUMN total INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE nodes ADD COLUMN hidden TEXT;
  ALTER TABLE nodes ADD COLUMN search TEXT NOT NULL DEFAULT '';
  UPDATE edges SET event_id = json_extract(data, '$.eventId'), logon_type = json_extract(data, '$.logonType'),
    failure = json_extract(data, '$.failure'), total = json_extract(data, '$.count');
  UPDATE nodes SET hidden = json_extract(data, '$.hidden'),
    search = lower(json_extract(data, '$.label') || char(0) || json_extract(data, '$.name')
      || coalesce((SELECT char(0) || group_concat(value, char(0)) FROM json_each(nodes.data, '$.ips')), '')
      || coalesce((SELECT char(0) || group_concat(value, char(0)) FROM json_each(nodes.data, '$.names')), ''));
  `,
  // 3: where a non-file import came from (a JSON array of dataset sources, e.g. an Elasticsearch
  // cluster, index pattern and range), so that the dataset reports it and can load the next window.
  `
  ALTER TABLE imports ADD COLUMN source TEXT;
  `,
  // 4: the analysis' detections of the whole dataset (event-based ones such as pass-the-hash or Sigma
  // hits cannot be derived again from the roll-ups) and what its sources can show (coverage).
  // Datasets imported before keep an empty list until their next import.
  `
  CREATE TABLE detections (
    dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    first_hour INTEGER NOT NULL,
    last_hour INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (dataset_id, id)
  );
  ALTER TABLE datasets ADD COLUMN coverage TEXT;
  `,
  // 5: the analyst's notes and tags, one per target (core/dataset/annotations.ts). Not a roll-up:
  // an import rewrites the analysis, never the analyst's work; deleting the dataset deletes them.
  `
  CREATE TABLE annotations (
    dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (dataset_id, kind, target_id)
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * The tables an import's analysis rewrites as a whole (ImportWriter.replaceRollups) and a dataset's
 * deletion empties: a table added by a migration that holds analysis results belongs here.
 */
export const ROLLUP_TABLES = [
  'nodes',
  'edges',
  'edge_hours',
  'node_hours',
  'event_links',
  'flag_links',
  'detections',
] as const;

/** Brings the database to SCHEMA_VERSION; refuses a database written by a newer LogonLens. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error('cannot read the database schema version');
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the database was written by a newer LogonLens (schema ${current}, this version knows ${SCHEMA_VERSION}); upgrade LogonLens or use another data directory`,
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    const sql = MIGRATIONS[v];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
