import { useTranslation } from 'react-i18next';
import type { LateralChain, LogonPath } from '../../../core/analysis/index.js';
import { useTimeFormat } from '../../lib/use-time-format';

export interface PathListProps {
  paths: readonly LogonPath[];
  label(id: string): string;
  onSelectNode(id: string): void;
}

/** Shortest logon paths as text: one line of nodes per path, the events behind each step below. */
export function PathList({ paths, label, onSelectNode }: PathListProps) {
  const { t } = useTranslation('investigate');
  if (paths.length === 0) return <p className="muted">{t('paths.none')}</p>;
  return (
    <ol className="path-list" aria-label={t('label.paths')}>
      {paths.map((p, i) => (
        <li key={i}>
          <span className="path-line">
            {p.nodes.map((id, k) => (
              <span key={k}>
                {k > 0 && <span className="arrow"> → </span>}
                <button type="button" className="link" onClick={() => onSelectNode(id)}>
                  {label(id)}
                </button>
              </span>
            ))}
          </span>
          <span className="muted path-steps">
            {t('paths.steps', { count: p.steps.length })}
            {p.steps.map((s) => t('paths.events', { count: s.count })).join(', ')}
          </span>
        </li>
      ))}
    </ol>
  );
}

export interface ChainListProps {
  chains: readonly LateralChain[];
  truncated: boolean;
  label(id: string): string;
  onSelectNode(id: string): void;
}

/** Lateral-movement chains as text: each step "time account: from → to (event, logon type)". */
export function ChainList({ chains, truncated, label, onSelectNode }: ChainListProps) {
  const { t } = useTranslation('investigate');
  const time = useTimeFormat();
  if (chains.length === 0) return <p className="muted">{t('chains.none')}</p>;
  return (
    <>
      <ol className="chain-list" aria-label={t('label.chains')}>
        {chains.map((c, i) => (
          <li key={i}>
            <ol className="chain-steps">
              {c.steps.map((s, k) => (
                <li key={k}>
                  <span className="nowrap">{time(s.time, 'second', { bare: true })}</span>{' '}
                  <button type="button" className="link" onClick={() => onSelectNode(s.account)}>
                    {label(s.account)}
                  </button>
                  : {s.from === null ? '?' : label(s.from)} →{' '}
                  <button type="button" className="link" onClick={() => onSelectNode(s.to)}>
                    {label(s.to)}
                  </button>{' '}
                  <span className="muted">
                    ({s.eventId}
                    {s.logonType === null ? '' : t('chains.logonType', { type: s.logonType })})
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {truncated && (
        <p className="muted" role="status">
          {t('chains.truncated')}
        </p>
      )}
    </>
  );
}
