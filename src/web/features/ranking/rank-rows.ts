import type { WindowView } from '../../../core/analysis/index.js';
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

/** Accounts and hosts (IPs count as hosts: they are logon sources) of the view, best first. */
export function rankRows(view: WindowView, sortBy: RankScore, kind: RankKind): RankRow[] {
  const rows: RankRow[] = [];
  for (const n of view.nodes) {
    if (n.kind === 'domain') continue;
    if (kind === 'account' && n.kind !== 'account') continue;
    if (kind === 'host' && n.kind === 'account') continue;
    const r = view.rankings.get(n.id);
    const scores = {} as Record<RankScore, number>;
    for (const s of RANK_SCORES) scores[s] = r?.scores[s] ?? 0;
    rows.push({ id: n.id, label: n.label, kind: n.kind, scores, reasons: r?.reasons ?? [] });
  }
  return rows.sort(
    (a, b) =>
      b.scores[sortBy] - a.scores[sortBy] || a.label.localeCompare(b.label) || a.id.localeCompare(b.id),
  );
}

/** The reasons behind one score, falling back to all reasons when none names it. */
export function reasonsFor(row: RankRow, score: RankScore): Reason[] {
  const own = row.reasons.filter((r) => r.score === score);
  return own.length > 0 ? own : row.reasons;
}
