import type { WindowView } from '../../../core/analysis/index.js';
import type { DatasetNode } from '../../../core/dataset/index.js';
import { RANK_SCORES, type RankScore, type Reason } from '../../../core/dataset/index.js';

export const RANK_KINDS = ['all', 'account', 'host'] as const;
export type RankKind = (typeof RANK_KINDS)[number];

export interface RankRow {
  id: string;
  label: string;
  kind: 'account' | 'host' | 'ip';
  scores: Record<RankScore, number>;
  reasons: Reason[];
}

/** One collator for every comparison: `localeCompare` sets one up per call (seconds over 26k rows). */
const collator = new Intl.Collator();

/** Best first: by the score, then by label and id (a stable order for equal scores). */
function compare(a: { score: number; label: string; id: string }, b: typeof a): number {
  return b.score - a.score || collator.compare(a.label, b.label) || collator.compare(a.id, b.id);
}

function ranked(n: DatasetNode, kind: RankKind): n is DatasetNode & { kind: RankRow['kind'] } {
  if (n.kind === 'domain') return false;
  if (kind === 'account') return n.kind === 'account';
  if (kind === 'host') return n.kind !== 'account';
  return true;
}

function rowOf(view: WindowView, n: DatasetNode & { kind: RankRow['kind'] }): RankRow {
  const r = view.rankings.get(n.id);
  const scores = {} as Record<RankScore, number>;
  for (const s of RANK_SCORES) scores[s] = r?.scores[s] ?? 0;
  return { id: n.id, label: n.label, kind: n.kind, scores, reasons: r?.reasons ?? [] };
}

/** Accounts and hosts (IPs count as hosts: they are logon sources) of the view, best first. */
export function rankRows(view: WindowView, sortBy: RankScore, kind: RankKind): RankRow[] {
  const rows: RankRow[] = [];
  for (const n of view.nodes) if (ranked(n, kind)) rows.push(rowOf(view, n));
  return rows.sort((a, b) =>
    compare(
      { score: a.scores[sortBy], label: a.label, id: a.id },
      { score: b.scores[sortBy], label: b.label, id: b.id },
    ),
  );
}

/**
 * The first `limit` rows of rankRows and how many there are, without sorting them all: the list
 * shows the top of a 26k-node view, and building and sorting every row was a long task on each view.
 */
export function topRankRows(
  view: WindowView,
  sortBy: RankScore,
  kind: RankKind,
  limit: number,
): { rows: RankRow[]; total: number } {
  type Candidate = {
    score: number;
    label: string;
    id: string;
    node: DatasetNode & { kind: RankRow['kind'] };
  };
  const top: Candidate[] = [];
  let total = 0;
  for (const n of view.nodes) {
    if (!ranked(n, kind)) continue;
    total++;
    const c: Candidate = {
      score: view.rankings.get(n.id)?.scores[sortBy] ?? 0,
      label: n.label,
      id: n.id,
      node: n,
    };
    if (top.length >= limit) {
      // Not better than the last kept: most rows of a big view stop at this one comparison.
      if (compare(c, top[top.length - 1]!) >= 0) continue;
      top.pop();
    }
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(top[mid]!, c) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, c);
  }
  return { rows: top.map((c) => rowOf(view, c.node)), total };
}

/** The reasons behind one score, falling back to all reasons when none names it. */
export function reasonsFor(row: RankRow, score: RankScore): Reason[] {
  const own = row.reasons.filter((r) => r.score === score);
  return own.length > 0 ? own : row.reasons;
}
