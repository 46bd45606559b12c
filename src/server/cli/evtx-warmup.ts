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

/**
 * EVTX workers of `analyze` when none are asked for: one per core but one. Its own thread is busy
 * too (it builds the graph, hashes the file and unpacks the events, about as much CPU as one
 * worker's parsing), so a worker on every core leaves three threads on two cores, and the graph,
 * which the end waits for, then gets a share of a core: on 2 cores, 2 workers were slower than 1
 * (docs/evtx-reader.md).
 */
export function defaultAnalyzeWorkers(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}

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

/** True when `path` is a regular file of at least `minBytes` starting with the EVTX signature. */
function isLargeEvtx(path: string, minBytes: number): boolean {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size < minBytes) return false;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(8);
      return readSync(fd, head, 0, 8, 0) === 8 && head.toString('latin1') === 'ElfFile\0';
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Prestarts the workers a command will use: `--workers N`, else `defaultWorkers(cores)`; nothing
 * for `--help` or when no argument names a large EVTX file. A wrong guess costs a thread's start.
 */
export function prestartForArgs(args: readonly string[], defaultWorkers: (cores: number) => number): void {
  if (args.includes('--help') || args.includes('-h')) return;
  if (!args.some((a) => !a.startsWith('-') && isLargeEvtx(a, WORKERS_FROM_BYTES))) return;
  prestartEvtxWorkers(workersArgument(args) ?? defaultWorkers(availableParallelism()));
}
