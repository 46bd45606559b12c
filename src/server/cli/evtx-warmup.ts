// Starts the EVTX workers of `events` and `analyze` before their modules load (evtx-prestart.ts):
// the workers boot on the other cores while this thread loads the command and opens the file. Only
// when an argument is an EVTX file large enough to be read on workers, so that other runs (XML,
// JSON, small files, --help) start no thread for nothing. Loaded first by the CLI: it imports no
// reader, no analysis.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { prestartEvtxWorkers } from '../ingest/evtx-prestart.js';

/** readEvtxParallel's default: smaller files are read on the calling thread. */
const WORKERS_FROM_BYTES = 2 * 1024 * 1024;

/** The value of `--workers N` / `--workers=N` when it is a whole number in 1…999, else null. */
export function workersArgument(args: readonly string[]): number | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a === '--workers' ? args[i + 1] : a.startsWith('--workers=') ? a.slice(10) : undefined;
    if (v === undefined) continue;
    const n = /^\d{1,3}$/.test(v) ? Number(v) : 0;
    return n >= 1 ? n : null;
  }
  return null;
}

/** readEvtxParallel's pieces: 16 chunks of 64 KiB; it starts no more workers than pieces. */
const PIECE_BYTES = 16 * 64 * 1024;

/** The size of `path` when it is a regular file of at least `minBytes` starting with the EVTX signature, else 0. */
function largeEvtxSize(path: string, minBytes: number): number {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size < minBytes) return 0;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(8);
      return readSync(fd, head, 0, 8, 0) === 8 && head.toString('latin1') === 'ElfFile\0' ? st.size : 0;
    } finally {
      closeSync(fd);
    }
  } catch {
    return 0;
  }
}

/**
 * How many workers to start ahead: `--workers N`, else `defaultWorkers(cores)`, but never more
 * than the cores (a larger `--workers` starts the rest when reading) nor than the first EVTX
 * file's pieces; 0 for `--help` or when no argument names an EVTX file read on workers.
 */
export function workersToPrestart(
  args: readonly string[],
  defaultWorkers: (cores: number) => number,
  cores: number,
): number {
  if (args.includes('--help') || args.includes('-h')) return 0;
  for (const a of args) {
    if (a.startsWith('-')) continue;
    const size = largeEvtxSize(a, WORKERS_FROM_BYTES);
    if (size === 0) continue;
    const wanted = workersArgument(args) ?? defaultWorkers(cores);
    return Math.min(wanted, cores, Math.ceil(size / PIECE_BYTES));
  }
  return 0;
}

/** Prestarts the workers a command will use (workersToPrestart). A wrong guess costs a thread's start. */
export function prestartForArgs(args: readonly string[], defaultWorkers: (cores: number) => number): void {
  const n = workersToPrestart(args, defaultWorkers, availableParallelism());
  if (n > 0) prestartEvtxWorkers(n);
}
