import { chromiumProcesses } from './chromium-processes.js';

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
  const processes = chromiumProcesses(type);
  if (processes === null || processes.size === 0) return null;
  let ticks = 0;
  // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command.
  for (const fields of processes.values()) ticks += Number(fields[11]) + Number(fields[12]);
  return ticks / TICKS_PER_SECOND;
}
