// `npm run bench -- sigma`: the analysis with 0, 50 and 500 Sigma rules loaded, on the same kind of
// synthetic-from-real input as analysis.bench.ts (BENCH_EVENTS, default 1,000,000). The goal
// (issue 15): 500 rules cost less than 2× the time without rules, because rules are indexed by
// event ID and an event is only tried against the rules for its ID.
//
// The rule sets are the curated rules of rules/sigma and variants of them (each variant adds a
// condition on the account name, so it runs the full evaluation and keeps its rule's event IDs),
// which is the shape of real rule sets: almost every Windows Security rule names its event IDs.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readXml } from '../src/core/readers/xml/index.js';
import type { LogonEvent } from '../src/core/events/logon-event.js';
import { createGraphBuilder, datasetFromGraph, hourToIso } from '../src/core/analysis/index.js';
import { loadSigmaRules, type SigmaRuleSet } from '../src/core/sigma/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const xmlDir = path.resolve(here, '../test/fixtures/logs/expected-xml');
const rulesDir = path.resolve(here, '../rules/sigma');
const seeds: LogonEvent[] = [];
for (const f of readdirSync(xmlDir).filter((x) => x.endsWith('.xml'))) {
  if (f.startsWith('dev-derived') || f.startsWith('sys-')) continue;
  seeds.push(...readXml(readFileSync(path.join(xmlDir, f))).events);
}
const TOTAL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const HOURS = 24 * 14;
const START_HOUR = Math.floor(Date.UTC(2024, 0, 1) / 3_600_000);

function* synthetic(total: number): Generator<LogonEvent> {
  for (let i = 0; i < total; i++) {
    const seed = seeds[i % seeds.length]!;
    const round = Math.floor(i / seeds.length);
    const hour = START_HOUR + ((round * 7 + (i % 13)) % HOURS);
    const who = round % 500;
    const mm = (i % 60).toString().padStart(2, '0');
    yield {
      ...seed,
      time: `${hourToIso(hour).slice(0, 14)}${mm}:${mm}.${(i % 10_000_000).toString().padStart(7, '0')}Z`,
      recordId: i + 1,
      targetUser:
        seed.targetUser === null || seed.targetUser === '-' ? seed.targetUser : `${seed.targetUser}${who}`,
      ipAddress:
        seed.ipAddress === null || seed.ipAddress === '-'
          ? seed.ipAddress
          : `10.0.${who & 255}.${1 + (round % 3)}`,
      computer: `${(seed.computer ?? 'host').split('.')[0]}${round % 20}.corp.example`,
    };
  }
}

const curated = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => ({ file: f, text: readFileSync(path.join(rulesDir, f), 'utf8') }));

function rules(n: number): SigmaRuleSet {
  const files: { file: string; text: string }[] = [];
  for (let k = 0; files.length < n; k++) {
    const base = curated[k % curated.length]!;
    if (k < curated.length) files.push(base);
    else {
      // A variant: one more selection (account names containing a marker), ANDed in.
      const text = base.text
        .replace(/^id: .*$/m, `id: variant-${k}`)
        .replace(/^title: "(.*)"$/m, `title: "$1 (variant ${k})"`)
        .replace(/^detection:\n/m, `detection:\n  variant_${k}:\n    TargetUserName|contains: 'v${k}x'\n`)
        .replace(/^ {2}condition: (.*)$/m, `  condition: ($1) and variant_${k}`);
      files.push({ file: `variant-${k}.yml`, text });
    }
  }
  const set = loadSigmaRules(files);
  if (set.problems.length > 0) throw new Error(`bench rules do not load: ${set.problems[0]!.reason}`);
  return set;
}

function run(set: SigmaRuleSet | null): { cpu: number; wall: number; detections: number } {
  globalThis.gc?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const builder = createGraphBuilder({ sigma: set });
  for (const e of synthetic(TOTAL)) builder.add(e);
  const d = datasetFromGraph(builder.finish(), {
    sources: [],
    readStats: { recordsRead: TOTAL, eventsSkipped: {}, warnings: 0 },
  });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall, detections: d.detections.length };
}

console.log(`input: ${TOTAL.toLocaleString('en')} synthetic-from-real events (${seeds.length} real seeds)`);
run(null); // warm-up (JIT)
const base = run(null);
console.log(
  `0 rules:   ${base.cpu.toFixed(0)} ms CPU, ${base.wall.toFixed(0)} ms wall, ${base.detections} detections`,
);
for (const n of [50, 500]) {
  const set = rules(n);
  const r = run(set);
  console.log(
    `${n} rules: ${r.cpu.toFixed(0)} ms CPU, ${r.wall.toFixed(0)} ms wall, ${r.detections} detections; ${(r.cpu / base.cpu).toFixed(2)}× the CPU time without rules (goal < 2×)`,
  );
}
