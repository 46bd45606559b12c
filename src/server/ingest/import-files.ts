import type Database from 'better-sqlite3';
import path from 'node:path';
import type { Dataset, DatasetSource } from '../../core/dataset/index.js';
import type { LogonEvent } from '../../core/events/index.js';
import type { InputFormat, ReadOptions, ReadResult } from '../../core/readers/types.js';
import { ImportWriter } from '../store/import-writer.js';
import { appendRow, type EventRows } from '../store/event-row.js';
import { HeldEvents, LinkRecorder, mergeInStoreOrder, type StoredEvent } from './import-analysis.js';
import type { JobFileResult, JobWarning } from '../store/types.js';

/** An uploaded file spooled to disk under a server-chosen name; `name` is the client's, display only. */
export interface SpooledFile {
  path: string;
  name: string;
  size: number;
}

export type ReadFileFn = (
  path: string,
  opts: ReadOptions & {
    onProgress?: (p: { bytes: number; totalBytes: number; records: number }) => void;
    /** Each kept event as soon as it is read (the result's `events` then stays empty). */
    onEvent?: (event: LogonEvent) => void;
    /**
     * EVTX, in place of `onEvent`: the kept events chunk by chunk, with their stored rows when the
     * reader's worker threads prepared them (`storedRows`).
     */
    onEvents?: (events: LogonEvent[], rows?: EventRows) => void;
    storedRows?: boolean;
    /** Awaited after each piece of input: the consumer stores what it got. */
    afterChunk?: () => Promise<void>;
  },
) => Promise<ReadResult & { source: { name: string; size: number; sha256: string; format: InputFormat } }>;

/** The analysis of a dataset's events, and the edge each event was counted in (the graph builder's). */
export interface Analysis {
  dataset: Dataset;
  edgeIdOf(event: LogonEvent): string | null;
}

export type AnalyzeFn = (
  events: Iterable<LogonEvent>,
  meta: {
    sources: DatasetSource[];
    readStats: { recordsRead: number; eventsSkipped: Record<string, number>; warnings: number };
    title?: string | null;
  },
) => Analysis;

export interface ImportDeps {
  readFile: ReadFileFn;
  analyze: AnalyzeFn;
  /** Event IDs kept from the files (others are counted as skipped by the reader). */
  eventIds: ReadonlySet<number> | null;
  /**
   * How much of one job's events is kept in memory for its analysis, in characters of their JSON
   * (default HELD_JSON_MAX); beyond, the
   * analysis reads them back from the store.
   */
  heldJson?: number;
}

export type ImportMessage =
  | {
      type: 'progress';
      phase: 'reading' | 'storing' | 'analyzing';
      bytes: number;
      totalBytes: number;
      records: number;
      filesDone: number;
    }
  | { type: 'warnings'; warnings: JobWarning[] }
  | { type: 'file'; result: JobFileResult }
  | { type: 'done'; eventsNew: number; eventsDuplicate: number };

export interface ImportJob {
  datasetId: string;
  jobId: string;
  title: string | null;
  files: SpooledFile[];
}

/**
 * Events are written in batches this large: big enough to be fast, small enough not to hold the
 * lock (and, measured, the heap: batches of 8,192 raised the peak RSS of a 256 MB import by ≈ 80 MB
 * for no measurable gain in CPU time).
 */
const BATCH = 2000;
/** Detailed warnings forwarded per file; the rest are counted. */
const WARNINGS_PER_FILE = 50;
/**
 * How much of one job's events is kept in memory for its analysis, in characters of their stored
 * JSON (64 Mi: ≈ 70,000 EVTX events; measured ≈ 1–2 bytes of RSS per character for EVTX events,
 * whose strings are shared, up to ≈ 3 for JSON logs, whose are not). Jobs whose files are larger
 * than this many bytes do not hold their events at all (their JSON is about as large as the files),
 * and a job that passes the bound drops what it held: the analysis then reads the events back from
 * the store (one pass, slower), so that memory stays bounded on large imports.
 */
const HELD_JSON_MAX = 64 * 1024 * 1024;

