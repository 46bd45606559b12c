// `npm run bench -- investigation`: how fast the investigation workspace's core answers
// (src/core/analysis/investigate): path and chain search on a window of about 10,000 edges, and
// the node timeline, story window, detections listing and window comparison on a dataset of about
// 100,000 edges. Datasets come from the deterministic generator (src/core/dataset/testing).
// `BENCH_SCALE=0.1` runs everything at a tenth of the size (a quick check on a shared machine);
// `BENCH_ONLY=window` or `dataset` runs one of the two parts.
import { generateDataset } from '../src/core/dataset/testing/generate-dataset.js';
import type { Dataset, Detection } from '../src/core/dataset/schema.js';
import { computeView, DEFAULT_FILTERS, hourToIso } from '../src/core/analysis/index.js';
import { seededRandom } from '../src/core/random.js';
import {
  compareWindows,
  lateralChainSearch,
  listDetections,
  nearestActiveWindow,
  neighbourhood,
  nodeTimeline,
  shortestPaths,
  storyWindow,
} from '../src/core/analysis/investigate/index.js';

const SCALE = Math.min(1, Math.max(0.01, Number(process.env.BENCH_SCALE ?? 1)));

/** Runs fn; returns its result, wall time and CPU time (ms): CPU time does not count waiting for a core. */
function time<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [r, wall, (c.user + c.system) / 1000];
}

/** Median and maximum wall time of fn over the given inputs (after one warm-up call). */
function over<I>(
  inputs: readonly I[],
  fn: (input: I) => unknown,
): { median: number; max: number; cpu: number } {
  fn(inputs[0]!);
  const walls: number[] = [];
  let cpu = 0;
  for (const input of inputs) {
    const [, w, c] = time(() => fn(input));
    walls.push(w);
    cpu += c;
  }
  walls.sort((a, b) => a - b);
  return { median: walls[walls.length >> 1]!, max: walls[walls.length - 1]!, cpu: cpu / inputs.length };
}

const ms = (x: number): string => `${x.toFixed(1)} ms`;
const report = (name: string, r: { median: number; max: number; cpu: number }, note = ''): void =>
  console.log(`${name}: median ${ms(r.median)}, max ${ms(r.max)} wall; mean ${ms(r.cpu)} CPU${note}`);

// A fixed sequence of picks (seed 9).
const draw = seededRandom(9);
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(draw() * items.length)]!;
}

function windowPart(): void {
  // 1. Paths and chains on a window of about 10,000 edges.
  const small = generateDataset({
    accounts: Math.round(2500 * SCALE),
    hosts: Math.round(400 * SCALE) + 2,
    ips: Math.round(100 * SCALE) + 1,
    days: 1,
    edgesPerAccount: 4,
    seed: 5,
  });
  const day = {
    from: hourToIso(Math.floor(Date.parse('2021-12-01T00:00:00Z') / 3_600_000)),
    to: '2021-12-02T00:00:00Z',
  };
  const view = computeView(small, day, { ...DEFAULT_FILTERS, showHidden: true });
  console.log(
    `window: ${view.edges.length.toLocaleString('en')} edges, ${view.nodes.length.toLocaleString('en')} nodes`,
  );
  const ids = view.nodes.map((n) => n.id);
  const sources = [...new Set(view.edges.map((e) => e.source).filter((s): s is string => s !== null))];
  const pairs = Array.from({ length: 60 }, () => [pick(sources), pick(ids)] as const);

  const [, buildWall, buildCpu] = time(() => shortestPaths(view.edges, pairs[0]![0], pairs[0]![1]));
  console.log(
    `shortestPaths, first call on a window (builds its link graph): ${ms(buildWall)} wall, ${ms(buildCpu)} CPU`,
  );
  let found = 0;
  let lengths = 0;
  report(
    'shortestPaths, 60 random pairs, logon direction, max 5',
    over(pairs, ([a, b]) => {
      const p = shortestPaths(view.edges, a, b);
      if (p.length > 0) {
        found++;
        lengths += p[0]!.nodes.length - 1;
      }
    }),
    ` (${found} of 61 connected, mean length ${(lengths / Math.max(1, found)).toFixed(1)} steps)`,
  );
  report(
    'shortestPaths, 60 random pairs, any direction, max 100',
    over(pairs, ([a, b]) => shortestPaths(view.edges, a, b, { direction: 'any', max: 100 })),
  );
  let chainsFound = 0;
  let cut = 0;
  report(
    'lateralChains, 60 random sources, defaults (depth 4, 20 chains)',
    over(
      pairs.map(([a]) => a),
      (start) => {
        const r = lateralChainSearch(view.edges, start);
        chainsFound += r.chains.length;
        if (r.truncated) cut++;
      },
    ),
    ` (${chainsFound} chains, ${cut} searches cut by the budget)`,
  );
  report(
    'lateralChains, depth 8, 100 chains',
    over(
      pairs.map(([a]) => a),
      (start) => lateralChainSearch(view.edges, start, { maxDepth: 8, maxChains: 100 }),
    ),
  );
  report(
    'neighbourhood, 3 hops from one node',
    over(
      pairs.map(([a]) => a),
      (start) => neighbourhood(view.edges, [start], 3),
    ),
  );
}

