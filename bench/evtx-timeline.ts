// The timeline of one `logonlens` EVTX run (LOGONLENS_EVTX_TIMELINE=1, src/server/ingest/
// evtx-timeline.ts), summed up for the EVTX benchmarks: when the CLI starts, when its workers are
// ready, how long their first (cold) pieces take against the warm ones, and when the run ends. The
// fixed costs of a run (process start, module loading, worker start, JIT warm-up) show here.
import { spawnSync } from 'node:child_process';

interface Mark {
  ms: number;
  thread: number;
  what: string;
}

function parseMarks(stderr: string): Mark[] {
  const out: Mark[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^evtx-timeline (\d+(?:\.\d+)?) (\d+) (.+)$/.exec(line);
    if (m) out.push({ ms: Number(m[1]), thread: Number(m[2]), what: m[3]! });
  }
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor(s.length / 2)]!;
};

/** One line per step: milliseconds since the process started (output to /dev/null). */
export function evtxTimeline(cmd: string, args: string[]): string[] {
  const r = spawnSync(cmd, args, {
    env: { ...process.env, LOGONLENS_EVTX_TIMELINE: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const marks = parseMarks(r.stderr ?? '');
  const at = (what: string, thread?: number): number | undefined =>
    marks.find((m) => m.what === what && (thread === undefined || m.thread === thread))?.ms;
  const f = (ms: number | undefined): string => (ms === undefined ? '-' : ms.toFixed(0));
  // Each worker's pieces in the order it parsed them: start and end.
  const pieces = new Map<number, { start: number; ms: number }[]>();
  const starts = new Map<string, number>();
  for (const m of marks) {
    const p = /^piece (\d+) (start|parsed)$/.exec(m.what);
    if (!p) continue;
    const key = `${m.thread}:${p[1]}`;
    if (p[2] === 'start') starts.set(key, m.ms);
    else {
      const start = starts.get(key);
      if (start === undefined) continue;
      const list = pieces.get(m.thread) ?? [];
      list.push({ start, ms: m.ms - start });
      pieces.set(m.thread, list);
    }
  }
  const lines = [
    `cli start ${f(at('cli start'))} · workers started ${f(at('worker started ahead'))} · command loaded ${f(at('command loaded'))} · first piece sent ${f(at('piece 0 sent'))} · read end ${f(at('read end'))} · exit ${f(at('exit'))} ms`,
  ];
  for (const [thread, list] of [...pieces.entries()].sort((a, b) => a[0] - b[0])) {
    const warm = median(list.slice(Math.floor(list.length / 2)).map((p) => p.ms));
    const first = list
      .slice(0, 4)
      .map((p) => p.ms.toFixed(0))
      .join(', ');
    const cold = list.slice(0, 4).reduce((s, p) => s + p.ms - warm, 0);
    lines.push(
      `worker ${thread}: ready ${f(at('worker ready', thread))} · first piece from ${f(list[0]?.start)} · ${list.length} pieces · first four ${first} ms · warm ${warm.toFixed(1)} ms each (median of the second half) · cold excess ≈ ${cold.toFixed(0)} ms`,
    );
  }
  return lines;
}
