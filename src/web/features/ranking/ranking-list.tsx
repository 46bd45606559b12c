import { memo, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowView } from '../../../core/analysis/index.js';
import { RANK_SCORES, type RankScore } from '../../../core/dataset/index.js';
import { formatScore } from '../../lib/encodings';
import { reasonsFor, RANK_KINDS, topRankRows, type RankKind } from './rank-rows';
import { displaySafe } from '../../../core/text/display-safe';
import { useAnalysisText } from '../../i18n/analysis-text';

export interface RankingListProps {
  view: WindowView;
  /** The score to sort by at first (the overlay's, when there is one). */
  initialSort: RankScore;
  selected: string | null;
  onSelect(id: string): void;
  /** Something shown after a row's name (the app passes the analyst's note and tags marker). */
  marker?: (id: string) => ReactNode;
}

/** Rows drawn at most: the list is for the top of the ranking, the graph shows the rest. */
export const MAX_ROWS = 100;

/**
 * Memoised: a hundred rows with translated reasons are a long render, and the page re-renders on
 * every pan or zoom (the viewport is in the URL) while these props stay the same.
 */
export const RankingList = memo(function RankingList({
  view,
  initialSort,
  selected,
  onSelect,
  marker,
}: RankingListProps) {
  const [sortBy, setSortBy] = useState<RankScore>(initialSort);
  const [kind, setKind] = useState<RankKind>('all');
  const { rows: shown, total } = useMemo(
    () => topRankRows(view, sortBy, kind, MAX_ROWS),
    [view, sortBy, kind],
  );
  const { t } = useTranslation('ranking');
  const text = useAnalysisText();

  return (
    <section className="ranking" aria-label={t('label')}>
      <div className="ranking-tabs" role="group" aria-label={t('show')}>
        {RANK_KINDS.map((k) => (
          <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(`kinds.${k}`)}
          </button>
        ))}
      </div>
      {total === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table data-keynav="ranking">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('column.name')}</th>
              {RANK_SCORES.map((s) => (
                <th key={s} scope="col" aria-sort={sortBy === s ? 'descending' : 'none'}>
                  <button
                    type="button"
                    onClick={() => setSortBy(s)}
                    title={t('sortBy', { score: text.score(s) })}
                  >
                    {text.score(s)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              <tr
                key={row.id}
                aria-selected={row.id === selected}
                className={row.id === selected ? 'selected' : undefined}
              >
                <td>{i + 1}</td>
                <td className="rank-name">
                  <button
                    type="button"
                    className="link"
                    onClick={() => onSelect(row.id)}
                    title={displaySafe(row.id)}
                  >
                    <span className={`kind-dot ${row.kind}`} aria-hidden="true" />
                    {displaySafe(row.label)}
                  </button>
                  {marker?.(row.id)}
                  {reasonsFor(row, sortBy)
                    .slice(0, 2)
                    .map((r, j) => (
                      <div key={j} className="reason">
                        {displaySafe(text.reason(r))}
                      </div>
                    ))}
                </td>
                {RANK_SCORES.map((s) => (
                  <td key={s} className={s === sortBy ? 'num sorted' : 'num'}>
                    {formatScore(row.scores[s])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > MAX_ROWS && <p className="muted">{t('capped', { shown: MAX_ROWS, total })}</p>}
    </section>
  );
});
