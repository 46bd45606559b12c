import type { TFunction } from 'i18next';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { jobResultSummary, warningText, type DatasetSummary } from '../../lib/api';
import { ProgressBar, percent } from './progress-bar';
import { formatBytes, formatCount } from './format';
import type { StartUpload, UploadEntry } from './use-uploads';

const NEW_DATASET = '';

/** Upload one or more log files (EVTX, XML exports, Winlogbeat JSON) into a new or an existing dataset. */
export function UploadPanel({
  files,
  onFiles,
  datasets,
  entries,
  onUpload,
  onCancel,
  onDismiss,
  onOpen,
}: {
  /** The chosen files (picked or dropped on the page). */
  files: readonly File[];
  onFiles: (files: File[]) => void;
  datasets: readonly DatasetSummary[];
  entries: readonly UploadEntry[];
  onUpload: (req: StartUpload) => void;
  onCancel: (key: number) => void;
  onDismiss: (key: number) => void;
  onOpen: (datasetId: string) => void;
}) {
  const { t } = useTranslation('datasets');
  const [name, setName] = useState('');
  const [target, setTarget] = useState(NEW_DATASET);
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const nameId = useId();
  const targetId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) return;
    onUpload({
      files: [...files],
      datasetId: target === NEW_DATASET ? undefined : target,
      name: target === NEW_DATASET && name.trim() !== '' ? name.trim() : undefined,
    });
    onFiles([]);
    setName('');
    if (fileRef.current) fileRef.current.value = '';
  };

  const totalSize = files.reduce((n, f) => n + f.size, 0);

  return (
    <section aria-label={t('upload.title')} className="upload-panel">
      <h2>{t('upload.title')}</h2>
      <form onSubmit={submit}>
        <label htmlFor={fileId}>{t('upload.files')}</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          multiple
          onChange={(e) => onFiles(Array.from(e.target.files ?? []))}
        />
        {files.length > 0 ? (
          <p className="hint">
            {files.length <= 5
              ? t('upload.chosenNamed', {
                  count: files.length,
                  size: formatBytes(totalSize),
                  names: files.map((f) => f.name).join(', '),
                })
              : t('upload.chosen', { count: files.length, size: formatBytes(totalSize) })}
          </p>
        ) : (
          <p className="hint">{t('upload.dropHint')}</p>
        )}
        <label htmlFor={targetId}>{t('upload.into')}</label>
        <select id={targetId} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value={NEW_DATASET}>{t('upload.newDataset')}</option>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        {target === NEW_DATASET && (
          <>
            <label htmlFor={nameId}>{t('upload.name')}</label>
            <input
              id={nameId}
              type="text"
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
            />
          </>
        )}
        <button type="submit" disabled={files.length === 0}>
          {t('upload.submit')}
        </button>
      </form>
      {entries.length > 0 && (
        <ul className="upload-list" aria-label={t('upload.list')}>
          {entries.map((entry) => (
            <UploadRow
              key={entry.key}
              entry={entry}
              onCancel={() => onCancel(entry.key)}
              onDismiss={() => onDismiss(entry.key)}
              onOpen={onOpen}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

const MAX_WARNINGS_SHOWN = 5;

function UploadRow({
  entry,
  onCancel,
  onDismiss,
  onOpen,
}: {
  entry: UploadEntry;
  onCancel: () => void;
  onDismiss: () => void;
  onOpen: (datasetId: string) => void;
}) {
  const { t, i18n } = useTranslation('datasets');
  const count = (n: number) => formatCount(n, i18n.language);
  const job = entry.job;
  const uploaded = entry.phase !== 'uploading';
  const uploadPct = percent(entry.sent, entry.total, uploaded && entry.phase !== 'cancelled');
  const importPct = job ? percent(job.progress.bytes, job.progress.totalBytes, job.state === 'done') : 0;
  const title =
    entry.fileNames.length === 1
      ? entry.fileNames[0]
      : t('upload.manyFiles', { count: entry.fileNames.length });
  const warnings = job?.warnings ?? [];
  return (
    <li className={`upload-entry upload-${entry.phase}`} aria-label={t('upload.entry', { title })}>
      <strong className="upload-title">{title}</strong>
      <ProgressBar
        label={t('upload.uploadBar')}
        value={uploadPct}
        detail={
          entry.total === null
            ? undefined
            : t('upload.sentOf', { sent: formatBytes(entry.sent), total: formatBytes(entry.total) })
        }
      />
      {entry.phase !== 'uploading' && entry.phase !== 'cancelled' && (
        <ProgressBar
          label={t('upload.importBar')}
          value={importPct}
          detail={job ? t('upload.records', { count: job.progress.records }) : undefined}
        />
      )}
      <p role="status" className="upload-status">
        {statusText(entry, t, count)}
      </p>
      {entry.error !== null && (
        <p role="alert" className="error">
          {entry.error}
        </p>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>{t('upload.warnings', { count: warnings.length })}</summary>
          <ul>
            {warnings.slice(0, MAX_WARNINGS_SHOWN).map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
            {warnings.length > MAX_WARNINGS_SHOWN && (
              <li>{t('upload.moreWarnings', { count: warnings.length - MAX_WARNINGS_SHOWN })}</li>
            )}
          </ul>
        </details>
      )}
      <div className="upload-actions">
        {entry.phase === 'uploading' && (
          <button type="button" onClick={onCancel}>
            {t('upload.cancel')}
          </button>
        )}
        {entry.phase === 'done' && entry.datasetId !== null && (
          <button type="button" onClick={() => onOpen(entry.datasetId ?? '')}>
            {t('upload.openInGraph')}
          </button>
        )}
        {entry.phase !== 'uploading' && entry.phase !== 'importing' && (
          <button type="button" onClick={onDismiss}>
            {t('upload.dismiss')}
          </button>
        )}
      </div>
    </li>
  );
}

function statusText(entry: UploadEntry, t: TFunction<'datasets'>, count: (n: number) => string): string {
  switch (entry.phase) {
    case 'uploading':
      return t('upload.uploading');
    case 'importing':
      return entry.job?.state === 'queued' ? t('upload.waiting') : t('upload.importing');
    case 'done': {
      const result = jobResultSummary(entry.job?.result);
      const records = entry.job?.progress.records ?? 0;
      if (result === null) return t('upload.imported', { count: records });
      const fresh = count(result.eventsNew);
      return result.eventsDuplicate > 0
        ? t('upload.importedNewDup', { count: records, fresh, duplicate: count(result.eventsDuplicate) })
        : t('upload.importedNew', { count: records, fresh });
    }
    case 'failed':
      return t('upload.failed');
    case 'cancelled':
      return t('upload.cancelled');
  }
}
