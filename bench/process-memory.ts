import { readFileSync } from 'node:fs';
import { chromiumProcesses } from './chromium-processes.js';

/**
 * Resident memory (MB) of the Chromium renderer processes started by this process (Linux /proc):
 * with one page open, that is the tab (main thread, its Web Workers, canvas buffers). Null where
 * /proc cannot be read. Other browsers on the machine are not counted: only our descendants are.
 */
export function rendererRssMB(): number | null {
  const processes = chromiumProcesses('renderer');
  if (processes === null) return null;
  let kb = 0;
  let found = false;
  for (const pid of processes.keys()) {
    try {
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
