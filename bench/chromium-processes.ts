import { readdirSync, readFileSync } from 'node:fs';

/**
 * The /proc/<pid>/stat fields after the command (state, ppid, …, utime at 11, stime at 12) of every
 * Chromium process of one type (`renderer`, `gpu-process`) started by this process; null where /proc
 * cannot be read. Other browsers on the machine are not counted: only our descendants are.
 */
export function chromiumProcesses(type: string): Map<number, string[]> | null {
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
  const found = new Map<number, string[]>();
  for (const [pid, fields] of stats) {
    if (!ours(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--type=${type}`)) found.set(pid, fields);
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}
