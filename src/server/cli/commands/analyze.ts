import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import {
  ANALYSED_EVENT_IDS,
  createGraphBuilder,
  type GraphBuilder,
} from '../../../core/analysis/graph-builder.js';
import type { PageRankMode } from '../../../core/analysis/scores.js';
import type { Dataset, DatasetSource } from '../../../core/dataset/schema.js';
import { UnreadableInputError } from '../../../core/readers/types.js';
import { streamInputFile, type InputFileResult } from '../../ingest/read-input-file.js';
import { intOption, parseArgs, rangeOptions, visible } from '../args.js';
import { UsageError, type CliIo, type Command } from '../command.js';
import { evtxWorkersBesideBusyThread } from '../../ingest/evtx-default-workers.js';

/**
 * What the command needs only once the events are in: the dataset, its rankings and its schema
 * check (zod). Imported while the EVTX workers start and read (their start no longer waits for
 * ≈ 0.1 CPU-s of module loading on this thread, which is the busier one).
 */
async function loadFinishing(): Promise<{
  datasetFromGraph: typeof import('../../../core/analysis/analyze.js').datasetFromGraph;
  validateDataset: typeof import('../../../core/dataset/validate.js').validateDataset;
}> {
  const [analysis, validate] = await Promise.all([
    import('../../../core/analysis/analyze.js'),
    import('../../../core/dataset/validate.js'),
  ]);
  return { datasetFromGraph: analysis.datasetFromGraph, validateDataset: validate.validateDataset };
}

const USAGE = `Usage: logonlens analyze [options] <file>... -o <dataset.json>

Reads Windows Security event logs (EVTX, XML, Winlogbeat/Elastic Agent/NXLog JSON; the format is
detected from the content), builds the logon graph (account, source, target), ranks accounts and
hosts (PageRank, ChangeFinder anomaly, failures) with their reasons, lists detections (DCSync,
DCShadow, password guessing/spraying, Kerberoasting, log cleared, audit policy, account and group
changes, explicit credentials and their spraying, pass-the-hash, RDP through a tunnel, noPac,
Zerologon, golden tickets, DCSync rights granted; docs/analysis.md) and what the logs cannot show,
and writes a dataset (docs/dataset-format.md) the app opens.

Options:
  -o, --output FILE          where to write the dataset (required; - for stdout)
  --from T, --to T           only events with from <= time < to (ISO 8601; no zone means UTC);
                             with both, the dataset's window is set to them
  --pagerank standard|logontracer
                             PageRank of the stored rankings (default standard; docs/analysis.md)
  --sigma DIR                run the Sigma rules in DIR (*.yml, recursively; Windows Security
                             rules) and list their hits as detections; rules/sigma holds a
                             curated set. Rules that cannot run are reported with the reason
  --title TEXT               a title shown in the app
  --workers N                EVTX worker threads (default: one less than the cores, at least
                             one: this thread builds the graph beside them)

A summary (records read, events used and skipped by reason, nodes, edges, detections, top-ranked
accounts) goes to stderr. Exit status 0 when the dataset was written; 1 when a file could not be
read at all or nothing could be written; 2 for bad options.`;

export interface AnalyzeArgs {
  files: string[];
  output: string;
  from: string | null;
  to: string | null;
  pagerank: PageRankMode;
  title: string | null;
  workers: number | null;
  sigma: string | null;
}

export function parseAnalyzeArgs(args: string[]): AnalyzeArgs {
  const p = parseArgs(args, {
    values: ['--output', '--from', '--to', '--pagerank', '--title', '--workers', '--sigma'],
    aliases: { '-o': '--output' },
  });
  const pagerank = p.values.get('--pagerank') ?? 'standard';
  if (pagerank !== 'standard' && pagerank !== 'logontracer')
    throw new UsageError('--pagerank must be standard or logontracer');
  const output = p.values.get('--output');
  if (p.positional.length === 0) throw new UsageError('give at least one file');
  if (output === undefined) throw new UsageError('give the output file with -o dataset.json');
  return {
    files: p.positional,
    output,
    ...rangeOptions(p),
    pagerank,
    title: p.values.get('--title') ?? null,
    workers: intOption(p, '--workers', 1, 999),
    sigma: p.values.get('--sigma') ?? null,
  };
}

