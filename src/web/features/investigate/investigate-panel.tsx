import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { LateralChain, LogonPath, WindowDiff } from '../../../core/analysis/index.js';
import { ChainList, PathList } from './path-list';
import { useTimeFormat } from '../../lib/use-time-format';

export type Hops = 1 | 2 | 3;

export interface InvestigatePanelProps {
  /** The selected node (paths, chains and focus start from it), or null. */
  selected: string | null;
  label(id: string): string;
  onSelectNode(id: string): void;

  focus: string | null;
  hops: Hops;
  onFocus(id: string | null, hops: Hops): void;

  path: { from: string; to: string } | null;
  paths: readonly LogonPath[] | null;
  /** Which search found them: logons forward, backward (to → from), or ignoring direction. */
  pathDirection: 'logon' | 'reverse' | 'any' | null;
  onPath(path: { from: string; to: string } | null): void;

  chain: string | null;
  chains: { chains: readonly LateralChain[]; truncated: boolean } | null;
  onChain(start: string | null): void;

  compare: boolean;
  newOnly: boolean;
  diff: WindowDiff | null;
  onCompare(compare: boolean, newOnly: boolean): void;
}

/**
 * The tools of an investigation on the window: focus on a node's neighbourhood, shortest logon
 * paths between two chosen nodes, lateral-movement chains from a node, and what changed from the
 * previous window. Every choice is in the URL (composed in app/); results are drawn in the graph
 * and listed here as text.
 */
export function InvestigatePanel(props: InvestigatePanelProps) {
  return (
    <div className="investigate">
      <FocusSection {...props} />
      <PathSection {...props} />
      <ChainSection {...props} />
      <CompareSection {...props} />
    </div>
  );
}

function FocusSection({ selected, focus, hops, onFocus, label }: InvestigatePanelProps) {
  const { t } = useTranslation('investigate');
  return (
    <section aria-label={t('focus.heading')}>
      <h3>{t('focus.heading')}</h3>
      <div className="investigate-row">
        <button
          type="button"
          disabled={selected === null}
          onClick={() => selected !== null && onFocus(selected, hops)}
        >
          {t('focus.onSelection')}
        </button>
        <label>
          {t('focus.hops')}{' '}
          <select value={hops} onChange={(e) => onFocus(focus, Number(e.target.value) as Hops)}>
            <option value={1}>1</option>
            <option value={2}>2</option>
            <option value={3}>3</option>
          </select>
        </label>
        {focus !== null && (
          <button type="button" onClick={() => onFocus(null, 1)}>
            {t('focus.showAll')}
          </button>
        )}
      </div>
      {focus !== null && <p className="muted">{t('focus.showing', { node: label(focus), count: hops })}</p>}
    </section>
  );
}

function PathSection({
  selected,
  path,
  paths,
  pathDirection,
  onPath,
  label,
  onSelectNode,
}: InvestigatePanelProps) {
  // The first end waits here until the second is chosen; only a complete path goes into the URL.
  const [start, setStart] = useState<string | null>(null);
  const from = path?.from ?? start;
  const { t } = useTranslation('investigate');
  return (
    <section aria-label={t('paths.heading')}>
      <h3>{t('paths.heading')}</h3>
      <div className="investigate-row">
        <button type="button" disabled={selected === null} onClick={() => setStart(selected)}>
          {t('paths.fromSelection')}
        </button>
        <button
          type="button"
          disabled={selected === null || from === null || from === selected}
          onClick={() => {
            if (selected !== null && from !== null && from !== selected) {
              onPath({ from, to: selected });
              setStart(null);
            }
          }}
        >
          {t('paths.toSelection')}
        </button>
        {(path !== null || start !== null) && (
          <button
            type="button"
            onClick={() => {
              setStart(null);
              onPath(null);
            }}
          >
            {t('paths.clear')}
          </button>
        )}
      </div>
      {path === null && start !== null && (
        <p className="muted">{t('paths.pickOther', { node: label(start) })}</p>
      )}
      {path !== null && (
        <>
          <p className="path-ends">
            <Trans
              t={t}
              i18nKey="paths.between"
              components={{
                from: <strong>{label(path.from)}</strong>,
                to: <strong>{label(path.to)}</strong>,
              }}
            />
          </p>
          {pathDirection === 'reverse' && (
            <p className="notice warn">
              {t('paths.reverse', { to: label(path.to), from: label(path.from) })}
            </p>
          )}
          {pathDirection === 'any' && <p className="notice warn">{t('paths.any')}</p>}
          {paths !== null && <PathList paths={paths} label={label} onSelectNode={onSelectNode} />}
        </>
      )}
    </section>
  );
}