/**
 * Imports the files of one job into a dataset: read each file, store its events (deduplicated; the
 * EVTX workers prepare the rows), then rebuild the dataset's roll-ups from all its events: those
 * this job stored from memory, merged in the store's order with those stored before, read from the
 * store once. Runs in the import worker thread on its own connections (`db` writes, `readDb`
 * iterates while `db` writes).
 */
export async function importFiles(
  db: Database.Database,
  readDb: Database.Database,
  deps: ImportDeps,
  job: ImportJob,
  emit: (m: ImportMessage) => void,
  now: () => string,
): Promise<void> {
  const writer = new ImportWriter(db);
  // The events this job stores, for its analysis; those stored before it are read from the store.
  const totalBytes = job.files.reduce((s, f) => s + f.size, 0);
  const heldMax = deps.heldJson ?? HELD_JSON_MAX;
  const held = new HeldEvents(totalBytes <= heldMax ? heldMax : 0);
  const keep = (e: LogonEvent, timeMs: number, seq: number, json: string): void =>
    held.add(e, timeMs, seq, json.length);
  const storedBefore = writer.lastSeq(job.datasetId);
  let bytesBefore = 0;
  let recordsBefore = 0;
  let eventsNew = 0;
  let eventsDuplicate = 0;
  let filesDone = 0;
  for (const file of job.files) {
    const importId = writer.beginImport(job.datasetId, job.jobId, file, now());
    let lastEmit = 0;
    let inserted = 0;
    let duplicates = 0;
    let records = 0;
    let bytes = 0;
    const heldBefore = held.mark();
    // Events read and not yet stored, with their stored rows (prepared by the EVTX workers, or here).
    let buffer: LogonEvent[] = [];
    let rows: EventRows = { dedup: [], timeMs: [], json: [] };
    const flush = (): void => {
      if (buffer.length === 0) return;
      const r = writer.insertRows(job.datasetId, importId, buffer, rows, keep);
      buffer = [];
      rows = { dedup: [], timeMs: [], json: [] };
      inserted += r.inserted;
      duplicates += r.duplicates;
    };
    const take = (events: readonly LogonEvent[], prepared?: EventRows): void => {
      for (let i = 0; i < events.length; i++) {
        const e = events[i]!;
        buffer.push(e);
        if (prepared === undefined) appendRow(rows, e);
        else {
          rows.dedup.push(prepared.dedup[i]!);
          rows.timeMs.push(prepared.timeMs[i]!);
          rows.json.push(prepared.json[i]!);
        }
      }
      if (buffer.length >= BATCH) flush();
    };
    let result: Awaited<ReturnType<ReadFileFn>>;
    try {
      result = await deps.readFile(file.path, {
        eventIds: deps.eventIds,
        onEvent: (e) => {
          buffer.push(e);
          appendRow(rows, e);
          if (buffer.length >= BATCH) flush();
        },
        onEvents: take,
        storedRows: true,
        afterChunk: async () => {
          flush();
          // Let progress messages out between pieces of a large file.
          await new Promise<void>((resolve) => setImmediate(resolve));
        },
        onProgress: (p) => {
          bytes = Math.min(p.bytes, file.size);
          records = p.records;
          const t = Date.now();
          if (t - lastEmit < 100) return;
          lastEmit = t;
          emit({
            type: 'progress',
            phase: 'reading',
            bytes: bytesBefore + bytes,
            totalBytes,
            records: recordsBefore + records,
            filesDone,
          });
        },
      });
      flush();
      // A reader that returns its events instead of streaming them.
      for (let i = 0; i < result.events.length; i += BATCH) {
        take(result.events.slice(i, i + BATCH));
        flush();
        emit({
          type: 'progress',
          phase: 'storing',
          bytes: bytesBefore + file.size,
          totalBytes,
          records: recordsBefore + records,
          filesDone,
        });
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch (e) {
      writer.markFailed(importId);
      held.truncate(heldBefore);
      // Reader messages name the spooled file; show the analyst the name they uploaded.
      const raw = e instanceof Error ? e.message : String(e);
      const message = raw.split(path.basename(file.path)).join(file.name);
      emit({ type: 'warnings', warnings: [{ file: file.name, code: 'unreadable', message, count: 1 }] });
      emit({
        type: 'file',
        result: {
          name: file.name,
          size: file.size,
          format: null,
          recordsRead: 0,
          eventsNew: 0,
          eventsDuplicate: 0,
          skipped: {},
          warnings: 0,
          error: message,
        },
      });
      bytesBefore += file.size;
      filesDone++;
      continue;
    }
    const warnings: JobWarning[] = result.warnings.slice(0, WARNINGS_PER_FILE).map((w) => ({
      file: file.name,
      code: w.code,
      message: w.message,
      count: 1,
    }));
    const detailed = new Map<string, number>();
    for (const w of result.warnings.slice(0, WARNINGS_PER_FILE))
      detailed.set(w.code, (detailed.get(w.code) ?? 0) + 1);
    for (const [code, n] of Object.entries(result.warningCounts)) {
      const rest = n - (detailed.get(code) ?? 0);
      if (rest > 0)
        warnings.push({ file: file.name, code, message: `${rest} more ${code} warnings`, count: rest });
    }
    if (warnings.length > 0) emit({ type: 'warnings', warnings });

    const warningTotal = Object.values(result.warningCounts).reduce((s, n) => s + n, 0);
    writer.markParsed(importId, {
      sha256: result.source.sha256,
      format: result.source.format,
      recordsRead: result.stats.recordsRead,
      eventsNew: inserted,
      eventsDuplicate: duplicates,
      skipped: result.stats.skipped,
      warnings: warningTotal,
    });
    emit({
      type: 'file',
      result: {
        name: file.name,
        size: file.size,
        format: result.source.format,
        recordsRead: result.stats.recordsRead,
        eventsNew: inserted,
        eventsDuplicate: duplicates,
        skipped: result.stats.skipped,
        warnings: warningTotal,
        error: null,
      },
    });
    eventsNew += inserted;
    eventsDuplicate += duplicates;
    bytesBefore += file.size;
    recordsBefore += result.stats.recordsRead;
    filesDone++;
  }

  emit({
    type: 'progress',
    phase: 'analyzing',
    bytes: totalBytes,
    totalBytes,
    records: recordsBefore,
    filesDone,
  });
  const reader = new ImportWriter(readDb);
  const before = storedBefore === null ? [] : reader.iterateEvents(job.datasetId, storedBefore);
  writeRollups(
    db,
    readDb,
    deps,
    job.datasetId,
    job.title,
    held.complete ? mergeInStoreOrder(before, held.sorted()) : reader.iterateEvents(job.datasetId),
  );
  emit({ type: 'done', eventsNew, eventsDuplicate });
}

/** Re-analyzes every stored event of the dataset and swaps its roll-ups in one transaction. */
export function rebuildRollups(
  db: Database.Database,
  readDb: Database.Database,
  deps: Pick<ImportDeps, 'analyze'>,
  datasetId: string,
  title: string | null,
): void {
  writeRollups(db, readDb, deps, datasetId, title, new ImportWriter(readDb).iterateEvents(datasetId));
}

/**
 * Analyzes the dataset's events (every one, in the store's order: time, then seq) and swaps in its
 * roll-ups and drill-down links in one transaction. The events are read once: their links are
 * recorded on the way through the analysis.
 */
function writeRollups(
  db: Database.Database,
  readDb: Database.Database,
  deps: Pick<ImportDeps, 'analyze'>,
  datasetId: string,
  title: string | null,
  events: Iterable<StoredEvent>,
): void {
  const writer = new ImportWriter(db);
  const recorder = new LinkRecorder();
  const read = recorder.record(events);
  const analysis = deps.analyze(read, {
    sources: writer.sources(datasetId),
    readStats: writer.readStats(datasetId),
    title,
  });
  // An analysis that stopped early still leaves every event's links recorded.
  for (let r = read.next(); r.done !== true; r = read.next());
  writer.replaceRollups(
    datasetId,
    analysis.dataset,
    recorder.links(analysis),
    new ImportWriter(readDb).eventCount(datasetId),
  );
}
