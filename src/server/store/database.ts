import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations.js';

/** The one database file in the data directory. */
export const DATABASE_FILE = 'logonlens.sqlite';

/**
 * Opens (creating when missing) the store database in `dataDir` with WAL and the schema brought up
 * to date. WAL lets the HTTP thread read while an import worker writes; `synchronous = NORMAL` is
 * safe in WAL mode (a power cut may lose the last commits, never corrupt the file).
 */
export function openDatabase(dataDir: string, options: { readonly?: boolean } = {}): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Import workers and the HTTP thread share the file: wait for the writer rather than fail.
  db.pragma('busy_timeout = 15000');
  if (options.readonly !== true) migrate(db);
  return db;
}