export const analyzeCommand: Command = {
  name: 'analyze',
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    const args = parseAnalyzeArgs(argv);
    const window = args.from !== null && args.to !== null ? { from: args.from, to: args.to } : null;
    // The rules (and the YAML parser) are loaded only when asked for.
    const rulesDir = args.sigma === null ? null : await import('../../sigma/rules-dir.js');
    const sigma = rulesDir === null ? null : rulesDir.loadSigmaDir(args.sigma!);
    if (sigma !== null) {
      io.stderr.write(
        `sigma: ${sigma.rules.length} rule${sigma.rules.length === 1 ? '' : 's'} from ${visible(args.sigma!)}${sigma.problems.length > 0 ? `, ${sigma.problems.length} not run` : ''}\n`,
      );
      for (const p of sigma.problems.slice(0, 20))
        io.stderr.write(
          `  ${p.kind} ${visible(p.file)}${p.rule === null ? '' : ` (${visible(p.rule)})`}: ${visible(p.reason)}\n`,
        );
      if (sigma.problems.length > 20)
        io.stderr.write(`  … and ${sigma.problems.length - 20} more (in the dataset's coverage)\n`);
    }
    const builder = createGraphBuilder({ window, sigma });
    const finishing = loadFinishing();
    const read = await readFilesInto(
      builder,
      args.files,
      {
        eventIds:
          rulesDir === null ? ANALYSED_EVENT_IDS : rulesDir.eventIdsWithRules(ANALYSED_EVENT_IDS, sigma),
        from: args.from,
        to: args.to,
        workers: args.workers ?? evtxWorkersBesideBusyThread(availableParallelism()),
      },
      (file, result) => {
        if (result instanceof UnreadableInputError) {
          io.stderr.write(`logonlens analyze: ${visible(result.message)}\n`);
          return;
        }
        const w = Object.values(result.warningCounts).reduce((s, v) => s + v, 0);
        io.stderr.write(
          `${visible(result.source.name)}: ${result.source.format}, ${result.stats.recordsRead} records${w > 0 ? `, ${w} warnings` : ''}\n`,
        );
        for (const warning of result.warnings.slice(0, 5))
          io.stderr.write(`  warning ${visible(warning.code)}: ${visible(warning.message)}\n`);
      },
    );
    const { sources, readStats, failed } = read;
    const { datasetFromGraph, validateDataset } = await finishing;
    if (failed === args.files.length) {
      io.stderr.write('logonlens analyze: no input could be read; nothing written\n');
      return 1;
    }
    const dataset = datasetFromGraph(builder.finish(), {
      sources,
      readStats,
      window,
      title: args.title,
      pagerank: args.pagerank,
    });
    const text = JSON.stringify(dataset);
    const check = validateDataset(JSON.parse(text));
    if (!check.ok) {
      io.stderr.write(
        `logonlens analyze: the dataset does not validate (a bug): ${check.problems.join('; ')}\n`,
      );
      return 1;
    }
    if (args.output === '-') io.stdout.write(text + '\n');
    else await writeFile(args.output, text + '\n');
    io.stderr.write(summary(dataset, args.output));
    return failed > 0 ? 1 : 0;
  },
};

export interface ReadFilesOptions {
  eventIds: ReadonlySet<number> | null;
  from: string | null;
  to: string | null;
  /** EVTX worker threads (null: all cores). */
  workers: number | null;
  /** EVTX inputs smaller than this are parsed on the calling thread (default 2 MiB; tests set 0). */
  inThreadBelow?: number;
}

/**
 * Reads the files one after the other into the graph builder, each event handed over as soon as
 * it is read (EVTX chunk by chunk in file order: the graph does not depend on the order, and the
 * events are never held). `onFile` gets each file's result, or the error of a file that could not
 * be read at all.
 */