function datasetPart(): void {
  // 2. Timeline, story window, listing and comparison on about 100,000 edges.
  const big: Dataset = generateDataset({
    accounts: Math.round(20_000 * SCALE),
    hosts: Math.round(2000 * SCALE) + 2,
    ips: Math.round(500 * SCALE) + 1,
    days: 30,
    edgesPerAccount: 5,
    seed: 6,
  });
  const kinds = ['dcsync', 'password-spraying', 'password-guessing', 'log-cleared', 'account-created'];
  const severities: Array<Detection['severity']> = ['high', 'medium', 'low', 'info'];
  big.detections = Array.from({ length: Math.round(5000 * SCALE) }, (_, i): Detection => {
    const e = pick(big.edges);
    return {
      id: `d${i}`,
      kind: pick(kinds),
      title: 'generated',
      severity: pick(severities),
      nodes: [e.account, ...(e.source === null ? [] : [e.source])],
      first: e.first,
      last: e.last,
      count: e.count,
      detail: '',
      evidence: { eventIds: [e.eventId], recordIds: [], computers: [] },
    };
  });
  console.log(
    `dataset: ${big.edges.length.toLocaleString('en')} edges, ${big.nodes.length.toLocaleString('en')} nodes, ${big.detections.length.toLocaleString('en')} detections over 30 days`,
  );
  const accounts = big.nodes.filter((n) => n.kind === 'account').map((n) => n.id);
  const hosts = big.nodes.filter((n) => n.kind === 'host').map((n) => n.id);
  const [, tlWall, tlCpu] = time(() => nodeTimeline(big, accounts[0]!));
  console.log(
    `nodeTimeline, first call on a dataset (builds its indexes): ${ms(tlWall)} wall, ${ms(tlCpu)} CPU`,
  );
  report(
    'nodeTimeline of an account (with its ChangeFinder series)',
    over(
      Array.from({ length: 20 }, () => pick(accounts)),
      (id) => nodeTimeline(big, id),
    ),
  );
  report(
    'nodeTimeline of a host',
    over(
      Array.from({ length: 20 }, () => pick(hosts)),
      (id) => nodeTimeline(big, id),
    ),
  );
  const fresh = (): Dataset => ({ ...big });
  report(
    'storyWindow day + week (first high-severity detection), first call on a dataset',
    over(Array.from({ length: 5 }, fresh), (d) => [storyWindow(d, 'day'), storyWindow(d, 'week')]),
  );
  report(
    'storyWindow day + week without detections (busiest), first call on a dataset',
    over(
      Array.from({ length: 5 }, () => ({ ...big, detections: [] })),
      (d) => [storyWindow(d, 'day'), storyWindow(d, 'week')],
    ),
  );
  report(
    'nearestActiveWindow, first call on a dataset',
    over(Array.from({ length: 5 }, fresh), (d) => nearestActiveWindow(d, '2022-03-01', 'day')),
  );
  const window = { from: '2021-12-10T00:00:00Z', to: '2021-12-11T00:00:00Z' };
  report(
    'listDetections, whole dataset, marked against a day',
    over(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? {} : { severities: ['high' as const] })),
      (f) => listDetections(big.detections, window, f),
    ),
  );
  report(
    'compareWindows, a day against the day before (2 window views)',
    over([0, 1, 2], () => compareWindows(big, window, DEFAULT_FILTERS)),
  );
}

// `BENCH_ONLY=window` or `BENCH_ONLY=dataset` runs one part.
const only = process.env.BENCH_ONLY ?? '';
if (only === '' || only === 'window') windowPart();
if (only === '' || only === 'dataset') datasetPart();
