import { LOGON_EVENT_FIELDS, NdjsonFormatter, type LogonEvent } from '../../../core/events/index.js';
import { displaySafe } from '../../../core/text/display-safe.js';
import { UnreadableInputError, type ReadWarning } from '../../../core/readers/types.js';
import { streamInputFile, type InputFileResult } from '../../ingest/read-input-file.js';
import { intOption, parseArgs, rangeOptions } from '../args.js';
import { UsageError, type CliIo, type Command } from '../command.js';

const USAGE = `Usage: logonlens events [options] <file>...

Reads Windows event logs (EVTX, XML exported by Event Viewer/wevtutil or written by libevtx and
python-evtx, Winlogbeat/Elastic Agent/NXLog JSON; the format is detected from the content) and
writes one object per event to stdout, with the fields of docs/events.md (absent fields null).

Options:
  --ids 4624,4625        only these event IDs (default: every record, whatever its ID)
  --from T, --to T       only events with from <= time < to (ISO 8601; no zone means UTC)
  --format ndjson|csv    output format (default ndjson). CSV cells that could run as a
                         spreadsheet formula get a leading apostrophe; control characters
                         are written as escapes (\\n, \\t, \\x1b)
  --workers N            EVTX worker threads (default: all cores)

A summary (records read, events written, warnings with file, chunk, offset and record) goes to
stderr. Exit status 0 when every file was read, with or without warnings; 1 when a file could not
be read at all (missing, empty, not an event log); 2 for bad options.`;

export interface EventsArgs {
  files: string[];
  eventIds: Set<number> | null;
  from: string | null;
  to: string | null;
  format: 'ndjson' | 'csv';
  workers: number | null;
}

export function parseEventsArgs(args: string[]): EventsArgs {
  const p = parseArgs(args, { values: ['--ids', '--from', '--to', '--format', '--workers'] });
  let eventIds: Set<number> | null = null;
  const idsText = p.values.get('--ids');
  if (idsText !== undefined) {
    const ids = idsText
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (ids.length === 0 || ids.some((s) => !/^\d{1,5}$/.test(s) || Number(s) > 65535)) {
      throw new UsageError('--ids takes event IDs separated by commas, e.g. --ids 4624,4625');
    }
    eventIds = new Set(ids.map(Number));
  }
  const format = p.values.get('--format') ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv') throw new UsageError('--format must be ndjson or csv');
  if (p.positional.length === 0) throw new UsageError('give at least one file');
  return {
    files: p.positional,
    eventIds,
    ...rangeOptions(p),
    format,
    workers: intOption(p, '--workers', 1, 999),
  };
}

