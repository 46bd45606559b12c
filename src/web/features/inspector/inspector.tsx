import { Trans, useTranslation } from 'react-i18next';
import type { ViewEdge } from '../../../core/analysis/index.js';
import type { DatasetNode, Ranking } from '../../../core/dataset/index.js';
import { displaySafe } from '../../../core/text/display-safe';
import { formatScore } from '../../lib/encodings';
import type { LinkEnds } from '../../lib/graph-ids';
import { useAnalysisText } from '../../i18n/analysis-text';
import { useTimeFormat } from '../../lib/use-time-format';

export type InspectorTarget =
  | { kind: 'node'; node: DatasetNode; ranking: Ranking | undefined }
  | { kind: 'link'; ends: LinkEnds; edges: ViewEdge[]; label(id: string): string }
  | { kind: 'missing'; id: string };

/** Attributes, flags, scores and reasons of the selected node, or the logons behind a link. */
export function Inspector({ target, onClose }: { target: InspectorTarget | null; onClose(): void }) {
  const { t } = useTranslation('inspector');
  if (target === null) return <p className="muted">{t('empty')}</p>;
  return (
    <div className="inspector">
      <button type="button" className="close" onClick={onClose} aria-label={t('clear')}>
        ×
      </button>
      {target.kind === 'node' && <NodeDetails node={target.node} ranking={target.ranking} />}
      {target.kind === 'link' && <LinkDetails ends={target.ends} edges={target.edges} label={target.label} />}
      {target.kind === 'missing' && (
        <p className="muted">
          {/* The id is log text: a component of its own, never part of the parsed message. */}
          <Trans t={t} i18nKey="missing" components={{ id: <code>{displaySafe(target.id)}</code> }} />
        </p>
      )}
    </div>
  );
}

function Row({ name, value }: { name: string; value: React.ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </>
  );
}

function NodeDetails({ node, ranking }: { node: DatasetNode; ranking: Ranking | undefined }) {
  const { t } = useTranslation('inspector');
  const text = useAnalysisText();
  const time = useTimeFormat();
  return (
    <>
      <h3 className="inspector-title">{displaySafe(node.label)}</h3>
      <dl>
        <Row name={t('field.kind')} value={t(`nodeKinds.${node.kind}`)} />
        <Row name={t('field.id')} value={<code>{displaySafe(node.id)}</code>} />
        {node.domain !== null && <Row name={t('field.domain')} value={displaySafe(node.domain)} />}
        {node.sid !== null && <Row name={t('field.sid')} value={node.sid} />}
        {node.ips.length > 0 && <Row name={t('field.ips')} value={node.ips.slice(0, 50).join(', ')} />}
        {node.names.length > 0 && (
          <Row name={t('field.names')} value={displaySafe(node.names.slice(0, 50).join(', '))} />
        )}
        {node.hidden !== null && <Row name={t('field.hidden')} value={t(`hiddenReasons.${node.hidden}`)} />}
      </dl>
      {node.notes.length > 0 && (
        <ul className="notes">
          {node.notes.slice(0, 20).map((_, i) => (
            <li key={i}>{displaySafe(text.nodeNote(node, i))}</li>
          ))}
        </ul>
      )}
      {node.flags.length > 0 && (
        <>
          <h4>{t('flags')}</h4>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{t('flagColumn.time', { zone: time.zoneName })}</th>
                <th scope="col">{t('flagColumn.flag')}</th>
                <th scope="col">{t('flagColumn.event')}</th>
                <th scope="col">{t('flagColumn.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {node.flags.slice(0, 100).map((f, i) => (
                <tr key={i}>
                  <td>{time(f.time, 'second', { bare: true })}</td>
                  <td>
                    {t(`flagKinds.${f.kind}`)}
                    {f.count > 1 ? ` ×${f.count}` : ''}
                  </td>
                  <td>{f.eventId}</td>
                  <td>{displaySafe(text.flagDetail(f))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {ranking !== undefined && (
        <>
          <h4>{t('scores')}</h4>
          <dl className="scores">
            {Object.entries(ranking.scores).map(([k, v]) => (
              <Row key={k} name={text.score(k)} value={formatScore(v)} />
            ))}
          </dl>
          {ranking.reasons.length > 0 && (
            <>
              <h4>{t('why')}</h4>
              <ul className="reasons">
                {ranking.reasons.slice(0, 30).map((r, i) => (
                  <li key={i}>
                    <span className="reason-score">{text.score(r.score)}</span> {displaySafe(text.reason(r))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}

function LinkDetails({
  ends,
  edges,
  label,
}: {
  ends: LinkEnds;
  edges: ViewEdge[];
  label(id: string): string;
}) {
  const total = edges.reduce((s, e) => s + e.count, 0);
  const { t } = useTranslation('inspector');
  const time = useTimeFormat();
  return (
    <>
      <h3 className="inspector-title">
        {displaySafe(label(ends.account))} <span className="muted">{t(`role.${ends.role}`)}</span>{' '}
        {displaySafe(label(ends.other))}
      </h3>
      {ends.role !== 'member' && (
        <>
          <p>{t('linkSummary', { total, count: edges.length })}</p>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{t('linkColumn.event')}</th>
                <th scope="col">{t('linkColumn.type')}</th>
                <th scope="col">{t('linkColumn.auth')}</th>
                <th scope="col">{t('linkColumn.status')}</th>
                <th scope="col">{t('linkColumn.count')}</th>
                <th scope="col">{t('linkColumn.time', { zone: time.zoneName })}</th>
              </tr>
            </thead>
            <tbody>
              {edges.slice(0, 200).map((e) => (
                <tr key={e.id} className={e.failure ? 'failure' : undefined}>
                  <td>{e.eventId}</td>
                  <td>{displaySafe(e.logonType ?? '–')}</td>
                  <td>{displaySafe(e.authPackage ?? '–')}</td>
                  <td>
                    {e.failure ? [e.status, e.subStatus].filter(Boolean).join(' / ') || t('failed') : t('ok')}
                  </td>
                  <td className="num">{e.count}</td>
                  <td>
                    {time(e.first, 'second', { bare: true })} – {time(e.last, 'second', { bare: true })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
