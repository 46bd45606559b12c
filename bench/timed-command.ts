// One child process measured: wall time always; CPU time and peak RSS through /usr/bin/time when
// it is installed (Debian's `time` package). Shared by the EVTX benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const HAS_TIME = existsSync('/usr/bin/time');

export interface CommandMeasure {
  wallMs: number;
  cpuMs: number | null;
  maxRssKB: number | null;
  ok: boolean;
}

/** Runs a command with its output discarded and measures it. */
export function timedCommand(cmd: string, args: string[]): CommandMeasure {
  const t = performance.now();
  const r = HAS_TIME
    ? spawnSync('/usr/bin/time', ['-f', '@@%U %S %M', cmd, ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      })
    : spawnSync(cmd, args, { stdio: 'ignore' });
  const wallMs = performance.now() - t;
  const m = HAS_TIME ? /@@([\d.]+) ([\d.]+) (\d+)/.exec(String(r.stderr ?? '')) : null;
  return {
    wallMs,
    cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null,
    maxRssKB: m ? Number(m[3]) : null,
    ok: r.status === 0,
  };
}
