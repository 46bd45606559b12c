// CPU time per thread of one child process (Linux: /proc/<pid>/task/*/stat, polled every few ms),
// for the EVTX benchmarks' "where the CPU goes" split: the calling thread, the EVTX workers, and
// the rest (V8's GC and compiler threads, libuv's I/O threads). Wall clocks of a shared machine
// mislead; per-thread CPU seconds show which thread bounds the run and what a second worker costs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const HAS_PROC = existsSync('/proc/self/task');

export interface ThreadSplit {
  wallMs: number;
  /** The process's first thread (the JavaScript main thread). */
  mainMs: number;
  /** The `workers` busiest other threads, busiest first (the EVTX workers). */
  workersMs: number[];
  /** Every other thread together (V8 platform: GC, compiler; libuv: file reads). */
  otherMs: number;
}

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux build in use). */
const TICK_MS = 10;

function threadTicks(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) : utime is the 12th, stime the 13th.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), Number(f[11]) + Number(f[12]));
    } catch {
      // The thread ended between the listing and the read: its last poll stands.
    }
  }
  return out;
}

/**
 * Runs the command (output discarded) and splits its CPU time by thread. A thread that ends between
 * two polls loses at most one poll interval; ticks are 10 ms, so figures are ± 10 ms per thread.
 */
export async function threadSplit(cmd: string, args: string[], workers: number): Promise<ThreadSplit> {
  const t = performance.now();
  const child = spawn(cmd, args, { stdio: 'ignore' });
  const pid = child.pid!;
  const last = new Map<number, number>();
  let done = false;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      done = true;
      resolve();
    }),
  );
  while (!done) {
    for (const [tid, ticks] of threadTicks(pid)) last.set(tid, ticks);
    await new Promise((r) => setTimeout(r, 3));
  }
  await exited;
  const wallMs = performance.now() - t;
  const mainMs = (last.get(pid) ?? 0) * TICK_MS;
  const others = [...last.entries()]
    .filter(([tid]) => tid !== pid)
    .map(([, ticks]) => ticks * TICK_MS)
    .sort((a, b) => b - a);
  return {
    wallMs,
    mainMs,
    workersMs: others.slice(0, workers),
    otherMs: others.slice(workers).reduce((s, v) => s + v, 0),
  };
}
