/**
 * Reading a Chromium CPU profile (CDP `Profiler.stop`) for the graph bench: the longest stretch of
 * back-to-back busy samples (a main-thread task, roughly) and the functions that took its time.
 */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

export function busiestStretch(profile: CpuProfile, topN = 12): { ms: number; top: string[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const busy = (id: number) => !IDLE.has(byId.get(id)?.callFrame.functionName ?? '(idle)') || isGc(id);
  const isGc = (id: number) => byId.get(id)?.callFrame.functionName === '(garbage collector)';
  // Stretches of busy samples; a gap shorter than 2 ms of idle does not end one.
  let best = { from: 0, to: 0, us: 0 };
  let start = -1;
  let t = 0;
  let startT = 0;
  let idleUs = 0;
  const times: number[] = [];
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    times.push(t);
    if (busy(profile.samples[i]!)) {
      if (start < 0) {
        start = i;
        startT = t;
      }
      idleUs = 0;
      if (t - startT > best.us) best = { from: start, to: i, us: t - startT };
    } else if (start >= 0) {
      idleUs += profile.timeDeltas[i] ?? 0;
      if (idleUs > 2000) start = -1;
    }
  }
  // Inclusive time per function (each counted once per sample) in the stretch.
  const inclusive = new Map<string, number>();
  for (let i = best.from; i <= best.to; i++) {
    const dt = (times[i + 1] ?? times[i]!) - times[i]!;
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)?.callFrame;
      if (f === undefined || f.functionName === '(root)') continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  }
  const top = [...inclusive.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  return { ms: best.us / 1000, top };
}
