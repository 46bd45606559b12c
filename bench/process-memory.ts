import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory (MB) of the Chromium renderer processes started by this process (Linux /proc):
 * with one page open, that is the tab (main thread, its Web Workers, canvas buffers). Null where
 * /proc cannot be read. Other browsers on the machine are not counted: only our descendants are.
 */
export function rendererRssMB(): number | null {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  for (const pid of pids) {
    try {
      // The command may hold spaces and parentheses: the fields after the last ')' are fixed.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(fields[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) return true;
    return false;
  };
  let kb = 0;
  let found = false;
  for (const pid of parent.keys()) {
    if (!ours(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss !== null) {
        kb += Number(rss[1]);
        found = true;
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  return found ? kb / 1024 : null;
}
