import { useTranslation } from 'react-i18next';
import type { DatasetEdge, DatasetNode, Detection } from '../../../core/dataset/index.js';
import { useAnalysisText } from '../../i18n/analysis-text';
import { evidenceEdges, evidenceFlags } from './detection-rows';
import { useTimeFormat } from '../../lib/use-time-format';

const MAX_ROWS = 200;
const MAX_RECORD_IDS = 100;

export interface DetectionEvidenceProps {
  detection: Detection;
  /** The edges of the window on screen (the evidence is looked up among them). */
  edges: readonly DatasetEdge[];
  /** The dataset's nodes by id (their flags are the detection's events). */
  nodes: ReadonlyMap<string, DatasetNode>;
  label(id: string): string;
  onSelectNode(id: string): void;
}

/**
 * What a detection rests on, in the selection panel: its nodes, its events (the flagged events of
 * its nodes in its hours, with record IDs), the logon edges behind it in this window, and the
 * record IDs and computers it names, so that the analyst can find them in the original logs.
 */
export function DetectionEvidence({
  detection: d,
  edges,
  nodes,
  label,
  onSelectNode,
}: DetectionEvidenceProps) {
  const flags = evidenceFlags(nodes, d);
  const logons = evidenceEdges(edges, d);
  const { t, i18n } = useTranslation('detections');
  const text = useAnalysisText();
  const num = (n: number) => n.toLocaleString(i18n.language);
  const time = useTimeFormat();
  const when = (iso: string) => time(iso, 'second', { bare: true });
  return (
    <section className="detection-evidence" aria-label={t('evidence.label')}>
      <h3 className="inspector-title">
        <span className={`severity severity-${d.severity}`}>{t(`severities.${d.severity}`)}</span>{' '}
        {text.title(d)}
      </h3>
      <p>{text.detail(d)}</p>
      <dl>
        <dt>{t('evidence.kind')}</dt>
        <dd>{text.kind(d.kind)}</dd>
        <dt>{t('evidence.time', { zone: time.zoneName })}</dt>
        <dd>
          {when(d.first)}
          {d.last !== d.first ? ` – ${when(d.last)}` : ''}
        </dd>
        <dt>{t('evidence.events')}</dt>
        <dd>{num(d.count)}</dd>
        {d.evidence.eventIds.length > 0 && (
          <>
            <dt>{t('evidence.eventIds')}</dt>
            <dd>{d.evidence.eventIds.join(', ')}</dd>
          </>
        )}
        {d.evidence.computers.length > 0 && (
          <>
            <dt>{t('evidence.loggedBy')}</dt>
            <dd>{d.evidence.computers.slice(0, 20).join(', ')}</dd>
          </>
        )}
        {d.evidence.recordIds.length > 0 && (
          <>
            <dt>{t('evidence.recordIds')}</dt>
            <dd className="record-ids">
              {d.evidence.recordIds.slice(0, MAX_RECORD_IDS).join(', ')}
              {d.evidence.recordIds.length > MAX_RECORD_IDS &&
                t('evidence.more', { count: d.evidence.recordIds.length - MAX_RECORD_IDS })}
            </dd>
          </>
        )}
      </dl>
      <h4>{t('evidence.nodes')}</h4>
      <ul className="detection-nodes">
        {d.nodes.slice(0, 50).map((id) => (
          <li key={id}>
            <button type="button" className="link" onClick={() => onSelectNode(id)}>
              {label(id)}
            </button>
          </li>
        ))}
      </ul>
      <h4>{t('evidence.eventsHeading')}</h4>
      {flags.length === 0 && logons.length === 0 ? (
        <p className="muted">{t('evidence.noneHere')}</p>
      ) : (
        <ul className="evidence-events" aria-label={t('evidence.eventsHeading')}>
          {flags.slice(0, MAX_ROWS).map(({ node, flag }, i) => (
            <li key={`f${i}`}>
              <span className="evidence-head">
                {when(flag.time)} · {flag.eventId}
                {flag.count > 1 ? ` ×${flag.count}` : ''} · {node.label}
              </span>
              <span className="evidence-detail">{text.flagDetail(flag)}</span>
              {flag.recordIds.length > 0 && (
                <span className="muted evidence-records">
                  {t('evidence.records', { ids: flag.recordIds.slice(0, 10).join(', ') })}
                </span>
              )}
            </li>
          ))}
          {logons.slice(0, MAX_ROWS).map((e) => (
            <li key={e.id} className={e.failure ? 'failure' : undefined}>
              <span className="evidence-head">
                {when(e.first)}
                {e.last !== e.first ? ` – ${when(e.last)}` : ''} · {e.eventId}
                {e.count > 1 ? ` ×${e.count}` : ''} · {label(e.account)}
              </span>
              <span className="evidence-detail">
                {e.source === null ? '' : t('evidence.from', { source: label(e.source) })}
                {e.target === null ? '' : t('evidence.on', { target: label(e.target) })}
                {e.failure
                  ? e.status === null
                    ? t('evidence.failed')
                    : t('evidence.failedStatus', { status: e.status })
                  : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
