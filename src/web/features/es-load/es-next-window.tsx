// "Load next window" for a dataset loaded from a cluster: the server rebuilds the dataset from the
// union of its ranges under the same cluster and index pattern (POST /api/es/load { datasetId }).
// Times are entered in UTC here (the dataset's sources are UTC ranges).
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage, type Job } from '../../lib/api';
import { startNextWindow, waitForLoad } from './api';
import { toLocalInput, toUtcIso } from './time-range';

export interface EsRangeSource {
  cluster: string;
  indexPattern: string;
  from: string;
  to: string;
}

export interface EsNextWindowDialogProps {
  datasetId: string;
  /** The dataset's last cluster range: the next window starts where it ends, as long. */
  source: EsRangeSource;
  /** Called with the loaded range's start (UTC ISO) once the dataset is rebuilt. */
  onLoaded: (from: string) => void;
  onClose: () => void;
}

type Status = { kind: 'idle' } | { kind: 'loading'; job: Job | null } | { kind: 'error'; message: string };

export function EsNextWindowDialog({ datasetId, source, onLoaded, onClose }: EsNextWindowDialogProps) {
  const { t, i18n } = useTranslation('esLoad');
  const num = (n: number) => n.toLocaleString(i18n.language);
  const fromMs = Date.parse(source.from);
  const toMs = Date.parse(source.to);
  const span = Number.isFinite(toMs - fromMs) && toMs > fromMs ? toMs - fromMs : 86_400_000;
  const [from, setFrom] = useState(() => toLocalInput(toMs, 0));
  const [to, setTo] = useState(() => toLocalInput(toMs + span, 0));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const fromIso = toUtcIso(from, 0);
  const toIso = toUtcIso(to, 0);
  const problem =
    fromIso === null || toIso === null ? t('enterBoth') : fromIso >= toIso ? t('toAfterFrom') : null;
  const busy = status.kind === 'loading';

  const onLoad = async () => {
    if (fromIso === null || toIso === null) return;
    setStatus({ kind: 'loading', job: null });
    const ac = new AbortController();
    abort.current = ac;
    try {
      const { job } = await startNextWindow({ datasetId, from: fromIso, to: toIso });
      const final = await waitForLoad(job.id, (j) => setStatus({ kind: 'loading', job: j }), ac.signal);
      if (final.state === 'failed') {
        setStatus({
          kind: 'error',
          message: t('failedNext', { error: final.error ?? t('unknownError') }),
        });
        return;
      }
      onLoaded(fromIso);
    } catch (e) {
      if (!ac.signal.aborted) setStatus({ kind: 'error', message: errorMessage(e) });
    }
  };

  return (
    <section role="dialog" aria-modal="true" aria-labelledby="es-next-title" className="es-load-dialog">
      <h2 id="es-next-title">{t('next.title', { cluster: source.cluster })}</h2>
      <p>
        {/* The pattern is the component's own child: it never goes through the message parser. */}
        <Trans t={t} i18nKey="next.pattern" components={{ pattern: <code>{source.indexPattern}</code> }} />
      </p>
      <fieldset disabled={busy}>
        <legend>{t('rangeUtc')}</legend>
        <label>
          {t('from')}
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('to')}
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button
          type="button"
          onClick={() => {
            setFrom(toLocalInput(fromMs, 0));
            setTo(toLocalInput(toMs, 0));
          }}
        >
          {t('next.sameAgain')}
        </button>
      </fieldset>
      {problem !== null && <p role="alert">{problem}</p>}
      <div className="es-load-actions">
        <button type="button" onClick={() => void onLoad()} disabled={busy || problem !== null}>
          {t('load')}
        </button>
        <button type="button" onClick={onClose}>
          {busy ? t('cancel') : t('close')}
        </button>
      </div>
      <output aria-live="polite">
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
