// EVTX end to end, the way issue 10 measures it (`npm run bench -- evtx`; not part of the tests):
// Rust `evtx_dump` (1 and 2 threads, JSON lines), libevtx `evtxexport -f xml`, @ts-evtx/core, and
// the `logonlens` CLI (`events` with 1 and 2 workers, `analyze` with 1 and 2 workers) on the same
// replicated file in the same run, output to /dev/null, each in its own process: records/s, the
// ratios to Rust and to our own 1-worker figure, and each one's peak RSS. The load average is
// printed beside every figure: the machine may be shared, and other jobs slow single runs a lot.
//
// Rust evtx is not an npm package: install it with `cargo install evtx` (it builds `evtx_dump`;
// a few minutes on 2 cores). It is looked for in LOGONLENS_EVTX_DUMP, on PATH and in ~/.cargo/bin
// (`cargo install --root DIR` elsewhere: point LOGONLENS_EVTX_DUMP at DIR/bin/evtx_dump). libevtx: `apt-get install libevtx-utils` (evtxexport).
//
// Env: LOGONLENS_BENCH_CLI_MB (default 128: the file), LOGONLENS_BENCH_ANALYZE_MB (also
// measure `analyze`'s peak RSS on a file of that size, e.g. 1024), LOGONLENS_BENCH_CLI_RUNS (or
// LOGONLENS_BENCH_RUNS: runs per configuration, median kept; default 3), LOGONLENS_BENCH_CLI_TOOLS
// (which rows: rust,events,analyze,libevtx,tsevtx, comma-separated; default all: libevtx alone
// takes half a minute).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedCommand, type CommandMeasure } from './timed-command.js';
import { buildLargeEvtx, type BuiltFile } from './evtx-build.js';
import { HAS_PROC, threadSplit } from './thread-cpu.js';
import { evtxTimeline } from './evtx-timeline.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const SOURCE = path.join(root, 'test/fixtures/logs/evtx/sec-omer-size_t.evtx');
const CLI = path.join(root, 'bin/logonlens.js');
const dir = path.join(tmpdir(), 'logonlens-bench');
mkdirSync(dir, { recursive: true });
const sizeMB = Number(process.env.LOGONLENS_BENCH_CLI_MB ?? 128);
const analyzeMB = Number(process.env.LOGONLENS_BENCH_ANALYZE_MB ?? 0);
const RUNS = Math.max(
  1,
  Number(process.env.LOGONLENS_BENCH_CLI_RUNS ?? process.env.LOGONLENS_BENCH_RUNS ?? 3),
);
const TOOLS = new Set(
  (process.env.LOGONLENS_BENCH_CLI_TOOLS ?? 'rust,events,analyze,libevtx,tsevtx')
    .split(',')
    .map((t) => t.trim()),
);

if (!existsSync(path.join(root, 'dist/node/server/cli/main.js'))) {
  console.log('dist/node missing: run `npm run build:node` first (the CLI runs from dist). Skipped.');
  process.exit(0);
}

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function evtxDump(): string | null {
  const env = process.env.LOGONLENS_EVTX_DUMP;
  if (env && existsSync(env)) return env;
  const onPath = which('evtx_dump');
  if (onPath !== null) return onPath;
  const cargo = path.join(homedir(), '.cargo/bin/evtx_dump');
  return existsSync(cargo) ? cargo : null;
}

type Measure = CommandMeasure & { load: number };

/** One run, stdout to /dev/null, with the load average it started under. */
function once(cmd: string, args: string[]): Measure {
  const load = loadavg()[0]!;
  return { ...timedCommand(cmd, args), load };
}

/** The median run (by wall time) of RUNS. */
function measure(cmd: string, args: string[], runs = RUNS): Measure {
  const all: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    const m = once(cmd, args);
    if (!m.ok) throw new Error(`${cmd} ${args.join(' ')} failed`);
    all.push(m);
  }
  all.sort((a, b) => a.wallMs - b.wallMs);
  return all[Math.floor(all.length / 2)]!;
}

interface Row {
  tool: string;
  records: number;
  m: Measure | null;
  note?: string;
}

