import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, SCHEMA_VERSION } from './migrations.js';

describe('schema migrations', () => {
  it('bring a version 1 database up to date, filling the new columns from the stored JSON', () => {
    const db = new Database(':memory:');
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.prepare(
      `INSERT INTO edges (dataset_id, id, no, account, source, target, data) VALUES ('d', 'e1', 0, 'a', NULL, NULL, ?)`,
    ).run(JSON.stringify({ eventId: 4625, logonType: '3', failure: true, count: 7 }));
    db.prepare(`INSERT INTO nodes (dataset_id, id, data) VALUES ('d', 'a', ?)`).run(
      JSON.stringify({
        label: 'CORP\\Alice',
        name: 'alice',
        hidden: 'machine-account',
        ips: ['10.0.0.5'],
        names: [],
      }),
    );
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare(`SELECT event_id, logon_type, failure, total FROM edges`).get()).toEqual({
      event_id: 4625,
      logon_type: '3',
      failure: 1,
      total: 7,
    });
    expect(db.prepare(`SELECT hidden, search FROM nodes`).get()).toEqual({
      hidden: 'machine-account',
      search: 'corp\\alice\u0000alice\u000010.0.0.5',
    });
    db.close();
  });

  it('refuses a database written by a newer version', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer LogonLens/);
    db.close();
  });

  it('version 3 records where a non-file import came from', () => {
    const db = new Database(':memory:');
    migrate(db);
    const cols = db.prepare(`SELECT name FROM pragma_table_info('imports')`).all() as { name: string }[];
    expect(cols.map((c) => c.name)).toContain('source');
    db.close();
  });

  it('version 5 keeps annotations per dataset and target, deleted with their dataset', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    db.prepare(
      `INSERT INTO datasets (id, name, created_at, state) VALUES ('d', 'd', '2026-01-01T00:00:00Z', 'empty')`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO annotations (dataset_id, kind, target_id, note, tags, updated) VALUES ('d', 'node', 'a', 'n', '[]', 't')`,
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    db.prepare(`DELETE FROM datasets WHERE id = 'd'`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM annotations`).get()).toEqual({ n: 0 });
    db.close();
  });
});
