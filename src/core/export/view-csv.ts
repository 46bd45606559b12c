/**
 * The view as CSV (issue 13): its nodes with their scores and reasons, and its edges, for a
 * spreadsheet or a case file. Cells go through the one CSV rule (core/text/csv.ts: quoted, formulas
 * neutralized, controls replaced), the same as the server's and the CLI's CSV export.
 *
 * Which dataset, window and export time a file comes from is written in four columns at the end of
 * every row (`dataset`, `windowFrom`, `windowTo`, `exportedAt`) rather than in a preamble: the file
 * stays one rectangular table that every CSV reader parses, and rows copied elsewhere keep their origin.
 */
import type { WindowView } from '../analysis/view.js';
import type { DatasetEdge, DatasetNode, Ranking } from '../dataset/schema.js';
import { RANK_SCORES } from '../dataset/schema.js';
import { csvRow } from '../text/csv.js';
import { exportTime, type ExportMeta } from './export-meta.js';

type Cell = string | number | boolean | null;

/** The columns that say where a row comes from, at the end of every row. */
export const META_CSV_COLUMNS = ['dataset', 'windowFrom', 'windowTo', 'exportedAt', 'timeZone'] as const;

function metaCells(meta: ExportMeta): Cell[] {
  const at = (iso: string | undefined): string | null => (iso === undefined ? null : exportTime(iso, meta));
  return [
    meta.dataset,
    at(meta.window?.from),
    at(meta.window?.to),
    at(meta.exportedAt),
    meta.timeZone ?? 'UTC',
  ];
}

/** The edge columns of every edge CSV (the server's `/export?format=csv`, the CLI and the app). */
export const EDGE_CSV_COLUMNS = [
  'account',
  'source',
  'target',
  'eventId',
  'logonType',
  'status',
  'subStatus',
  'authPackage',
  'failure',
  'count',
  'first',
  'last',
  'accountId',
  'sourceId',
  'targetId',
  'edgeId',
] as const;

/** One edge's cells in EDGE_CSV_COLUMNS order: labels of its ends, its attributes, then ids. */
export function edgeCsvCells(
  e: DatasetEdge,
  label: (id: string | null) => string | null,
  time: (iso: string) => string = (iso) => iso,
): Cell[] {
  return [
    label(e.account),
    label(e.source),
    label(e.target),
    e.eventId,
    e.logonType,
    e.status,
    e.subStatus,
    e.authPackage,
    e.failure,
    e.count,
    time(e.first),
    time(e.last),
    e.account,
    e.source,
    e.target,
    e.id,
  ];
}

export const NODE_CSV_COLUMNS = [
  'rank',
  'label',
  'kind',
  'name',
  'domain',
  'sid',
  'hidden',
  ...RANK_SCORES,
  'otherScores',
  'reasons',
  'flags',
  'nodeId',
] as const;

/** Scores other than the RANK_SCORES, as `name=value; …`. */
function otherScores(r: Ranking | undefined): string {
  if (r === undefined) return '';
  return Object.entries(r.scores)
    .filter(([k]) => !(RANK_SCORES as readonly string[]).includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** Flags as `kind×count; …`, by kind. */
function flagSummary(n: DatasetNode): string {
  const counts = new Map<string, number>();
  for (const f of n.flags) counts.set(f.kind, (counts.get(f.kind) ?? 0) + f.count);
  return [...counts].map(([k, c]) => `${k}×${c}`).join('; ');
}

/** The view's nodes by PageRank (ties by label, then id), the order of the ranking and the report. */
export function nodesByRank(view: WindowView): DatasetNode[] {
  const pr = (n: DatasetNode): number => view.rankings.get(n.id)?.scores['pagerank'] ?? 0;
  return [...view.nodes].sort(
    (a, b) => pr(b) - pr(a) || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The nodes of the view as CSV: a header, then one row per node with scores, reasons and flags. */
export function nodesCsv(view: WindowView, meta: ExportMeta): string {
  const rows = [csvRow([...NODE_CSV_COLUMNS, ...META_CSV_COLUMNS])];
  nodesByRank(view).forEach((n, i) => {
    const r = view.rankings.get(n.id);
    rows.push(
      csvRow([
        i + 1,
        n.label,
        n.kind,
        n.name,
        n.domain,
        n.sid,
        n.hidden,
        ...RANK_SCORES.map((s) => r?.scores[s] ?? null),
        otherScores(r),
        (r?.reasons ?? []).map((x) => `${x.score}: ${x.text}`).join(' | '),
        flagSummary(n),
        n.id,
        ...metaCells(meta),
      ]),
    );
  });
  return rows.join('');
}

/** The edges of the view as CSV: the edge columns of every edge CSV, then where the rows come from. */
export function edgesCsv(view: WindowView, meta: ExportMeta): string {
  const labels = new Map(view.nodes.map((n) => [n.id, n.label]));
  const label = (id: string | null): string | null => (id === null ? null : (labels.get(id) ?? id));
  const rows = [csvRow([...EDGE_CSV_COLUMNS, ...META_CSV_COLUMNS])];
  const time = (iso: string): string => exportTime(iso, meta);
  for (const e of view.edges) rows.push(csvRow([...edgeCsvCells(e, label, time), ...metaCells(meta)]));
  return rows.join('');
}