const rate = (r: Row): number => (r.m === null ? 0 : (r.records * 1000) / r.m.wallMs);
const fmt = (x: number | null, d = 0): string =>
  x === null || !Number.isFinite(x)
    ? '-'
    : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function build(mb: number): BuiltFile {
  const p = path.join(dir, `evtx-cli-${mb}mb.evtx`);
  const t = performance.now();
  const b = buildLargeEvtx(SOURCE, p, mb * 1e6);
  console.log(
    `built ${p}: ${(b.bytes / 1e6).toFixed(1)} MB, ${b.records} records (real chunks replicated) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return b;
}

const file = build(sizeMB);
const node = process.execPath;
const dump = evtxDump();
const rows: Row[] = [];
const datasetOut = path.join(dir, 'evtx-cli-dataset.json');

if (!TOOLS.has('rust')) {
  // not asked for
} else if (dump === null) {
  rows.push({ tool: 'Rust evtx_dump', records: 0, m: null, note: 'not found: `cargo install evtx`' });
} else {
  for (const t of [1, 2])
    rows.push({
      tool: `Rust evtx_dump -t ${t} -o jsonl`,
      records: file.records,
      m: measure(dump, ['-t', String(t), '-o', 'jsonl', file.path]),
    });
}
for (const w of TOOLS.has('events') ? [1, 2] : [])
  rows.push({
    tool: `logonlens events --workers ${w}`,
    records: file.records,
    m: measure(node, [CLI, 'events', '--workers', String(w), file.path]),
  });
for (const w of TOOLS.has('analyze') ? [1, 2] : [])
  rows.push({
    tool: `logonlens analyze --workers ${w}`,
    records: file.records,
    m: measure(node, [CLI, 'analyze', '--workers', String(w), file.path, '-o', datasetOut]),
  });
const evtxexport = which('evtxexport');
if (TOOLS.has('libevtx'))
  rows.push(
    evtxexport === null
      ? { tool: 'libevtx evtxexport -f xml', records: 0, m: null, note: 'not installed: libevtx-utils' }
      : {
          tool: 'libevtx evtxexport -f xml',
          records: file.records,
          m: measure(evtxexport, ['-f', 'xml', file.path], 1),
        },
  );
// @ts-evtx/core holds the whole file and is slow: a 32 MB subset.
function measureTsEvtx(): void {
  const subset = build(Math.min(32, sizeMB));
  const ts = spawnSync(node, ['--import', 'tsx', path.join(here, 'evtx-peer-tsevtx.ts'), subset.path], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  try {
    const j = JSON.parse(ts.stdout.trim().split('\n').pop() ?? '') as {
      missing?: boolean;
      records?: number;
      wallMs?: number;
      cpuMs?: number;
      maxRssKB?: number;
    };
    rows.push(
      j.missing
        ? { tool: '@ts-evtx/core', records: 0, m: null, note: 'not installed' }
        : {
            tool: '@ts-evtx/core (iterate records)',
            records: j.records ?? 0,
            m: {
              wallMs: j.wallMs ?? 0,
              cpuMs: j.cpuMs ?? null,
              maxRssKB: j.maxRssKB ?? null,
              load: loadavg()[0]!,
              ok: true,
            },
            note: `${(subset.bytes / 1e6).toFixed(0)} MB subset`,
          },
    );
  } catch {
    rows.push({ tool: '@ts-evtx/core', records: 0, m: null, note: `failed: ${ts.stderr.slice(0, 120)}` });
  }
}
if (TOOLS.has('tsevtx')) measureTsEvtx();

const ours1 = rows.find((r) => r.tool === 'logonlens events --workers 1');
const rust1 = rows.find((r) => r.tool.startsWith('Rust evtx_dump -t 1'));
console.log(
  `\n## ${(file.bytes / 1e6).toFixed(0)} MB, ${file.records} records; median of ${RUNS} runs each; output to /dev/null`,
);
console.log(
  'reader'.padEnd(36) +
    'wall s'.padStart(8) +
    'rec/s'.padStart(11) +
    'CPU s'.padStart(8) +
    '÷ Rust -t 1'.padStart(13) +
    '÷ events 1w'.padStart(13) +
    'peak RSS MB'.padStart(13) +
    'load'.padStart(7),
);
for (const r of rows) {
  if (r.m === null) {
    console.log(r.tool.padEnd(36) + `  ${r.note ?? 'missing'}`);
    continue;
  }
  console.log(
    r.tool.padEnd(36) +
      fmt(r.m.wallMs / 1000, 2).padStart(8) +
      fmt(rate(r)).padStart(11) +
      fmt(r.m.cpuMs === null ? null : r.m.cpuMs / 1000, 2).padStart(8) +
      (rust1?.m ? fmt(rate(r) / rate(rust1), 2) + 'x' : '-').padStart(13) +
      (ours1?.m ? fmt(rate(r) / rate(ours1), 2) + 'x' : '-').padStart(13) +
      fmt(r.m.maxRssKB === null ? null : r.m.maxRssKB / 1024).padStart(13) +
      fmt(r.m.load, 1).padStart(7) +
      (r.note ? `  (${r.note})` : ''),
  );
}
const byTool = (t: string): Row | undefined => rows.find((r) => r.tool === t);
const ev2 = byTool('logonlens events --workers 2');
const an1 = byTool('logonlens analyze --workers 1');
const an2 = byTool('logonlens analyze --workers 2');
console.log('\nGoals (issue 10):');
const perCpu = (r: Row): number =>
  r.m === null || r.m.cpuMs === null || r.m.cpuMs === 0 ? Number.NaN : (r.records * 1000) / r.m.cpuMs;
if (rust1?.m && ours1?.m)
  console.log(
    `  events 1 worker ≥ 50 % of Rust -t 1: ${fmt((100 * rate(ours1)) / rate(rust1))} % (records/s); ` +
      `${fmt((100 * perCpu(ours1)) / perCpu(rust1))} % per CPU-second`,
  );
if (ev2?.m && ours1?.m)
  console.log(`  events 2 workers ≥ 1.7x 1 worker: ${fmt(rate(ev2) / rate(ours1), 2)}x`);
if (an1 && an2) console.log(`  analyze 2 workers ≥ 1.7x 1 worker: ${fmt(rate(an2) / rate(an1), 2)}x`);
if (an1 && an2)
  console.log(
    `  analyze ≥ 300k records/s: ${fmt(rate(an1))} records/s with 1 worker (analyze's default on 2 cores), ${fmt(rate(an2))} with 2`,
  );

// Which thread bounds each run: the calling thread, the workers, and V8's GC and compiler threads
// with libuv's I/O threads (docs/evtx-reader.md, "Issue 10, fourth step").
if (HAS_PROC) {
  console.log(`\nCPU seconds by thread (one run each; ± 0.01 s per thread)`);
  console.log(
    'run'.padEnd(36) +
      'wall s'.padStart(8) +
      'calling'.padStart(9) +
      'workers'.padStart(13) +
      'V8+libuv'.padStart(10) +
      'load'.padStart(7),
  );
  for (const [label, args, w] of [
    ['logonlens events --workers 1', ['events', '--workers', '1', file.path], 1],
    ['logonlens events --workers 2', ['events', '--workers', '2', file.path], 2],
    ['logonlens analyze --workers 1', ['analyze', '--workers', '1', file.path, '-o', datasetOut], 1],
    ['logonlens analyze --workers 2', ['analyze', '--workers', '2', file.path, '-o', datasetOut], 2],
  ] as const) {
    const load = loadavg()[0]!;
    const t = await threadSplit(node, [CLI, ...args], w);
    console.log(
      label.padEnd(36) +
        fmt(t.wallMs / 1000, 2).padStart(8) +
        fmt(t.mainMs / 1000, 2).padStart(9) +
        t.workersMs
          .map((ms) => fmt(ms / 1000, 2))
          .join(' + ')
          .padStart(13) +
        fmt(t.otherMs / 1000, 2).padStart(10) +
        fmt(load, 1).padStart(7),
    );
  }
}

// When the workers start, how long their first (cold) pieces take, and the end: the fixed costs
// (docs/evtx-reader.md, "Issue 10, seventh step").
console.log(`\nTimeline, ms since the process started (one run each, LOGONLENS_EVTX_TIMELINE=1)`);
for (const [label, args] of [
  ['logonlens events --workers 1', ['events', '--workers', '1', file.path]],
  ['logonlens events --workers 2', ['events', '--workers', '2', file.path]],
  ['logonlens analyze --workers 1', ['analyze', '--workers', '1', file.path, '-o', datasetOut]],
] as const) {
  console.log(`${label} (load ${fmt(loadavg()[0]!, 1)})`);
  for (const line of evtxTimeline(node, [CLI, ...args])) console.log(`  ${line}`);
}

if (analyzeMB > 0) {
  const big = build(analyzeMB);
  const m = measure(node, [CLI, 'analyze', big.path, '-o', datasetOut], 1);
  console.log(
    `\nanalyze on ${(big.bytes / 1e6).toFixed(0)} MB (${big.records} records): peak RSS ${fmt((m.maxRssKB ?? 0) / 1024)} MB, ${fmt(m.wallMs / 1000, 1)} s, load ${fmt(m.load, 1)}`,
  );
  rmSync(big.path, { force: true });
}
rmSync(datasetOut, { force: true });
