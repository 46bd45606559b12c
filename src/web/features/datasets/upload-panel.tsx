import { useId, useRef, useState, type FormEvent } from 'react';
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
    <section aria-label="Upload logs" className="upload-panel">
      <h2>Upload logs</h2>
      <form onSubmit={submit}>
        <label htmlFor={fileId}>Log files (EVTX, XML export, Winlogbeat JSON)</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          multiple
          onChange={(e) => onFiles(Array.from(e.target.files ?? []))}
        />
        {files.length > 0 ? (
          <p className="hint">
            {files.length} file{files.length === 1 ? '' : 's'}, {formatBytes(totalSize)}
            {files.length <= 5 ? `: ${files.map((f) => f.name).join(', ')}` : ''}
          </p>
        ) : (
          <p className="hint">or drop log files anywhere on this page</p>
        )}
        <label htmlFor={targetId}>Into</label>
        <select id={targetId} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value={NEW_DATASET}>a new dataset</option>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        {target === NEW_DATASET && (
          <>
            <label htmlFor={nameId}>Name (optional)</label>
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
          Upload
        </button>
      </form>
      {entries.length > 0 && (
        <ul className="upload-list" aria-label="Uploads">
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
  const job = entry.job;
  const uploaded = entry.phase !== 'uploading';
  const uploadPct = percent(entry.sent, entry.total, uploaded && entry.phase !== 'cancelled');
  const importPct = job ? percent(job.progress.bytes, job.progress.totalBytes, job.state === 'done') : 0;
  const title = entry.fileNames.length === 1 ? entry.fileNames[0] : `${entry.fileNames.length} files`;
  const warnings = job?.warnings ?? [];
  return (
    <li className={`upload-entry upload-${entry.phase}`} aria-label={`Upload of ${title ?? 'files'}`}>
      <strong className="upload-title">{title}</strong>
      <ProgressBar
        label="Upload"
        value={uploadPct}
        detail={
          entry.total === null ? undefined : `${formatBytes(entry.sent)} of ${formatBytes(entry.total)}`
        }
      />
      {entry.phase !== 'uploading' && entry.phase !== 'cancelled' && (
        <ProgressBar
          label="Import"
          value={importPct}
          detail={job ? `${formatCount(job.progress.records)} records` : undefined}
        />
      )}
      <p role="status" className="upload-status">
        {statusText(entry)}
      </p>
      {entry.error !== null && (
        <p role="alert" className="error">
          {entry.error}
        </p>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>
            {formatCount(warnings.length)} warning{warnings.length === 1 ? '' : 's'} while reading
          </summary>
          <ul>
            {warnings.slice(0, MAX_WARNINGS_SHOWN).map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
            {warnings.length > MAX_WARNINGS_SHOWN && (
              <li>… and {warnings.length - MAX_WARNINGS_SHOWN} more</li>
            )}
          </ul>
        </details>
      )}
      <div className="upload-actions">
        {entry.phase === 'uploading' && (
          <button type="button" onClick={onCancel}>
            Cancel upload
          </button>
        )}
        {entry.phase === 'done' && entry.datasetId !== null && (
          <button type="button" onClick={() => onOpen(entry.datasetId ?? '')}>
            Open in graph
          </button>
        )}
        {entry.phase !== 'uploading' && entry.phase !== 'importing' && (
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
    </li>
  );
}

function statusText(entry: UploadEntry): string {
  switch (entry.phase) {
    case 'uploading':
      return 'Uploading…';
    case 'importing':
      return entry.job?.state === 'queued' ? 'Waiting to import…' : 'Importing…';
    case 'done': {
      const result = jobResultSummary(entry.job?.result);
      const records = `Imported ${formatCount(entry.job?.progress.records ?? 0)} records`;
      if (result === null) return `${records}.`;
      const dup =
        result.eventsDuplicate > 0 ? `, ${formatCount(result.eventsDuplicate)} already in the dataset` : '';
      return `${records}: ${formatCount(result.eventsNew)} new events${dup}.`;
    }
    case 'failed':
      return 'Failed.';
    case 'cancelled':
      return 'Upload cancelled.';
  }
}
