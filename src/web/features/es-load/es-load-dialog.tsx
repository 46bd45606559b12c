// "Load from ES": pick a configured cluster, an index pattern and a range with an explicit UTC
// offset, test the connection (distribution, version, Security documents in the range), then load
// the range into a new server dataset with progress. Cluster errors arrive as the server's
// messages (unreachable, TLS, credentials, no index, ...), never with credentials in them.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, type Job } from '../../lib/api';
import {
  listClusters,
  startLoad,
  testConnection,
  waitForLoad,
  type EsCluster,
  type EsTestResult,
} from './api';
import { OFFSETS, offsetLabel, presetRange, toUtcIso, type Preset } from './time-range';

export interface EsLoadDialogProps {
  /** Called with the new dataset's id once it is ready. */
  onLoaded: (datasetId: string) => void;
  onClose: () => void;
  /** For tests: the current time and the default offset (minutes east of UTC). */
  now?: () => number;
  defaultOffset?: number;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'tested'; result: EsTestResult }
  | { kind: 'loading'; job: Job | null }
  | { kind: 'error'; message: string };

export function EsLoadDialog({ onLoaded, onClose, now = Date.now, defaultOffset }: EsLoadDialogProps) {
  const { t, i18n } = useTranslation('esLoad');
  const num = (n: number) => n.toLocaleString(i18n.language);
  const [clusters, setClusters] = useState<EsCluster[] | null>(null);
  const [clusterError, setClusterError] = useState<string | null>(null);
  const [cluster, setCluster] = useState('');
  const [pattern, setPattern] = useState('winlogbeat-*,logs-system.security-*');
  const initialOffset = defaultOffset ?? -new Date(now()).getTimezoneOffset();
  const [offset, setOffset] = useState(OFFSETS.includes(initialOffset) ? initialOffset : 0);
  const initial = useMemo(() => presetRange('day', now(), initialOffset), [now, initialOffset]);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    const ac = new AbortController();
    listClusters(ac.signal)
      .then((list) => {
        setClusters(list);
        const first = list[0];
        if (first) {
          setCluster(first.name);
          setPattern(first.defaultIndexPattern);
        }
      })
      .catch((e: unknown) => {
        if (!ac.signal.aborted) setClusterError(errorMessage(e));
      });
    return () => {
      ac.abort();
      abort.current?.abort();
    };
  }, []);

  const fromIso = toUtcIso(from, offset);
  const toIso = toUtcIso(to, offset);
  const rangeProblem =
    fromIso === null || toIso === null ? t('enterBoth') : fromIso >= toIso ? t('toAfterFrom') : null;
  const busy = status.kind === 'testing' || status.kind === 'loading';

  const request = () => ({ cluster, indexPattern: pattern.trim(), from: fromIso ?? '', to: toIso ?? '' });

  const applyPreset = (p: Preset) => {
    const r = presetRange(p, now(), offset);
    setFrom(r.from);
    setTo(r.to);
  };

  const onTest = async () => {
    setStatus({ kind: 'testing' });
    try {
      const result = await testConnection(request());
      setStatus(
        result.securityEvents === 0
          ? {
              kind: 'error',
              message: t('noEvents', { cluster: result.cluster, count: result.indices }),
            }
          : { kind: 'tested', result },
      );
    } catch (e) {
      setStatus({ kind: 'error', message: errorMessage(e) });
    }
  };

  const onLoad = async () => {
    setStatus({ kind: 'loading', job: null });
    const ac = new AbortController();
    abort.current = ac;
    try {
      const { dataset, job } = await startLoad(request());
      const final = await waitForLoad(job.id, (j) => setStatus({ kind: 'loading', job: j }), ac.signal);
      if (final.state === 'failed') {
        setStatus({
          kind: 'error',
          message: t('failedNew', { error: final.error ?? t('unknownError') }),
        });
        return;
      }
      onLoaded(dataset.id);
    } catch (e) {
      if (!ac.signal.aborted) setStatus({ kind: 'error', message: errorMessage(e) });
    }
  };

  return (
    <section role="dialog" aria-modal="true" aria-labelledby="es-load-title" className="es-load-dialog">
      <h2 id="es-load-title">{t('title')}</h2>
      {clusterError !== null && <p role="alert">{clusterError}</p>}
      {clusters !== null && clusters.length === 0 && <p role="alert">{t('noCluster')}</p>}
      <label>
        {t('cluster')}
        <select
          value={cluster}
          onChange={(e) => setCluster(e.target.value)}
          disabled={busy || !clusters?.length}
        >
          {(clusters ?? []).map((c) => (
            <option key={c.name} value={c.name}>
              {t('clusterOption', { name: c.name, url: c.url })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('indexPattern')}
        <input
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
          disabled={busy}
          maxLength={1000}
        />
      </label>
      <fieldset disabled={busy}>
        <legend>{t('range')}</legend>
        <label>
          {t('from')}
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('to')}
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {t('timeZone')}
          <select value={offset} onChange={(e) => setOffset(Number(e.target.value))}>
            {OFFSETS.map((o) => (
              <option key={o} value={o}>
                {offsetLabel(o)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => applyPreset('day')}>
          {t('previousDay')}
        </button>
        <button type="button" onClick={() => applyPreset('week')}>
          {t('previous7Days')}
        </button>
        {rangeProblem === null && fromIso && toIso && (
          <p className="es-load-utc">
            {t('utcRange', {
              from: fromIso.slice(0, 16).replace('T', ' '),
              to: toIso.slice(0, 16).replace('T', ' '),
            })}
          </p>
        )}
      </fieldset>
      {rangeProblem !== null && <p role="alert">{rangeProblem}</p>}
      <div className="es-load-actions">
        <button
          type="button"
          onClick={() => void onTest()}
          disabled={busy || rangeProblem !== null || !cluster}
        >
          {t('test')}
        </button>
        <button
          type="button"
          onClick={() => void onLoad()}
          disabled={busy || rangeProblem !== null || !cluster}
        >
          {t('load')}
        </button>
        <button type="button" onClick={onClose}>
          {status.kind === 'loading' ? t('cancel') : t('close')}
        </button>
      </div>
      <output aria-live="polite">
        {status.kind === 'testing' && t('testing')}
        {status.kind === 'tested' &&
          t('tested', {
            distribution: status.result.distribution === 'opensearch' ? 'OpenSearch' : 'Elasticsearch',
            version: status.result.version,
            events: num(status.result.securityEvents),
            count: status.result.indices,
            shapes: status.result.shapes.join(', ') || t('unknownShape'),
          })}
        {status.kind === 'loading' &&
          (status.job === null
            ? t('starting')
            : t('progress', {
                events: num(status.job.progress.records),
                kib: num(Math.round(status.job.progress.bytes / 1024)),
              }))}
      </output>
      {status.kind === 'error' && <p role="alert">{status.message}</p>}
    </section>
  );
}