export async function readFilesInto(
  builder: GraphBuilder,
  files: readonly string[],
  opts: ReadFilesOptions,
  onFile: (file: string, result: InputFileResult | UnreadableInputError) => void = () => {},
): Promise<{
  sources: DatasetSource[];
  readStats: { recordsRead: number; eventsSkipped: Record<string, number>; warnings: number };
  failed: number;
}> {
  const sources: DatasetSource[] = [];
  let recordsRead = 0;
  let warnings = 0;
  const eventsSkipped: Record<string, number> = {};
  let failed = 0;
  for (const file of files) {
    let result: InputFileResult;
    try {
      result = await streamInputFile(file, {
        eventIds: opts.eventIds,
        from: opts.from,
        to: opts.to,
        ...(opts.workers === null ? {} : { workers: opts.workers }),
        ...(opts.inThreadBelow === undefined ? {} : { inThreadBelow: opts.inThreadBelow }),
        onEvent: (e) => builder.add(e),
        fileOrder: true,
      });
    } catch (e) {
      if (!(e instanceof UnreadableInputError)) throw e;
      failed++;
      onFile(file, e);
      continue;
    }
    for (const e of result.events) builder.add(e);
    sources.push({ kind: 'file', ...result.source });
    recordsRead += result.stats.recordsRead;
    for (const [k, v] of Object.entries(result.stats.skipped)) eventsSkipped[k] = (eventsSkipped[k] ?? 0) + v;
    warnings += Object.values(result.warningCounts).reduce((s, v) => s + v, 0);
    onFile(file, result);
  }
  return { sources, readStats: { recordsRead, eventsSkipped, warnings }, failed };
}

function summary(d: Dataset, output: string): string {
  const lines: string[] = [];
  const s = d.readStats;
  const skipped = Object.entries(s.eventsSkipped)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  lines.push(
    `records read ${s.recordsRead}: events used ${s.eventsUsed}${skipped === '' ? '' : `, skipped ${skipped}`}`,
  );
  if (d.timeRange !== null)
    lines.push(
      `time range ${d.timeRange.from} → ${d.timeRange.to}${d.window ? ` (window ${d.window.from} → ${d.window.to})` : ''}`,
    );
  const hidden = d.nodes.filter((n) => n.hidden !== null).length;
  lines.push(`${d.nodes.length} nodes (${hidden} hidden by default), ${d.edges.length} edges`);
  // Events on edges with a hidden end, by reason: kept in the dataset, out of the default view.
  const reasonOf = new Map(d.nodes.filter((n) => n.hidden !== null).map((n) => [n.id, n.hidden!]));
  const byReason = new Map<string, number>();
  for (const e of d.edges) {
    const r = reasonOf.get(e.account) ?? (e.source === null ? undefined : reasonOf.get(e.source));
    if (r !== undefined) byReason.set(r, (byReason.get(r) ?? 0) + e.count);
  }
  if (byReason.size > 0)
    lines.push(
      `kept out of the default view (in the dataset, shown with the hidden filter): ${[...byReason.entries()]
        .map(([r, c]) => `${r} ${c} events`)
        .join(', ')}`,
    );
  if (d.edges.length === 0)
    lines.push(
      'no logon edges: the input holds no 4624/4625/4768/4769/4771/4776 events (or none in the window)',
    );
  lines.push(`${d.detections.length} detection${d.detections.length === 1 ? '' : 's'}`);
  for (const det of d.detections.slice(0, 15))
    lines.push(`  [${det.severity}] ${visible(det.title.slice(0, 200))}`);
  if (d.detections.length > 15) lines.push(`  … and ${d.detections.length - 15} more`);
  // Silence is not "clean": say which detections these logs cannot show (docs/analysis.md, Coverage).
  const blind = d.coverage?.blind ?? [];
  if (blind.length > 0) {
    lines.push(
      `not visible in these logs (${blind.length} detection${blind.length === 1 ? '' : 's'} could not fire):`,
    );
    for (const b of blind.slice(0, 8)) lines.push(`  ${b.note}`);
    if (blind.length > 8) lines.push(`  … and ${blind.length - 8} more (in the dataset's coverage)`);
  }
  const labels = new Map(d.nodes.map((n) => [n.id, n]));
  const top = d.rankings
    .filter((r) => labels.get(r.node)?.kind === 'account')
    .sort((a, b) => (b.scores.pagerank ?? 0) - (a.scores.pagerank ?? 0))
    .slice(0, 5);
  if (top.length > 0) lines.push('top accounts:');
  for (const r of top)
    lines.push(
      `  ${visible((labels.get(r.node)?.label ?? r.node).slice(0, 100))}: ${visible(
        r.reasons
          .slice(0, 3)
          .map((x) => x.text)
          .join('; ')
          .slice(0, 300),
      )}`,
    );
  lines.push(`wrote ${output === '-' ? 'stdout' : visible(output)}`);
  return lines.join('\n') + '\n';
}