function ChainSection({ selected, chain, chains, onChain, label, onSelectNode }: InvestigatePanelProps) {
  const { t } = useTranslation('investigate');
  return (
    <section aria-label={t('label.chains')}>
      <h3>{t('chains.heading')}</h3>
      <div className="investigate-row">
        <button type="button" disabled={selected === null} onClick={() => onChain(selected)}>
          {t('chains.fromSelection')}
        </button>
        {chain !== null && (
          <button type="button" onClick={() => onChain(null)}>
            {t('chains.clear')}
          </button>
        )}
      </div>
      {chain !== null && (
        <>
          <p>
            <Trans t={t} i18nKey="chains.from" components={{ node: <strong>{label(chain)}</strong> }} />
          </p>
          {chains !== null && (
            <ChainList
              chains={chains.chains}
              truncated={chains.truncated}
              label={label}
              onSelectNode={onSelectNode}
            />
          )}
        </>
      )}
    </section>
  );
}

function CompareSection({ compare, newOnly, diff, onCompare, label, onSelectNode }: InvestigatePanelProps) {
  const { t, i18n } = useTranslation('investigate');
  const time = useTimeFormat();
  return (
    <section aria-label={t('label.compare')}>
      <h3>{t('compare.heading')}</h3>
      <div className="investigate-row">
        <label>
          <input type="checkbox" checked={compare} onChange={(e) => onCompare(e.target.checked, false)} />{' '}
          {t('compare.withPrevious')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={newOnly}
            disabled={!compare}
            onChange={(e) => onCompare(true, e.target.checked)}
          />{' '}
          {t('compare.newOnly')}
        </label>
      </div>
      {compare && diff !== null && (
        <div className="compare-summary" data-testid="compare-summary">
          <p>
            {t('compare.against', {
              from: time(diff.previous.from, 'minute', { bare: true }),
              to: time(diff.previous.to, 'minute'),
            })}
            <Trans
              t={t}
              i18nKey="compare.summary"
              values={{
                newEdges: diff.newEdges.length,
                firstSeen: diff.firstSeenEdges.length,
                goneEdges: diff.goneEdges.length,
                newNodes: diff.newNodes.length,
                goneNodes: diff.goneNodes.length,
              }}
              components={{ strong: <strong /> }}
            />
          </p>
          {diff.newNodes.length > 0 && (
            <p>
              {t('compare.new')}
              {diff.newNodes.slice(0, 20).map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <button type="button" className="link" onClick={() => onSelectNode(id)}>
                    {label(id)}
                  </button>
                </span>
              ))}
              {diff.newNodes.length > 20 && t('compare.more', { count: diff.newNodes.length - 20 })}
            </p>
          )}
          {diff.goneNodes.length > 0 && (
            <p className="muted">
              {t('compare.gone')}
              {diff.goneNodes.slice(0, 20).map(label).join(', ')}
              {diff.goneNodes.length > 20 && t('compare.more', { count: diff.goneNodes.length - 20 })}
            </p>
          )}
          {diff.rankChanges.length > 0 && (
            <table className="compact">
              <caption>{t('compare.rankChanges')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('compare.column.node')}</th>
                  <th scope="col">{t('compare.column.before')}</th>
                  <th scope="col">{t('compare.column.now')}</th>
                  <th scope="col">{t('compare.column.change')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.rankChanges.slice(0, 10).map((r) => (
                  <tr key={r.node}>
                    <td>
                      <button type="button" className="link" onClick={() => onSelectNode(r.node)}>
                        {label(r.node)}
                      </button>
                    </td>
                    <td className="num">{r.beforeRank === null ? '–' : `#${r.beforeRank}`}</td>
                    <td className="num">{r.afterRank === null ? '–' : `#${r.afterRank}`}</td>
                    <td className="num">
                      {r.delta > 0 ? '+' : ''}
                      {r.delta.toLocaleString(i18n.language, {
                        minimumFractionDigits: 3,
                        maximumFractionDigits: 3,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
