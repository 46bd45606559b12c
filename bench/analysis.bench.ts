// `npm run bench -- analysis`: how fast the analysis builds the graph from a large input, and how
// fast the browser recomputes a window (computeView) with 10,000 edges.
//
// The large input is synthetic-from-real: every event of the real samples (test/fixtures/logs,
// expected-xml) is replayed many times, shifted across hours and spread over more accounts, source
// addresses and record IDs, so that the mix of event IDs and field shapes stays that of real logs.
// Events are generated on the fly (a copy per event), so memory holds the graph, not the input.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readXml } from '../src/core/readers/xml/index.js';
import type { LogonEvent } from '../src/core/events/logon-event.js';
import {
  createGraphBuilder,
  datasetFromGraph,
  computeView,
  DEFAULT_FILTERS,
  hourToIso,
} from '../src/core/analysis/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const xmlDir = path.resolve(here, '../test/fixtures/logs/expected-xml');
let files: string[];
try {
  files = readdirSync(xmlDir).filter((f) => f.endsWith('.xml'));
} catch {
  console.log(`skipped: sample logs not found at ${xmlDir}`);
  process.exit(0);
}
const seeds: LogonEvent[] = [];
for (const f of files) {
  if (f.startsWith('dev-derived') || f.startsWith('sys-')) continue;
  seeds.push(...readXml(readFileSync(path.join(xmlDir, f))).events);
}

const TOTAL = Number(process.env.BENCH_EVENTS ?? 2_000_000);
const HOURS = 24 * 14;
const ACCOUNTS = 500;
const START_HOUR = Math.floor(Date.UTC(2024, 0, 1) / 3_600_000);

function* synthetic(total: number): Generator<LogonEvent> {
  for (let i = 0; i < total; i++) {
    const seed = seeds[i % seeds.length]!;
    const round = Math.floor(i / seeds.length);
    const hour = START_HOUR + ((round * 7 + (i % 13)) % HOURS);
    const minute = (i % 60).toString().padStart(2, '0');
    const who = round % ACCOUNTS;
    yield {
      ...seed,
      time: `${hourToIso(hour).slice(0, 14)}${minute}:${(i % 60).toString().padStart(2, '0')}.${(i % 10_000_000).toString().padStart(7, '0')}Z`,
      recordId: i + 1,
      targetUser:
        seed.targetUser === null || seed.targetUser === '-' ? seed.targetUser : `${seed.targetUser}${who}`,
      subjectUser:
        seed.subjectUser === null || seed.subjectUser === '-'
          ? seed.subjectUser
          : `${seed.subjectUser}${who % 50}`,
      ipAddress:
        seed.ipAddress === null || seed.ipAddress === '-'
          ? seed.ipAddress
          : `10.${(who >> 8) & 255}.${who & 255}.${1 + (round % 3)}`,
      workstation:
        seed.workstation === null || seed.workstation === '-' ? seed.workstation : `WS${who % 500}`,
      computer: `${(seed.computer ?? 'host').split('.')[0]}${round % 20}.corp.example`,
    };
  }
}

/**
 * Runs fn; returns its result, wall time and CPU time (ms). The machines this runs on are shared:
 * CPU time (user + system of this process) is the figure that does not count waiting for a core.
 */
function time<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [r, wall, (c.user + c.system) / 1000];
}
const fmt = (wall: number, cpu: number): string => `${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU`;
const rate = (n: number, ms: number): string =>
  `${Math.round((n / Math.max(1, ms)) * 1000).toLocaleString('en')} events/s`;

// 1. Generation alone (the cost of making the copies, to read the next figure against).
const [, genWall, genCpu] = time(() => {
  let n = 0;
  for (const e of synthetic(TOTAL)) n += e.eventId;
  return n;
});

// 2. Generation + GraphBuilder.add + finish.
const builder = createGraphBuilder();
const [, addWall, addCpu] = time(() => {
  for (const e of synthetic(TOTAL)) builder.add(e);
});
const [graph, finishWall, finishCpu] = time(() => builder.finish());
const [dataset, dsWall, dsCpu] = time(() =>
  datasetFromGraph(graph, { sources: [], readStats: { recordsRead: TOTAL, eventsSkipped: {}, warnings: 0 } }),
);
console.log(
  `input: ${TOTAL.toLocaleString('en')} synthetic-from-real events (${seeds.length} real seeds from ${files.length} files)`,
);
console.log(
  `graph: ${graph.nodes.length.toLocaleString('en')} nodes, ${graph.edges.length.toLocaleString('en')} edges, ${dataset.detections.length} detections`,
);
console.log(`generate only:            ${fmt(genWall, genCpu)}`);
console.log(`generate + add:           ${fmt(addWall, addCpu)}`);
console.log(
  `add, net of generation:   ${rate(TOTAL, addCpu - genCpu)} (CPU), ${rate(TOTAL, addWall - genWall)} (wall)`,
);
console.log(`finish (identities, merge): ${fmt(finishWall, finishCpu)}`);
console.log(`build total (add + finish): ${rate(TOTAL, addCpu - genCpu + finishCpu)} (CPU)`);
console.log(`dataset: rankings + detections over the whole range: ${fmt(dsWall, dsCpu)}`);

// 3. computeView on a window with ~10,000 edges: take the hours from the start until 10,000 edges.
const sorted = [...dataset.edges].sort((a, b) => a.hourly[0]![0] - b.hourly[0]![0]);
const target = sorted[Math.min(sorted.length - 1, 9_999)]!;
const window = { from: hourToIso(START_HOUR), to: hourToIso(target.hourly[0]![0] + 1) };
const probe = computeView(dataset, window, { ...DEFAULT_FILTERS, showHidden: true });
console.log(
  `window ${window.from} → ${window.to}: ${probe.totals.edges.toLocaleString('en')} edges in the window, ${probe.edges.length} shown with hidden nodes`,
);

function median(fn: () => void, runs = 15): [number, number] {
  fn(); // warm-up (also fills the per-dataset caches, as in the app)
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [, w, c] = time(fn);
    walls.push(w);
    cpus.push(c);
  }
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return [walls[runs >> 1]!, cpus[runs >> 1]!];
}
const [, firstWall, firstCpu] = time(() => computeView(structuredClone(dataset), window, DEFAULT_FILTERS));
console.log(`computeView, first call on a dataset (builds its lookup caches): ${fmt(firstWall, firstCpu)}`);
const cases: Array<[string, () => unknown]> = [
  ['computeView default filters, standard PageRank', () => computeView(dataset, window, DEFAULT_FILTERS)],
  ['computeView showHidden', () => computeView(dataset, window, { ...DEFAULT_FILTERS, showHidden: true })],
  [
    'computeView LogonTracer PageRank',
    () => computeView(dataset, window, DEFAULT_FILTERS, { pagerank: 'logontracer' }),
  ],
  [
    'computeView failures only + search',
    () => computeView(dataset, window, { ...DEFAULT_FILTERS, outcome: 'failure', search: '1' }),
  ],
];
for (const [name, fn] of cases) {
  const v = fn() as ReturnType<typeof computeView>;
  const [w, c] = median(() => fn());
  console.log(
    `${name}: median ${w.toFixed(1)} ms wall, ${c.toFixed(1)} ms CPU (${v.edges.length} edges, ${v.nodes.length} nodes)`,
  );
}
