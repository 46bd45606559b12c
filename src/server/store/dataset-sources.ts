import type Database from 'better-sqlite3';
import type { DatasetSource } from '../../core/dataset/index.js';

/**
 * The dataset's sources as its imports recorded them, oldest first. `withParsed` adds the imports
 * parsed but not yet committed: the import that is swapping in new roll-ups reports its own files
 * with those already done (Store.sources serves committed datasets and leaves them out).
 */
export function datasetSources(
  db: Database.Database,
  datasetId: string,
  { withParsed }: { withParsed: boolean },
): DatasetSource[] {
  const states = withParsed ? `('done', 'parsed')` : `('done')`;
  const rows = db
    .prepare(
      `SELECT name, size, sha256, format, source FROM imports WHERE dataset_id = ? AND state IN ${states} ORDER BY id`,
    )
    .all(datasetId) as {
    name: string;
    size: number;
    sha256: string | null;
    format: string | null;
    source: string | null;
  }[];
  return rows.flatMap((r): DatasetSource[] => {
    // Non-file imports (Elasticsearch) record their sources as written by the server itself.
    if (r.source !== null) return JSON.parse(r.source) as DatasetSource[];
    return [
      {
        kind: 'file',
        name: r.name.slice(0, 4096),
        size: r.size,
        sha256: r.sha256,
        format: r.format === 'evtx' || r.format === 'xml' || r.format === 'json' ? r.format : null,
      },
    ];
  });
}
