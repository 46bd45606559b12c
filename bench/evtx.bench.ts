// EVTX reader benchmark (`npm run bench -- evtx`; not part of the tests). Measures our reader (one
// worker, all cores, and in-process readEvtx) against libevtx `evtxexport -f xml`, python-evtx
// `evtx_dump.py` and @ts-evtx/core on the same inputs in the same run, and prints ratios.
// Inputs: the real sample logs in test/fixtures/logs/evtx, and a large file (default 210 MB; env
// LOGONLENS_BENCH_EVTX_MB) built by replicating the real chunks of sec-omer-size_t.evtx with fresh
// record numbers and valid CRCs. Every configuration runs in its own process, so peak RSS is its
// own. The machine may be shared: besides wall-clock rates, rates per CPU-second are printed
// (CPU time of every thread of the process), which other load disturbs far less.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HAS_TIME, timedCommand } from './timed-command.js';
import { buildLargeEvtx } from './evtx-build.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const shared = path.resolve(root, 'test/fixtures/logs');
const SOURCE = path.join(shared, 'evtx/sec-omer-size_t.evtx');
if (!existsSync(SOURCE)) {
  console.log(`sample logs not found at ${shared}: the EVTX benchmark needs them (skipped)`);
  process.exit(0);
}
const cores = availableParallelism();