/** Control characters as visible escapes, so that hostile log text cannot drive a terminal. */
export function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default: {
        const code = c.charCodeAt(0);
        return code <= 0xff
          ? `\\x${code.toString(16).padStart(2, '0')}`
          : `\\u${code.toString(16).padStart(4, '0')}`;
      }
    }
  });
}

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (= + - @, or a leading tab/CR) gets
 * a leading apostrophe; a lone `-` (Windows' "no value", everywhere in these logs) is not a formula
 * and stays as is. Control characters are escaped, bidirectional controls shown as `<U+202E>`
 * (displaySafe: a spreadsheet would otherwise reorder the name), quotes doubled, and every text
 * cell quoted. NDJSON output keeps the exact values.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let s = displaySafe(value);
  if (s !== '-' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  s = escapeControls(s);
  return '"' + s.replace(/"/g, '""') + '"';
}

export function csvHeader(): string {
  return LOGON_EVENT_FIELDS.join(',') + '\r\n';
}

export function csvRow(e: LogonEvent): string {
  return LOGON_EVENT_FIELDS.map((f) => csvCell(e[f])).join(',') + '\r\n';
}

const formatter = new NdjsonFormatter();

/** The event as one JSON line, fields in the model's order (JSON escapes control characters itself). */
export function ndjsonLine(e: LogonEvent): string {
  return formatter.line(e);
}

const FLUSH_AT = 64 * 1024;
const WARNINGS_SHOWN = 20;

export const eventsCommand: Command = {
  name: 'events',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const a = parseEventsArgs(args);
    const out = io.stdout;
    let closed = false;
    const onError = (): void => {
      closed = true; // reader went away (e.g. `| head`): stop writing, still exit cleanly
    };
    out.on('error', onError);
    let pending = '';
    // NDJSON of EVTX files comes as UTF-8 bytes written by the worker threads: queued as they are.
    // Each with its `done` (or null): called once the stream has written the bytes (its write
    // callback), never before, so that the worker gets its buffer back only when nothing reads it.
    // Only for the process's own stdout (a file, pipe or terminal: the bytes are in the kernel when
    // it calls back); another stream may still hold the chunk after its callback (a PassThrough
    // keeps it for its reader), so its bytes are never handed back.
    const handsBack = out === process.stdout;
    let queued: Uint8Array[] = [];
    let queuedDone: ((() => void) | null)[] = [];
    let queuedBytes = 0;
    const flush = async (): Promise<void> => {
      if ((pending === '' && queued.length === 0) || closed) {
        for (const done of queuedDone) done?.(); // dropped, not written
        pending = '';
        queued = [];
        queuedDone = [];
        queuedBytes = 0;
        return;
      }
      let ok = true;
      if (pending !== '') ok = out.write(pending);
      for (let i = 0; i < queued.length; i++) {
        const done = queuedDone[i] ?? null;
        ok = done === null ? out.write(queued[i]!) : out.write(queued[i]!, () => done());
      }
      pending = '';
      queued = [];
      queuedDone = [];
      queuedBytes = 0;
      if (!ok && !closed) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            out.off('drain', done);
            out.off('error', done);
            out.off('close', done);
            resolve();
          };
          out.once('drain', done);
          out.once('error', done);
          out.once('close', done);
        });
      }
    };
    const emit = a.format === 'csv' ? csvRow : ndjsonLine;
    if (a.format === 'csv') pending += csvHeader();

    let failed = 0;
    const totals = { records: 0, events: 0, warnings: 0 };
    try {
      for (const file of a.files) {
        let result: InputFileResult;
        try {
          result = await streamInputFile(file, {
            eventIds: a.eventIds,
            from: a.from,
            to: a.to,
            ...(a.workers === null ? {} : { workers: a.workers }),
            hash: false, // the output does not name its sources: no second pass over the file
            // NDJSON: this thread only writes the workers' bytes, so it checks the chunks' CRCs beside
            // them. CSV keeps it busy formatting every event: there the workers check them.
            checksumsHere: a.format === 'ndjson',
            onEvent: (e) => {
              if (closed) return;
              pending += emit(e);
            },
            ...(a.format === 'ndjson'
              ? {
                  onNdjson: (bytes: Uint8Array, done?: () => void) => {
                    if (closed || bytes.length === 0) {
                      done?.();
                      return;
                    }
                    queued.push(bytes);
                    queuedDone.push(handsBack ? (done ?? null) : null);
                    queuedBytes += bytes.length;
                  },
                }
              : {}),
            afterChunk: async () => {
              if (pending.length + queuedBytes >= FLUSH_AT) await flush();
            },
          });
        } catch (e) {
          if (!(e instanceof UnreadableInputError)) throw e;
          failed++;
          io.stderr.write(`logonlens events: ${escapeControls(e.message)}\n`);
          continue;
        }
        await flush();
        totals.records += result.stats.recordsRead;
        totals.events += result.stats.eventsReturned;
        const nWarnings = Object.values(result.warningCounts).reduce((x, y) => x + y, 0);
        totals.warnings += nWarnings;
        io.stderr.write(summaryLines(result, nWarnings));
      }
    } finally {
      await flush();
      out.off('error', onError);
    }
    if (a.files.length > 1) {
      io.stderr.write(
        `total: ${totals.records} records read, ${totals.events} events written, ${totals.warnings} warnings` +
          (failed > 0 ? `, ${failed} of ${a.files.length} files unreadable` : '') +
          '\n',
      );
    }
    return failed > 0 ? 1 : 0;
  },
};

function summaryLines(r: InputFileResult, nWarnings: number): string {
  const name = escapeControls(r.source.name);
  const skipped = Object.entries(r.stats.skipped)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [
    `${name}: ${r.source.format}, ${r.stats.recordsRead} records read, ${r.stats.eventsReturned} events written` +
      (skipped === '' ? '' : ` (skipped: ${skipped})`) +
      `, ${nWarnings} warnings`,
  ];
  for (const w of r.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`  warning ${warningLine(name, w)}`);
  if (nWarnings > WARNINGS_SHOWN) {
    const counts = Object.entries(r.warningCounts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(`  … ${nWarnings - WARNINGS_SHOWN} more (${counts})`);
  }
  return lines.join('\n') + '\n';
}

function warningLine(file: string, w: ReadWarning): string {
  const where = [`file=${file}`];
  if (w.chunk !== undefined) where.push(`chunk=${w.chunk}`);
  if (w.offset !== undefined) where.push(`offset=${w.offset}`);
  if (w.record !== undefined) where.push(`record=${w.record}`);
  if (w.line !== undefined) where.push(`line=${w.line}`);
  return `[${escapeControls(w.code)}] ${where.join(' ')}: ${escapeControls(w.message)}`;
}
