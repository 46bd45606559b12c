import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) used so far by the Chromium processes of one type (`gpu-process`,
 * `renderer`) started by this process, from Linux /proc; null where /proc cannot be read. Without a
 * GPU, Chromium runs WebGL in SwiftShader inside its GPU process: the CPU time that process spends
 * per frame is the drawing that a GPU would do, and the reason a software-GL frame rate says little
 * about a machine with one.
 */
export function chromiumCpuSeconds(type: string): number | null {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return null;
  }
  const stats = new Map<number, string[]>();
  for (const pid of pids) {
    try {
      // The command may hold spaces and parentheses: the fields after the last ')' are fixed.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      stats.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' '));
    } catch {
      // The process ended meanwhile.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = Number(stats.get(pid)?.[1]); p > 1; p = Number(stats.get(p)?.[1]))
      if (p === process.pid) return true;
    return false;
  };
  let ticks = 0;
  let found = false;
  for (const [pid, fields] of stats) {
    if (!ours(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--type=${type}`)) continue;
    } catch {
      continue;
    }
    // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command.
    ticks += Number(fields[11]) + Number(fields[12]);
    found = true;
  }
  return found ? ticks / TICKS_PER_SECOND : null;
}