/** dist/node when it is newer than every source the EVTX reader is built from, else null. */
function freshDist(): string | null {
  const distRoot = path.join(root, 'dist/node');
  const sources = [
    ...['src/core/readers/evtx', 'src/core/events', 'src/core/readers/xml'].flatMap((d) =>
      readdirSync(path.join(root, d))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => path.join(d, f)),
    ),
    'src/core/readers/types.ts',
    'src/server/ingest/evtx-parallel.ts',
    'src/server/ingest/evtx-worker.ts',
  ];
  for (const src of sources) {
    const js = path.join(distRoot, src.replace(/^src\//, '').replace(/\.ts$/, '.js'));
    if (!existsSync(js) || statSync(js).mtimeMs < statSync(path.join(root, src)).mtimeMs) return null;
  }
  return distRoot;
}
const DIST = freshDist();
const largeMB = Number(process.env.LOGONLENS_BENCH_EVTX_MB ?? 210);
const dir = path.join(tmpdir(), 'logonlens-bench');
mkdirSync(dir, { recursive: true });

interface Run {
  tool: string;
  input: string;
  records: number;
  bytes: number;
  wallMs: number;
  cpuMs: number | null;
  maxRssKB: number | null;
  note?: string;
  missing?: boolean;
}

function built(name: string, mb: number): { path: string; records: number; bytes: number } {
  const p = path.join(dir, `${name}-${mb}mb.evtx`);
  const t = performance.now();
  const b = buildLargeEvtx(SOURCE, p, mb * 1e6);
  console.log(
    `built ${p}: ${(b.bytes / 1e6).toFixed(1)} MB, ${b.records} records, ${b.chunks} chunks in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return b;
}

const realFiles = readdirSync(path.join(shared, 'evtx'))
  .filter((f) => f.endsWith('.evtx'))
  .map((f) => path.join(shared, 'evtx', f));
const realBytes = realFiles.reduce((n, f) => n + statSync(f).size, 0);

const large = built('evtx-large', largeMB);
const subsetPy = built('evtx-subset', 2); // python-evtx is ~1,000x slower than us: a 2 MB subset
const subsetTs = built('evtx-subset', 32); // @ts-evtx/core holds the whole file and is slow: 32 MB

function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
const timed = timedCommand;

function ours(
  tool: string,
  input: string,
  mode: 'seq' | 'par',
  workers: number,
  files: string[],
  repeat = 1,
  ids = '-',
): Run {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'evtx-run.ts'), mode, String(workers), String(repeat), ids, ...files],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (r.status !== 0) throw new Error(`our reader failed: ${r.stderr}`);
  const j = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
    records: number;
    bytes: number;
    wallMs: number;
    cpuMs: number;
    maxRssKB: number;
  };
  return {
    tool,
    input,
    records: j.records,
    bytes: j.bytes,
    wallMs: j.wallMs,
    cpuMs: j.cpuMs,
    maxRssKB: j.maxRssKB,
  };
}

function libevtx(input: string, files: string[], records: number, bytes: number): Run {
  if (!have('evtxexport'))
    return {
      tool: 'libevtx evtxexport',
      input,
      records: 0,
      bytes,
      wallMs: 0,
      cpuMs: null,
      maxRssKB: null,
      missing: true,
    };
  let wallMs = 0;
  let cpuMs: number | null = 0;
  let rss = 0;
  for (const f of files) {
    const r = timed('evtxexport', ['-f', 'xml', f]);
    wallMs += r.wallMs;
    cpuMs = cpuMs === null || r.cpuMs === null ? null : cpuMs + r.cpuMs;
    rss = Math.max(rss, r.maxRssKB ?? 0);
  }
  return { tool: 'libevtx evtxexport', input, records, bytes, wallMs, cpuMs, maxRssKB: rss || null };
}

function pythonEvtx(input: string, files: string[], records: number, bytes: number, note?: string): Run {
  const cmd = have('evtx_dump.py') ? 'evtx_dump.py' : null;
  if (cmd === null)
    return {
      tool: 'python-evtx',
      input,
      records: 0,
      bytes,
      wallMs: 0,
      cpuMs: null,
      maxRssKB: null,
      missing: true,
    };
  let wallMs = 0;
  let cpuMs: number | null = 0;
  let rss = 0;
  for (const f of files) {
    const r = timed(cmd, [f]);
    wallMs += r.wallMs;
    cpuMs = cpuMs === null || r.cpuMs === null ? null : cpuMs + r.cpuMs;
    rss = Math.max(rss, r.maxRssKB ?? 0);
  }
  const run: Run = { tool: 'python-evtx', input, records, bytes, wallMs, cpuMs, maxRssKB: rss || null };
  if (note) run.note = note;
  return run;
}

function tsEvtx(input: string, files: string[], bytes: number, note?: string): Run {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'evtx-peer-tsevtx.ts'), ...files],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const line = r.stdout?.trim().split('\n').pop() ?? '';
  let j: { missing?: boolean; records?: number; wallMs?: number; cpuMs?: number; maxRssKB?: number } = {};
  try {
    j = JSON.parse(line) as typeof j;
  } catch {
    return {
      tool: '@ts-evtx/core',
      input,
      records: 0,
      bytes,
      wallMs: 0,
      cpuMs: null,
      maxRssKB: null,
      missing: true,
      note: `failed: ${r.stderr.slice(0, 200)}`,
    };
  }
  if (j.missing)
    return {
      tool: '@ts-evtx/core',
      input,
      records: 0,
      bytes,
      wallMs: 0,
      cpuMs: null,
      maxRssKB: null,
      missing: true,
    };
  const run: Run = {
    tool: '@ts-evtx/core',
    input,
    records: j.records ?? 0,
    bytes,
    wallMs: j.wallMs ?? 0,
    cpuMs: j.cpuMs ?? null,
    maxRssKB: j.maxRssKB ?? null,
  };
  if (note) run.note = note;
  return run;
}

const rate = (n: number, ms: number | null): number | null =>
  ms === null || ms <= 0 ? null : (n * 1000) / ms;
const fmt = (x: number | null, d = 0): string =>
  x === null ? '-' : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function table(title: string, runs: Run[]): void {
  console.log(`\n## ${title}`);
  console.log(
    'tool'.padEnd(34) +
      'records'.padStart(9) +
      'wall s'.padStart(9) +
      'rec/s'.padStart(11) +
      'MB/s'.padStart(8) +
      'CPU s'.padStart(8) +
      'rec/CPU-s'.padStart(11) +
      'peak RSS MB'.padStart(13),
  );
  for (const r of runs) {
    if (r.missing) {
      console.log(r.tool.padEnd(34) + `  missing (not installed)${r.note ? ': ' + r.note : ''}`);
      continue;
    }
    console.log(
      r.tool.padEnd(34) +
        fmt(r.records).padStart(9) +
        fmt(r.wallMs / 1000, 2).padStart(9) +
        fmt(rate(r.records, r.wallMs)).padStart(11) +
        fmt(r.bytes / 1e6 / (r.wallMs / 1000), 1).padStart(8) +
        fmt(r.cpuMs === null ? null : r.cpuMs / 1000, 2).padStart(8) +
        fmt(rate(r.records, r.cpuMs)).padStart(11) +
        fmt(r.maxRssKB === null ? null : r.maxRssKB / 1024).padStart(13) +
        (r.note ? `  (${r.note})` : ''),
    );
  }
}

function ratios(title: string, mine: Run[], peers: Run[]): void {
  console.log(`\n${title}: ours ÷ peer, records per second (wall; per CPU-second in brackets)`);
  for (const p of peers) {
    if (p.missing) continue;
    const cells = mine.map((m) => {
      const w = (rate(m.records, m.wallMs) ?? 0) / (rate(p.records, p.wallMs) ?? Number.NaN);
      const c = (rate(m.records, m.cpuMs) ?? 0) / (rate(p.records, p.cpuMs) ?? Number.NaN);
      return `${m.tool}: ${fmt(w, 1)}x (${Number.isFinite(c) ? fmt(c, 1) : '-'}x)`;
    });
    console.log(`  vs ${p.tool.padEnd(20)} ${cells.join('   ')}`);
  }
}

console.log(`cores: ${cores}; /usr/bin/time: ${HAS_TIME ? 'yes' : 'no (CPU and RSS of peers not measured)'}`);
console.log(
  DIST
    ? `our reader: compiled code in ${DIST}`
    : 'our reader: TypeScript sources through tsx (dist/node missing or older than the sources: `npm run build:node` to measure the compiled code; workers then start faster)',
);

// 1. Real sample logs (all of test/fixtures/logs/evtx; our runs repeat the set 20 times to be measurable).
const REPEAT = 20;
const realRecords = ours('ours, readEvtx in-process', 'real', 'seq', 1, realFiles).records;
const realMine = [
  ours('ours, 1 worker', 'real', 'par', 1, realFiles, REPEAT),
  ours(`ours, ${cores} workers`, 'real', 'par', cores, realFiles, REPEAT),
  ours('ours, readEvtx in-process', 'real', 'seq', 1, realFiles, REPEAT),
];
const realPeers = [
  libevtx('real', realFiles, realRecords, realBytes),
  pythonEvtx('real', realFiles, realRecords, realBytes),
  tsEvtx('real', realFiles, realBytes),
];
table(
  `Real sample logs: ${realFiles.length} files, ${(realBytes / 1e6).toFixed(1)} MB, ${realRecords} records (ours: set read ${REPEAT} times)`,
  [...realMine, ...realPeers],
);
ratios('Real sample logs', realMine, realPeers);

// 2. The large file.
const largeMine = [
  ours('ours, 1 worker', 'large', 'par', 1, [large.path]),
  ours(`ours, ${cores} workers`, 'large', 'par', cores, [large.path]),
  ours('ours, readEvtx in-process', 'large', 'seq', 1, [large.path]),
];
const memFlat = ours(`ours, ${cores} workers, no event kept`, 'large', 'par', cores, [large.path], 1, '1');
const memFlatSmall = ours(
  `ours, ${cores} workers, no event kept`,
  'subset',
  'par',
  cores,
  [subsetTs.path],
  1,
  '1',
);
const largePeers = [
  libevtx('large', [large.path], large.records, large.bytes),
  pythonEvtx(
    'subset',
    [subsetPy.path],
    subsetPy.records,
    subsetPy.bytes,
    `on a ${(subsetPy.bytes / 1e6).toFixed(0)} MB subset: too slow for the whole file`,
  ),
  tsEvtx('subset', [subsetTs.path], subsetTs.bytes, `on a ${(subsetTs.bytes / 1e6).toFixed(0)} MB subset`),
];
table(`Large file: ${(large.bytes / 1e6).toFixed(0)} MB, ${large.records} records (replicated real chunks)`, [
  ...largeMine,
  ...largePeers,
]);
ratios('Large file', largeMine, largePeers);
console.log(
  `\nMemory vs file size (events filtered out, so only the reading itself is measured): peak RSS ${fmt((memFlatSmall.maxRssKB ?? 0) / 1024)} MB on ${(subsetTs.bytes / 1e6).toFixed(0)} MB, ${fmt((memFlat.maxRssKB ?? 0) / 1024)} MB on ${(large.bytes / 1e6).toFixed(0)} MB`,
);
const libevtxLarge = largePeers[0]!;
if (!libevtxLarge.missing) {
  const one = rate(largeMine[0]!.records, largeMine[0]!.cpuMs) ?? 0;
  const peer = rate(libevtxLarge.records, libevtxLarge.cpuMs) ?? Number.NaN;
  console.log(`Target ≥10x libevtx on one core (per CPU-second, large file): ${fmt(one / peer, 1)}x`);
}
