import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_FILTERS, type ViewFilters } from '../../../core/analysis/view-filters.js';
import type { PageRankMode } from '../../../core/analysis/scores.js';
import { isUtcZone, isValidTimeZone } from '../../../core/analysis/time-zone.js';
import { parseDatasetText, type TimeRange } from '../../../core/dataset/index.js';
import { renderReport } from '../../../core/report/index.js';
import { intOption, parseArgs, rangeOptions, visible } from '../args.js';
import { UsageError, type CliIo, type Command } from '../command.js';

const USAGE = `Usage: logonlens report [options] <dataset.json> -o <report.html>

Writes the offline report of a dataset (written by \`logonlens analyze\` or exported by the app):
one self-contained HTML file for a case file, that opens in a browser without any server or
network (its Content-Security-Policy forbids network access). It holds the window and filters,
the graph (pan, zoom, select) with a sortable and filterable ranking table, the rankings with
their reasons, the detections with their evidence (event IDs, record IDs, computers), the logons
of the window, the analyst's notes, the sources with their SHA-256 and the tool's version.

Options:
  -o, --output FILE          where to write the report (required; - for stdout)
  --from T, --to T           the window (ISO 8601; no zone means UTC); one alone runs to the
                             dataset's start or end; default: the dataset's window or whole range
  --ids 4624,4625            only these event IDs (default all)
  --logon-types 3,10         only these logon types (default all)
  --outcome any|success|failure
                             only successful or failed logons (default any)
  --min-count N              hide edges with fewer events in the window (default 1)
  --search TEXT              only edges whose account, source or target name contains TEXT
  --show-hidden              include machine accounts, ANONYMOUS LOGON, well-known accounts and
                             local sources (hidden by default, as in the app)
  --pagerank standard|logontracer
                             PageRank of the window's rankings (default standard)
  --tz ZONE                  write times in this IANA zone (Asia/Tokyo) or offset (+09:00),
                             each with its offset (default UTC)

Exit status 0 when the report was written; 1 when the dataset cannot be read; 2 for bad options.`;

export interface ReportArgs {
  dataset: string;
  output: string;
  from: string | null;
  to: string | null;
  filters: ViewFilters;
  pagerank: PageRankMode;
  /** The zone times are written in; null = UTC. */
  timeZone: string | null;
}

function listOption(v: string | undefined, name: string, item: RegExp, example: string): string[] | null {
  if (v === undefined) return null;
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0 || items.some((s) => !item.test(s)))
    throw new UsageError(`${name} takes values separated by commas, e.g. ${name} ${example}`);
  return items;
}

export function parseReportArgs(args: string[]): ReportArgs {
  const p = parseArgs(args, {
    values: [
      '--output',
      '--from',
      '--to',
      '--ids',
      '--logon-types',
      '--outcome',
      '--min-count',
      '--search',
      '--pagerank',
      '--tz',
    ],
    flags: ['--show-hidden'],
    aliases: { '-o': '--output' },
  });
  const output = p.values.get('--output');
  if (p.positional.length !== 1) throw new UsageError('give one dataset file');
  if (output === undefined) throw new UsageError('give the output file with -o report.html');
  const pagerank = p.values.get('--pagerank') ?? 'standard';
  if (pagerank !== 'standard' && pagerank !== 'logontracer')
    throw new UsageError('--pagerank must be standard or logontracer');
  const outcome = p.values.get('--outcome') ?? 'any';
  if (outcome !== 'any' && outcome !== 'success' && outcome !== 'failure')
    throw new UsageError('--outcome must be any, success or failure');
  const ids = listOption(p.values.get('--ids'), '--ids', /^\d{1,5}$/, '4624,4625');
  const filters: ViewFilters = {
    ...DEFAULT_FILTERS,
    eventIds: ids === null ? null : ids.map(Number),
    logonTypes: listOption(p.values.get('--logon-types'), '--logon-types', /^\d{1,3}$/, '3,10'),
    outcome,
    minCount: intOption(p, '--min-count', 1, 1_000_000_000) ?? 1,
    search: (p.values.get('--search') ?? '').slice(0, 1000),
    showHidden: p.flags.has('--show-hidden'),
  };
  const tz = p.values.get('--tz') ?? null;
  if (tz !== null && !isValidTimeZone(tz))
    throw new UsageError(`--tz must be an IANA time zone like Asia/Tokyo or an offset like +09:00`);
  return {
    dataset: p.positional[0]!,
    output,
    ...rangeOptions(p),
    filters,
    pagerank,
    timeZone: tz === null || isUtcZone(tz) ? null : tz,
  };
}

/** The window from --from/--to, a missing end taken from the dataset's range; null = default. */
function windowOf(a: ReportArgs, range: TimeRange | null): TimeRange | null {
  if (a.from === null && a.to === null) return null;
  const from = a.from ?? range?.from;
  const to = a.to ?? range?.to;
  if (from === undefined || to === undefined)
    throw new UsageError('the dataset has no events: give both --from and --to');
  if (Date.parse(from) >= Date.parse(to)) throw new UsageError('--from must be before the end of the window');
  return { from, to };
}

export const reportCommand: Command = {
  name: 'report',
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    const args = parseReportArgs(argv);
    let text: string;
    try {
      text = await readFile(args.dataset, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr.write(`logonlens report: cannot read ${visible(args.dataset)}${code ? ` (${code})` : ''}\n`);
      return 1;
    }
    const parsed = parseDatasetText(text);
    if (!parsed.ok) {
      io.stderr.write(
        `logonlens report: ${visible(args.dataset)} is not a valid dataset: ${visible(parsed.problems.join('; '))}\n`,
      );
      return 1;
    }
    // The report reads the notes of the raw file (parsed a second time), more tolerantly than the
    // format (a note without its time, a note on the whole dataset), with the format's rules of size
    // and tags (core/report/annotations.ts); what it cannot read it counts in the report.
    const annotations = (JSON.parse(text) as { annotations?: unknown }).annotations;
    const html = renderReport(parsed.dataset, {
      window: windowOf(args, parsed.dataset.timeRange),
      filters: args.filters,
      pagerank: args.pagerank,
      timeZone: args.timeZone,
      generatedAt: new Date().toISOString(),
      datasetName: path.basename(args.dataset),
      annotations,
    });
    if (args.output === '-') io.stdout.write(html);
    else await writeFile(args.output, html);
    io.stderr.write(
      `wrote ${args.output === '-' ? 'stdout' : visible(args.output)} (${html.length} characters)\n`,
    );
    return 0;
  },
};
